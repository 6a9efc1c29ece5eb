import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './runCli';
import { EXIT } from '../../src/cli/readArticle';
import type { CompareJson } from '../../src/cli/commands/compare';

const run = runCli;

const seedA = join(__dirname, '../../seeds/000_af60520f71ff48c9.txt');
const seedB = join(__dirname, '../../seeds/001_21569e4679d671fa.txt');

describe('CLI compare', () => {
  const dir = mkdtempSync(join(tmpdir(), 'news-compare-'));

  it('lists the command in the usage text', () => {
    assert.match(run(['help']).stdout, /compare A B \[--json\]/);
  });

  it('prints shared and unique statements of the seeds as JSON, exit 0 when they agree', () => {
    const r = run(['compare', seedA, seedB, '--json']);
    assert.equal(r.code, EXIT.ok, r.stderr);
    const json = JSON.parse(r.stdout) as CompareJson;
    assert.equal(json.a, seedA);
    assert.equal(json.conflicts, 0);
    assert.ok(json.shared.length >= 10);
    assert.ok(json.shared.some((s) => /most heavily sanctioned/.test(s.a.text) && /most-sanctioned/.test(s.b.text)));
    assert.ok(json.onlyA.some((s) => /Stoltenberg/.test(s.text)));
    assert.ok(json.onlyB.some((s) => /Easley/.test(s.text)));
    const textA = readFileSync(seedA, 'utf8');
    for (const s of json.shared) assert.equal(textA.slice(s.a.start, s.a.end), s.a.text);
    // Each pair says why, and how the wording differs.
    const accused = json.shared.find((s) => /Western countries have accused/.test(s.a.text))!;
    assert.match(accused.b.text, /accused Pyongyang of providing/);
    assert.match(accused.reason.text, /Pyongyang/);
    assert.ok(accused.diff.some((r) => r.op === 'equal' && /accused/.test(r.text)));
    assert.ok(accused.diff.some((r) => r.op === 'delete' && /Western countries/.test(r.text)));
    // One to one, and no residue.
    assert.equal(new Set(json.shared.map((s) => s.b.start)).size, json.shared.length);
    assert.ok(![...json.onlyA, ...json.onlyB].some((s) => /Published: Updated:|FILE -/.test(s.text)));
  });

  it('prints the reason and the word diff of each pair in the readable view, escaped', () => {
    const hostile = join(dir, 'hostile.txt');
    writeFileSync(hostile, readFileSync(seedA, 'utf8').replace('most heavily sanctioned', 'most heavily \x1b[31msanctioned'));
    const r = run(['compare', hostile, seedB]);
    assert.match(r.stdout, /why: Both name Russia and North Korea; shared words: world/);
    assert.match(r.stdout, /diff: Russia \[-is now, along with-\] \{\+and\+\} North Korea/);
    assert.doesNotMatch(r.stdout, /\x1b/);
  });

  it('shows a conflict in the readable view and exits 1', () => {
    const changed = join(dir, 'changed.txt');
    writeFileSync(changed, readFileSync(seedA, 'utf8').replace('first trip in 24 years', 'first trip in 23 years'));
    const r = run(['compare', changed, seedB]);
    assert.equal(r.code, EXIT.findings);
    assert.match(r.stdout, /In conflict \(1\)/);
    assert.match(r.stdout, /number: A says 23 years, B says 24 years/);
    assert.match(r.stdout, /Only in A \(\d+\)/);
    assert.doesNotMatch(r.stdout, /\x1b\[/);
  });

  it('refuses the wrong number of files (exit 2) and missing files (exit 3)', () => {
    const one = run(['compare', seedA]);
    assert.equal(one.code, EXIT.usage);
    assert.match(one.stderr, /exactly two FILEs/);
    const missing = run(['compare', seedA, join(dir, 'nope.txt')]);
    assert.equal(missing.code, EXIT.input);
    assert.match(missing.stderr, /no such file/);
  });
});
