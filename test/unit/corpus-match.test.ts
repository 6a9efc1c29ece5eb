import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareArticles, MATCH_THRESHOLD, matchStatements, statementsOf } from '../../src/core/corpus/compare';
import { sharedEvidence } from '../../src/core/corpus/reason';
import { analyze } from '../../src/core/analyze';
import { goldKeys, maxMatching, pairKey, scoreAgainstGold, type GoldPairs } from '../../src/core/corpus/evaluate';
import { countryOf } from '../../src/core/corpus/countries';
import { entityKeys } from '../../src/core/corpus/statements';
import { sentenceTerms, stem } from '../../src/core/corpus/terms';

const root = join(__dirname, '../..');
const gold = JSON.parse(readFileSync(join(__dirname, 'fixtures/seed-pairs.json'), 'utf8')) as GoldPairs & { a: string; b: string; apart: [string, string][] };
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

  it('does not count a number that points back at things already named', () => {
    assert.deepEqual(sentenceTerms('The two countries have had a relationship since 1950.').quantities.map((q) => q.term), ['year:1950']);
    assert.deepEqual(sentenceTerms('Two countries signed; these three men spoke.').quantities.map((q) => q.term), ['num:2']);
  });

  it('reads capitals, abbreviations and other names of a country as the country, from the Factbook and Wikidata tables', () => {
    assert.equal(countryOf('pyongyang'), 'north korea');
    assert.equal(countryOf('dprk'), 'north korea');
    assert.equal(countryOf('seoul'), 'south korea');
    assert.equal(countryOf('washington'), 'united states');
    assert.equal(countryOf('britain'), 'united kingdom');
    assert.equal(countryOf('kremlin'), 'russia');
    // A name two countries share names neither.
    assert.equal(countryOf('korea'), undefined);
    assert.equal(countryOf('putin'), undefined);
    // A person named like a capital stays a person.
    assert.ok(!entityKeys({ type: 'PERSON', name: 'George Washington', aliases: ['Washington'] }).includes('ent:united states'));
    assert.ok(entityKeys({ type: 'PLACE', name: 'Washington', aliases: ['Washington'] }).includes('ent:united states'));
  });

  it('gives a person their surname and a capital its country as keys', () => {
    assert.ok(entityKeys({ type: 'PERSON', name: 'Vladimir Putin', aliases: ['Vladimir Putin'] }).includes('ent:putin'));
    assert.ok(entityKeys({ type: 'PLACE', name: 'Pyongyang', aliases: ['Pyongyang'] }).includes('ent:north korea'));
    assert.ok(entityKeys({ type: 'PLACE', name: 'United States', aliases: ['United States', 'U.S.'] }).includes('ent:us'));
  });
});

describe('corpus: statement matching on the seeds', () => {
  const analysisA = analyze(seedA);
  const analysisB = analyze(seedB);
  const sa = statementsOf({ text: seedA, analysis: analysisA });
  const sb = statementsOf({ text: seedB, analysis: analysisB });
  const comparison = compareArticles({ text: seedA, analysis: analysisA }, { text: seedB, analysis: analysisB });
  const has = (x: string, y: string) => comparison.shared.some((p) => p.a.text.includes(x) && p.b.text.includes(y));

  it('every gold snippet names exactly one statement', () => {
    assert.equal(goldKeys(sa, sb, gold.sure).size, gold.sure.length);
    assert.equal(goldKeys(sa, sb, gold.possible).size, gold.possible.length);
    assert.equal(goldKeys(sa, sb, gold.apart).size, gold.apart.length);
  });

  it(`finds the hand-marked pairs one to one with precision >= 0.9 and recall >= 0.8 at threshold ${MATCH_THRESHOLD}`, () => {
    const index = (list: typeof sa, start: number) => list.find((s) => s.start === start)!.index;
    const predicted = comparison.shared.map((p) => pairKey(index(sa, p.a.start), index(sb, p.b.start)));
    const s = scoreAgainstGold(predicted, goldKeys(sa, sb, gold.sure), goldKeys(sa, sb, gold.possible), true);
    assert.ok(s.precision >= 0.9, `precision ${s.precision.toFixed(3)}; false positives ${s.falsePositives.join(' ')}`);
    assert.ok(s.recall >= 0.8, `recall ${s.recall.toFixed(3)}; misses ${s.misses.join(' ')}`);
    const apart = goldKeys(sa, sb, gold.apart);
    assert.deepEqual(predicted.filter((k) => apart.has(k)), []);
  });

  it('puts each statement in at most one pair, best first', () => {
    const as = comparison.shared.map((p) => p.a.start);
    const bs = comparison.shared.map((p) => p.b.start);
    assert.equal(new Set(as).size, as.length);
    assert.equal(new Set(bs).size, bs.length);
    const scores = comparison.shared.map((p) => p.score);
    assert.deepEqual(scores, [...scores].sort((x, y) => y - x));
    assert.equal(comparison.onlyA.length + comparison.shared.length, sa.length);
    assert.equal(comparison.onlyB.length + comparison.shared.length, sb.length);
  });

  it('keeps, for each pair, what its two statements share, so the reason need not work it out again', () => {
    const matching = matchStatements(sa, sb);
    assert.ok(matching.pairs.length >= 10);
    assert.equal(matching.evidence.length, matching.pairs.length);
    for (const [k, p] of matching.pairs.entries()) assert.deepEqual(matching.evidence[k], sharedEvidence(sa[p.a]!, sb[p.b]!), `pair ${k}`);
  });

  it('matches the paraphrased lead and the sanctions sentence, and keeps unrelated sentences apart', () => {
    assert.ok(has('will visit North Korea on Tuesday', 'set to arrive in Pyongyang Tuesday'));
    assert.ok(has('heavily sanctioned countries', 'most-sanctioned countries'));
    assert.ok(has('first trip in 24 years', 'first to North Korea in 24 years'));
    assert.ok(!has('NATO chief Jens Stoltenberg', ''));
    assert.ok(comparison.onlyA.some((s) => s.text.includes('Jens Stoltenberg')));
    assert.ok(comparison.onlyB.some((s) => s.text.includes('Leif-Eric Easley')));
  });

  it('pairs "accused North Korea of sending weapons" with "accused Pyongyang of providing", a capital standing for its country', () => {
    assert.ok(has('Western countries have accused North Korea', 'have accused Pyongyang of providing Russia'));
  });

  it('keeps Kirby\'s "deepening relationship between these two countries" apart from "a relationship since the Soviet Union"', () => {
    assert.ok(!has('deepening relationship', 'relationship since the Soviet Union'));
    assert.ok(!has('deepening relationship', ''));
    assert.ok(has('helped found the small state', 'relationship since the Soviet Union'));
  });

  it('never offers page residue, datelines or photo captions as statements', () => {
    const all = [...comparison.onlyA, ...comparison.onlyB, ...comparison.shared.flatMap((p) => [p.a, p.b])].map((s) => s.text);
    for (const residue of ['Published: Updated:', 'Read more', 'Top Content Trending', 'Font Size', 'Google News channel', 'invincible', 'FILE -', 'Voice of America', 'Accessibility links']) {
      assert.ok(!all.some((t) => t.includes(residue)), residue);
    }
    // Without the structure (an analysis that lacks it), the dateline is a sentence like any other.
    const bare = statementsOf({ text: seedA, analysis: { sentences: analysisA.sentences, entities: analysisA.entities, quotes: analysisA.quotes } });
    assert.ok(bare.some((s) => s.text === 'Published: Updated:'));
  });

  it('says in plain words why two statements were paired, and where their wording differs', () => {
    const accused = comparison.shared.find((p) => p.a.text.includes('Western countries have accused'))!;
    assert.match(accused.reason.text, /^Both name .*Pyongyang/);
    assert.ok(accused.reason.words.includes('accused'));
    const lead = comparison.shared.find((p) => p.a.text.includes('will visit North Korea on Tuesday'))!;
    assert.deepEqual(lead.reason.numbers, ['Tuesday']);
    assert.match(lead.reason.text, /both give Tuesday/);
    const washington = comparison.shared.find((p) => p.a.text.startsWith('Washington and Seoul'))!;
    assert.ok(washington.reason.entities.includes('Washington = United States'));
    for (const p of comparison.shared) {
      assert.ok(p.diff.some((r) => r.op === 'equal'));
      // Equal runs are written as in A; the comparison ignores case.
      const words = (s: string) => s.toLowerCase().match(/[\p{L}\p{N}]+/gu)!.join(' ');
      assert.equal(words(p.diff.filter((r) => r.op !== 'insert').map((r) => r.text).join(' ')), words(p.a.text));
      assert.equal(words(p.diff.filter((r) => r.op !== 'delete').map((r) => r.text).join(' ')), words(p.b.text));
    }
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

describe('corpus: gold scoring for a one-to-one matcher', () => {
  it('counts recall against the most sure pairs one matching can hold', () => {
    // A0 reports what B0 and B1 both report; A1 only what B1 reports: at most two pairs together.
    assert.equal(maxMatching(['0-0', '0-1', '1-1']), 2);
    assert.equal(maxMatching(['0-0', '1-0', '2-0']), 1);
    const s = scoreAgainstGold(['0-0', '1-1'], new Set(['0-0', '0-1', '1-1']), new Set(), true);
    assert.equal(s.reachable, 2);
    assert.equal(s.recall, 1);
    assert.equal(scoreAgainstGold(['0-0', '1-1'], new Set(['0-0', '0-1', '1-1']), new Set()).recall, 2 / 3);
  });
});
