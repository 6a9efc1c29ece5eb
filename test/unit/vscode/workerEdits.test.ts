// An open document's later texts go to the analysis worker as changes to the text it keeps, and
// come back as changes to the analysis the host holds (core/text/textEdit.ts,
// core/present/wireDelta.ts). The real worker entry, bundled as the extension ships it: each
// analysis must equal a fresh analyze() of the whole text, however the worker got there.
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { buildSync } from 'esbuild';
import { analyze } from '../../../src/core/analyze';
import { WorkerAnalyzer, type AnalysisRequest } from '../../../src/vscode/workerAnalyzer';
import { seededRandom as random } from '../annotations/editModel';
import { applyEdit, randomEdit } from '../randomEdits';

const root = join(__dirname, '../../..');
const seed = readFileSync(join(root, 'seeds', '000_af60520f71ff48c9.txt'), 'utf8');

describe('WorkerAnalyzer sends edits and receives changes', () => {
  let dir: string;
  let analyzer: WorkerAnalyzer;
  const sent: AnalysisRequest[] = [];
  // The worker's own postMessage, wrapped to record what the host sends (restored after).
  const post = Object.getOwnPropertyDescriptor(Worker.prototype, 'postMessage')!.value as Worker['postMessage'];
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'news-worker-edits-'));
    const file = join(dir, 'analysisWorker.js');
    buildSync({ entryPoints: [join(root, 'src/vscode/analysisWorker.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: file, logLevel: 'error' });
    analyzer = new WorkerAnalyzer(undefined, file, { assetsDir: join(root, 'assets') });
    Worker.prototype.postMessage = function (this: Worker, ...args: Parameters<Worker['postMessage']>) {
      const message: unknown = args[0];
      if (typeof message === 'object' && message !== null && 'text' in message) sent.push(message as AnalysisRequest);
      post.apply(this, args);
    };
  });
  after(() => {
    Worker.prototype.postMessage = post;
    analyzer.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives what a full analysis gives over random edits, sending each later text as an edit', async function () {
    this.timeout(60_000);
    const rnd = random(0xed175);
    let text = seed;
    assert.deepStrictEqual(await analyzer.analyze(text, 'doc:a'), analyze(text));
    for (let s = 0; s < 25; s++) {
      text = applyEdit(text, randomEdit(text, rnd));
      sent.length = 0;
      assert.deepStrictEqual(await analyzer.analyze(text, 'doc:a'), analyze(text), `edit ${s + 1}`);
      assert.equal(sent.length, 1);
      assert.equal(sent[0]!.text, '', 'the text went as an edit');
      assert.ok(sent[0]!.edit && sent[0]!.edit.middle.length < text.length / 4);
    }
  });

  it('sends the whole text again when the worker no longer keeps the one an edit applies to', async () => {
    let text = seed.slice(0, 3000);
    await analyzer.analyze(text, 'doc:b');
    // Many other documents since: the worker keeps a few, so doc:b's text is gone from it.
    for (let i = 0; i < 10; i++) await analyzer.analyze(`Headline ${i}\n\n“Yes,” said Ann Lee.\n`, `doc:other${i}`);
    text = text.replace('said', 'told reporters');
    sent.length = 0;
    assert.deepStrictEqual(await analyzer.analyze(text, 'doc:b'), analyze(text));
    assert.deepEqual(sent.map((m) => (m.text === '' ? 'edit' : 'text')), ['edit', 'text']);
  });

  it('sends the change the editor reported as it is, and compares the texts when it is to another text', async function () {
    this.timeout(60_000);
    const rnd = random(0xc4a9e);
    let text = seed;
    await analyzer.analyze(text, 'doc:c');
    for (let s = 0; s < 10; s++) {
      const e = randomEdit(text, rnd);
      const next = applyEdit(text, e);
      // As the editor reports an edit: bounded by the change, not the longest shared start and end.
      const edit = { head: e.at, tail: text.length - e.at - e.remove, middle: e.insert };
      sent.length = 0;
      assert.deepStrictEqual(await analyzer.analyze(next, 'doc:c', undefined, { from: text, edit }), analyze(next), `edit ${s + 1}`);
      assert.deepEqual(sent.map((m) => m.edit), [edit]);
      text = next;
    }
    // A change to a text the worker's analysis was not made from is not used.
    const next = text.replace('said', 'told reporters');
    sent.length = 0;
    const wrong = { from: 'another text', edit: { head: 0, tail: 0, middle: 'nonsense' } };
    assert.deepStrictEqual(await analyzer.analyze(next, 'doc:c', undefined, wrong), analyze(next));
    assert.notEqual(sent[0]!.edit!.middle, 'nonsense');
  });
});
