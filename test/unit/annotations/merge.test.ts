import { strict as assert } from 'node:assert';
import { idGenerator } from '../../../src/core/annotations/ids';
import { merge } from '../../../src/core/annotations/merge';
import { mergeSidecarTexts } from '../../../src/core/annotations/mergeFiles';
import { parseSidecar } from '../../../src/core/annotations/parse';
import { createSidecar, updateSidecar } from '../../../src/core/annotations/write';
import { Annotation } from '../../../src/core/annotations/types';
import { seededRandom } from './editModel';
import { ARTICLE, annotationOn } from './fixtures';

const a = annotationOn(ARTICLE, 'Trade between the two countries rose to $34 million last year', { id: 'aaa' });
const b = annotationOn(ARTICLE, 'will visit North Korea on Tuesday', { id: 'bbb', label: 'verified' });
const c = annotationOn(ARTICLE, 'officials said', { id: 'ccc', label: 'unverified' });
const edit = (x: Annotation, changes: Partial<Annotation>): Annotation => ({ ...x, ...changes, updated: '2026-11-22T08:00:00Z' });
const ids = () => idGenerator(seededRandom(3), 6);

describe('merge (three-way, by annotation id)', () => {
  it('takes a change made on one side only', () => {
    const mine = [edit(a, { label: 'false' }), b];
    const theirs = [a, edit(b, { note: 'Confirmed by TASS.' })];
    const result = merge([a, b], mine, theirs, ids());
    assert.deepEqual(result.annotations, [mine[0], theirs[1]]);
    assert.deepEqual(result.conflicts, []);
  });

  it('keeps additions from both sides', () => {
    const c2 = { ...c, id: 'ddd', label: 'opinion' };
    const result = merge([a], [a, c], [a, c2], ids());
    assert.deepEqual(result.annotations.map((x) => x.id), ['aaa', 'ddd', 'ccc']);
    assert.deepEqual(result.conflicts, []);
  });

  it('deletes what one side deleted and the other left alone', () => {
    assert.deepEqual(merge([a, b], [a], [a, b], ids()).annotations, [a]);
    assert.deepEqual(merge([a, b], [a, b], [b], ids()).annotations, [b]);
    assert.deepEqual(merge([a, b], [b], [a], ids()).annotations, []);
  });

  it('keeps both versions, flagged, when both sides changed one annotation differently', () => {
    const mine = edit(a, { label: 'false' });
    const theirs = edit(a, { label: 'disputed', note: 'Both figures exist.' });
    const result = merge([a], [mine], [theirs], ids());
    assert.equal(result.annotations.length, 2);
    const [t, m] = result.annotations;
    assert.deepEqual(t, { ...theirs, conflict: true });
    assert.equal(m!.label, 'false');
    assert.equal(m!.conflict, true);
    assert.notEqual(m!.id, 'aaa');
    assert.match(m!.id, /^[0-9a-z]{6}$/);
    assert.deepEqual(result.conflicts.map((x) => [x.kind, x.id, x.mineId]), [['both-changed', 'aaa', m!.id]]);
    assert.match(result.conflicts[0]!.message, /Both sides changed/);
  });

  it('the same change on both sides is no conflict', () => {
    const same = edit(a, { label: 'false' });
    assert.deepEqual(merge([a], [same], [{ ...same }], ids()), { annotations: [same], conflicts: [] });
  });

  it('keeps a changed annotation that the other side deleted, and says so', () => {
    const changed = edit(a, { note: 'New source found.' });
    for (const result of [merge([a], [changed], [], ids()), merge([a], [], [changed], ids())]) {
      assert.deepEqual(result.annotations, [{ ...changed, conflict: true }]);
      assert.equal(result.conflicts[0]!.kind, 'changed-and-deleted');
    }
  });

  it('merges files into their copy, keeping their comments', () => {
    const base = createSidecar({ article: 'story.txt', textHash: '' }, [a, b]);
    const theirsText = base.replace('annotations:', '# reviewed by the desk\nannotations:');
    const mineStore = parseSidecar(base, { articlePath: 'story.txt' });
    const mineUpdate = updateSidecar(mineStore, { upsert: [edit(a, { label: 'false' }), c], remove: ['bbb'] });
    assert.ok(mineUpdate.ok && mineUpdate.text !== null);
    const result = mergeSidecarTexts(base, mineUpdate.text, theirsText, ids(), 'story.txt');
    assert.ok(result.ok && result.text !== null);
    assert.ok(result.text.includes('# reviewed by the desk'));
    const merged = parseSidecar(result.text, { articlePath: 'story.txt' });
    assert.deepEqual(merged.annotations.map((x) => [x.id, x.label]), [['aaa', 'false'], ['ccc', 'unverified']]);
    assert.deepEqual(result.conflicts, []);
  });

  it('refuses to merge an unreadable version', () => {
    const ok = createSidecar({ article: 'story.txt', textHash: '' }, [a]);
    const result = mergeSidecarTexts(ok, ok, 'annotations: [', ids());
    assert.equal(result.ok, false);
    assert.ok(!result.ok && /theirs version is unreadable/.test(result.error));
  });
});
