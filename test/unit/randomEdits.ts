// Random edits of an article, as a user makes them: characters, words, quote marks, line breaks,
// whole paragraphs copied or deleted. Shared by the property tests that compare what is worked out
// from an earlier text with what a fresh analysis gives.

const WORDS = ['Putin', 'said', 'the', 'Kremlin', 'Moscow', 'Ushakov', 'told', 'reporters', 'Smith', 'NATO', 'Russian', 'he', 'she', 'according to', 'Mr.', 'President', 'Washington', 'in'];
const MARKS = ['“', '”', '"', '‘', '’', "'", '«', '»'];
const LINE_BREAKS = ['\n', '\n\n', '\r\n', '\n\n\n'];

export type Edit = { at: number; remove: number; insert: string };

/** One random edit of `text`: characters, words, whole paragraphs, quote marks or line breaks. */
export function randomEdit(text: string, rnd: () => number): Edit {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const at = Math.floor(rnd() * (text.length + 1));
  const paragraphs = text.split(/\n\s*\n/);
  switch (Math.floor(rnd() * 9)) {
    case 0: // a character typed
      return { at, remove: 0, insert: pick(['a', 'e', 'X', ' ', '.', ',', 'é']) };
    case 1: // a character deleted
      return { at, remove: Math.min(1, text.length - at), insert: '' };
    case 2: {
      // a word inserted, replaced or deleted where one starts
      const start = text.lastIndexOf(' ', at) + 1;
      const end = text.indexOf(' ', start);
      const len = end < 0 ? 0 : end - start;
      const what = rnd();
      if (what < 0.4) return { at: start, remove: 0, insert: pick(WORDS) + ' ' };
      if (what < 0.7) return { at: start, remove: len, insert: pick(WORDS) };
      return { at: start, remove: Math.min(len + 1, text.length - start), insert: '' };
    }
    case 3: // a quote mark typed or replaced
      return { at, remove: rnd() < 0.3 && MARKS.includes(text[at] ?? '') ? 1 : 0, insert: pick(MARKS) };
    case 4: {
      // a quote mark deleted
      const marks = [...text.matchAll(/["'“”‘’«»]/g)];
      if (marks.length === 0) return { at, remove: 0, insert: pick(MARKS) };
      return { at: pick(marks).index, remove: 1, insert: '' };
    }
    case 5: // a line break typed
      return { at, remove: 0, insert: pick(LINE_BREAKS) };
    case 6: {
      // a line break deleted (two paragraphs joined)
      const breaks = [...text.matchAll(/\n+/g)];
      if (breaks.length === 0) return { at, remove: 0, insert: '\n\n' };
      const b = pick(breaks);
      return { at: b.index, remove: b[0].length, insert: rnd() < 0.5 ? ' ' : '' };
    }
    case 7: {
      // a whole paragraph copied elsewhere (repeating its names) or deleted
      const p = pick(paragraphs);
      const from = text.indexOf(p);
      if (rnd() < 0.5 || from < 0) return { at: paragraphStart(text, at), remove: 0, insert: p + '\n\n' };
      return { at: from, remove: Math.min(p.length + 2, text.length - from), insert: '' };
    }
    default: {
      // a stretch replaced by text from elsewhere in the article
      const src = Math.floor(rnd() * text.length);
      const len = Math.floor(rnd() * 80);
      return { at, remove: Math.min(Math.floor(rnd() * 40), text.length - at), insert: text.slice(src, src + len) };
    }
  }
}

function paragraphStart(text: string, at: number): number {
  const p = text.lastIndexOf('\n\n', at);
  return p < 0 ? 0 : p + 2;
}

export function applyEdit(text: string, e: Edit): string {
  return text.slice(0, e.at) + e.insert + text.slice(e.at + e.remove);
}
