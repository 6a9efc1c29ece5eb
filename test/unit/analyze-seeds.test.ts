import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../src/core/analyze';
import type { Analysis, Quote } from '../../src/core/types';

const seed = (name: string) => readFileSync(join(__dirname, '../../seeds', name), 'utf8');

interface Expected {
  /** The quote as printed, marks included (a prefix is enough for long ones). */
  quote: string;
  /** The speaker mention as written next to the cue, or null for a quote nobody is credited with. */
  speaker: string | null;
  kind?: 'name' | 'description' | 'pronoun';
  cue?: string;
  /** A word the resolved entity id must contain (null: the speaker resolves to no entity). */
  entity?: string | null;
}

function findQuote(a: Analysis, prefix: string): Quote {
  const q = a.quotes.find((x) => x.text.startsWith(prefix));
  assert.ok(q, `quote ${prefix} not found; found: ${a.quotes.map((x) => x.text.slice(0, 30)).join(' | ')}`);
  return q;
}

function check(a: Analysis, list: Expected[]): void {
  for (const e of list) {
    const q = findQuote(a, e.quote);
    if (e.speaker === null) {
      assert.equal(q.speaker, null, `${e.quote} should have no speaker`);
      continue;
    }
    assert.equal(q.speaker?.text, e.speaker, `speaker of ${e.quote}`);
    if (e.kind) assert.equal(q.speaker?.kind, e.kind, `kind of ${e.quote}`);
    if (e.cue) assert.equal(q.cue?.text, e.cue, `cue of ${e.quote}`);
    if (e.entity === null) assert.equal(q.speaker?.entityId, null, `entity of ${e.quote}`);
    else if (e.entity) assert.ok(q.speaker?.entityId?.includes(e.entity), `entity of ${e.quote}: ${q.speaker?.entityId}`);
  }
  assert.equal(a.quotes.length, list.length, a.quotes.map((q) => q.text.slice(0, 30)).join(' | '));
}

describe('analyze on the seed articles', () => {
  it('finds every quote of the Putin visit article with its speaker and cue', () => {
    const a = analyze(seed('000_af60520f71ff48c9.txt'));
    check(a, [
      { quote: '“strategic partnership treaty”', speaker: 'the Kremlin', kind: 'name', cue: 'said', entity: 'Kremlin' },
      { quote: '“friendly state visit”', speaker: 'the Kremlin', cue: 'called', entity: 'Kremlin' },
      { quote: '“Several documents will be signed,”', speaker: 'Kremlin aide Yuri Ushakov', kind: 'name', cue: 'was quoted as saying', entity: 'PERSON:Yuri Ushakov' },
      { quote: '“important, highly significant documents”', speaker: 'Kremlin aide Yuri Ushakov', entity: 'PERSON:Yuri Ushakov' },
      { quote: '“strategic partnership”', speaker: 'he', kind: 'pronoun', cue: 'said', entity: 'PERSON:Yuri Ushakov' },
      { quote: '“deep evolution of the geopolitical situation', speaker: 'Ushakov', kind: 'name', cue: 'said', entity: 'PERSON:Yuri Ushakov' },
      { quote: '“dependent”', speaker: 'NATO chief Jens Stoltenberg', cue: 'said', entity: 'PERSON:Jens Stoltenberg' },
      { quote: '“lonely bromance”', speaker: 'Ukraine’s Foreign Minister Dmytro Kuleba', cue: 'dismissed', entity: 'PERSON:Dmytro Kuleba' },
      { quote: '“We’re not concerned about the trip”', speaker: 'National Security Council spokesman John Kirby', cue: 'told', entity: 'PERSON:John Kirby' },
      { quote: '“What we are concerned about', speaker: 'National Security Council spokesman John Kirby', entity: 'PERSON:John Kirby' },
      { quote: '“North Korean ballistic missiles', speaker: 'Kirby', cue: 'said', entity: 'PERSON:John Kirby' },
      { quote: '“important”', speaker: 'Moscow', cue: 'said', entity: 'Moscow' },
      { quote: '“developed into an unbreakable relationship', speaker: 'Kim', cue: 'said', entity: 'Kim' },
      { quote: '“possibilities”', speaker: 'Putin', cue: 'said', entity: 'PERSON:Vladimir Putin' },
      { quote: '“victory”', speaker: 'Kim', cue: 'wished', entity: 'Kim' },
    ]);
    // The quoted headlines of other stories in the "Read more:" list are page residue, not the article's quotes.
    assert.ok(!a.quotes.some((q) => q.text === '‘invincible’' || q.text.startsWith('‘closely watching')), 'no quote from the Read more: list');
    assert.ok(a.quotes.every((q) => !a.structure.residue.some((r) => r.start <= q.start && q.end <= r.end)));
    const multi = findQuote(a, '“We’re not concerned');
    assert.equal(a.quotes.find((q) => q.text.startsWith('“What we'))?.partial, false);
    assert.equal(multi.partial, true);
    assert.equal(findQuote(a, '“lonely bromance”').partial, true);
  });

  it('finds every quote of the VOA article, leaving the uncredited one without a speaker', () => {
    const a = analyze(seed('001_21569e4679d671fa.txt'));
    check(a, [
      { quote: '“strategic partnership treaty,”', speaker: 'Kremlin officials', kind: 'description', cue: 'according to', entity: null },
      { quote: '“friendly state visit,”', speaker: null },
      { quote: '“The list of countries willing to welcome Putin', speaker: 'Leif-Eric Easley', kind: 'name', cue: 'said', entity: 'Easley' },
      { quote: '“As Russia continues to seek international support', speaker: 'a U.S. Embassy spokesperson', kind: 'description', cue: 'said', entity: null },
    ]);
    assert.equal(findQuote(a, '“friendly state visit,”').cue, null);
  });

  it('reads the structure of both seeds', () => {
    const a = analyze(seed('000_af60520f71ff48c9.txt'));
    const s = a.structure;
    assert.equal(s.headline?.text, 'Russia’s Putin to visit North Korea, first trip in 24 years');
    assert.deepEqual(s.subheadings.map((x) => x.text), ['Putin will also visit Vietnam this week', 'Soviet-era ties']);
    assert.deepEqual(s.datelines.map((x) => x.text), ['Published: Updated:']);
    for (const r of ['Read Mode', '100% Font Size', '5 min read', 'Read more:', 'Top Content Trending']) {
      assert.ok(s.residue.some((x) => x.text === r), `residue ${r}`);
    }
    assert.ok(s.residue.some((x) => x.text.startsWith('For all the latest headlines follow our Google News channel')));
    assert.ok(s.residue.some((x) => x.text.startsWith('North Korea’s Kim boasts of ‘invincible’')), 'Read more links are residue');
    assert.ok(!s.paragraphs.some((p) => a.length && s.residue.some((r) => r.start >= p.start && r.end <= p.end)));
    assert.equal(s.paragraphs.length, 28);

    const b = analyze(seed('001_21569e4679d671fa.txt'));
    assert.equal(b.structure.headline?.text, 'Russia’s Putin plans to arrive in North Korea Tuesday');
    assert.equal(b.structure.captions.length, 2);
    assert.ok(b.structure.captions.every((c) => c.text.startsWith('FILE - Russian President Vladimir Putin')));
    for (const r of ['Accessibility links', 'Breaking News', 'VOA News']) assert.ok(b.structure.residue.some((x) => x.text === r), `residue ${r}`);
    assert.ok(b.structure.residue.some((x) => x.text.startsWith('The Voice of America provides news')), 'publisher footer is residue');
    // "U.S. and South Korean officials have accused…" is one sentence, not split after "U.S."
    const text = seed('001_21569e4679d671fa.txt');
    assert.ok(b.sentences.some((x) => text.slice(x.start, x.end).startsWith('U.S. and South Korean officials have accused Pyongyang') && text.slice(x.start, x.end).endsWith('aid.')));
  });

  it('ranks accusations, denials and numbers among the claim candidates', () => {
    const text = seed('001_21569e4679d671fa.txt');
    const a = analyze(text);
    const top = a.claims.slice(0, 8).map((c) => c.text);
    assert.ok(top.some((t) => t.startsWith('Both Pyongyang and Moscow have denied')));
    assert.ok(top.some((t) => t.startsWith('U.S. and South Korean officials have accused')));
    for (let i = 1; i < a.claims.length; i++) assert.ok(a.claims[i - 1]!.score >= a.claims[i]!.score);
    assert.ok(a.claims.every((c) => c.reasons.length > 0 && text.slice(c.start, c.end) === c.text));
  });
});
