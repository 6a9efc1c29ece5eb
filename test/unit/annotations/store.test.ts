import { strict as assert } from 'node:assert';
import { idGenerator } from '../../../src/core/annotations/ids';
import { parseSidecar } from '../../../src/core/annotations/parse';
import { createSidecar } from '../../../src/core/annotations/write';
import { lockPathFor, SidecarStore, type UpdateOutcome } from '../../../src/core/annotations/store';
import { ARTICLE, annotationOn } from './fixtures';
import { MemoryFs, MemoryProcesses, seeded } from './memoryFs';
import { runAlone, StepRun } from './stepper';

const PATH = '/news/story.annotations.yaml';
const ARTICLE_PATH = '/news/story.txt';
const a1 = annotationOn(ARTICLE, 'the Kremlin said', { id: 'a1' });
const b2 = annotationOn(ARTICLE, 'officials said', { id: 'b2', label: 'verified' });

function setup() {
  const fs = new MemoryFs();
  const procs = new MemoryProcesses(seeded(3));
  const store = (pid: number) => new SidecarStore(fs, procs.spawn(pid), { newId: idGenerator(seeded(pid), 5) });
  return { fs, procs, store };
}

const add = (a: typeof a1) => ({ articlePath: ARTICLE_PATH, edit: () => ({ upsert: [a] }) });
const ids = (fs: MemoryFs) => parseSidecar(fs.text(PATH) ?? '').annotations.map((a) => a.id).sort();

describe('sidecar store', () => {
  it('two writers interleaved call by call both keep their claim (the lock serialises them)', () => {
    const { fs, store } = setup();
    const runs = [new StepRun(store(1).updateSteps(PATH, add(a1)), 1), new StepRun(store(2).updateSteps(PATH, add(b2)), 2)];
    while (runs.some((r) => !r.done)) for (const r of runs) r.step(fs);
    assert.ok(runs.every((r) => r.result?.ok && r.result.written));
    assert.deepEqual(ids(fs), ['a1', 'b2']);
    assert.equal(fs.text(lockPathFor(PATH)), undefined, 'the lock is released');
  });

  it('recovers a lock left by a process that died, and one older than the bound', () => {
    const { fs, procs, store } = setup();
    procs.spawn(77);
    procs.kill(77);
    fs.put(lockPathFor(PATH), JSON.stringify({ pid: 77, host: 'test-host', time: procs.clock, nonce: 'x' }));
    const first = store(1).updateSync(PATH, add(a1));
    assert.ok(first.ok && first.recoveredLocks === 1);
    // A process on another host (its pid cannot be checked) that took the lock 31 s ago and never let go.
    fs.put(lockPathFor(PATH), JSON.stringify({ pid: 5, host: 'elsewhere', time: procs.clock - 31_000, nonce: 'y' }));
    const second = store(2).updateSync(PATH, add(b2));
    assert.ok(second.ok && second.recoveredLocks === 1);
    assert.deepEqual(ids(fs), ['a1', 'b2']);
  });

  it('waits for a live lock, then gives up naming the holder and the lock file', () => {
    const { fs, procs } = setup();
    procs.spawn(9);
    const lock = JSON.stringify({ pid: 9, host: 'test-host', time: procs.clock, nonce: 'z' });
    fs.put(lockPathFor(PATH), lock);
    const s = new SidecarStore(fs, procs.spawn(1), { lock: { staleMs: 60_000, timeoutMs: 2_000 } });
    const outcome = s.updateSync(PATH, add(a1));
    assert.equal(outcome.ok, false);
    assert.ok(!outcome.ok && outcome.kind === 'locked');
    assert.match(!outcome.ok ? outcome.message : '', /locked by process 9 on test-host.*delete \/news\/story\.annotations\.yaml\.lock/);
    assert.equal(fs.text(lockPathFor(PATH)), lock, 'a live lock is not broken');
    assert.equal(fs.text(PATH), undefined);
  });

  it('waits as long as the lock keeps changing hands (a long queue of writers), without breaking live locks', () => {
    const { fs, procs } = setup();
    const lock = lockPathFor(PATH);
    let turns = 0;
    let reads = 0;
    fs.inject = (op, path) => {
      // Every few polls another live writer takes its turn; after 40 turns the queue is empty.
      if (op === 'read' && path === lock && ++reads % 3 === 0) {
        if (++turns <= 40) {
          procs.spawn(500 + turns);
          fs.put(lock, JSON.stringify({ pid: 500 + turns, host: 'test-host', time: procs.clock, nonce: `t${turns}` }));
        } else fs.remove(lock);
      }
      return undefined;
    };
    procs.spawn(500);
    fs.put(lock, JSON.stringify({ pid: 500, host: 'test-host', time: procs.clock, nonce: 't0' }));
    const startedAt = procs.clock;
    const s = new SidecarStore(fs, procs.spawn(1), { lock: { timeoutMs: 500 } });
    const outcome = s.updateSync(PATH, add(a1));
    assert.ok(outcome.ok && outcome.written && outcome.recoveredLocks === 0, JSON.stringify(outcome));
    assert.ok(procs.clock - startedAt > 500, 'waited longer than the timeout in all');
    assert.deepEqual(ids(fs), ['a1']);
  });

  it('a crash between writing and renaming leaves the old file; the next writer recovers the lock', () => {
    const { fs, procs, store } = setup();
    fs.put(PATH, createSidecar({ article: 'story.txt', textHash: '' }, [a1]));
    const before = fs.text(PATH);
    fs.inject = (op) => (op === 'writeAtomic' ? 'crash' : undefined);
    const run = runAlone(new StepRun(store(1).updateSteps(PATH, add(b2)), 1), fs);
    assert.ok(run.crashed);
    procs.kill(1);
    assert.equal(fs.text(PATH), before);
    assert.ok(fs.text(lockPathFor(PATH)) !== undefined, 'the dead process still holds the lock');
    fs.inject = () => undefined;
    const next = store(2).updateSync(PATH, add(b2));
    assert.ok(next.ok && next.written && next.recoveredLocks === 1);
    assert.deepEqual(ids(fs), ['a1', 'b2']);
  });

  for (const fault of ['ENOSPC', 'EACCES'] as const) {
    it(`${fault} on write: reported as an I/O failure, file unchanged, lock released`, () => {
      const { fs, store } = setup();
      fs.put(PATH, createSidecar({ article: 'story.txt', textHash: '' }, [a1]));
      const before = fs.text(PATH);
      fs.inject = (op) => (op === 'writeAtomic' ? fault : undefined);
      const outcome = store(1).updateSync(PATH, add(b2));
      assert.ok(!outcome.ok && outcome.kind === 'io');
      assert.match(!outcome.ok ? outcome.message : '', new RegExp(fault));
      assert.equal(fs.text(PATH), before);
      assert.equal(fs.text(lockPathFor(PATH)), undefined);
    });
  }

  it('refuses an unreadable sidecar and a read-only one without touching them', () => {
    const { fs, store } = setup();
    const broken = 'version: 1\nannotations:\n  - id: a1\n    label: [unclosed\n';
    fs.put(PATH, broken);
    const unreadable = store(1).updateSync(PATH, add(b2));
    assert.ok(!unreadable.ok && unreadable.kind === 'unreadable');
    assert.match(!unreadable.ok ? unreadable.message : '', /line \d+, column \d+.*left untouched/);
    assert.equal(fs.text(PATH), broken);
    const good = createSidecar({ article: 'story.txt', textHash: '' }, [a1]);
    fs.put(PATH, good, true);
    const readOnly = store(1).updateSync(PATH, add(b2));
    assert.ok(!readOnly.ok && readOnly.kind === 'read-only');
    assert.equal(fs.text(PATH), good);
  });

  it('a writer that ignores the lock and saves between read and write is not overwritten', () => {
    const { fs, store } = setup();
    fs.put(PATH, createSidecar({ article: 'story.txt', textHash: '' }, [a1]));
    const run = new StepRun(store(1).updateSteps(PATH, add(b2)), 1);
    let reads = 0;
    fs.inject = (op, path) => {
      // After the store read the sidecar and planned its write, a sync tool saves a third claim.
      if (op === 'read' && path === PATH && ++reads === 2) {
        fs.put(PATH, createSidecar({ article: 'story.txt', textHash: '' }, [a1, annotationOn(ARTICLE, 'Putin to visit North Korea', { id: 'c3' })]));
      }
      return undefined;
    };
    runAlone(run, fs);
    assert.ok(run.result?.ok && run.result.written);
    assert.deepEqual(ids(fs), ['a1', 'b2', 'c3']);
  });

  it('an edit made on an older copy is merged into the current file; a claim changed on both sides keeps both', () => {
    const { fs, store } = setup();
    const base = createSidecar({ article: 'story.txt', textHash: '' }, [a1, b2]);
    fs.put(PATH, base);
    // Meanwhile another writer relabels a1 and adds c3.
    const c3 = annotationOn(ARTICLE, 'Putin to visit North Korea', { id: 'c3' });
    assert.ok(store(2).updateSync(PATH, { articlePath: ARTICLE_PATH, edit: () => ({ upsert: [{ ...a1, label: 'false' }, c3] }) }).ok);
    // The editor, still on `base`, relabels a1 too and removes b2.
    const outcome: UpdateOutcome = store(1).updateSync(PATH, {
      articlePath: ARTICLE_PATH,
      base,
      edit: (current) => ({ upsert: [{ ...current.annotations.find((a) => a.id === 'a1')!, label: 'disputed' }], remove: ['b2'] }),
    });
    assert.ok(outcome.ok && outcome.merged && outcome.written);
    assert.equal(outcome.conflicts.length, 1);
    assert.match(outcome.conflicts[0]!.message, /both versions are kept/);
    const after = parseSidecar(fs.text(PATH)!).annotations;
    const labels = after.map((a) => `${a.label}${a.conflict ? '!' : ''}`).sort();
    assert.deepEqual(labels, ['disputed!', 'false!', 'misleading']);
    assert.ok(after.some((a) => a.id === 'c3'));
    assert.ok(!after.some((a) => a.id === 'b2'));
  });
});
