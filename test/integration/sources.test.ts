// The sources of a seed in the real editor: the News view's Sources section (rows, and clicking a
// source selects its quotes and paraphrases), the source line in a speaker's hover, and the
// webview of sources across the open articles with its CSV export.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { NewsAnnotatorApi } from '../../src/vscode/api';
import type { ViewNode } from '../../src/core/present/viewTree';
import { extension, openInEditor, waitFor, workspaceUri } from './helpers';

const SEED = 'seeds/001_21569e4679d671fa.txt';

describe('sources of a seed article', () => {
  let api: NewsAnnotatorApi;
  let doc: vscode.TextDocument;

  before(async () => {
    const editor = await openInEditor(workspaceUri(SEED));
    const ext = extension();
    await waitFor(() => ext.isActive, 'the extension to activate');
    api = ext.exports as NewsAnnotatorApi;
    await waitFor(() => vscode.window.activeTextEditor?.document.languageId === 'news', 'the seed to be news');
    doc = vscode.window.activeTextEditor?.document ?? editor.document;
    await api.analyses.whenAnalyzed(doc);
    await waitFor(() => api.newsTree.currentDocument === doc, 'the News view to follow the seed');
  });

  async function sourcesSection(): Promise<ViewNode> {
    const sections = await api.newsTree.getChildren();
    const section = sections.find((s) => s.label === 'Sources');
    assert.ok(section, `a Sources section among ${sections.map((s) => s.label).join(', ')}`);
    return section;
  }

  it('lists every source of the seed with kind and counts, unnamed ones marked', async () => {
    const section = await sourcesSection();
    const rows = new Map(section.children.map((n) => [n.label, n.description]));
    assert.equal(rows.get('a U.S. Embassy spokesperson (unnamed)'), 'anonymous · 1 quote · 40 words (59%)');
    assert.equal(rows.get('Leif-Eric Easley'), 'person · 1 quote · 22 words (32%)');
    assert.equal(rows.get('Kremlin officials (unnamed)'), 'anonymous · 1 quote · 3 words (4%)');
    assert.equal(rows.get('U.S. and South Korean officials (unnamed)'), 'anonymous · 1 paraphrase');
    assert.equal(rows.get('Yuri Ushakov'), 'person · 1 paraphrase');
    assert.equal(rows.get('United States'), 'place/government · 2 paraphrases');
  });

  it('clicking a source selects all its statements in the editor', async () => {
    const section = await sourcesSection();
    const us = section.children.find((n) => n.label === 'United States');
    assert.ok(us);
    const item = api.newsTree.getTreeItem(us);
    assert.equal(item.command?.command, 'newsAnnotator.selectSpans');
    await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document, doc);
    const selected = editor.selections.map((s) => doc.getText(s));
    assert.equal(selected.length, 2);
    assert.match(selected[0]!, /^Both the United States and South Korea have also said that Russia/);
    assert.match(selected[1]!, /^The United States, after spending years/);
    // A statement's own row selects just that statement.
    const child = api.newsTree.getTreeItem(us.children[0]!);
    await vscode.commands.executeCommand(child.command!.command, ...(child.command!.arguments ?? []));
    assert.equal(vscode.window.activeTextEditor!.selections.length, 1);
  });

  it('the hover on a speaker gives its source line', async () => {
    const at = doc.getText().indexOf('a U.S. Embassy spokesperson') + 10;
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(at));
    const text = hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : '')).join('\n');
    assert.match(text, /Source: \*unnamed:\* \*\*a U\\\.S\\\. Embassy spokesperson\*\* · spokesperson · U\\\.S\\\. Embassy · anonymous · 1 quote/);
  });

  it('shows sources across the open articles in a webview and exports them as CSV', async () => {
    const panel = await vscode.commands.executeCommand<vscode.WebviewPanel>('newsAnnotator.showSourcesAcrossArticles');
    assert.ok(panel, 'the command returns its panel');
    assert.match(panel.webview.html, /Content-Security-Policy/);
    assert.match(panel.webview.html, /Leif-Eric Easley/);
    const { rows } = await api.sourcesPanel.rows();
    assert.ok(rows.some((r) => r.article.endsWith('001_21569e4679d671fa.txt') && r.source === 'Kremlin officials' && !r.named));
    const out = workspaceUri('sources-export.csv');
    await api.sourcesPanel.export('csv', out);
    const csv = Buffer.from(await vscode.workspace.fs.readFile(out)).toString('utf8');
    assert.match(csv, /^article,source,entity,named,kind,/);
    assert.match(csv, /,Leif-Eric Easley,Leif-Eric Easley,yes,person,Ewha University,professor at Ewha University,1,22,/);
    panel.dispose();
  });
});

describe('a reviewer correction of a source', () => {
  const ARTICLE_PATH = 'reviews/source-corrections.news.txt';
  const SIDECAR_PATH = 'reviews/source-corrections.news.annotations.yaml';
  const ARTICLE = [
    'Harbour to double its quays',
    '',
    '"We will double the quays by 2030," harbour master Lena Holm said on Tuesday.',
    '',
    'The port authority said that the work would start in spring.',
    '',
  ].join('\n');

  async function sourceRow(api: NewsAnnotatorApi, name: string): Promise<string | undefined> {
    const sections = await api.newsTree.getChildren();
    const row = sections.find((s) => s.label === 'Sources')?.children.find((n) => n.label === name);
    return row?.description;
  }

  it('shows the kind the sidecar gives a source, over the analysis, and the analysed kind once the correction is gone', async () => {
    const sidecar = ['version: 2', 'article: source-corrections.news.txt', 'annotations: []', 'corrections:', '  sources:', '    - source: Lena Holm', '      kind: organisation', '      affiliation: Port of Ystad', ''].join('\n');
    await vscode.workspace.fs.writeFile(workspaceUri(ARTICLE_PATH), new TextEncoder().encode(ARTICLE));
    await vscode.workspace.fs.writeFile(workspaceUri(SIDECAR_PATH), new TextEncoder().encode(sidecar));
    const ext = extension();
    await ext.activate();
    const api = ext.exports as NewsAnnotatorApi;
    await openInEditor(workspaceUri(ARTICLE_PATH));
    await waitFor(() => vscode.window.activeTextEditor?.document.languageId === 'news', 'the article to open as news');
    const doc = vscode.window.activeTextEditor!.document;
    await api.analyses.whenAnalyzed(doc);
    await waitFor(() => api.newsTree.currentDocument === doc, 'the News view to follow the article');
    let description: string | undefined;
    await waitFor(() => {
      void sourceRow(api, 'Lena Holm').then((d) => (description = d));
      return description?.startsWith('organisation') === true;
    }, 'the corrected kind of Lena Holm in the Sources section');
    // Without the correction the analysis calls her a person.
    await vscode.workspace.fs.writeFile(workspaceUri(SIDECAR_PATH), new TextEncoder().encode(['version: 1', 'article: source-corrections.news.txt', 'annotations: []', ''].join('\n')));
    await waitFor(() => {
      void sourceRow(api, 'Lena Holm').then((d) => (description = d));
      return description?.startsWith('person') === true;
    }, 'the analysed kind once the correction is gone');
  });
});
