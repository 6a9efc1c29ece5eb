// REPORTS (does not assert) how quickly a 1 MB article is re-decorated after typing, and the longest
// time the extension host thread was blocked meanwhile. Printed as `latency: …` lines.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { NewsAnnotatorApi } from '../../src/vscode/api';
import type { DecorationsApplied } from '../../src/vscode/decorations/decorator';
import { extension, seedUris, sleep } from './helpers';

const TARGET_CHARS = 1024 * 1024;
const KEYSTROKES = 12;
const KEYSTROKE_GAP_MS = 40;

/** Records the longest gap between timer ticks: how long the extension host thread was busy at once. */
function blockMonitor(): { stop(): number } {
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 1);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(longest, performance.now() - last);
    },
  };
}

function nextApply(api: NewsAnnotatorApi, doc: vscode.TextDocument, version: () => number): Promise<DecorationsApplied> {
  return new Promise((resolve) => {
    const sub = api.decorator.onDidApply((e) => {
      if (e.editor.document === doc && e.version === version()) {
        sub.dispose();
        resolve(e);
      }
    });
  });
}

describe('latency on a 1 MB article (report only)', () => {
  it('measures open-to-decorations and edit-to-decorations', async function () {
    this.timeout(120_000);
    const ext = extension();
    await ext.activate();
    const api = ext.exports as NewsAnnotatorApi;

    const seeds = await Promise.all((await seedUris()).map(async (u) => new TextDecoder().decode(await vscode.workspace.fs.readFile(u))));
    let content = '';
    for (let i = 0; content.length < TARGET_CHARS; i++) content += seeds[i % seeds.length] + '\n\n';

    let monitor = blockMonitor();
    const opened = performance.now();
    const doc = await vscode.workspace.openTextDocument({ language: 'news', content });
    const firstPaint = nextApply(api, doc, () => doc.version);
    const editor = await vscode.window.showTextDocument(doc);
    const first = await firstPaint;
    const openMs = performance.now() - opened;
    const openBlockMs = monitor.stop();
    const analyzed = api.analyses.peek(doc);
    assert.ok(analyzed, 'the article was analysed');

    // A burst of keystrokes in the middle of the article; decorations follow once, after the burst.
    await sleep(500);
    monitor = blockMonitor();
    let insertAt = doc.positionAt(Math.floor(doc.getText().length / 2));
    insertAt = new vscode.Position(insertAt.line, 0);
    let applies = 0;
    const counter = api.decorator.onDidApply((e) => {
      if (e.editor.document === doc) applies++;
    });
    let lastKeystroke = 0;
    const editMs: number[] = [];
    for (let i = 0; i < KEYSTROKES; i++) {
      const t = performance.now();
      await editor.edit((b) => b.insert(insertAt.translate(0, i), 'x'));
      editMs.push(performance.now() - t);
      lastKeystroke = performance.now();
      if (i < KEYSTROKES - 1) await sleep(KEYSTROKE_GAP_MS);
    }
    const painted = await nextApply(api, doc, () => doc.version);
    const editToPaintMs = performance.now() - lastKeystroke;
    const editBlockMs = monitor.stop();
    counter.dispose();
    const after = api.analyses.peek(doc)!;
    const ranges = Object.values(api.decorator.appliedTo(editor)).reduce((n, r) => n + r.length, 0);
    editMs.sort((x, y) => x - y);

    const round = (n: number) => Math.round(n * 10) / 10;
    const counts = `${analyzed.analysis.quotes.length} quotes, ${analyzed.analysis.entities.length} entities, ${analyzed.index.mentions.length} mentions`;
    console.log(`latency: article ${(content.length / 1024 / 1024).toFixed(2)} MiB (${content.length} chars), ${counts}`);
    console.log(`latency: open -> decorations ${round(openMs)} ms (analyze ${round(analyzed.analyzeMs)} ms, apply ${round(first.applyMs)} ms); longest host block ${round(openBlockMs)} ms`);
    console.log(`latency: last of ${KEYSTROKES} keystrokes -> decorations ${round(editToPaintMs)} ms (debounce 200 ms + analyze ${round(after.analyzeMs)} ms + apply ${round(painted.applyMs)} ms); decoration passes during the burst: ${applies}; ranges sent per pass: ${ranges}`);
    console.log(`latency: longest extension-host block while typing ${round(editBlockMs)} ms; keystroke round trip median ${round(editMs[editMs.length >> 1])} ms, slowest ${round(editMs[editMs.length - 1])} ms`);

    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
