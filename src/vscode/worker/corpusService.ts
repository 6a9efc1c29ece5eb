// The workspace index on the service worker: articles are analysed and indexed here, and the
// editor asks its questions (who else names this entity, which other articles report this
// sentence, the entities of every article) without holding any article or analysis itself.
import { analyze } from '../../core/analyze';
import { CorpusIndex, type CorpusMatch, type MatchOptions } from '../../core/corpus/corpusIndex';
import { workspaceEntities, type WorkspaceEntity } from '../../core/corpus/workspaceEntities';
import type { Span } from '../../core/types';
import { lineAndCharacter, lineStarts } from '../../core/text/lineStarts';

/** A mention with its place as line and character (what a vscode.Range needs), so the host needs no text. */
export interface PlacedMention {
  path: string;
  start: number;
  end: number;
  range: [startLine: number, startCharacter: number, endLine: number, endCharacter: number];
}

export interface CorpusMethods {
  /** Analyses the article and puts it in the index, replacing an earlier version. */
  'corpus.put': [{ path: string; text: string }, void];
  'corpus.remove': [{ path: string }, boolean];
  'corpus.rename': [{ from: string; to: string }, boolean];
  'corpus.clear': [Record<string, never>, void];
  /** Articles naming any of `names` (alias-aware). */
  'corpus.articlesMentioning': [{ names: string[] }, string[]];
  'corpus.matchesFor': [{ path: string; span: Span; options?: Omit<MatchOptions, 'weights'> }, CorpusMatch[]];
  /** Every mention of the entities `names` stand for, in every article, each once. */
  'corpus.mentionsOf': [{ names: string[] }, PlacedMention[]];
  'corpus.entities': [Record<string, never>, WorkspaceEntity[]];
}

export class CorpusService {
  private readonly index = new CorpusIndex();

  handle(method: keyof CorpusMethods, args: unknown): unknown {
    switch (method) {
      case 'corpus.put': {
        const { path, text } = args as CorpusMethods['corpus.put'][0];
        this.index.update({ path, text, analysis: analyze(text) });
        return undefined;
      }
      case 'corpus.remove':
        return this.index.remove((args as CorpusMethods['corpus.remove'][0]).path);
      case 'corpus.rename': {
        const { from, to } = args as CorpusMethods['corpus.rename'][0];
        return this.index.rename(from, to);
      }
      case 'corpus.clear':
        for (const path of this.index.paths()) this.index.remove(path);
        return undefined;
      case 'corpus.articlesMentioning': {
        const out = new Set<string>();
        for (const name of (args as CorpusMethods['corpus.articlesMentioning'][0]).names) for (const path of this.index.articlesMentioning(name)) out.add(path);
        return [...out];
      }
      case 'corpus.matchesFor': {
        const { path, span, options } = args as CorpusMethods['corpus.matchesFor'][0];
        return this.index.matchesFor(path, span, options);
      }
      case 'corpus.mentionsOf':
        return this.mentionsOf((args as CorpusMethods['corpus.mentionsOf'][0]).names);
      case 'corpus.entities':
        return workspaceEntities(this.index.paths().flatMap((path) => {
          const doc = this.index.get(path);
          return doc ? [{ path, entities: doc.analysis.entities }] : [];
        }));
    }
  }

  private mentionsOf(names: string[]): PlacedMention[] {
    const out: PlacedMention[] = [];
    const seen = new Set<string>();
    const lines = new Map<string, number[]>();
    for (const name of names) {
      for (const m of this.index.mentionsOf(name)) {
        const key = `${m.path}#${m.start}`;
        if (seen.has(key)) continue;
        seen.add(key);
        let starts = lines.get(m.path);
        if (!starts) lines.set(m.path, (starts = lineStarts(this.index.get(m.path)?.text ?? '')));
        out.push({ path: m.path, start: m.start, end: m.end, range: [...lineAndCharacter(starts, m.start), ...lineAndCharacter(starts, m.end)] });
      }
    }
    return out;
  }
}
