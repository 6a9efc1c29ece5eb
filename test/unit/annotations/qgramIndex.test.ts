import { strict as assert } from 'node:assert';
import { approxSearch } from '../../../src/core/annotations/approx';
import { QGramIndex } from '../../../src/core/annotations/qgramIndex';
import { seededRandom } from './editModel';

describe('QGramIndex (the filter shared by anchorAll)', () => {
  it('never loses a match: every match within the error bound lies inside a candidate range', () => {
    const rnd = seededRandom(3);
    const vocabulary = ['the', 'vote', 'senate', 'said', 'on', 'tax', 'plan', 'a', 'of', 'Trump', 'percent', '17', 'were'];
    let checked = 0;
    for (let t = 0; t < 60; t++) {
      const text = Array.from({ length: 400 + Math.floor(rnd() * 1200) }, () => vocabulary[Math.floor(rnd() * vocabulary.length)]).join(' ');
      const index = new QGramIndex(text, 4);
      for (let p = 0; p < 10; p++) {
        // A stretch of the text, edited a little, as the pattern.
        const start = Math.floor(rnd() * (text.length - 120));
        let pattern = text.slice(start, start + 16 + Math.floor(rnd() * 100));
        const edits = Math.floor(rnd() * 4);
        for (let e = 0; e < edits; e++) {
          const at = Math.floor(rnd() * pattern.length);
          pattern = pattern.slice(0, at) + (rnd() < 0.5 ? 'x' : '') + pattern.slice(at + 1);
        }
        const k = Math.floor(pattern.length * (rnd() < 0.5 ? 0.1 : 0.2));
        const ranges = index.candidateRanges(pattern, k);
        if (ranges === null) continue;
        for (const m of approxSearch(text, pattern, k)) {
          checked++;
          assert.ok(ranges.some(([from, to]) => from <= m.start && m.end <= to), `match ${m.start}-${m.end} (${m.errors} edits) of "${pattern}" outside every range`);
        }
        // The ranges are merged and in order.
        for (let i = 1; i < ranges.length; i++) assert.ok(ranges[i - 1]![1] < ranges[i]![0]);
      }
    }
    assert.ok(checked > 100, `only ${checked} matches checked`);
  });

  it('narrows the search to a small part of a long article', () => {
    const rnd = seededRandom(5);
    const words = Array.from({ length: 3000 }, (_, i) => `w${i.toString(36)}`);
    const text = Array.from({ length: 40000 }, () => words[Math.floor(rnd() * words.length)]).join(' ');
    const original = text.slice(100000, 100080);
    const pattern = original.slice(0, 20) + 'XY' + original.slice(23, 60) + original.slice(62);
    const ranges = new QGramIndex(text, 4).candidateRanges(pattern, 8);
    assert.ok(ranges !== null);
    assert.ok(ranges.some(([a, b]) => a <= 100000 && 100080 <= b), 'the edited stretch itself is a candidate');
    const covered = ranges.reduce((n, [a, b]) => n + b - a, 0);
    assert.ok(covered < text.length / 100, `covers ${covered} of ${text.length}`);
  });
});
