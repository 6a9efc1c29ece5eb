// Looking up an article's sources once they are worked out (the editor's view, hover and selection),
// apart from the analysis that finds them, which runs on the analysis worker.
import type { Span } from '../types';
import type { ArticleSources, Source } from './types';

/** Statement spans of a source in text order: its quotes and the sentences paraphrasing it. */
export function statementSpans(s: Source): Span[] {
  const seen = new Set<number>();
  const out: Span[] = [];
  for (const st of s.statements) {
    if (seen.has(st.span.start)) continue;
    seen.add(st.span.start);
    out.push({ start: st.span.start, end: st.span.end });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** The source whose mention (a quote's speaker or a paraphrase's subject) covers `offset`. */
export function sourceAt(r: ArticleSources, offset: number): Source | undefined {
  return r.sources.find((s) => s.statements.some((st) => st.speaker.start <= offset && offset <= st.speaker.end));
}
