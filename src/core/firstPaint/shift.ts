// Moves an analysis of part of an article (the preview of what is on screen, analysed on its own by
// the worker) onto the whole article's offsets, on the extension host. Pure data, no analysis: the
// host bundles no analysis engine.
import type { Analysis, ClaimCandidate, Mention, Quote, Span, Speaker, TextSpan } from '../types';

/** `a`, the analysis of a slice starting at offset `by`, with every offset moved into an article of `length` characters. */
export function shiftAnalysis(a: Analysis, by: number, length: number): Analysis {
  const span = <T extends Span>(s: T): T => ({ ...s, start: s.start + by, end: s.end + by });
  const spans = <T extends Span>(xs: readonly T[]): T[] => xs.map(span);
  const orNull = <T extends Span>(s: T | null): T | null => (s ? span(s) : null);
  const st = a.structure;
  return {
    length,
    structure: {
      headline: orNull<TextSpan>(st.headline),
      subheadings: spans(st.subheadings),
      datelines: spans(st.datelines),
      bylines: spans(st.bylines),
      captions: spans(st.captions),
      residue: spans(st.residue),
      paragraphs: spans(st.paragraphs),
    },
    sentences: spans(a.sentences),
    quotes: a.quotes.map((q): Quote => ({ ...span(q), content: span(q.content), speaker: orNull<Speaker>(q.speaker), cue: orNull<TextSpan>(q.cue) })),
    entities: a.entities.map((e) => ({ ...e, mentions: spans<Mention>(e.mentions) })),
    claims: spans<ClaimCandidate>(a.claims),
  };
}
