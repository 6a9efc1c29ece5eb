import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareArticles, MATCH_THRESHOLD, statementsOf } from '../../src/core/corpus/compare';
import { goldKeys, pairKey, scoreAgainstGold, type GoldPairs } from '../../src/core/corpus/evaluate';
import { entityKeys } from '../../src/core/corpus/statements';
import { sentenceTerms, stem } from '../../src/core/corpus/terms';

const root = join(__dirname, '../..');
const gold = JSON.parse(readFileSync(join(__dirname, 'fixtures/seed-pairs.json'), 'utf8')) as GoldPairs & { a: string; b: string };
const seedA = readFileSync(join(root, gold.a), 'utf8');
const seedB = readFileSync(join(root, gold.b), 'utf8');

describe('corpus: terms', () => {
  it('stems inflections together and keeps short words', () => {
    assert.equal(stem('visited'), stem('visits'));
    assert.equal(stem('denied'), stem('deny'));
    assert.equal(stem('planned'), stem('plans'));
    assert.equal(stem('programme'), stem('program'));
    assert.equal(stem('us'), 'us');
  });

  it('normalises numbers, number words, weekdays, months and years', () => {
    const t = sentenceTerms('The trip comes nine months after a visit on Tuesday in September 2000, the first in 24 years.');
    const terms = t.quantities.map((q) => q.term);
    assert.deepEqual(terms, ['num:9', 'day:tue', 'month:9', 'year:2000', 'ord:1', 'num:24']);
    assert.equal(t.quantities[0]!.unit, stem('months'));
    assert.equal(t.quantities[5]!.text, '24 years');
    // Stop-words and quantities are not content words.
    assert.ok(!t.words.includes('the') && !t.words.includes('nine'));
    assert.ok(t.words.includes(stem('comes')));
  });

  it('reads "may" as a month only when it names one', () => {
    assert.deepEqual(sentenceTerms('But in May, South Korea said so.').quantities.map((q) => q.term), ['month:5']);
    assert.deepEqual(sentenceTerms('The deal may be signed.').quantities, []);
  });

  it('gives a person their surname and a capital its country as keys', () => {
    assert.ok(entityKeys({ type: 'PERSON', name: 'Vladimir Putin', aliases: ['Vladimir Putin'] }).includes('ent:putin'));
    assert.ok(entityKeys({ type: 'PLACE', name: 'Pyongyang', aliases: ['Pyongyang'] }).includes('ent:north korea'));
    assert.ok(entityKeys({ type: 'PLACE', name: 'United States', aliases: ['United States', 'U.S.'] }).includes('ent:us'));
  });
});

describe('corpus: statement matching on the seeds', () => {
  const sa = statementsOf({ text: seedA });
  const sb = statementsOf({ text: seedB });
  const comparison = compareArticles({ text: seedA }, { text: seedB });

  it('every gold snippet names exactly one sentence', () => {
    assert.equal(goldKeys(sa, sb, gold.sure).size, gold.sure.length);
    assert.equal(goldKeys(sa, sb, gold.possible).size, gold.possible.length);
  });

  it(`finds the hand-marked pairs with precision >= 0.85 and recall >= 0.6 at threshold ${MATCH_THRESHOLD}`, () => {
    const index = (list: typeof sa, start: number) => list.find((s) => s.start === start)!.index;
    const predicted = comparison.shared.map((p) => pairKey(index(sa, p.a.start), index(sb, p.b.start)));
    const s = scoreAgainstGold(predicted, goldKeys(sa, sb, gold.sure), goldKeys(sa, sb, gold.possible));
    assert.ok(s.precision >= 0.85, `precision ${s.precision.toFixed(3)}; false positives ${s.falsePositives.join(' ')}`);
    assert.ok(s.recall >= 0.6, `recall ${s.recall.toFixed(3)}; misses ${s.misses.join(' ')}`);
  });

  it('matches the paraphrased lead and the sanctions sentence, and keeps unrelated sentences apart', () => {
    const has = (x: string, y: string) => comparison.shared.some((p) => p.a.text.includes(x) && p.b.text.includes(y));
    assert.ok(has('will visit North Korea on Tuesday', 'set to arrive in Pyongyang Tuesday'));
    assert.ok(has('heavily sanctioned countries', 'most-sanctioned countries'));
    assert.ok(has('The historic trip', 'first to North Korea in 24 years'));
    assert.ok(!has('NATO chief Jens Stoltenberg', ''));
    assert.ok(comparison.onlyA.some((s) => s.text.includes('Jens Stoltenberg')));
    assert.ok(comparison.onlyB.some((s) => s.text.includes('Leif-Eric Easley')));
  });

  it('reports spans that point at the sentence text', () => {
    for (const p of comparison.shared) {
      assert.equal(seedA.slice(p.a.start, p.a.end), p.a.text);
      assert.equal(seedB.slice(p.b.start, p.b.end), p.b.text);
      assert.ok(p.score >= MATCH_THRESHOLD && p.score <= 1);
    }
  });

  it('finds no conflicts between the seeds (they agree), as the gold says', () => {
    assert.deepEqual(comparison.shared.filter((p) => p.conflict), []);
    assert.deepEqual((gold as unknown as { conflicts: unknown[] }).conflicts, []);
  });
});

describe('corpus: conflicts', () => {
  const conflictsOf = (a: string, b: string) => compareArticles({ text: a }, { text: b }).shared.map((p) => p.conflict).filter(Boolean);

  it('flags a different count of the same thing', () => {
    const changed = seedA.replace('first trip in 24 years', 'first trip in 23 years');
    const found = conflictsOf(changed, seedB);
    assert.deepEqual(found, [{ kind: 'number', aText: '23 years', bText: '24 years' }]);
  });

  it('flags a different day', () => {
    const a = 'Russian President Vladimir Putin will arrive in Pyongyang on Thursday for a rare state visit, the Kremlin said.';
    const b = 'Putin is set to arrive in Pyongyang on Tuesday for a rare state visit, Kremlin officials said.';
    assert.deepEqual(conflictsOf(a, b), [{ kind: 'date', aText: 'Thursday', bText: 'Tuesday' }]);
  });

  it('flags different wording of the same quote, not a shorter excerpt of it', () => {
    const a = 'Kirby said: “We are not worried about the trip by Putin at all.”';
    const b = 'Kirby said: “We are not concerned about the trip by Putin at all.”';
    const c = 'Kirby said he was “not concerned about the trip” by Putin at all.';
    assert.deepEqual(conflictsOf(a, b).map((x) => x!.kind), ['quote']);
    assert.deepEqual(conflictsOf(b, c), []);
  });

  it('flags a different person in the same statement', () => {
    const a = 'Kremlin aide Yuri Ushakov said several documents on a strategic partnership will be signed in Pyongyang.';
    const b = 'Kremlin aide Dmitry Peskov said several documents on a strategic partnership will be signed in Pyongyang.';
    assert.deepEqual(conflictsOf(a, b), [{ kind: 'name', aText: 'Yuri Ushakov', bText: 'Dmitry Peskov' }]);
  });

  it('matches a surname alone to the full name without a conflict', () => {
    const a = 'Vladimir Putin will sign a strategic partnership treaty with Kim Jong Un in Pyongyang.';
    const b = 'Putin is expected to sign a strategic partnership treaty with Kim in Pyongyang.';
    const c = compareArticles({ text: a }, { text: b });
    assert.equal(c.shared.length, 1);
    assert.equal(c.shared[0]!.conflict, undefined);
  });
});
