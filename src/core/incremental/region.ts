// The analysis of a stretch of an article on its own, with offsets into the whole article: what the
// editor paints on screen first, while the whole article is still being analysed. It is a preview:
// what depends on the rest of the article (alias groups, a name's type across the text, a speaker
// named paragraphs earlier) may differ from the full analysis, which replaces it when it arrives.
import type { Analysis, ClaimCandidate, Mention, Quote, Span, Speaker, TextSpan } from '../types';
import { analyze } from '../analyze';

export { paragraphStretch } from './stretch';

/** analyze() of text.slice(start, end), with every offset moved to the whole text's. */
export function analyzeStretch(text: string, stretch: Span): Analysis {
  return shiftAnalysis(analyze(text.slice(stretch.start, stretch.end)), stretch.start, text.length);
}

function shiftAnalysis(a: Analysis, by: number, length: number): Analysis {
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
