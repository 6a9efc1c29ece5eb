import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../src/core/analyze';
import { collectSources, countWords, SourcesInterrupted, opensSentence, sourceAt, sourcesOfAnalysis, statementSpans, type ArticleSources, type Source, type SourceKind } from '../../src/core/sources';
import { sourceSection } from '../../src/core/present/viewTree';
import { affiliationEnd, affiliationFromRoles } from '../../src/core/sources/describe';
import { sourceHoverLine } from '../../src/core/present/hoverContent';

const seed = (name: string) => readFileSync(join(__dirname, '../../seeds', name), 'utf8');
const sourcesOf = (text: string): ArticleSources => collectSources(text, analyze(text));

function find(r: ArticleSources, name: string): Source {
  const s = r.sources.find((x) => x.name === name);
  assert.ok(s, `no source ${name}; found: ${r.sources.map((x) => x.name).join(' | ')}`);
  return s;
}

interface Expected {
  name: string;
  kind: SourceKind;
  named?: boolean;
  quotes: number;
  paraphrases: number;
  affiliation?: string | null;
  role?: string | null;
  entity?: string;
}

function check(r: ArticleSources, list: Expected[]): void {
  for (const e of list) {
    const s = find(r, e.name);
    assert.equal(s.kind, e.kind, `kind of ${e.name}`);
    assert.equal(s.quotes, e.quotes, `quotes of ${e.name}`);
    assert.equal(s.paraphrases, e.paraphrases, `paraphrases of ${e.name}`);
    if (e.named !== undefined) assert.equal(s.named, e.named, `named ${e.name}`);
    if (e.affiliation !== undefined) assert.equal(s.affiliation, e.affiliation, `affiliation of ${e.name}`);
    if (e.role !== undefined) assert.equal(s.role, e.role, `role of ${e.name}`);
    if (e.entity) assert.equal(s.entityName, e.entity, `entity of ${e.name}`);
  }
  assert.deepEqual(r.sources.map((s) => s.name).sort(), list.map((e) => e.name).sort());
}

describe('sources of an article', () => {
  it('groups a named person’s quotes and pronoun under one entity, shows the pronoun as written', () => {
    const text = 'Town plan\n\nSenior aide Maria Lopez said the plan would “change everything for the town”. “We will start in May,” she said.\n';
    const r = sourcesOf(text);
    const s = find(r, 'Maria Lopez');
    assert.equal(s.kind, 'person');
    assert.equal(s.quotes, 2);
    assert.ok(s.forms.includes('she'), s.forms.join('|'));
    assert.equal(s.quotedWords, 5 + 5);
    assert.equal(r.totalQuotedWords, 10);
    assert.equal(s.share, 1);
  });

  it('lists unnamed sources with their description, role and affiliation', () => {
    const text = 'Plant to close\n\nThe ministry will close the plant next year, according to Treasury officials.\n\nSeveral analysts said the decision came too late.\n';
    const r = sourcesOf(text);
    const officials = find(r, 'Treasury officials');
    assert.equal(officials.kind, 'anonymous');
    assert.equal(officials.named, false);
    assert.equal(officials.description, 'Treasury officials');
    assert.equal(officials.role, 'officials');
    assert.equal(officials.paraphrases, 1);
    const analysts = find(r, 'Several analysts');
    assert.equal(analysts.kind, 'anonymous');
    assert.equal(analysts.role, 'analysts');
    assert.equal(analysts.quotes, 0);
  });

  it('takes a place named as the speaker for a government acting, and splits "X and Y say"', () => {
    const text = 'Talks to resume\n\nBerlin said the talks would resume on Monday.\n\nParis and Madrid say the border will stay open.\n';
    const r = sourcesOf(text);
    for (const n of ['Berlin', 'Paris', 'Madrid']) assert.equal(find(r, n).kind, 'actor-place', n);
    assert.equal(find(r, 'Paris').paraphrases, 1);
  });

  it('does not take a finding or a hypothetical for a statement', () => {
    const text = 'A state is born\n\nThe Soviet Union helped found the small state after the war.\n\nShe would say nothing about the plan if asked.\n';
    assert.deepEqual(sourcesOf(text).sources.map((s) => s.name), []);
  });

  it('reads no name into a capital that only opens the sentence, nor into a modifier after the head noun', () => {
    const text = 'Poll shows lead\n\nWASHINGTON (AP) — A poll released Tuesday shows the senator ahead. Analysts said the race is close.\n';
    const r = sourcesOf(text);
    const poll = find(r, 'A poll released Tuesday');
    assert.deepEqual([poll.kind, poll.named, poll.role], ['anonymous', false, 'poll']);
    const analysts = find(r, 'Analysts');
    assert.deepEqual([analysts.kind, analysts.named, analysts.role, analysts.description], ['anonymous', false, 'analysts', 'Analysts']);
  });

  it('tells where a sentence opens, by the analysis\' sentences: after a full stop, a dateline dash, a line break or an opening quote mark', () => {
    const text = 'Head\nBERLIN — Officials met. “Critics said no.” Then the Police came';
    const { sentences } = analyze(text);
    for (const word of ['Head', 'Officials', 'Critics', 'Then']) assert.equal(opensSentence(text, sentences, text.indexOf(word)), true, word);
    assert.equal(opensSentence(text, sentences, text.indexOf('Police')), false);
  });

  it('shows an unresolved pronoun as written, without a role', () => {
    const text = 'Vote delayed\n\nThey said the vote would be delayed until the spring.\n';
    const s = find(sourcesOf(text), 'They');
    assert.equal(s.kind, 'anonymous');
    assert.equal(s.named, false);
    assert.equal(s.role, null);
    assert.equal(s.entityId, null);
  });

  it('reads the affiliation from a role: the longest organisation, place or group named in it', () => {
    const names = new Set(['Ewha', 'Ewha University', 'Seoul', 'Ukraine']);
    assert.equal(affiliationFromRoles(['professor at Ewha University in Seoul'], names), 'Ewha University');
    assert.equal(affiliationFromRoles(['Ukraine’s Foreign Minister'], names), 'Ukraine');
    assert.equal(affiliationFromRoles(['retired general'], names), null);
  });

  it('extends an affiliation over the capitalised words between its mention and the head noun, never over the head', () => {
    const at = (text: string, mention: string) => {
      const start = text.indexOf(mention);
      return text.slice(start, affiliationEnd(text, start + mention.length, text.length));
    };
    assert.equal(at('a U.S. Embassy spokesperson', 'U.S.'), 'U.S. Embassy');
    assert.equal(at('a Russian Foreign Ministry spokeswoman', 'Russian'), 'Russian Foreign Ministry');
    assert.equal(at('Kremlin officials', 'Kremlin'), 'Kremlin');
    assert.equal(at('U.S. and South Korean officials', 'U.S.'), 'U.S.');
    // A capitalised last word is the head of a named description, not part of the affiliation.
    assert.equal(at('the Pyongyang Agency', 'Pyongyang'), 'Pyongyang');
  });

  it('stops part-way when its caller says so, and gives the same sources when it does not', () => {
    const seed = readFileSync(join(__dirname, '../../seeds/001_21569e4679d671fa.txt'), 'utf8');
    const text = [seed, seed, seed, seed].join('\n\n'); // sentences enough for several checks
    const analysis = analyze(text);
    let asked = 0;
    assert.throws(() => collectSources(text, analysis, { interrupted: () => ++asked > 0 }), SourcesInterrupted);
    assert.equal(asked, 1, 'stopped at the first check');
    let checks = 0;
    assert.deepEqual(collectSources(text, analysis, { interrupted: () => (checks++, false) }), collectSources(text, analysis));
    assert.ok(checks > 0, 'the article is long enough to be checked');
  });

  it('counts words inside quote marks, contractions as one word', () => {
    assert.equal(countWords('“We’re not concerned about the trip”', 0, 37), 6);
  });

  it('seed 000 (Al Arabiya): every source with its kind and counts', () => {
    const r = sourcesOf(seed('000_af60520f71ff48c9.txt'));
    check(r, [
      { name: 'John Kirby', kind: 'person', quotes: 3, paraphrases: 0, affiliation: 'National Security Council', role: 'National Security Council spokesman' },
      { name: 'Yuri Ushakov', kind: 'person', quotes: 4, paraphrases: 1, affiliation: 'Kremlin', role: 'Kremlin aide' },
      { name: 'Kim', kind: 'person', quotes: 2, paraphrases: 0, entity: 'Kim Jong Un' },
      { name: 'Kremlin', kind: 'actor-place', quotes: 2, paraphrases: 1 },
      { name: 'Dmytro Kuleba', kind: 'person', quotes: 1, paraphrases: 0, affiliation: 'Ukraine' },
      { name: 'Moscow', kind: 'actor-place', quotes: 1, paraphrases: 2 },
      { name: 'Jens Stoltenberg', kind: 'person', quotes: 1, paraphrases: 0, affiliation: 'NATO' },
      // “… comes as Putin seeks ammunition for his military offensive”: what he seeks is reported (the source tagger).
      // The pair scorer adds a wrong second one: “when Putin last visited the reclusive state”, read
      // as Putin and “reclusive” (a known error of the candidate pairs, kept visible here).
      { name: 'Putin', kind: 'person', quotes: 1, paraphrases: 2, entity: 'Vladimir Putin' },
      { name: 'Western countries', kind: 'actor-place', named: false, quotes: 0, paraphrases: 1 },
      { name: 'Pyongyang', kind: 'actor-place', quotes: 0, paraphrases: 1 },
      { name: 'Kyiv', kind: 'actor-place', quotes: 0, paraphrases: 1 },
      { name: 'White House', kind: 'actor-place', quotes: 0, paraphrases: 1 },
      { name: 'Washington', kind: 'actor-place', quotes: 0, paraphrases: 1 },
      { name: 'Seoul', kind: 'actor-place', quotes: 0, paraphrases: 1 },
      { name: 'Russia', kind: 'actor-place', quotes: 0, paraphrases: 1 },
      { name: 'North Korea', kind: 'actor-place', quotes: 0, paraphrases: 1 },
      { name: 'South Korea', kind: 'actor-place', quotes: 0, paraphrases: 1 },
      { name: 'some experts', kind: 'anonymous', named: false, quotes: 0, paraphrases: 1, role: 'experts' },
      // “… was quoted as saying by state-run Russian news agencies”: the pair scorer lists the
      // agencies that reported Ushakov, cut before their head noun (taken for the verb).
      { name: 'state-run Russian news', kind: 'organisation', named: false, quotes: 0, paraphrases: 1, affiliation: 'Russian' },
    ]);
    assert.equal(find(r, 'Yuri Ushakov').forms.join('|'), 'Kremlin aide Yuri Ushakov|he|Ushakov');
    const shares = r.sources.reduce((n, s) => n + s.share, 0);
    assert.ok(Math.abs(shares - 1) < 1e-9, `shares add up to ${shares}`);
  });

  it('seed 001 (VOA): named and unnamed sources, officials and a spokesperson', () => {
    const r = sourcesOf(seed('001_21569e4679d671fa.txt'));
    check(r, [
      // The tagger learns CoNLL-2003's convention for "U.S. embassy" ("U.S." is the place); the
      // capitalised word after it, before the head noun, belongs to the affiliation all the same.
      { name: 'a U.S. Embassy spokesperson', kind: 'anonymous', named: false, quotes: 1, paraphrases: 0, affiliation: 'U.S. Embassy', role: 'spokesperson' },
      { name: 'Leif-Eric Easley', kind: 'person', quotes: 1, paraphrases: 0, affiliation: 'Ewha University', role: 'professor at Ewha University' },
      { name: 'Kremlin officials', kind: 'anonymous', named: false, quotes: 1, paraphrases: 0, affiliation: 'Kremlin', role: 'officials' },
      { name: 'U.S. and South Korean officials', kind: 'anonymous', named: false, quotes: 0, paraphrases: 1, affiliation: 'U.S. / South Korean', role: 'officials' },
      { name: 'United States', kind: 'actor-place', quotes: 0, paraphrases: 2 },
      { name: 'Pyongyang', kind: 'actor-place', quotes: 0, paraphrases: 1 },
      { name: 'Moscow', kind: 'actor-place', quotes: 0, paraphrases: 1 },
      { name: 'Yuri Ushakov', kind: 'person', quotes: 0, paraphrases: 1, affiliation: 'Russian', role: 'Russian foreign policy adviser' },
      { name: 'Korean Central News Agency', kind: 'organisation', named: true, quotes: 0, paraphrases: 1, affiliation: 'Pyongyang', entity: 'Korean Central News Agency' },
      { name: 'South Korea', kind: 'actor-place', quotes: 0, paraphrases: 1 },
      // Stated without a verb of saying (the source tagger): "Putin has also made plans to visit
      // Vietnam". "Ukrainian government officials have documented North Korean …" is missed at the
      // tagger's margin chosen with the pair scorer on, and the pair scorer leaves it below its threshold.
      { name: 'Putin', kind: 'person', quotes: 0, paraphrases: 1, entity: 'Vladimir Putin' },
    ]);
    assert.equal(r.unattributedQuotes, 1);
  });
});

describe('sources in the editor’s view and hover', () => {
  const text = seed('000_af60520f71ff48c9.txt');
  const r = sourcesOfAnalysis(text, analyze(text));

  it('a Sources section lists every source, most quoted first, each with its statements', () => {
    const section = sourceSection(r);
    assert.equal(section.label, 'Sources');
    assert.equal(section.children.length, r.sources.length);
    const kirby = section.children[0]!;
    assert.equal(kirby.label, 'John Kirby');
    assert.equal(kirby.description, 'person · 3 quotes · 47 words (53%)');
    assert.equal(kirby.children.length, 3);
    assert.deepEqual(kirby.target, kirby.children[0]!.target);
    assert.match(text.slice(kirby.target!.start, kirby.target!.end), /^“We’re not concerned/);
    const experts = section.children.find((n) => n.label === 'some experts (unnamed)')!;
    assert.equal(experts.children[0]!.icon, 'paraphrase');
    assert.match(experts.children[0]!.description!, /^paraphrase · some experts saying$/);
  });

  it('statement spans of a source are its quotes and paraphrasing sentences, in order, once each', () => {
    const ushakov = r.sources.find((s) => s.entityName === 'Yuri Ushakov')!;
    const spans = statementSpans(ushakov);
    assert.equal(spans.length, 5);
    assert.ok(spans.every((s, i) => i === 0 || spans[i - 1]!.start < s.start));
    assert.match(text.slice(spans[4]!.start, spans[4]!.end), /^The Kremlin chief will be taking a large delegation/);
  });

  it('the hover line of a speaker names its source, escaped', () => {
    const at = text.indexOf('Kremlin aide Yuri Ushakov') + 20;
    const s = sourceAt(r, at)!;
    assert.equal(sourceHoverLine(s), 'Source: **Yuri Ushakov** · Kremlin aide · person · 4 quotes · 23 words (26%) · 1 paraphrase');
    const fake = { ...s, named: false, name: '[x](command:evil)' };
    assert.ok(sourceHoverLine(fake).includes('\\[x\\]\\(command\\:evil\\)'));
  });
});
