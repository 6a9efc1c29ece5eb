// REPORTS (does not assert) open and single keystrokes on a 10 MB article: open -> first highlights
// in the viewport, open -> whole decorations, keystroke -> updated decorations and round trip at
// places spread through the file, the longest extension-host block. Runs last: it is the slowest.
// The article is over the editor's default size limit (10 MB), so the test lifts the limit, as a
// user who wants such a file highlighted would, and puts it back after.
import * as vscode from 'vscode';
import type { NewsAnnotatorApi } from '../../src/vscode/api';
import { extension, scratchFile, seedUris } from './helpers';
import { blockMonitor, nextApply, openProbe, reportOpen, reportSpread, spreadKeystrokes } from './latencyProbes';

const TARGET_CHARS = 10 * 1024 * 1024;
const EDITS = 10;

describe('latency on a 10 MB article (report only)', () => {
  it('measures open and single keystrokes spread through a 10 MB article', async function () {
    this.timeout(600_000);
    const ext = extension();
    await ext.activate();
    const api = ext.exports as NewsAnnotatorApi;
    const settings = vscode.workspace.getConfiguration('newsAnnotator');
    await settings.update('maxArticleSizeMB', 0, vscode.ConfigurationTarget.Workspace);
    try {
      await measure(api);
    } finally {
      await settings.update('maxArticleSizeMB', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});

async function measure(api: NewsAnnotatorApi): Promise<void> {
  const seeds = await Promise.all((await seedUris()).map(async (u) => new TextDecoder().decode(await vscode.workspace.fs.readFile(u))));
  let content = '';
  for (let i = 0; content.length < TARGET_CHARS; i++) content += seeds[i % seeds.length] + '\n\n';

  // A file of its own, written before the host thread is watched.
  const uri = await scratchFile('latency-10mb', '.news.txt', content);
  const monitor = blockMonitor();
  const probe = openProbe(api, (d) => d.uri.toString() === uri.toString());
  const opened = probe.marks.opened;
  const doc = await vscode.workspace.openTextDocument(uri);
  probe.marks.documentOpen = performance.now();
  let firstHighlightsMs = 0;
  const firstHighlights = nextApply(api, doc, () => doc.version, true).then(() => (firstHighlightsMs = performance.now() - opened));
  const firstPaint = nextApply(api, doc, () => doc.version);
  const editor = await vscode.window.showTextDocument(doc);
  probe.marks.shown = performance.now();
  await firstHighlights;
  await firstPaint;
  const openMarks = await probe.done;
  probe.dispose();
  const openMs = performance.now() - opened;
  const openBlockMs = monitor.stop();
  const round = (n: number) => Math.round(n * 10) / 10;
  console.log(`latency: 10 MB article (${content.length} chars): open -> first highlights in the viewport ${round(firstHighlightsMs)} ms, open -> whole decorations ${round(openMs)} ms; longest host block ${round(openBlockMs)} ms`);
  reportOpen('10 MB', openMarks);
  reportSpread('10 MB', await spreadKeystrokes(api, editor, EDITS));
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}
