// Two articles compared share one table of sentence terms, so a sentence both carry (wire copy, a
// quote in full) is read once: the statements must be the very ones each article gives alone.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { statementsOf } from '../../src/core/corpus/compare';
import type { SentenceTermsCache } from '../../src/core/corpus/statements';

const root = join(__dirname, '../..');
const seedA = readFileSync(join(root, 'seeds/000_af60520f71ff48c9.txt'), 'utf8');
const seedB = readFileSync(join(root, 'seeds/001_21569e4679d671fa.txt'), 'utf8');

describe('corpus: sentence terms shared by the articles compared', () => {
  it('gives the same statements as reading each article alone, for sentences both carry and one repeats', () => {
    // B carries A's first half again, and repeats its own opening paragraph.
    const paragraphsA = seedA.split(/\n\s*\n/);
    const paragraphsB = seedB.split(/\n\s*\n/);
    const textB = [...paragraphsB, ...paragraphsA.slice(0, paragraphsA.length >> 1), paragraphsB[1]!].join('\n\n');
    const cache: SentenceTermsCache = new Map();
    const sharedA = statementsOf({ text: seedA }, cache);
    const sharedB = statementsOf({ text: textB }, cache);
    assert.deepEqual(sharedA, statementsOf({ text: seedA }));
    assert.deepEqual(sharedB, statementsOf({ text: textB }));
    // The case is there: B does carry sentences of A.
    const textsA = new Set(sharedA.map((s) => s.text));
    const fromA = sharedB.filter((s) => textsA.has(s.text)).length;
    assert.ok(fromA > 5, `${fromA} of B's sentences are A's`);
  });
});
