import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseSidecar } from '../../src/core/annotations';
import { builtCli } from './buildCli';

const WRITERS = 20;

function run(cli: string, args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => done({ code, stderr }));
  });
}

describe('CLI: concurrent tag processes on one article', () => {
  it(`${WRITERS} processes tagging at once keep all ${WRITERS} claims`, async function () {
    this.timeout(180_000);
    const cli = builtCli();
    const dir = mkdtempSync(join(tmpdir(), 'news-concurrent-'));
    const file = join(dir, 'story.txt');
    const sentences = Array.from({ length: WRITERS }, (_, i) => `Statement ${i + 1} says the budget grew by ${i + 1} percent.`);
    writeFileSync(file, `Budget hearing\n\n${sentences.join('\n')}\n`);
    const results = await Promise.all(sentences.map((s, i) => run(cli, ['tag', file, '--text', s, '--label', 'disputed', '--reviewer', `r${i}`])));
    for (const r of results) assert.equal(r.code, 0, r.stderr);
    const parsed = parseSidecar(readFileSync(join(dir, 'story.annotations.yaml'), 'utf8'), { articlePath: file });
    assert.equal(parsed.error, null);
    assert.deepEqual(parsed.annotations.map((a) => a.target.selector.exact).sort(), [...sentences].sort());
    assert.equal(new Set(parsed.annotations.map((a) => a.id)).size, WRITERS);
    assert.deepEqual(readdirSync(dir).sort(), ['story.annotations.yaml', 'story.txt'], 'no lock or temp file left');
  });
});
