// An analysis' sources are found on the analysis worker only when asked for (sourcesOf), from the
// analysis the worker kept, or from the text again when the worker no longer keeps it. The real
// worker entry, bundled as the extension ships it, against collectSources in-process.
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { analyze } from '../../../src/core/analyze';
import { applySourceCorrections, collectSources } from '../../../src/core/sources';
import { SourcesSuperseded, sourcesOf } from '../../../src/vscode/analysisSources';
import { WorkerAnalyzer } from '../../../src/vscode/workerAnalyzer';
import type { Corrections } from '../../../src/core/annotations/types';

const root = join(__dirname, '../../..');
const seed = (name: string) => readFileSync(join(root, 'seeds', name), 'utf8');

describe('sources of an analysis, found on the worker when asked for', () => {
  let dir: string;
  let analyzer: WorkerAnalyzer;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'news-worker-sources-'));
    const file = join(dir, 'analysisWorker.js');
    buildSync({ entryPoints: [join(root, 'src/vscode/analysisWorker.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: file, logLevel: 'error' });
    analyzer = new WorkerAnalyzer(undefined, file, { assetsDir: join(root, 'assets') });
  });
  after(() => {
    analyzer.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives the sources collectSources finds for the analysed text', async () => {
    const text = seed('000_af60520f71ff48c9.txt');
    const analysis = await analyzer.analyze(text, 'doc:a');
    const sources = await sourcesOf(analysis);
    assert.ok(sources.sources.length > 0, 'the seed quotes someone');
    assert.deepEqual(sources, collectSources(text, analyze(text)));
    assert.equal(sourcesOf(analysis), sourcesOf(analysis), 'asked for once per analysis');
  });

  it('still gives an older analysis its own sources after the document was analysed again, and after the worker dropped it', async () => {
    const text = seed('001_21569e4679d671fa.txt');
    const older = await analyzer.analyze(text, 'doc:b');
    const edited = text.replace(/\n\n/, '\n\n“We will not stop,” said Maria Lopez.\n\n');
    const newer = await analyzer.analyze(edited, 'doc:b');
    // Many other documents since: the worker keeps a few, so doc:b's analyses are gone from it.
    for (let i = 0; i < 10; i++) await analyzer.analyze(`Headline ${i}\n\n“Yes,” said Ann Lee.\n`, `doc:other${i}`);
    assert.deepEqual(await sourcesOf(older), collectSources(text, analyze(text)));
    assert.deepEqual(await sourcesOf(newer), collectSources(edited, analyze(edited)));
    assert.ok((await sourcesOf(newer)).sources.some((s) => s.name === 'Maria Lopez'));
  });

  it('lets an analysis sent while sources are being found go first, then finds them', async () => {
    // Long enough that finding its sources passes many interruption checks.
    const text = Array.from({ length: 6 }, () => seed('000_af60520f71ff48c9.txt')).join('\n\n');
    const analysis = await analyzer.analyze(text, 'doc:long');
    const order: string[] = [];
    const sources = sourcesOf(analysis).then((s) => (order.push('sources'), s));
    const other = analyzer.analyze('Headline\n\n“Yes,” said Ann Lee.\n', 'doc:typed').then(() => order.push('analysis'));
    await Promise.all([sources, other]);
    assert.deepEqual(order, ['analysis', 'sources'], 'the analysis did not wait for the sources');
    assert.deepEqual(await sources, collectSources(text, analyze(text)), 'the sources are still found whole');
  });

  it('gives up the sources of an analysis that a newer one of its document replaced meanwhile', async () => {
    const text = Array.from({ length: 6 }, () => seed('001_21569e4679d671fa.txt')).join('\n\n');
    const older = await analyzer.analyze(text, 'doc:typing');
    const gone = sourcesOf(older);
    const edited = text.replace(/\n\n/, '\n\n“We will not stop,” said Maria Lopez.\n\n');
    const newer = await analyzer.analyze(edited, 'doc:typing');
    await assert.rejects(gone, SourcesSuperseded);
    assert.notEqual(sourcesOf(older), gone, 'a superseded answer is not kept');
    assert.deepEqual(await sourcesOf(newer), collectSources(edited, analyze(edited)));
  });

  it('applies the reviewer corrections the analysis was made with', async () => {
    const text = seed('000_af60520f71ff48c9.txt');
    const first = collectSources(text, analyze(text)).sources[0]!;
    const kind = first.kind === 'anonymous' ? 'organisation' : 'anonymous';
    const corrections: Corrections = { entities: [], sources: [{ source: first.name, kind }] };
    const analysis = await analyzer.analyze(text, 'doc:c', corrections);
    const got = await sourcesOf(analysis);
    assert.deepEqual(got, applySourceCorrections(collectSources(text, analyze(text)), corrections.sources).sources);
    assert.equal(got.sources.find((s) => s.key === first.key)?.kind, kind);
  });
});
