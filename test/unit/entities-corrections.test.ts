import assert from 'node:assert/strict';
import { applyEntityCorrections } from '../../src/core/entities/corrections';
import type { Analysis, Entity, Quote } from '../../src/core/types';

const TEXT = 'Kim Jong Un met Lam in Pyongyang. Kim said FILE photos show Kim Jong Il. Lam left. "Yes," Kim said.';

function mention(text: string, entityId: string, from = 0) {
  const start = TEXT.indexOf(text, from);
  assert.ok(start >= 0, text);
  return { start, end: start + text.length, text, entityId };
}

function entity(id: string, type: Entity['type'], name: string, mentions: ReturnType<typeof mention>[], roles: string[] = []): Entity {
  return { id, type, name, aliases: [...new Set([name, ...mentions.map((m) => m.text)])], roles, mentions };
}

function analysis(): Analysis {
  const kimSaid = TEXT.lastIndexOf('Kim');
  const quoteStart = TEXT.indexOf('"Yes,"');
  const quote: Quote = {
    start: quoteStart, end: quoteStart + 6, text: '"Yes,"', content: { start: quoteStart + 1, end: quoteStart + 5 }, partial: false,
    speaker: { start: kimSaid, end: kimSaid + 3, text: 'Kim', entityId: 'PERSON:Kim Jong Un', kind: 'name' }, cue: null,
  };
  return {
    length: TEXT.length,
    structure: { headline: null, subheadings: [], datelines: [], bylines: [], captions: [], residue: [], paragraphs: [] },
    sentences: [],
    quotes: [quote],
    claims: [],
    entities: [
      entity('PERSON:Kim Jong Un', 'PERSON', 'Kim Jong Un', [mention('Kim Jong Un', 'PERSON:Kim Jong Un'), mention('Kim Jong Il', 'PERSON:Kim Jong Un'), { ...mention('Kim', 'PERSON:Kim Jong Un', kimSaid), start: kimSaid, end: kimSaid + 3 }], ['leader']),
      entity('PLACE:Lam', 'PLACE', 'Lam', [mention('Lam', 'PLACE:Lam'), mention('Lam', 'PLACE:Lam', 60)]),
      entity('PLACE:Pyongyang', 'PLACE', 'Pyongyang', [mention('Pyongyang', 'PLACE:Pyongyang')]),
      entity('PLACE:FILE', 'PLACE', 'FILE', [mention('FILE', 'PLACE:FILE')]),
      entity('PERSON:Kim', 'PERSON', 'Kim', [mention('Kim said', 'PERSON:Kim')].map((m) => ({ ...m, end: m.start + 3, text: 'Kim' }))),
    ],
  };
}

const byName = (a: Analysis) => Object.fromEntries(a.entities.map((e) => [e.name, { type: e.type, texts: e.mentions.map((m) => m.text) }]));

describe('applyEntityCorrections', () => {
  it('returns the analysis itself when there are no corrections', () => {
    const a = analysis();
    assert.equal(applyEntityCorrections(a, []), a);
  });

  it('retypes every mention with the text, and drops mentions that are no entity', () => {
    const out = applyEntityCorrections(analysis(), [{ kind: 'retype', mention: 'Lam', type: 'PERSON' }, { kind: 'retype', mention: 'FILE', type: 'none' }]);
    const lam = out.entities.find((e) => e.name === 'Lam')!;
    assert.equal(lam.type, 'PERSON');
    assert.equal(lam.id, 'PERSON:Lam');
    assert.ok(lam.mentions.every((m) => m.entityId === 'PERSON:Lam'));
    assert.equal(lam.mentions.length, 2);
    assert.ok(!out.entities.some((e) => e.mentions.some((m) => m.text === 'FILE')));
  });

  it('takes a retyped alias out of a group of another type', () => {
    const out = applyEntityCorrections(analysis(), [{ kind: 'retype', mention: 'Kim Jong Il', type: 'ORG' }]);
    assert.deepEqual(byName(out)['Kim Jong Il'], { type: 'ORG', texts: ['Kim Jong Il'] });
    assert.deepEqual(byName(out)['Kim Jong Un']!.texts, ['Kim Jong Un', 'Kim']);
  });

  it('merges entities named by any of their mentions; the first named leads; the speaker follows', () => {
    const out = applyEntityCorrections(analysis(), [{ kind: 'merge', names: ['Kim Jong Un', 'Kim'] }]);
    const kim = out.entities.find((e) => e.name === 'Kim Jong Un')!;
    assert.deepEqual(kim.mentions.map((m) => m.text), ['Kim Jong Un', 'Kim', 'Kim Jong Il', 'Kim']);
    assert.deepEqual(kim.aliases, ['Kim Jong Un', 'Kim', 'Kim Jong Il']);
    assert.ok(!out.entities.some((e) => e.id === 'PERSON:Kim'));
    assert.equal(out.quotes[0]!.speaker!.entityId, kim.id);
  });

  it('splits names out of one group, each with its own mentions, and a split wins over a merge', () => {
    const out = applyEntityCorrections(analysis(), [{ kind: 'split', names: ['Kim Jong Un', 'Kim Jong Il'] }, { kind: 'merge', names: ['Kim Jong Il', 'Kim Jong Un'] }]);
    assert.deepEqual(byName(out)['Kim Jong Il'], { type: 'PERSON', texts: ['Kim Jong Il'] });
    assert.deepEqual(byName(out)['Kim Jong Un']!.texts, ['Kim Jong Un', 'Kim']);
    assert.deepEqual(out.entities.find((e) => e.name === 'Kim Jong Il')!.roles, []);
    assert.deepEqual(out.entities.find((e) => e.name === 'Kim Jong Un')!.roles, ['leader']);
  });

  it('keeps the group with its own name whichever order the split names them in', () => {
    const out = applyEntityCorrections(analysis(), [{ kind: 'split', names: ['Kim Jong Il', 'Kim Jong Un'] }]);
    assert.deepEqual(byName(out)['Kim Jong Un']!.texts, ['Kim Jong Un', 'Kim']);
    assert.deepEqual(byName(out)['Kim Jong Il']!.texts, ['Kim Jong Il']);
  });

  it('leaves a speaker without an entity when its only mentions are no entity', () => {
    const out = applyEntityCorrections(analysis(), [{ kind: 'retype', mention: 'Kim', type: 'none' }, { kind: 'retype', mention: 'Kim Jong Un', type: 'none' }, { kind: 'retype', mention: 'Kim Jong Il', type: 'none' }]);
    assert.equal(out.quotes[0]!.speaker!.entityId, null);
  });
});
