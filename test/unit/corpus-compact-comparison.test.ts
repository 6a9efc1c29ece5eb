// The comparison as the editor receives it from the worker (spans, scores, reasons and conflicts
// only), and a pair's texts and word diff worked out again from the two texts when a hover asks:
// they must be exactly what the whole comparison holds.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { compareTexts } from '../../src/core/corpus/compare';
import { ComparisonResult, compactComparison } from '../../src/core/corpus/compactComparison';
import { pairHoverMarkdown } from '../../src/core/present/compareText';

const root = join(__dirname, '../..');
// The seeds, and one statement they give with different numbers (a conflict).
const seedA = readFileSync(join(root, 'seeds/000_af60520f71ff48c9.txt'), 'utf8') + '\n\nThe summit in Hanoi ended on Monday with 12 agreements signed, officials said.';
const seedB = readFileSync(join(root, 'seeds/001_21569e4679d671fa.txt'), 'utf8') + '\n\nOfficials said the summit in Hanoi ended on Monday with 15 agreements signed.';

describe('corpus: the compact comparison the editor receives', () => {
  const whole = compareTexts(seedA, seedB);
  const compact = compactComparison(whole);

  it('keeps every pair in order with its places, score, reason and conflict', () => {
    const result = new ComparisonResult(seedA, seedB, compact);
    assert.ok(whole.shared.length >= 10, 'the seeds share statements');
    assert.ok(whole.shared.some((s) => s.conflict), 'and disagree on some');
    assert.deepEqual(
      result.pairs.map((p) => ({ ...p })),
      whole.shared.map((s, index) => ({
        index,
        a: { start: s.a.start, end: s.a.end },
        b: { start: s.b.start, end: s.b.end },
        score: s.score,
        reason: s.reason.text,
        ...(s.conflict ? { conflict: s.conflict } : {}),
      })),
    );
    assert.deepEqual(result.only('a'), whole.onlyA.map(({ start, end }) => ({ start, end })));
    assert.deepEqual(result.only('b'), whole.onlyB.map(({ start, end }) => ({ start, end })));
  });

  it('works out a pair’s texts and word diff on asking, the same as the whole comparison has them', () => {
    const result = new ComparisonResult(seedA, seedB, compact);
    whole.shared.forEach((s, i) => {
      const detail = result.detail(i)!;
      assert.deepEqual(detail.a, s.a);
      assert.deepEqual(detail.b, s.b);
      assert.deepEqual(detail.diff, s.diff);
      assert.equal(detail.reason.text, s.reason.text);
      assert.equal(pairHoverMarkdown(detail, 'other.txt'), pairHoverMarkdown(s, 'other.txt'));
    });
    assert.equal(result.detail(3), result.detail(3), 'each detail is worked out once');
    assert.equal(result.detail(whole.shared.length), undefined);
    assert.equal(result.detail(-1), undefined);
  });

  it('survives the trip between processes, and is a fraction of the whole comparison', () => {
    // What a child process' message channel does with it ('advanced' serialization).
    assert.deepEqual(deserialize(serialize(compact)), compact);
    assert.ok(serialize(compact).length * 3 < serialize(whole).length, `${serialize(compact).length} bytes against ${serialize(whole).length}`);
  });
});
