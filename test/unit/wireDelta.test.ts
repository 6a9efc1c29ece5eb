import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../src/core/analyze';
import { fromDelta, mentionsInOrder, toDelta } from '../../src/core/present/wireDelta';
import { fromWire, toWire } from '../../src/core/present/wireFormat';
import type { Analysis } from '../../src/core/types';
import { COVERED } from '../../src/core/present/wireItems';
import { seededRandom as random } from './annotations/editModel';
import { applyEdit, randomEdit } from './randomEdits';

const seedDir = join(__dirname, '../../seeds');
const seeds = readdirSync(seedDir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => readFileSync(join(seedDir, f), 'utf8'));

/** What the receiving thread gets: the message after the structured clone postMessage makes. */
const sent = <T>(x: T): T => structuredClone(x);

describe('analysis sent as a change to the previous one (wireDelta)', () => {
  it('lists every mention in text order, ties in entity order, at offsets of a 10 MB article', () => {
    const rnd = random(0x50f7);
    const entities: Analysis['entities'] = [];
    for (let e = 0; e < 40; e++) entities.push({ id: `PERSON:${e}`, type: 'PERSON', name: `${e}`, aliases: [], roles: [], mentions: [] });
    for (let i = 0; i < 5000; i++) {
      // Starts up to 12 M need three passes of the sort; repeated starts show it keeps entity order.
      const start = i % 3 ? Math.floor(rnd() * 12_000_000) : Math.floor(rnd() * 100);
      const owner = entities[Math.floor(rnd() * entities.length)]!;
      owner.mentions.push({ start, end: start + 1, text: 'x', entityId: owner.id });
    }
    const analysis = { length: 12_000_000, structure: analyze('').structure, sentences: [], quotes: [], entities, claims: [] };
    const expected = entities.flatMap((e) => e.mentions).sort((a, b) => a.start - b.start);
    const got = mentionsInOrder(analysis);
    assert.equal(got.length, expected.length);
    got.forEach((m, k) => assert.equal(m, expected[k], `mention ${k}`));
  });

  it('rebuilds what a full analysis gives, after each edit of 300 random edit sequences', function () {
    this.timeout(120_000);
    let edits = 0;
    let kept = 0;
    let items = 0;
    for (let n = 0; n < 300; n++) {
      const rnd = random(0xde17a + n);
      const a = seeds[n % seeds.length]!;
      let text = n % 3 === 0 ? a : a.slice(0, 800 + Math.floor(rnd() * 1200)) + '\n\n' + seeds[(n + 1) % seeds.length]!.slice(0, 600);
      // The receiver's copy, as it decoded the first analysis from the full wire form.
      let held: Analysis = fromWire(sent(toWire(analyze(text), text)), text);
      let prev = analyze(text);
      const steps = 3 + Math.floor(rnd() * 3);
      for (let s = 0; s < steps; s++) {
        const e = randomEdit(text, rnd);
        const next = applyEdit(text, e);
        const analysis = analyze(next);
        // Half the time with the edit as the editor reports it, which may be wider than the
        // longest shared start and end (the receiver moves offsets by whatever the sender used).
        const delta = s % 2 ? toDelta(prev, text, analysis, next, { head: e.at, tail: text.length - e.at - e.remove, middle: e.insert }) : toDelta(prev, text, analysis, next);
        assert.ok(delta, `sequence ${n}, edit ${s + 1}: sendable as a change`);
        held = fromDelta(held, sent(delta), next);
        assert.deepStrictEqual(held, analysis, `sequence ${n}, edit ${s + 1}: ${JSON.stringify(e)}`);
        assert.deepStrictEqual(mentionsInOrder(held), mentionsInOrder(analysis));
        kept += delta.sentences.keep + delta.sentences.tail + delta.mentions.keep + delta.mentions.tail;
        items += delta.sentences.items.length + delta.mentions.items.length;
        prev = analysis;
        text = next;
        edits++;
      }
    }
    assert.ok(edits >= 900);
    // The comparison means something only if most items were kept rather than sent again.
    assert.ok(kept > items * 5, `kept ${kept}, sent ${items}`);
  });

  it('sends only what a typed character changed, and keeps the receiver’s objects before it', () => {
    const text = seeds[0]!;
    const at = text.indexOf(' ', text.length >> 1) + 1;
    const next = text.slice(0, at) + 'x' + text.slice(at);
    const prev = fromWire(sent(toWire(analyze(text), text)), text);
    const delta = toDelta(analyze(text), text, analyze(next), next)!;
    const lastBefore = { ...prev.sentences[prev.sentences.length - 1]! };
    const before = prev.sentences.filter((s) => s.end < at);
    const got = fromDelta(prev, sent(delta), next);
    assert.deepStrictEqual(got, analyze(next));
    assert.ok(delta.sentences.items.length <= 1 && delta.quotes.items.length <= 1, JSON.stringify({ s: delta.sentences.items.length, q: delta.quotes.items.length }));
    assert.ok(delta.mentions.items.length <= 2);
    assert.ok(before.length > 3);
    for (let i = 0; i < before.length; i++) assert.equal(got.sentences[i], before[i], 'the same object');
    // After the edit, moved by one.
    assert.deepEqual(got.sentences[got.sentences.length - 1], { start: lastBefore.start + 1, end: lastBefore.end + 1 });
  });

  it('says it cannot send a change when an empty text would be taken for a slice of the text', () => {
    const text = 'Headline\n\nBody text here.\n';
    const prev = analyze(text);
    const next = analyze(text + 'More.\n');
    next.quotes.push({ start: 10, end: 14, text: '', content: { start: 11, end: 13 }, partial: false, speaker: null, cue: null });
    assert.equal(toDelta(prev, text, next, text + 'More.\n'), undefined);
  });

  it('compares every field the items of an analysis carry (a field it did not know would not travel)', () => {
    const fields = (item: object): string[] => Object.keys(item).sort();
    const within = (item: object, known: readonly string[], what: string) => {
      for (const k of fields(item)) assert.ok(known.includes(k), `${what} carries "${k}", which wireItems.ts does not compare`);
    };
    let speakers = 0;
    let antecedents = 0;
    for (const seed of seeds) {
      const a = analyze(seed + '\n\n' + seed);
      for (const key of ['subheadings', 'datelines', 'bylines', 'captions', 'residue'] as const) for (const s of a.structure[key]) within(s, COVERED.text, key);
      for (const p of a.structure.paragraphs) within(p, COVERED.span, 'a paragraph');
      for (const s of a.sentences) within(s, COVERED.span, 'a sentence');
      for (const c of a.claims) within(c, COVERED.claim, 'a claim');
      for (const e of a.entities) {
        within(e, [...COVERED.head, 'mentions'], 'an entity');
        for (const m of e.mentions) within(m, COVERED.mention, 'a mention');
      }
      for (const q of a.quotes) {
        within(q, COVERED.quote, 'a quote');
        within(q.content, COVERED.span, 'a quote\'s content');
        if (q.cue) within(q.cue, COVERED.text, 'a cue');
        if (q.speaker) {
          speakers++;
          within(q.speaker, COVERED.speaker, 'a speaker');
          const ante = (q.speaker as { antecedent?: object }).antecedent;
          if (ante) {
            antecedents++;
            within(ante, COVERED.span, 'a pronoun\'s antecedent');
          }
        }
      }
    }
    assert.ok(speakers > 20 && antecedents > 0, `${speakers} speakers, ${antecedents} antecedents`);
  });
});
