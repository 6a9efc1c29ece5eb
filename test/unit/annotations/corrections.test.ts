import { strict as assert } from 'node:assert';
import { parseSidecar } from '../../../src/core/annotations/parse';
import { createSidecar, updateSidecar } from '../../../src/core/annotations/write';
import { mergeSidecarTexts } from '../../../src/core/annotations/mergeFiles';
import { recordEntityCorrection } from '../../../src/core/annotations/corrections';
import { idGenerator } from '../../../src/core/annotations/ids';
import type { EntityCorrection } from '../../../src/core/annotations/types';
import { ARTICLE, annotationOn } from './fixtures';

const trade = annotationOn(ARTICLE, 'Trade between the two countries rose to $34 million last year');

const V1 = `# Reviewer notes for story.txt
version: 1
article: story.txt
textHash: fnv1a64:0000000000000000
annotations:
  - id: a1
    label: misleading
    reviewer: jane
    target:
      exact: ${trade.target.selector.exact}
      start: ${trade.target.position.start}
      end: ${trade.target.position.end}
`;

const WITH_CORRECTIONS = `version: 2
article: story.txt
annotations: []
corrections:
  # the model took her for a place
  entities:
    - mention: Lam
      type: PERSON
      reviewer: jane
      date: 2026-12-07T06:00:00Z
    - mention: FILE
      type: none
    - merge: [Kim Jong Un, Kim]
    - split: ["Kim Jong Un", "Kim Jong Il"]   # father and son
  sources:
    - source: a U.S. Embassy spokesperson
      kind: organisation
      affiliation: U.S. Embassy
`;

const lam: EntityCorrection = { kind: 'retype', mention: 'Lam', type: 'PERSON', reviewer: 'ada', date: '2026-12-07T07:00:00Z' };

describe('sidecar corrections: parse and validate', () => {
  it('reads every kind of entity correction and the source corrections', () => {
    const s = parseSidecar(WITH_CORRECTIONS, { articlePath: 'story.txt' });
    assert.equal(s.error, null);
    assert.equal(s.writable, true);
    assert.deepEqual(s.correctionProblems, []);
    assert.deepEqual(s.corrections.entities, [
      { kind: 'retype', mention: 'Lam', type: 'PERSON', reviewer: 'jane', date: '2026-12-07T06:00:00Z' },
      { kind: 'retype', mention: 'FILE', type: 'none' },
      { kind: 'merge', names: ['Kim Jong Un', 'Kim'] },
      { kind: 'split', names: ['Kim Jong Un', 'Kim Jong Il'] },
    ]);
    assert.deepEqual(s.corrections.sources, [{ source: 'a U.S. Embassy spokesperson', kind: 'organisation', affiliation: 'U.S. Embassy' }]);
  });

  it('reads a version 1 sidecar as one without corrections', () => {
    const s = parseSidecar(V1, { articlePath: 'story.txt' });
    assert.equal(s.writable, true);
    assert.equal(s.header.version, 1);
    assert.deepEqual(s.corrections, { entities: [], sources: [] });
    assert.equal(s.annotations.length, 1);
  });

  it('reports a bad entry with its line and keeps the good ones', () => {
    const text = WITH_CORRECTIONS.replace('type: none', 'type: THING').replace('kind: organisation', 'kind: government');
    const s = parseSidecar(text, { articlePath: 'story.txt' });
    assert.equal(s.corrections.entities.length, 3);
    assert.equal(s.corrections.sources.length, 0);
    assert.equal(s.correctionProblems.length, 2);
    assert.match(s.correctionProblems[0]!.message, /^correction entities 2: `type` must be one of PERSON, ORG, PLACE, NORP, none \(line 11, column 7\)$/);
    assert.match(s.correctionProblems[1]!.message, /^correction sources 1: `kind` must be one of person, organisation, actor-place, anonymous/);
  });

  it('refuses entries that say two things or too little', () => {
    const bad = ['- {mention: Lam}', '- {merge: [Kim]}', '- {split: [Kim, Kim]}', '- {mention: Lam, type: PERSON, merge: [a, b]}', '- just text', '- {mention: "", type: ORG}'];
    const s = parseSidecar(`version: 2\ncorrections:\n  entities:\n${bad.map((b) => `    ${b}\n`).join('')}`);
    assert.deepEqual(s.corrections.entities, []);
    assert.deepEqual(s.correctionProblems.map((p) => p.problems[0]), [
      '`type` is missing (PERSON, ORG, PLACE, NORP or none)',
      '`merge` must be a list of two or more names',
      '`split` names the same text twice',
      'entry has both `mention` and `merge`; write them as two entries',
      'entry is not a mapping of keys to values',
      '`mention` is empty',
    ]);
  });

  it('refuses a corrections section of the wrong shape as a whole, read-only', () => {
    const s = parseSidecar('version: 2\ncorrections: [a, b]\n');
    assert.equal(s.writable, false);
    assert.match(s.error!.message, /`corrections` must be a mapping/);
    assert.match(parseSidecar('version: 2\ncorrections:\n  entities: Lam\n').error!.message, /`corrections.entities` must be a list/);
  });
});

describe('sidecar corrections: writing', () => {
  it('adds the first correction to a version 1 file as version 2, every other byte unchanged', () => {
    const s = parseSidecar(V1, { articlePath: 'story.txt' });
    const r = updateSidecar(s, { corrections: { add: { entities: [lam] } } });
    assert.ok(r.ok && r.text);
    assert.equal(r.text, V1.replace('version: 1', 'version: 2') + 'corrections:\n  entities:\n    - mention: Lam\n      type: PERSON\n      reviewer: ada\n      date: 2026-12-07T07:00:00Z\n');
    assert.deepEqual(parseSidecar(r.text, { articlePath: 'story.txt' }).corrections.entities, [lam]);
  });

  it('appends to and cuts from an existing list, keeping comments and the other entries byte for byte', () => {
    const s = parseSidecar(WITH_CORRECTIONS, { articlePath: 'story.txt' });
    const fileEntry = s.corrections.entities[1]!;
    const r = updateSidecar(s, { corrections: { add: { entities: [{ kind: 'retype', mention: 'Kremlin', type: 'ORG' }] }, remove: { entities: [fileEntry] } } });
    assert.ok(r.ok && r.text);
    assert.equal(r.text, WITH_CORRECTIONS.replace('    - mention: FILE\n      type: none\n', '').replace('   # father and son\n', '   # father and son\n    - mention: Kremlin\n      type: ORG\n'));
  });

  it('replaces an earlier retype of the same mention (recordEntityCorrection), also when it is the last entry', () => {
    const once = updateSidecar(parseSidecar(V1), { corrections: { add: { entities: [lam] } } });
    assert.ok(once.ok && once.text);
    const parsed = parseSidecar(once.text);
    const again = updateSidecar(parsed, { corrections: recordEntityCorrection(parsed.corrections, { kind: 'retype', mention: 'Lam', type: 'ORG' }) });
    assert.ok(again.ok && again.text);
    assert.deepEqual(parseSidecar(again.text).corrections.entities, [{ kind: 'retype', mention: 'Lam', type: 'ORG' }]);
    assert.equal(again.text, once.text.replace(/    - mention: Lam\n[^]*$/, '    - mention: Lam\n      type: ORG\n'));
  });

  it('drops a merge of the same names when they are split, and the other way round', () => {
    const s = parseSidecar(WITH_CORRECTIONS);
    const changes = recordEntityCorrection(s.corrections, { kind: 'merge', names: ['Kim Jong Il', 'Kim Jong Un'] });
    assert.deepEqual(changes.remove!.entities, [{ kind: 'split', names: ['Kim Jong Un', 'Kim Jong Il'] }]);
  });

  it('writes nothing when the correction is already there', () => {
    const s = parseSidecar(WITH_CORRECTIONS);
    assert.deepEqual(updateSidecar(s, { corrections: { add: { entities: [{ kind: 'merge', names: ['Kim Jong Un', 'Kim'] }] } } }), { ok: true, text: null });
  });

  it('creates a new file with corrections as version 2, and without as version 1', () => {
    const empty = parseSidecar('', { articlePath: 'story.txt' });
    const r = updateSidecar(empty, { corrections: { add: { entities: [lam], sources: [{ source: 'officials', kind: 'anonymous' }] } } });
    assert.ok(r.ok && r.text);
    const back = parseSidecar(r.text, { articlePath: 'story.txt' });
    assert.equal(back.header.version, 2);
    assert.deepEqual(back.corrections, { entities: [lam], sources: [{ source: 'officials', kind: 'anonymous' }] });
    assert.match(createSidecar({ article: 'story.txt', textHash: '' }, []), /^version: 1$/m);
  });

  it('keeps an entry this version cannot read when the list is edited', () => {
    const text = WITH_CORRECTIONS.replace('type: none', 'type: THING');
    const r = updateSidecar(parseSidecar(text), { corrections: { add: { entities: [{ kind: 'retype', mention: 'Pyongyang', type: 'PLACE' }] } } });
    assert.ok(r.ok && r.text);
    assert.match(r.text, /type: THING/);
  });
});

describe('sidecar corrections: three-way merge', () => {
  it('keeps corrections added on both sides and honours one removed on ours', () => {
    const base = WITH_CORRECTIONS;
    const parsedBase = parseSidecar(base);
    const mine = updateSidecar(parsedBase, { corrections: { add: { entities: [{ kind: 'retype', mention: 'Pyongyang', type: 'PLACE' }] }, remove: { entities: [parsedBase.corrections.entities[1]!] } } });
    const theirs = updateSidecar(parsedBase, { corrections: { add: { entities: [{ kind: 'retype', mention: 'Kremlin', type: 'ORG' }] } }, upsert: [trade] });
    assert.ok(mine.ok && mine.text && theirs.ok && theirs.text);
    const merged = mergeSidecarTexts(base, mine.text, theirs.text, idGenerator());
    assert.ok(merged.ok && merged.text);
    const result = parseSidecar(merged.text);
    assert.deepEqual(result.corrections.entities.map((c) => (c.kind === 'retype' ? c.mention : c.names.join('+'))), ['Lam', 'Kim Jong Un+Kim', 'Kim Jong Un+Kim Jong Il', 'Kremlin', 'Pyongyang']);
    assert.equal(result.annotations.length, 1);
  });
});
