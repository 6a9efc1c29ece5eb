// Reviewer entity corrections in a real editor: the commands on the name under the cursor write a
// correction into the sidecar, and the highlights and hover follow it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parseSidecar } from '../../src/core/annotations';
import type { NewsAnnotatorApi } from '../../src/vscode/api';
import { extension, openInEditor, waitFor, workspaceUri } from './helpers';

const ARTICLE_PATH = 'reviews/corrections.news.txt';
const SIDECAR_PATH = 'reviews/corrections.news.annotations.yaml';
const ARTICLE = [
  'Council approves new bridge',
  '',
  'The city council approved the new bridge on Monday, Mayor Anna Berg told Reuters.',
  '',
  '"This bridge will halve commuting times," Berg said. Reuters could not confirm the figure.',
  '',
].join('\n');

async function sidecarText(): Promise<string> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceUri(SIDECAR_PATH)));
  } catch {
    return '';
  }
}

describe('entity corrections', () => {
  let api: NewsAnnotatorApi;
  let editor: vscode.TextEditor;

  before(async () => {
    await vscode.workspace.fs.writeFile(workspaceUri(ARTICLE_PATH), new TextEncoder().encode(ARTICLE));
    const ext = extension();
    await ext.activate();
    api = ext.exports as NewsAnnotatorApi;
    await openInEditor(workspaceUri(ARTICLE_PATH));
    await waitFor(() => vscode.window.activeTextEditor?.document.languageId === 'news', 'the article to open as news');
    editor = vscode.window.activeTextEditor!;
    assert.ok(await api.analyses.whenAnalyzed(editor.document), 'the article is analysed');
  });

  it('retypes the name under the cursor through the quick pick, in the sidecar and in the highlights', async () => {
    const doc = editor.document;
    const at = doc.getText().indexOf('Reuters');
    const before = (await api.analyses.whenAnalyzed(doc))!.index.entityAt(at + 2);
    assert.ok(before, 'Reuters is an entity');
    assert.notEqual(before.type, 'PERSON');
    editor.selection = new vscode.Selection(doc.positionAt(at + 2), doc.positionAt(at + 2));
    const win = vscode.window as unknown as Record<string, unknown>;
    const saved = win.showQuickPick;
    const titles: string[] = [];
    win.showQuickPick = async (items: readonly (vscode.QuickPickItem & { type?: string })[], options?: vscode.QuickPickOptions) => {
      titles.push(options?.title ?? '');
      return items.find((i) => i.type === 'PERSON');
    };
    try {
      await vscode.commands.executeCommand('newsAnnotator.correctEntityType');
    } finally {
      win.showQuickPick = saved;
    }
    assert.match(titles[0]!, /Correct the type of “Reuters”/);
    let text = '';
    for (let i = 0; i < 300 && !text.includes('mention: Reuters'); i++) {
      text = await sidecarText();
      if (!text.includes('mention: Reuters')) await new Promise((r) => setTimeout(r, 100));
    }
    const parsed = parseSidecar(text, { articlePath: ARTICLE_PATH });
    assert.equal(parsed.header.version, 2);
    assert.deepEqual(parsed.corrections.entities.map((c) => (c.kind === 'retype' ? [c.mention, c.type] : null)), [['Reuters', 'PERSON']]);
    // Every mention of Reuters is a person now, in the analysis and in the highlights.
    await waitFor(() => api.analyses.peek(doc)?.index.entityAt(at + 2)?.type === 'PERSON', 'the analysis redone with the correction');
    const second = doc.getText().lastIndexOf('Reuters');
    assert.equal(api.analyses.peek(doc)!.index.entityAt(second + 2)?.type, 'PERSON');
    await waitFor(() => (api.decorator.appliedTo(editor)['entity.PERSON'] ?? []).some(([s]) => s === second), 'Reuters highlighted as a person');
  });

  it('marks the name under the cursor as no entity', async () => {
    const doc = editor.document;
    const at = doc.getText().indexOf('Anna Berg');
    editor.selection = new vscode.Selection(doc.positionAt(at + 1), doc.positionAt(at + 1));
    const entity = (await api.analyses.whenAnalyzed(doc))!.index.entityAt(at + 1);
    assert.ok(entity, 'Anna Berg is an entity');
    const mention = api.analyses.peek(doc)!.index.mentionAt(at + 1)!.text;
    await vscode.commands.executeCommand('newsAnnotator.notAnEntity');
    await waitFor(() => api.analyses.peek(doc)?.index.mentionAt(at + 1) === undefined, 'the analysis without it');
    assert.ok(parseSidecar(await sidecarText()).corrections.entities.some((c) => c.kind === 'retype' && c.mention === mention && c.type === 'none'));
  });
});
