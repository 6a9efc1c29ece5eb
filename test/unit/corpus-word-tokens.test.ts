import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { wordTokens } from '../../src/core/corpus/terms';
import { scanDiffTokens, scanWords, SpellingTable } from '../../src/core/corpus/wordTokens';
import { seededRandom } from './annotations/editModel';

const WORD_RE = /[\p{L}\p{N}]+(?:[.'’-][\p{L}\p{N}]+)*\.?/gu;

/** The tokens as the regular expression finds them, a final full stop dropped. */
function expected(text: string): string[] {
  return (text.match(WORD_RE) ?? []).map((t) => t.replace(/\.$/, ''));
}

// Letters and digits of several scripts (and outside the BMP), joiners, marks that are neither
// (a combining accent, an emoji), spaces, punctuation and lone halves of surrogate pairs.
const PIECES = ['\t', '\u00a0', '\u2003', '\ufeff', '\u3000', '!', '—', 'a', 'Z', '7', 'é', 'ß', 'Ω', 'ж', '中', '٣', '𝐀', '𝟙', '😀', '\u0301', '.', "'", '’', '-', ' ', ',', '“', '\n', '\ud835', '\udc00', '..', 'U.S.', "don't", 'e.g.'];

describe('corpus: word tokens read character by character', () => {
  it('finds the tokens the regular expression finds, over 5,000 random strings', () => {
    const rand = seededRandom(24);
    for (let round = 0; round < 5000; round++) {
      const text = Array.from({ length: Math.floor(rand() * 30) }, () => PIECES[Math.floor(rand() * PIECES.length)]!).join('');
      assert.deepEqual(wordTokens(text), expected(text), JSON.stringify(text));
    }
  });

  it('finds the word diff\'s tokens (words and single other characters) as its regular expression does, over 5,000 random strings', () => {
    const DIFF_RE = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu;
    const rand = seededRandom(25);
    for (let round = 0; round < 5000; round++) {
      const text = Array.from({ length: Math.floor(rand() * 30) }, () => PIECES[Math.floor(rand() * PIECES.length)]!).join('');
      const found: string[] = [];
      scanDiffTokens(text, (s, e) => found.push(`${s}:${text.slice(s, e)}`));
      assert.deepEqual(found, [...text.matchAll(DIFF_RE)].map((m) => `${m.index}:${m[0]}`), JSON.stringify(text));
    }
  });

  it('finds the tokens the regular expression finds in the seed articles', () => {
    const seeds = join(__dirname, '../../seeds');
    for (const f of readdirSync(seeds).filter((n) => n.endsWith('.txt'))) {
      const text = readFileSync(join(seeds, f), 'utf8');
      assert.deepEqual(wordTokens(text), expected(text), f);
    }
  });

  it('stays within the stretch it is given', () => {
    const text = 'ab U.S. cd';
    const found: string[] = [];
    scanWords(text, 1, 5, (s, e) => found.push(text.slice(s, e)));
    assert.deepEqual(found, ['b', 'U']);
  });

  it('gives each spelling one value, however many texts it is read from, and starts again past its limit', () => {
    let made = 0;
    const table = new SpellingTable((s) => ({ s, n: made++ }), 3000);
    const text = Array.from({ length: 2500 }, (_, i) => `w${i}`).join(' ');
    const first = new Map<string, { s: string; n: number }>();
    scanWords(text, 0, text.length, (s, e) => first.set(text.slice(s, e), table.get(text, s, e)));
    // The same spellings read again from another text: found, not made again.
    const again = ` ${text} `;
    scanWords(again, 0, again.length, (s, e) => assert.equal(table.get(again, s, e), first.get(again.slice(s, e))));
    assert.equal(made, 2500);
    assert.equal(table.size, 2500);
    const more = Array.from({ length: 600 }, (_, i) => `x${i}`).join(' ');
    scanWords(more, 0, more.length, (s, e) => assert.equal(table.get(more, s, e).s, more.slice(s, e)));
    assert.ok(table.size < 3000);
  });
});
