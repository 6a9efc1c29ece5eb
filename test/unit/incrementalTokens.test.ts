import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { spliceTokens, TokenSplicer } from '../../src/core/incremental/tokens';
import { editBetween } from '../../src/core/text/textEdit';
import { tokenize, type Tokens } from '../../src/core/text/tokenize';
import { seededRandom as random } from './annotations/editModel';
import { applyEdit, randomEdit } from './randomEdits';

const seedDir = join(__dirname, '../../seeds');
const seeds = readdirSync(seedDir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => readFileSync(join(seedDir, f), 'utf8'));

// Characters at which the tokenizer's rules turn: line breaks of every kind, possessives,
// abbreviations, hyphens, surrogate pairs, combining accents.
const TRICKY = ['\r\n', '\r', '\u2028', '\u2029', "'s", '’s ', 'U.S.', '-', 'e\u0301', '😀', ' Mr.', '3.5', '17,000', "O'", '\n', ' '];

/** The tokens with plain arrays, so views into longer buffers compare by their contents. */
function sameArrays(tok: Tokens): Record<string, unknown> {
  const { count, codes, ...arrays } = tok;
  return { count, codes: Array.from(codes), ...Object.fromEntries(Object.entries(arrays).map(([k, v]) => [k, Array.from(v as ArrayLike<number>)])) };
}

describe('tokens of an edited text spliced from the tokens before the edit', () => {
  it('equal tokenize() of the whole text after each edit of 1,000 random edit sequences', function () {
    this.timeout(120_000);
    let edits = 0;
    let kept = 0;
    for (let n = 0; n < 1000; n++) {
      const rnd = random(0x70c5 + n);
      const seed = seeds[n % seeds.length]!;
      const from = Math.floor(rnd() * Math.max(0, seed.length - 1500));
      let text = seed.slice(from, from + 300 + Math.floor(rnd() * 1200));
      let tok = tokenize(text);
      // Odd sequences write into the splicer's two sets of arrays in turn, as the analysis does.
      const splicer = n % 2 ? new TokenSplicer() : undefined;
      const steps = 3 + Math.floor(rnd() * 4);
      for (let s = 0; s < steps; s++) {
        const e = rnd() < 0.3 ? { at: Math.floor(rnd() * (text.length + 1)), remove: Math.floor(rnd() * 3), insert: TRICKY[Math.floor(rnd() * TRICKY.length)]! } : randomEdit(text, rnd);
        e.remove = Math.min(e.remove, text.length - e.at);
        const next = applyEdit(text, e);
        // Half the time the shortest edit, half the time as the editor reports it (possibly wider).
        const edit = s % 2 ? editBetween(text, next) : { head: e.at, tail: text.length - e.at - e.remove, middle: e.insert };
        const spliced = splicer ? splicer.splice(text, tok, next, edit) : spliceTokens(text, tok, next, edit);
        assert.deepStrictEqual(sameArrays(spliced), sameArrays(tokenize(next)), `sequence ${n}, edit ${s + 1}: ${JSON.stringify(e)}`);
        kept += tok.count - Math.abs(spliced.count - tok.count);
        tok = spliced;
        text = next;
        edits++;
      }
    }
    assert.ok(edits >= 4000 && kept > 0);
  });

  it('tokenizes again only the lines the edit touched', () => {
    const text = seeds[0]!;
    const at = text.indexOf(' ', text.length >> 1) + 1;
    const next = text.slice(0, at) + 'x' + text.slice(at);
    const old = tokenize(text);
    const spliced = spliceTokens(text, old, next, { head: at, tail: text.length - at, middle: 'x' });
    assert.deepStrictEqual(spliced, tokenize(next));
    // Tokens after the edited line are the old ones, moved by one character.
    const lineEnd = next.indexOf('\n', at);
    const i = spliced.start.findIndex((s) => s > lineEnd);
    assert.ok(i > 0 && i < spliced.count);
    assert.equal(spliced.start[i], old.start[i]! + 1);
  });
});
