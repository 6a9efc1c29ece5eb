// The extension wakes up for news articles and gives them the `news` language: by file name for
// seeds/*.txt, by reading the text for other .txt files, and never for ordinary notes.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { NewsAnnotatorApi } from '../../src/vscode/api';
import {
  NEWS_LANGUAGE, WORKSPACE_FILES, currentLanguage, extension, openInEditor, seedUris, sleep, waitFor, workspaceUri,
} from './helpers';

describe('activation and article language', () => {
  /** How long the sniffer took on a real article; the negative case waits several times this. */
  let sniffMs = 0;

  it('activates when a seed article is opened', async () => {
    const [firstSeed] = await seedUris();
    assert.ok(firstSeed, 'the workspace holds at least one seed article');
    await openInEditor(firstSeed);
    const ext = extension();
    await waitFor(() => ext.isActive, 'the extension to activate');
    // Printed, not asserted (the goals: activation under 100 ms, the worker ready under 150 ms).
    const api = ext.exports as NewsAnnotatorApi;
    console.log(`  activation: activate() took ${api.activationMs.toFixed(1)} ms`);
    const ready = await api.workerReady;
    assert.ok(ready, 'the analysis worker got ready');
    const ms = (n: number) => `${n.toFixed(0)} ms`;
    console.log(`  activation: analysis worker started for the first article: bundle loaded after ${ms(ready.loadedMs)}, models decoded (ready) after ${ms(ready.readyMs)}`);
  });

  it('gives every seeds/*.txt file the news language', async () => {
    const seeds = await seedUris();
    for (const uri of seeds) {
      const editor = await openInEditor(uri);
      assert.equal(editor.document.languageId, NEWS_LANGUAGE, vscode.workspace.asRelativePath(uri));
    }
  });

  it('switches a .txt article outside seeds/ to news after reading it', async () => {
    const uri = workspaceUri(WORKSPACE_FILES.sniffedArticle);
    const started = Date.now();
    // No glob matches inbox/report.txt, so VS Code opens it as plaintext; the extension reads it
    // (possibly before the editor even shows) and switches it.
    await openInEditor(uri);
    await waitFor(() => currentLanguage(uri) === NEWS_LANGUAGE, `${WORKSPACE_FILES.sniffedArticle} to become news`);
    sniffMs = Date.now() - started;
  });

  it('leaves a .txt file that is not an article as plain text', async () => {
    const uri = workspaceUri(WORKSPACE_FILES.plainNotes);
    await openInEditor(uri);
    // Nothing to wait for when the answer is "no change": give the detector ample time to act.
    await sleep(Math.min(8000, Math.max(1500, sniffMs * 3)));
    assert.equal(currentLanguage(uri), 'plaintext');
  });
});
