// The reviewer's editor as a person meets it: the colour legend, verdict chips after claims,
// notes edited in an editor that keeps their text, notifications after tagging, the first-use
// reviewer prompt, claims that follow undo and rewording, and positions stored on save.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parseSidecar } from '../../src/core/annotations';
import type { NewsAnnotatorApi } from '../../src/vscode/api';
import { extension, openInEditor, sleep, stubWindow, waitFor, workspaceUri, type WindowStubs } from './helpers';
import { SUITE_REVIEWER } from './suiteSettings';

const ARTICLE_PATH = 'reviews/harbour.news.txt';
const SIDECAR_PATH = 'reviews/harbour.news.annotations.yaml';
const CLAIM = 'The port handled 12 million tonnes of cargo last year, a record.';
const ARTICLE = [
  'Harbour expansion approved',
  '',
  `${CLAIM} Officials expect more.`,
  '',
  '"We will double the quays," harbour master Lena Holm said on Tuesday.',
  '',
  'Work begins in spring and should take four years, the council said.',
  '',
].join('\n');

interface Told {
  message: string;
  items: string[];
}

describe('reviewer editor: legend, chips, notes, notifications, live anchors', () => {
  let api: NewsAnnotatorApi;
  let editor: vscode.TextEditor;
  let doc: vscode.TextDocument;
  const uri = () => workspaceUri(ARTICLE_PATH);
  const claimAt = async () => (await api.annotations.snapshot(uri())).find((c) => c.exact === CLAIM || c.label === 'false');

  /** Tags `text` as `label` answering every dialog; returns the information messages shown. */
  async function tag(text: string, label: string, extra: WindowStubs = {}): Promise<Told[]> {
    const start = doc.getText().indexOf(text);
    editor = await vscode.window.showTextDocument(doc, { preview: false });
    editor.selection = new vscode.Selection(doc.positionAt(start), doc.positionAt(start + text.length));
    const told: Told[] = [];
    const restore = stubWindow({
      showQuickPick: async (items: readonly vscode.QuickPickItem[] | Thenable<readonly vscode.QuickPickItem[]>) => (await items).find((i) => i.label === label),
      showInputBox: async () => '',
      showInformationMessage: async (message: string, ...items: string[]) => {
        told.push({ message, items });
        return undefined;
      },
      ...extra,
    });
    try {
      await vscode.commands.executeCommand('newsAnnotator.tagClaim');
      await api.annotations.snapshot(uri());
    } finally {
      restore();
    }
    return told;
  }

  before(async () => {
    await vscode.workspace.fs.writeFile(uri(), new TextEncoder().encode(ARTICLE));
    const ext = extension();
    await ext.activate();
    api = ext.exports as NewsAnnotatorApi;
    editor = await openInEditor(uri());
    await waitFor(() => vscode.window.activeTextEditor?.document.languageId === 'news', 'the article to open as news');
    editor = vscode.window.activeTextEditor!;
    doc = editor.document;
    assert.ok(await api.analyses.whenAnalyzed(doc));
  });

  it('shows the colour legend: a page painted with every style, and a Legend section in the News view', async () => {
    const roots = await api.newsTree.getChildren();
    const legend = roots[0];
    assert.equal(legend?.label, 'Legend', 'the legend heads the News view');
    assert.deepEqual(legend.children.map((c) => c.label).slice(0, 7), ['PERSON', 'ORG', 'PLACE', 'NORP', 'quote', 'speaker', 'residue']);
    assert.ok(legend.children.some((c) => c.label === 'needs context'));
    const item = api.newsTree.getTreeItem(legend.children[0]!);
    assert.ok(item.iconPath instanceof vscode.ThemeIcon && item.iconPath.color instanceof vscode.ThemeColor, 'a swatch in the style colour');

    await vscode.commands.executeCommand('newsAnnotator.showLegend');
    await waitFor(() => vscode.window.visibleTextEditors.some((e) => e.document.uri.scheme === 'news-legend'), 'the legend page');
    const page = vscode.window.visibleTextEditors.find((e) => e.document.uri.scheme === 'news-legend')!;
    assert.match(page.document.getText(), /PERSON\s+Vladimir Putin/);
    await waitFor(() => Object.keys(api.legend.paintedIn(page)).length > 0, 'the legend samples to be painted');
    const painted = api.legend.paintedIn(page);
    for (const style of ['entity.PERSON', 'entity.ORG', 'entity.PLACE', 'entity.NORP', 'quote', 'speaker', 'residue', 'verdict:verified', 'verdict:false', 'chip:verdict:disputed']) {
      assert.equal(painted[style], 1, `${style} painted: ${JSON.stringify(painted)}`);
    }
    assert.notEqual(page.document.languageId, 'news', 'the legend is not taken for an article');
    await vscode.window.showTextDocument(page.document, { viewColumn: page.viewColumn });
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    editor = await vscode.window.showTextDocument(doc, { preview: false });
  });

  it('asks for the reviewer name on the first tag and stores it in the settings', async () => {
    const config = () => vscode.workspace.getConfiguration('newsAnnotator');
    await config().update('reviewer', '', vscode.ConfigurationTarget.Global);
    const titles: string[] = [];
    try {
      const told = await tag(CLAIM, 'false', {
        showInputBox: async (options?: vscode.InputBoxOptions) => {
          titles.push(options?.title ?? '');
          return options?.title === 'Your name as reviewer' ? '  Ada Reviewer ' : '';
        },
      });
      assert.equal(titles[0], 'Your name as reviewer', `asked first: ${titles.join(' | ')}`);
      assert.equal(config().get('reviewer'), 'Ada Reviewer');
      assert.equal((await claimAt())?.reviewer, 'Ada Reviewer');
      // Feedback: what was saved and where, with buttons to open and reveal the sidecar.
      const saved = told.find((t) => t.message.includes('Tagged'));
      assert.ok(saved, JSON.stringify(told));
      assert.match(saved.message, /as false\. Saved in harbour\.news\.annotations\.yaml/);
      assert.deepEqual(saved.items, ['Open Sidecar', 'Reveal']);
    } finally {
      await config().update('reviewer', SUITE_REVIEWER, vscode.ConfigurationTarget.Global);
    }
  });

  it('opens the sidecar from the notification after a tag', async () => {
    await tag('Work begins in spring and should take four years, the council said.', 'unverified', {
      showInformationMessage: async (message: string, ...items: string[]) => (message.includes('Tagged') ? items.find((i) => i === 'Open Sidecar') : undefined),
    });
    await waitFor(() => vscode.window.activeTextEditor?.document.uri.path.endsWith(SIDECAR_PATH) === true, 'the sidecar to open');
    editor = await vscode.window.showTextDocument(doc, { preview: false });
  });

  it('shows the verdict as a chip after the claim', async () => {
    const claim = (await claimAt())!;
    await waitFor(() => (api.decorator.textsIn(editor)['claims.chip:false'] ?? []).includes('false'), 'the verdict chip');
    const chips = api.decorator.appliedTo(editor)['claims.chip:false']!;
    assert.deepEqual(chips, [[claim.end, claim.end]], 'the chip sits right after the claim');
    await vscode.workspace.getConfiguration('newsAnnotator').update('highlight.verdictChips', false, vscode.ConfigurationTarget.Global);
    try {
      await waitFor(() => api.decorator.appliedTo(editor)['claims.chip:false'] === undefined && (api.decorator.appliedTo(editor)['claims.false'] ?? []).length === 1, 'chips to be turned off');
    } finally {
      await vscode.workspace.getConfiguration('newsAnnotator').update('highlight.verdictChips', undefined, vscode.ConfigurationTarget.Global);
    }
    await waitFor(() => (api.decorator.textsIn(editor)['claims.chip:false'] ?? []).length === 1, 'chips back on');
  });

  it('edits a note in an editor that keeps the existing text, over several lines', async () => {
    const claim = (await claimAt())!;
    // An existing note, as if written earlier.
    const claims = api.annotations.peek(doc)!;
    const current = claims.claims.find((c) => c.annotation.id === claim.id)!.annotation;
    await claims.upsert({ ...current, note: 'Port statistics say 11.8 million.' }, current);
    editor = await vscode.window.showTextDocument(doc, { preview: false });
    editor.selection = new vscode.Selection(doc.positionAt(claim.start + 2), doc.positionAt(claim.start + 2));
    await vscode.commands.executeCommand('newsAnnotator.addClaimNote');
    await waitFor(() => vscode.window.activeTextEditor?.document.uri.scheme === 'news-note', 'the note editor');
    const noteEditor = vscode.window.activeTextEditor!;
    const note = noteEditor.document;
    assert.equal(note.getText(), 'Port statistics say 11.8 million.');
    assert.ok(noteEditor.selection.isEmpty, 'nothing is pre-selected: typing adds to the note');
    assert.equal(note.offsetAt(noteEditor.selection.active), note.getText().length, 'the cursor is after the text');
    await noteEditor.edit((b) => b.insert(noteEditor.selection.active, '\nThe record claim holds for 2023 only.'));
    const saving = performance.now();
    assert.ok(await note.save(), 'the note saves');
    console.log(`  notes: save of the note editor -> written ${(performance.now() - saving).toFixed(0)} ms`);
    await waitFor(() => api.annotations.peek(doc)!.claims.some((c) => c.annotation.note.includes('2023 only')), 'the note to reach the claims');
    const saved = (await claimAt())!;
    assert.equal(saved.note, 'Port statistics say 11.8 million.\nThe record claim holds for 2023 only.');
    const sidecar = parseSidecar(new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceUri(SIDECAR_PATH))));
    assert.equal(sidecar.annotations.find((a) => a.id === claim.id)?.note, saved.note, 'written to the sidecar with its line break');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(claim.start + 2));
    const md = hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : '')).join('\n');
    assert.match(md, /11\\\.8 million\\\.  \nThe record claim holds for 2023 only\\\./);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    editor = await vscode.window.showTextDocument(doc, { preview: false });
  });

  it('brings a claim back when the deletion of its sentence is undone', async () => {
    editor = await vscode.window.showTextDocument(doc, { preview: false });
    const before = (await claimAt())!;
    await editor.edit((b) => b.delete(new vscode.Range(doc.positionAt(before.start), doc.positionAt(before.end))));
    await waitFor(() => api.annotations.peek(doc)!.claims.find((c) => c.annotation.id === before.id)?.kind === 'orphan', 'the claim to be orphaned');
    await waitFor(() => (api.decorator.appliedTo(editor)['claims.false'] ?? []).length === 0, 'the orphan to lose its highlight');
    await vscode.commands.executeCommand('undo');
    await waitFor(() => doc.getText() === ARTICLE, 'the undo');
    await waitFor(() => api.annotations.peek(doc)!.claims.find((c) => c.annotation.id === before.id)?.kind === 'exact', 'the claim to come back');
    const back = (await claimAt())!;
    assert.deepEqual([back.start, back.end], [before.start, before.end]);
    await waitFor(() => (api.decorator.appliedTo(editor)['claims.false'] ?? []).some(([s, e]) => s === before.start && e === before.end), 'the highlight to come back');
  });

  it('marks a reworded claim "changed" and re-attaches it to the new wording when asked', async () => {
    editor = await vscode.window.showTextDocument(doc, { preview: false });
    const before = (await claimAt())!;
    const word = doc.getText().indexOf('12 million', before.start);
    const offered: Told[] = [];
    const restore = stubWindow({
      showInformationMessage: async (message: string, ...items: string[]) => {
        offered.push({ message, items });
        return message.includes('reworded') ? 'Re-attach' : undefined;
      },
    });
    try {
      await editor.edit((b) => b.replace(new vscode.Range(doc.positionAt(word), doc.positionAt(word + 2)), '13'));
      await waitFor(() => api.annotations.peek(doc)!.claims.find((c) => c.annotation.id === before.id)?.kind === 'fuzzy', 'the claim to be marked changed');
      await waitFor(() => (api.decorator.textsIn(editor)['claims.chip:false'] ?? []).includes('false · changed'), 'the "changed" chip');
      await waitFor(() => offered.some((t) => t.message.includes('reworded')), 'the offer to re-attach', 30_000);
      await waitFor(() => api.annotations.peek(doc)!.claims.find((c) => c.annotation.id === before.id)?.annotation.target.selector.exact.includes('13 million') === true, 'the re-attach');
    } finally {
      restore();
    }
    const offer = offered.find((t) => t.message.includes('reworded'))!;
    assert.deepEqual(offer.items, ['Re-attach', 'Show']);
    const after = (await claimAt())!;
    assert.equal(after.kind, 'exact');
    assert.equal(doc.getText().slice(after.start, after.end), CLAIM.replace('12', '13'));
  });

  it('stores refreshed positions in the sidecar when the article is saved', async () => {
    editor = await vscode.window.showTextDocument(doc, { preview: false });
    const before = (await claimAt())!;
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), 'UPDATED ')); // 8 characters
    assert.ok(await doc.save());
    // Read until the write lands (a read between the sidecar's replacement steps may find no file).
    const read = async () => parseSidecar(new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceUri(SIDECAR_PATH)).then(undefined, () => new Uint8Array())));
    const deadline = Date.now() + 30_000;
    let stored = (await read()).annotations.find((a) => a.id === before.id);
    while (stored?.target.position.start !== before.start + 8 && Date.now() < deadline) {
      await sleep(100);
      stored = (await read()).annotations.find((a) => a.id === before.id);
    }
    assert.equal(stored?.target.position.start, before.start + 8);
    assert.equal(stored?.target.selector.exact, before.exact);
  });

  it('says in the status bar when Next Claim wraps to the first claim', async () => {
    editor = await vscode.window.showTextDocument(doc, { preview: false });
    const placed = (await api.annotations.snapshot(uri())).filter((c) => c.kind !== 'orphan').sort((a, b) => a.start - b.start);
    const last = placed[placed.length - 1]!;
    editor.selection = new vscode.Selection(doc.positionAt(last.start), doc.positionAt(last.start));
    const said: string[] = [];
    const restore = stubWindow({ setStatusBarMessage: (text: string) => (said.push(text), new vscode.Disposable(() => undefined)) });
    try {
      await vscode.commands.executeCommand('newsAnnotator.nextClaim');
    } finally {
      restore();
    }
    assert.equal(doc.offsetAt(editor.selection.start), placed[0]!.start);
    assert.ok(said.some((s) => /wrapped to the first claim/.test(s)), said.join(' | '));
  });
});
