// The sources of each analysis the worker sent (core/sources runs on the analysis worker, so the
// extension host bundles none of it). They are found on the worker only when something asks for
// them (a hover on a speaker, the News view, the sources page): on a long article finding them
// takes a third of the analysis' time, and their reply is megabytes that the host thread would
// decode on every keystroke. Kept beside the analysis object they belong to: an analysis is never
// changed once made, and a new analysis brings its own.
import type { ArticleSources } from '../core/sources/types';
import type { Analysis } from '../core/types';

/**
 * The sources of an analysis that a newer analysis of its document replaced before they were
 * found (the worker dropped it meanwhile): whoever asked should ask with the newer one.
 */
export class SourcesSuperseded extends Error {
  constructor() {
    super('a newer analysis of the article replaced this one before its sources were found');
    this.name = 'SourcesSuperseded';
  }
}

/** Finds the sources of one analysis (asks the worker that made it). */
export type SourcesFinder = () => Promise<ArticleSources>;

const finders = new WeakMap<Analysis, SourcesFinder>();
const found = new WeakMap<Analysis, Promise<ArticleSources>>();

const NO_SOURCES: ArticleSources = Object.freeze({ sources: [], totalQuotedWords: 0, unattributedQuotes: 0 }) as ArticleSources;

/** Says how the sources of `analysis` are found, when first asked for. */
export function rememberSources(analysis: Analysis, finder: SourcesFinder): void {
  finders.set(analysis, finder);
}

/**
 * The sources found with `analysis`, asked for once; none for an analysis made without a way to
 * find them (a preview, an article over the size limit) or when finding them failed. Rejects with
 * SourcesSuperseded when a newer analysis of the article replaced this one first (while the
 * reviewer typed): they are then not kept, and the caller asks with the newer analysis.
 */
export function sourcesOf(analysis: Analysis): Promise<ArticleSources> {
  let sources = found.get(analysis);
  if (!sources) {
    const finder = finders.get(analysis);
    sources = finder
      ? finder().catch((err: unknown) => {
          if (err instanceof SourcesSuperseded) {
            found.delete(analysis);
            throw err;
          }
          console.error('News Annotator: the sources of an article could not be found:', err);
          return NO_SOURCES;
        })
      : Promise.resolve(NO_SOURCES);
    found.set(analysis, sources);
  }
  return sources;
}
