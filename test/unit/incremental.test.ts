import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../src/core/analyze';
import { IncrementalAnalyzer } from '../../src/core/incremental/index';
import { seededRandom as random } from './annotations/editModel';

// The two seed articles, whole and mixed: the mixes repeat names and paragraphs across the text,
// which is what the document-wide facts of the tagger (a word seen in lower case anywhere, the
// type a spelling was given before) and the alias groups depend on.
const seedDir = join(__dirname, '../../seeds');
const seeds = readdirSync(seedDir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => readFileSync(join(seedDir, f), 'utf8'));

const WORDS = ['Putin', 'said', 'the', 'Kremlin', 'Moscow', 'Ushakov', 'told', 'reporters', 'Smith', 'NATO', 'Russian', 'he', 'she', 'according to', 'Mr.', 'President', 'Washington', 'in'];
const MARKS = ['“', '”', '"', '‘', '’', "'", '«', '»'];
const LINE_BREAKS = ['\n', '\n\n', '\r\n', '\n\n\n'];

type Edit = { at: number; remove: number; insert: string };

/** One random edit of `text`: characters, words, whole paragraphs, quote marks or line breaks. */
function randomEdit(text: string, rnd: () => number): Edit {
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

function apply(text: string, e: Edit): string {
  return text.slice(0, e.at) + e.insert + text.slice(e.at + e.remove);
}

/** A starting article for sequence `n`: a seed, a stretch of one, or stretches of two mixed (short, to keep the test quick). */
function startText(n: number, rnd: () => number): string {
  const a = seeds[n % seeds.length]!;
  const b = seeds[(n + 1) % seeds.length]!;
  const stretch = (s: string, len: number): string => {
    const from = Math.floor(rnd() * Math.max(0, s.length - len));
    return s.slice(from, from + len);
  };
  switch (n % 8) {
    case 0:
      return a;
    case 1:
    case 2:
    case 3:
      return a.slice(0, 1000 + Math.floor(rnd() * 600));
    case 4:
    case 5:
      return stretch(a, 700 + Math.floor(rnd() * 700));
    default:
      return stretch(a, 600) + '\n\n' + stretch(b, 600) + '\n\n' + stretch(a, 400);
  }
}

describe('incremental analysis', () => {
  it('gives what a full analysis gives, after each edit of 1,000 random edit sequences', function () {
    this.timeout(240_000);
    let edits = 0;
    let reusedLines = 0;
    for (let n = 0; n < 1000; n++) {
      const rnd = random(0x5eed + n);
      let text = startText(n, rnd);
      const inc = new IncrementalAnalyzer();
      assert.deepStrictEqual(inc.analyze(text), analyze(text), `sequence ${n}, before any edit`);
      const steps = 3 + Math.floor(rnd() * 3);
      for (let s = 0; s < steps; s++) {
        const e = randomEdit(text, rnd);
        text = apply(text, e);
        edits++;
        assert.deepStrictEqual(inc.analyze(text), analyze(text), `sequence ${n}, edit ${s + 1}: ${JSON.stringify(e)}`);
        reusedLines += inc.stats.reused;
      }
    }
    assert.ok(edits >= 3000);
    // The comparison means something only if earlier work was reused.
    assert.ok(reusedLines > edits * 5, `reused ${reusedLines} lines over ${edits} edits`);
  });

  it('re-tags only the edited line when a typed character changes no document fact', () => {
    const text = seeds[0]!;
    const inc = new IncrementalAnalyzer();
    inc.analyze(text);
    const lines = inc.stats.tagged;
    assert.ok(lines > 10);
    const at = text.indexOf(' ', text.length >> 1);
    const edited = text.slice(0, at) + ' and' + text.slice(at);
    assert.deepStrictEqual(inc.analyze(edited), analyze(edited));
    assert.equal(inc.stats.tagged, 1);
    assert.equal(inc.stats.reused, lines - 1);
  });

  it('re-tags a line elsewhere when a name it met before changes its lower-case sighting', () => {
    // "Said" is scored as a candidate in the headline; "said" lower-case elsewhere is a document fact it consults.
    const text = 'Mayor Said Speaks\n\nThe mayor spoke on Monday.\n\nHe left.';
    const inc = new IncrementalAnalyzer();
    inc.analyze(text);
    const edited = text.replace('He left.', 'He said he left.');
    assert.deepStrictEqual(inc.analyze(edited), analyze(edited));
    // The edited line and the headline, whose word now also occurs in lower case.
    assert.equal(inc.stats.tagged, 2);
  });
});
