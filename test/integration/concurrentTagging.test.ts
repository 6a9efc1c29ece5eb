// The editor and the CLI share one sidecar store: the reviewer tags a claim in the editor while
// 20 `news-annotator tag` processes tag the same article, and every claim is kept.
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { parseSidecar } from '../../src/core/annotations';
import type { NewsAnnotatorApi } from '../../src/vscode/api';
import { extension, openInEditor, waitFor, workspaceUri } from './helpers';

const ARTICLE_PATH = 'reviews/crowd.news.txt';
const SIDECAR_PATH = 'reviews/crowd.news.annotations.yaml';
const CLI_WRITERS = 20;
const sentences = Array.from({ length: CLI_WRITERS + 1 }, (_, i) => `Statement ${i + 1} says the budget grew by ${i + 1} percent.`);
const ARTICLE = `Budget hearing draws a crowd\n\n${sentences.join('\n')}\n`;

function tagWithCli(cli: string, file: string, text: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [cli, 'tag', file, '--text', text, '--label', 'disputed', '--reviewer', 'cli'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => done({ code, stderr }));
  });
}

describe('editor and CLI tagging one article at once', () => {
  it(`keeps the editor's claim and all ${CLI_WRITERS} claims tagged by CLI processes meanwhile`, async function () {
    this.timeout(180_000);
    const uri = workspaceUri(ARTICLE_PATH);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(ARTICLE));
    const ext = extension();
    await ext.activate();
    const api = ext.exports as NewsAnnotatorApi;
    const editor = await openInEditor(uri);
    await waitFor(() => vscode.window.activeTextEditor?.document.languageId === 'news', 'the article to open as news');
    await api.annotations.snapshot(uri);

    const cli = join(ext.extensionPath, 'dist', 'cli.js');
    const cliRuns = sentences.slice(1).map((s) => tagWithCli(cli, uri.fsPath, s));
    // The reviewer tags the first statement while the processes run.
    const mine = sentences[0]!;
    const start = editor.document.getText().indexOf(mine);
    editor.selection = new vscode.Selection(editor.document.positionAt(start), editor.document.positionAt(start + mine.length));
    const win = vscode.window as unknown as Record<string, unknown>;
    const saved = { showQuickPick: win.showQuickPick, showInputBox: win.showInputBox };
    win.showQuickPick = async (items: readonly vscode.QuickPickItem[] | Thenable<readonly vscode.QuickPickItem[]>) => (await items).find((i) => i.label === 'verified');
    win.showInputBox = async () => '';
    try {
      await vscode.commands.executeCommand('newsAnnotator.tagClaim');
    } finally {
      Object.assign(win, saved);
    }
    const results = await Promise.all(cliRuns);
    for (const r of results) assert.equal(r.code, 0, r.stderr);

    const read = async () => parseSidecar(new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceUri(SIDECAR_PATH))), { articlePath: ARTICLE_PATH });
    const onDisk = await read();
    assert.equal(onDisk.error, null);
    const exacts = onDisk.annotations.map((a) => a.target.selector.exact).sort();
    assert.deepEqual(exacts, [...sentences].sort(), `kept ${exacts.length} of ${sentences.length}`);
    assert.equal(onDisk.annotations.find((a) => a.target.selector.exact === mine)?.label, 'verified');
    // The editor catches up with the file (its watcher reloads) and shows every claim.
    let shown: string[] = [];
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      shown = (await api.annotations.snapshot(uri)).map((c) => c.exact);
      if (shown.length === sentences.length) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    assert.deepEqual(shown.sort(), [...sentences].sort());
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
