// The workspace index inside VS Code: the first scan, then files added, changed, renamed and
// deleted, as seen through entity and sentence hovers and the Find All Mentions command.
import * as assert from 'node:assert/strict';
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import * as vscode from 'vscode';
import type { ViewNode } from '../../src/core/present/viewTree';
import type { NewsAnnotatorApi } from '../../src/vscode/api';
import { extension, openInEditor, waitFor, workspaceRoot, workspaceUri } from './helpers';

const SEED_A = 'seeds/000_af60520f71ff48c9.txt';

/** The hovers' Markdown with escapes removed, so file names read as written ("001_…", "extra.news.txt"). */
function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n---\n')
    .replace(/\\([\\`*_{}[\]()#+\-.!<>|~])/g, '$1');
}

function positionOf(doc: vscode.TextDocument, needle: string, offsetInNeedle = 0): vscode.Position {
  const at = doc.getText().indexOf(needle);
  assert.ok(at >= 0, `"${needle}" occurs in the document`);
  return doc.positionAt(at + offsetInNeedle);
}

/** Polls the hover at `needle` until `test` holds on its text. */
async function waitForHover(doc: vscode.TextDocument, needle: string, test: (text: string) => boolean, what: string): Promise<string> {
  let text = '';
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, positionOf(doc, needle, 2));
    text = hoverText(hovers);
    if (test(text)) return text;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}; last hover:\n${text}`);
}

const EXTRA_ARTICLE = [
  'NATO chief warns on Russia ties',
  '',
  'NATO chief Jens Stoltenberg said on Monday that the alliance was watching the visit closely.',
  '',
  '“We will not be intimidated,” Stoltenberg told reporters in Brussels, according to officials.',
  '',
].join('\n');

describe('workspace corpus index', () => {
  let doc: vscode.TextDocument;
  // In a folder the workspace had from the start: a file written together with its new folder can
  // reach the file watcher before the watcher follows that folder, and then no event comes.
  const extra = workspaceUri('inbox/extra.news.txt');
  const renamed = workspaceUri('inbox/renamed.news.txt');

  before(async () => {
    const editor = await openInEditor(workspaceUri(SEED_A));
    doc = editor.document;
    await waitFor(() => extension().isActive, 'the extension to activate');
  });

  after(async () => {
    for (const uri of [extra, renamed]) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
  });

  it('indexes the seeds on start: an entity hover counts the other articles', async () => {
    // The workspace also holds inbox/report.txt, an article found only by sniffing.
    const text = await waitForHover(doc, 'Yuri Ushakov', (t) => /Yuri Ushakov\*\* in \d+ other articles?:.*001_21569e4679d671fa\.txt/.test(t), 'Ushakov in the other seed');
    assert.doesNotMatch(text, /other articles?:.*000_af60520f71ff48c9/, 'the hovered article does not count itself');
  });

  it('shows which other article reports the hovered sentence', async () => {
    const text = await waitForHover(doc, 'Russia is now, along with', (t) => /Also reported by/.test(t), 'a corroborating statement');
    assert.match(text, /001_21569e4679d671fa\.txt/);
    assert.match(text, /most-sanctioned countries/);
  });

  it('finds mentions in every indexed article with the Find All Mentions command', async () => {
    const editor = await openInEditor(doc.uri);
    editor.selection = new vscode.Selection(positionOf(doc, 'Vladimir Putin', 11), positionOf(doc, 'Vladimir Putin', 11));
    const locations = await vscode.commands.executeCommand<vscode.Location[]>('newsAnnotator.findMentionsInWorkspace');
    const files = new Set(locations.map((l) => l.uri.path.split('/').pop()));
    assert.ok(files.has('000_af60520f71ff48c9.txt') && files.has('001_21569e4679d671fa.txt'), [...files].join(', '));
    await vscode.commands.executeCommand('closeReferenceSearch');
  });

  it('follows files added, changed, renamed and deleted', async () => {
    const write = (uri: vscode.Uri, text: string) => vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    const stoltenbergCount = (n: number) => (t: string) => new RegExp(`Jens Stoltenberg\\*\\* in ${n} other article`).test(t);
    const noOther = (t: string) => !/Jens Stoltenberg\*\* in \d+ other article/.test(t) && /Stoltenberg/.test(t);

    await write(extra, EXTRA_ARTICLE);
    let text = await waitForHover(doc, 'Jens Stoltenberg', stoltenbergCount(1), 'the added article');
    assert.match(text, /extra\.news\.txt/);

    await write(extra, EXTRA_ARTICLE.replace(/Jens Stoltenberg|Stoltenberg/g, 'Mark Rutte'));
    await waitForHover(doc, 'Jens Stoltenberg', noOther, 'the changed article to drop Stoltenberg');

    await write(extra, EXTRA_ARTICLE);
    await waitForHover(doc, 'Jens Stoltenberg', stoltenbergCount(1), 'Stoltenberg back in the article');
    const edit = new vscode.WorkspaceEdit();
    edit.renameFile(extra, renamed, { overwrite: true });
    assert.ok(await vscode.workspace.applyEdit(edit));
    text = await waitForHover(doc, 'Jens Stoltenberg', (t) => stoltenbergCount(1)(t) && /renamed\.news\.txt/.test(t), 'the renamed article');
    assert.doesNotMatch(text, /extra\.news\.txt/);

    await vscode.workspace.fs.delete(renamed);
    await waitForHover(doc, 'Jens Stoltenberg', noOther, 'the deleted article to leave the index');
  });

  it('indexes the articles of a folder moved into the workspace at once', async () => {
    // Built beside the workspace (same file system), then renamed in: the watcher sees the folder only.
    const outside = await mkdtemp(join(dirname(workspaceRoot().fsPath), 'moved-'));
    const moved = workspaceUri('moved-in');
    try {
      await mkdir(join(outside, 'nested'));
      await writeFile(join(outside, 'nested', 'wire.news.txt'), EXTRA_ARTICLE);
      await rename(outside, moved.fsPath);
      const text = await waitForHover(doc, 'Jens Stoltenberg', (t) => /Jens Stoltenberg\*\* in 1 other article/.test(t), 'the moved-in article');
      assert.match(text, /wire\.news\.txt/);
    } finally {
      await rm(outside, { recursive: true, force: true });
      await rm(moved.fsPath, { recursive: true, force: true });
    }
    await waitForHover(doc, 'Jens Stoltenberg', (t) => !/Jens Stoltenberg\*\* in \d+ other article/.test(t) && /Stoltenberg/.test(t), 'the removed folder to leave the index');
  });

  it('turns the index off and on, and keeps to its file cap (newsAnnotator.workspaceIndex.*)', async () => {
    const settings = () => vscode.workspace.getConfiguration('newsAnnotator');
    const inOther = (t: string) => /Yuri Ushakov\*\* in \d+ other articles?:.*001_21569e4679d671fa\.txt/.test(t);
    const alone = (t: string) => /Ushakov/.test(t) && !/Yuri Ushakov\*\* in \d+ other article/.test(t);
    try {
      await settings().update('workspaceIndex.enabled', false, vscode.ConfigurationTarget.Workspace);
      await waitForHover(doc, 'Yuri Ushakov', alone, 'the index to be dropped');
      await settings().update('workspaceIndex.enabled', undefined, vscode.ConfigurationTarget.Workspace);
      await waitForHover(doc, 'Yuri Ushakov', inOther, 'the workspace to be scanned again');
      // One file only: the article beside it is not indexed, whichever was found first.
      await settings().update('workspaceIndex.maxFiles', 1, vscode.ConfigurationTarget.Workspace);
      await waitForHover(doc, 'Yuri Ushakov', alone, 'the index to keep to one file');
    } finally {
      await settings().update('workspaceIndex.enabled', undefined, vscode.ConfigurationTarget.Workspace);
      await settings().update('workspaceIndex.maxFiles', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitForHover(doc, 'Yuri Ushakov', inOther, 'the full index back');
  });

  it('compares two sources side by side', async () => {
    const shared = await vscode.commands.executeCommand<number>('newsAnnotator.compareSources', doc.uri, workspaceUri('seeds/001_21569e4679d671fa.txt'));
    assert.ok(shared >= 10, `shared statements: ${shared}`);
    assert.equal(vscode.window.visibleTextEditors.length >= 2, true);
  });

  it('lists the comparison in the News view and reveals both sides of a pair', async () => {
    const other = workspaceUri('seeds/001_21569e4679d671fa.txt');
    const api = extension().exports as NewsAnnotatorApi;
    await vscode.commands.executeCommand<number>('newsAnnotator.compareSources', doc.uri, other);
    // The article beside is active after the comparison: the section describes it against the first.
    let section: ViewNode | undefined;
    const deadline = Date.now() + 30_000;
    while (!section && Date.now() < deadline) {
      section = (await api.newsTree.getChildren()).find((n) => n.id === 'compare');
      if (!section) await new Promise((r) => setTimeout(r, 200));
    }
    assert.ok(section, 'the News view has a comparison section');
    assert.match(section.label, /^Compared with .*000_af60520f71ff48c9\.txt$/);
    assert.equal(section.description, undefined, 'neither article was edited since');
    const [both, only, conflict] = section.children;
    assert.match(both!.label, /^In both \(\d+\)$/);
    assert.match(only!.label, /^Only here \(\d+\)$/);
    assert.match(conflict!.label, /^In conflict \(\d+\)$/);
    assert.ok(both!.children.length >= 5, both!.label);
    assert.ok(only!.children.length > 0, only!.label);
    for (const item of conflict!.children) assert.match(item.label, /^(number|date|quote|name): “.*” vs “.*”$/);

    // Clicking a pair selects the statement here and its match in the other editor.
    const pair = both!.children[0]!;
    const command = api.newsTree.getTreeItem(pair).command!;
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    const [here, there] = command.arguments as [string, number, number][];
    const selected = (uri: string) => {
      const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri);
      assert.ok(editor, `an editor shows ${uri}`);
      return [editor.document.offsetAt(editor.selection.start), editor.document.offsetAt(editor.selection.end)];
    };
    assert.equal(here![0], other.toString());
    assert.deepEqual(selected(here![0]), [here![1], here![2]]);
    assert.equal(there![0], doc.uri.toString());
    assert.deepEqual(selected(there![0]), [there![1], there![2]]);
    assert.equal(doc.getText().slice(there![1], there![2]).trim().length > 0, true);
  });

  it('hints a verdict tagged in one article on the matching statement of another, and exports it as an appearance', async () => {
    const api = extension().exports as NewsAnnotatorApi;
    const otherUri = workspaceUri('seeds/001_21569e4679d671fa.txt');
    const sidecar = workspaceUri('seeds/000_af60520f71ff48c9.annotations.yaml');
    const exported = workspaceUri('corpus-tests/000.claimreview.json');
    const editor = await openInEditor(doc.uri);
    const at = positionOf(doc, 'Russia is now, along with', 3);
    editor.selection = new vscode.Selection(at, at);
    // Answer the tag dialogs (verdict, note, evidence), then the export's format pick and save dialog.
    const win = vscode.window as unknown as Record<string, unknown>;
    const saved = ['showQuickPick', 'showInputBox', 'showSaveDialog', 'showInformationMessage'].map((k) => [k, win[k]] as const);
    const inputs = ['Counts differ: <b>[see](command:x)</b>', ''];
    win.showQuickPick = async (items: readonly (vscode.QuickPickItem & { format?: string })[] | Thenable<readonly (vscode.QuickPickItem & { format?: string })[]>) =>
      (await items).find((i) => i.label === 'disputed' || i.format === 'claimreview');
    win.showInputBox = async () => inputs.shift() ?? '';
    win.showSaveDialog = async () => exported;
    win.showInformationMessage = async () => undefined;
    try {
      await vscode.commands.executeCommand('newsAnnotator.tagClaim');
      const claims = await api.annotations.snapshot(doc.uri);
      assert.ok(claims.some((c) => c.label === 'disputed'), JSON.stringify(claims));

      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(otherUri), { viewColumn: vscode.ViewColumn.Beside, preview: false });
      let hints = api.verdictHints.hintsFor(otherUri);
      const deadline = Date.now() + 30_000;
      while (!hints.length && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 200));
        hints = api.verdictHints.hintsFor(otherUri);
      }
      const hint = hints.find((h) => /most-sanctioned/.test((vscode.workspace.textDocuments.find((d) => d.uri.toString() === otherUri.toString())?.getText() ?? '').slice(h.start, h.end)));
      assert.ok(hint, JSON.stringify(hints));
      assert.equal(hint.text, 'tagged ‘disputed’ in seeds/000_af60520f71ff48c9.txt');
      assert.equal(hint.detail, 'Tagged ‘disputed’ in seeds/000_af60520f71ff48c9.txt: Counts differ: <b>[see](command:x)</b>');
      // Nothing is hinted on the article the claim was tagged in.
      assert.deepEqual(api.verdictHints.hintsFor(doc.uri), []);

      await openInEditor(doc.uri);
      await vscode.commands.executeCommand('newsAnnotator.exportAnnotations');
      const reviews = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(exported)));
      const review = reviews.find((r: { reviewRating: { alternateName: string } }) => r.reviewRating.alternateName === 'disputed');
      const names = (review.itemReviewed.appearance as { name: string }[]).map((w) => w.name);
      assert.equal(names[0], '000_af60520f71ff48c9.txt', 'the reviewed article comes first');
      assert.ok(names.includes('seeds/001_21569e4679d671fa.txt'), names.join(', '));
      assert.equal(new Set(names).size, names.length, names.join(', '));
    } finally {
      for (const [k, v] of saved) win[k] = v;
      for (const uri of [sidecar, exported]) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
    }
  });

  it('lists the entities of every article in the News view after Toggle Workspace Entities', async () => {
    const api = extension().exports as NewsAnnotatorApi;
    await openInEditor(doc.uri);
    const section = async () => (await api.newsTree.getChildren()).find((n) => n.id === 'ws-entities');
    assert.equal(await section(), undefined, 'hidden until toggled');
    await vscode.commands.executeCommand('newsAnnotator.toggleWorkspaceEntities');
    try {
      const root = await section();
      assert.ok(root, 'the section is shown');
      assert.match(root.description ?? '', /^\d+ in \d+ articles/);
      const putin = root.children.find((n) => n.label === 'Vladimir Putin');
      assert.ok(putin, root.children.slice(0, 10).map((n) => n.label).join(', '));
      const files = putin.children.map((c) => c.label);
      assert.ok(files.includes('seeds/000_af60520f71ff48c9.txt') && files.includes('seeds/001_21569e4679d671fa.txt'), files.join(', '));
      assert.match(putin.description ?? '', new RegExp(`^${files.length} articles · \\d+×$`));
      // Most widely reported first.
      const widths = root.children.map((n) => n.children.length);
      assert.deepEqual(widths, [...widths].sort((a, b) => b - a));
      // Clicking an article shows its first mention of the entity.
      const item = putin.children.find((c) => c.label === 'seeds/001_21569e4679d671fa.txt')!;
      const command = api.newsTree.getTreeItem(item).command!;
      await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
      const editor = vscode.window.activeTextEditor!;
      assert.equal(editor.document.uri.path.split('/').pop(), '001_21569e4679d671fa.txt');
      assert.match(editor.document.getText(editor.selection), /Putin/);
    } finally {
      await vscode.commands.executeCommand('newsAnnotator.toggleWorkspaceEntities');
    }
    await openInEditor(doc.uri);
    assert.equal(await section(), undefined, 'hidden again');
  });
});
