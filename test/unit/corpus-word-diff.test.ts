// The word diff against the plain longest-common-subsequence walk it is an optimisation of: tokens
// both texts begin with are taken without building the table for them, and the runs must come out
// the same, whatever the texts share, repeat or lack.
import { strict as assert } from 'node:assert';
import { wordDiff, type DiffRun } from '../../src/core/corpus/wordDiff';
import { seededRandom } from './annotations/editModel';

/** The diff of two texts of single-spaced lower-case words, with the whole table built. */
function referenceDiff(a: string, b: string): DiffRun[] {
  const ta = a ? a.split(' ') : [];
  const tb = b ? b.split(' ') : [];
  const n = ta.length;
  const m = tb.length;
  const lcs = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) lcs[i]![j] = ta[i] === tb[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  }
  const runs: DiffRun[] = [];
  const add = (op: DiffRun['op'], word: string) => {
    const last = runs[runs.length - 1];
    if (last && last.op === op) last.text += ' ' + word;
    else runs.push({ op, text: word });
  };
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && ta[i] === tb[j]) {
      add('equal', ta[i++]!);
      j++;
    } else if (j >= m || (i < n && lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) add('delete', ta[i++]!);
    else add('insert', tb[j++]!);
  }
  return runs;
}

describe('corpus: word diff against the whole table', () => {
  it('gives the same runs over 2,000 random pairs that share a beginning, words and repeats', () => {
    const rand = seededRandom(31);
    const words = ['putin', 'visit', 'korea', 'on', 'tuesday', 'the', 'said', 'kim', 'treaty', 'a'];
    const text = (length: number) => Array.from({ length }, () => words[Math.floor(rand() * words.length)]!);
    let sharedStart = 0;
    for (let round = 0; round < 2000; round++) {
      const start = text(Math.floor(rand() * 8));
      const a = [...start, ...text(Math.floor(rand() * 10))].join(' ');
      // Half the time B is A changed in a few places (often nowhere): the beginning then runs long.
      const b = rand() < 0.5 ? a.split(' ').map((w) => (rand() < 0.15 ? words[Math.floor(rand() * words.length)]! : w)).filter(Boolean).join(' ') : [...start, ...text(Math.floor(rand() * 10))].join(' ');
      if (a && b && a.split(' ')[0] === b.split(' ')[0]) sharedStart++;
      assert.deepEqual(wordDiff(a, b), referenceDiff(a, b), `round ${round}: "${a}" / "${b}"`);
    }
    assert.ok(sharedStart > 1000, `${sharedStart} pairs share their first word`);
  });
});

describe('corpus: word diff of a sentence with itself', () => {
  it('is one run from its first token to its last, as the walk over both gives', () => {
    for (const text of ['  “Yes,” he said.  ', 'Putin visited Pyongyang.', '', '   ', '— ,', 'a\nb']) {
      // A space more is no token more: the walk over both texts gives the runs the text with itself must give.
      assert.deepEqual(wordDiff(text, text), wordDiff(text, text + ' '), JSON.stringify(text));
    }
    assert.deepEqual(wordDiff('  “Yes,” he said.  ', '  “Yes,” he said.  '), [{ op: 'equal', text: '“Yes,” he said.' }]);
  });

  it('still reports a text over the token limit as one change', () => {
    const long = Array.from({ length: 2100 }, (_, i) => `w${i}`).join(' ');
    assert.deepEqual(wordDiff(long, long), [
      { op: 'delete', text: long },
      { op: 'insert', text: long },
    ]);
  });
});
