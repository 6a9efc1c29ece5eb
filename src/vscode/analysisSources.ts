// The sources of each analysis the worker sent (core/sources runs on the analysis worker, with the
// analysis, so the extension host bundles none of it). Kept beside the analysis object they belong
// to: an analysis is never changed once made, and a new analysis brings its own.
import type { ArticleSources } from '../core/sources/types';
import type { Analysis } from '../core/types';

const sourcesByAnalysis = new WeakMap<Analysis, ArticleSources>();

const NO_SOURCES: ArticleSources = Object.freeze({ sources: [], totalQuotedWords: 0, unattributedQuotes: 0 }) as ArticleSources;

export function rememberSources(analysis: Analysis, sources: ArticleSources): void {
  sourcesByAnalysis.set(analysis, sources);
}

/** The sources found with `analysis`; none for an analysis made without them (a preview, an article over the size limit). */
export function sourcesOf(analysis: Analysis): ArticleSources {
  return sourcesByAnalysis.get(analysis) ?? NO_SOURCES;
}
