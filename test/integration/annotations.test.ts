// Reviewer annotations in a real editor: tagging through the command (quick pick and input boxes
// answered by the test), the sidecar written beside the article, decorations by verdict, hover,
// live edits, external edits of the sidecar, and a broken sidecar that is never overwritten.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parseDocument, type YAMLSeq } from 'yaml';
import { parseSidecar } from '../../src/core/annotations';
import type { NewsAnnotatorApi } from '../../src/vscode/api';
import { extension, openInEditor, sleep, stubWindow, waitFor, workspaceUri } from './helpers';

const ARTICLE_PATH = 'reviews/bridge.news.txt';
const SIDECAR_PATH = 'reviews/bridge.news.annotations.yaml';
const ARTICLE = [
  'Council approves new bridge',
  '',
  'The city council approved a budget of 40 million euros for the new bridge on Monday.',
  '',
  '"This bridge will halve commuting times," Mayor Anna Berg said. Critics said the cost would double.',
  '',
  'Construction is due to start in March and finish in 2027, according to the council.',
  '',
].join('\n');

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Answers the tag dialogs: the verdict pick, then the note and the evidence boxes in order. */
function answerTagDialogs(label: string, inputs: string[]) {
  const asked: string[] = [];
  const errors: string[] = [];
  const restore = stubWindow({
    showQuickPick: async (items: readonly vscode.QuickPickItem[] | Thenable<readonly vscode.QuickPickItem[]>) => {
      const list = await items;
      asked.push(`pick:${list.map((i) => i.label).join('|')}`);
      return list.find((i) => i.label === label);
    },
    showInputBox: async (options?: vscode.InputBoxOptions) => {
      asked.push(`input:${options?.title ?? ''}`);
      return inputs.shift() ?? '';
    },
    showErrorMessage: async (message: string) => {
      errors.push(message);
      return undefined;
    },
  });
  return { asked, errors, restore };
}

async function readSidecar(): Promise<string | undefined> {
  try {
    return decoder.decode(await vscode.workspace.fs.readFile(workspaceUri(SIDECAR_PATH)));
  } catch {
    return undefined;
  }
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : '')).join('\n---\n');
}

describe('reviewer annotations', () => {
  let api: NewsAnnotatorApi;
  let editor: vscode.TextEditor;
  let doc: vscode.TextDocument;
  const uri = () => workspaceUri(ARTICLE_PATH);

  before(async () => {
    await vscode.workspace.fs.writeFile(uri(), encoder.encode(ARTICLE));
    const ext = extension();
    await ext.activate();
    api = ext.exports as NewsAnnotatorApi;
    editor = await openInEditor(uri());
    await waitFor(() => vscode.window.activeTextEditor?.document.languageId === 'news', 'the article to open as news');
    editor = vscode.window.activeTextEditor!;
    doc = editor.document;
    assert.ok(await api.analyses.whenAnalyzed(doc), 'the article is analysed');
  });

  it('tags the selection through the command and writes the sidecar beside the article', async () => {
    const claim = 'a budget of 40 million euros';
    const start = doc.getText().indexOf(claim);
    editor.selection = new vscode.Selection(doc.positionAt(start), doc.positionAt(start + claim.length));
    const dialogs = answerTagDialogs('false', ['Budget papers say 80 million <b>[x](command:evil)</b>', 'https://example.org/budget https://example.org/minutes']);
    const started = performance.now();
    try {
      await vscode.commands.executeCommand('newsAnnotator.tagClaim');
    } finally {
      dialogs.restore();
    }
    assert.deepEqual(dialogs.errors, []);
    await api.annotations.snapshot(uri());
    console.log(`  annotations: tag command (answered dialogs) -> sidecar written ${(performance.now() - started).toFixed(1)} ms`);
    assert.match(dialogs.asked[0]!, /^pick:verified\|false\|misleading\|unverified\|disputed\|needs context\|opinion/);
    const claims = await api.annotations.snapshot(uri());
    assert.equal(claims.length, 1);
    const text = await readSidecar();
    assert.ok(text, 'the sidecar exists');
    const store = parseSidecar(text, { articlePath: ARTICLE_PATH });
    assert.equal(store.error, null);
    assert.equal(store.header.article, 'bridge.news.txt');
    const a = store.annotations[0]!;
    assert.equal(a.label, 'false');
    assert.equal(a.target.selector.exact, claim);
    assert.equal(a.target.position.start, start);
    assert.equal(a.note, 'Budget papers say 80 million <b>[x](command:evil)</b>');
    assert.deepEqual(a.evidence, ['https://example.org/budget', 'https://example.org/minutes']);
    assert.ok(a.reviewer.length > 0, 'a reviewer name is recorded');
    assert.ok(!Number.isNaN(Date.parse(a.created)));

    // Decorated with the verdict's style...
    await waitFor(() => (api.decorator.appliedTo(editor)['claims.false'] ?? []).some(([s, e]) => s === start && e === start + claim.length), 'the false-claim decoration');
    // ...and the hover shows the review, escaped.
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(start + 3));
    const hover = hoverText(hovers);
    assert.match(hover, /Claim: false/);
    assert.match(hover, /example\\\.org\/budget/);
    assert.ok(!hover.includes('[x](command:evil)'), 'note text is escaped');
    assert.ok(!hover.includes('<b>'), 'HTML in the note is escaped');
  });

  it('tags the sentence at the cursor when nothing is selected', async () => {
    const sentence = 'Construction is due to start in March and finish in 2027, according to the council.';
    const at = doc.getText().indexOf('due to start');
    editor.selection = new vscode.Selection(doc.positionAt(at), doc.positionAt(at));
    const dialogs = answerTagDialogs('unverified', ['', '']);
    try {
      await vscode.commands.executeCommand('newsAnnotator.tagClaim');
    } finally {
      dialogs.restore();
    }
    const claims = await api.annotations.snapshot(uri());
    const tagged = claims.find((c) => c.label === 'unverified');
    assert.ok(tagged, JSON.stringify(claims));
    assert.equal(tagged.exact, sentence);
    assert.equal(tagged.note, '');
    assert.deepEqual(tagged.evidence, []);
    const section = api.newsTree;
    const roots = await section.getChildren();
    const claimsNode = roots.find((n) => n.id === 'claims');
    assert.ok(claimsNode, 'the News view has a Claims section');
    assert.deepEqual(claimsNode.children.map((g) => g.label), ['false', 'unverified']);
  });

  it('follows edits of the article without rewriting the sidecar, and orphans a claim whose text is deleted', async () => {
    const before = await readSidecar();
    const ok = await editor.edit((b) => b.insert(new vscode.Position(0, 0), 'UPDATED: '));
    assert.ok(ok);
    let claims = await api.annotations.snapshot(uri());
    const text = doc.getText();
    for (const c of claims) assert.equal(text.slice(c.start, c.end), c.exact, `${c.label} follows the edit`);
    assert.equal(await readSidecar(), before, 'opening and editing the article do not rewrite the sidecar');

    const sentence = claims.find((c) => c.label === 'unverified')!;
    await editor.edit((b) => b.delete(new vscode.Range(doc.positionAt(sentence.start), doc.positionAt(sentence.end))));
    claims = await api.annotations.snapshot(uri());
    assert.equal(claims.find((c) => c.label === 'unverified')!.kind, 'orphan');
    const stillFalse = claims.find((c) => c.label === 'false')!;
    assert.equal(doc.getText().slice(stillFalse.start, stillFalse.end), stillFalse.exact);
    await waitFor(() => (api.decorator.appliedTo(editor)['claims.unverified'] ?? []).length === 0, 'the orphan to lose its decoration');
    // Put the article back as it was on disk for the next tests.
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await waitFor(() => doc.getText() === ARTICLE, 'the article to be reverted');
  });

  it('picks up an external edit of the sidecar', async () => {
    const text = (await readSidecar())!;
    assert.match(text, /label: "false"/);
    const started = performance.now();
    await vscode.workspace.fs.writeFile(workspaceUri(SIDECAR_PATH), encoder.encode(text.replace('label: "false"', 'label: misleading')));
    await waitFor(() => (api.annotations.peek(doc)?.claims ?? []).some((c) => c.annotation.label === 'misleading'), 'the reload', 30_000);
    console.log(`  annotations: external sidecar edit -> reloaded ${(performance.now() - started).toFixed(1)} ms`);
    let labels: string[] = [];
    const deadline = Date.now() + 30_000;
    while (!labels.includes('misleading')) {
      assert.ok(Date.now() < deadline, `timed out waiting for the reload; labels: ${labels.join(', ')}`);
      await sleep(100);
      labels = (await api.annotations.snapshot(uri())).map((c) => c.label);
    }
    assert.ok(!labels.includes('false'));
    await waitFor(() => (api.decorator.appliedTo(editor)['claims.misleading'] ?? []).length === 1, 'the misleading decoration');
  });

  it('never overwrites a sidecar that does not parse, and refuses to tag until it is fixed', async () => {
    const broken = 'version: 1\narticle: bridge.news.txt\nannotations:\n  - id: abc\n    label: [unclosed\n';
    await vscode.workspace.fs.writeFile(workspaceUri(SIDECAR_PATH), encoder.encode(broken));
    await waitFor(() => api.annotations.peek(doc)?.refusal !== undefined, 'the broken sidecar to be noticed');
    assert.match(api.annotations.peek(doc)!.refusal!, /line \d+, column \d+/);

    const claim = 'Critics said the cost would double.';
    const start = doc.getText().indexOf(claim);
    editor.selection = new vscode.Selection(doc.positionAt(start), doc.positionAt(start + claim.length));
    const dialogs = answerTagDialogs('disputed', ['a note', '']);
    try {
      await vscode.commands.executeCommand('newsAnnotator.tagClaim');
    } finally {
      dialogs.restore();
    }
    assert.equal(dialogs.errors.length, 1, 'tagging is refused with one message');
    assert.match(dialogs.errors[0]!, /line \d+, column \d+/);
    assert.ok(!dialogs.asked.some((a) => a.startsWith('pick:')), 'no verdict is asked for');
    await sleep(300);
    assert.equal(await readSidecar(), broken, 'the broken file is left byte-identical');

    // Fixing the file by hand makes tagging possible again.
    await vscode.workspace.fs.writeFile(workspaceUri(SIDECAR_PATH), encoder.encode('version: 1\narticle: bridge.news.txt\nannotations: []\n'));
    await waitFor(() => api.annotations.peek(doc)?.refusal === undefined, 'the fixed sidecar to be read');
    const again = answerTagDialogs('disputed', ['', '']);
    try {
      await vscode.commands.executeCommand('newsAnnotator.tagClaim');
    } finally {
      again.restore();
    }
    assert.deepEqual(again.errors, []);
    assert.deepEqual((await api.annotations.snapshot(uri())).map((c) => c.exact), [claim]);
    assert.match((await readSidecar())!, /Critics said the cost would double\./);
  });

  it('keeps a claim edited elsewhere while the reviewer edits it: both versions, marked as conflicts', async () => {
    const claim = 'Critics said the cost would double.';
    const at = doc.getText().indexOf(claim) + 3;
    editor.selection = new vscode.Selection(doc.positionAt(at), doc.positionAt(at));
    const warnings: string[] = [];
    let inputs = 0;
    const restore = stubWindow({
      showQuickPick: async (items: readonly vscode.QuickPickItem[] | Thenable<readonly vscode.QuickPickItem[]>) => (await items).find((i) => i.label === 'disputed'),
      showInputBox: async () => {
        inputs++;
        if (inputs === 1) {
          // Another reviewer changes the verdict while this one is typing a note.
          const text = (await readSidecar())!;
          await vscode.workspace.fs.writeFile(workspaceUri(SIDECAR_PATH), encoder.encode(text.replace('label: disputed', 'label: verified')));
          await waitFor(() => api.annotations.peek(doc)!.claims.some((c) => c.annotation.label === 'verified'), 'the other verdict to load');
          return 'my note';
        }
        return '';
      },
      showWarningMessage: async (message: string) => {
        warnings.push(message);
        return undefined;
      },
    });
    try {
      await vscode.commands.executeCommand('newsAnnotator.editClaim');
    } finally {
      restore();
    }
    const claims = await api.annotations.snapshot(uri());
    assert.deepEqual(claims.map((c) => [c.label, c.note, c.conflict]).sort(), [['disputed', 'my note', true], ['verified', '', true]]);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]!, /both versions are kept/);
    const onDisk = parseSidecar((await readSidecar())!, { articlePath: ARTICLE_PATH });
    assert.deepEqual(onDisk.annotations.map((a) => a.label).sort(), ['disputed', 'verified']);
  });

  it('keeps claims added elsewhere while the reviewer tags another one', async () => {
    const mine = 'This bridge will halve commuting times,';
    const start = doc.getText().indexOf(mine);
    editor.selection = new vscode.Selection(doc.positionAt(start), doc.positionAt(start + mine.length));
    let inputs = 0;
    const restore = stubWindow({
      showQuickPick: async (items: readonly vscode.QuickPickItem[] | Thenable<readonly vscode.QuickPickItem[]>) => (await items).find((i) => i.label === 'opinion'),
      showInputBox: async () => {
        inputs++;
        if (inputs === 2) {
          // A colleague's entry lands in the file (not yet seen by the editor) just before the save.
          const file = parseDocument((await readSidecar())!);
          (file.get('annotations') as YAMLSeq).add(file.createNode({ id: 'colleague1', label: 'verified', reviewer: 'Colleague', target: { exact: 'Council approves new bridge', start: 0, end: 27 } }));
          await vscode.workspace.fs.writeFile(workspaceUri(SIDECAR_PATH), encoder.encode(file.toString()));
        }
        return '';
      },
    });
    try {
      await vscode.commands.executeCommand('newsAnnotator.tagClaim');
    } finally {
      restore();
    }
    await sleep(300); // let the watcher's reload run too
    const onDisk = parseSidecar((await readSidecar())!, { articlePath: ARTICLE_PATH });
    assert.equal(onDisk.error, null);
    const exacts = onDisk.annotations.map((a) => a.target.selector.exact);
    assert.ok(exacts.includes(mine), `ours is kept: ${exacts.join(' | ')}`);
    assert.ok(exacts.includes('Council approves new bridge'), `theirs is kept: ${exacts.join(' | ')}`);
    const shown = (await api.annotations.snapshot(uri())).map((c) => c.exact);
    assert.ok(shown.includes(mine) && shown.includes('Council approves new bridge'));
  });

  it('steps between claims, exports them, tags the next claim candidate and removes a claim', async () => {
    const placed = (await api.annotations.snapshot(uri())).filter((c) => c.kind !== 'orphan').sort((a, b) => a.start - b.start);
    assert.ok(placed.length >= 2);
    editor.selection = new vscode.Selection(doc.positionAt(placed[0]!.start), doc.positionAt(placed[0]!.start));
    await vscode.commands.executeCommand('newsAnnotator.nextClaim');
    const second = placed.find((c) => c.start > placed[0]!.start)!;
    assert.equal(doc.offsetAt(editor.selection.start), second.start);
    assert.equal(doc.offsetAt(editor.selection.end), second.end);
    await vscode.commands.executeCommand('newsAnnotator.previousClaim');
    assert.equal(doc.offsetAt(editor.selection.start), placed[0]!.start);

    const out = workspaceUri('reviews/bridge-export.csv');
    let restore = stubWindow({
      showQuickPick: async (items: readonly (vscode.QuickPickItem & { format?: string })[] | Thenable<readonly (vscode.QuickPickItem & { format?: string })[]>) => (await items).find((i) => i.format === 'csv'),
      showSaveDialog: async () => out,
    });
    try {
      await vscode.commands.executeCommand('newsAnnotator.exportAnnotations');
    } finally {
      restore();
    }
    const csv = decoder.decode(await vscode.workspace.fs.readFile(out));
    assert.match(csv, /^id,label,claim,/);
    assert.equal(csv.trimEnd().split('\r\n').length, 1 + placed.length);

    const analyzed = await api.analyses.whenAnalyzed(doc);
    const expected = analyzed!.analysis.claims.find((k) => !placed.some((c) => c.start < k.end && k.start < c.end));
    assert.ok(expected, 'the article has an untagged claim candidate');
    const dialogs = answerTagDialogs('unverified', ['', '']);
    try {
      await vscode.commands.executeCommand('newsAnnotator.tagNextClaimCandidate');
    } finally {
      dialogs.restore();
    }
    const afterCandidate = await api.annotations.snapshot(uri());
    assert.ok(afterCandidate.some((c) => c.label === 'unverified' && c.start === expected.start && c.end === expected.end));

    // A claim no other claim shares its text with (the two conflict versions cover the same words).
    const victim = placed.find((c) => c.start > 0 && placed.filter((o) => o.start === c.start).length === 1)!;
    editor.selection = new vscode.Selection(doc.positionAt(victim.start + 1), doc.positionAt(victim.start + 1));
    restore = stubWindow({ showWarningMessage: async () => 'Remove' });
    try {
      await vscode.commands.executeCommand('newsAnnotator.removeClaim');
    } finally {
      restore();
    }
    assert.ok(!(await api.annotations.snapshot(uri())).some((c) => c.id === victim.id));
    assert.ok(!parseSidecar((await readSidecar())!).annotations.some((a) => a.id === victim.id));
  });

  it('loads the valid entries of a sidecar with invalid ones, reports them once, and keeps them on write', async () => {
    const warnings: string[] = [];
    const restore = stubWindow({
      showWarningMessage: async (message: string) => {
        warnings.push(message);
        return undefined;
      },
    });
    const mixed = [
      'version: 1',
      'article: bridge.news.txt',
      'annotations:',
      '  - id: good1',
      '    label: verified',
      '    target: { exact: Council approves new bridge, start: 0, end: 27 }',
      '  - id: bad1',
      '    note: the label is missing',
      '    target: { exact: Critics said, start: 0, end: 12 }',
      '',
    ].join('\n');
    try {
      await vscode.workspace.fs.writeFile(workspaceUri(SIDECAR_PATH), encoder.encode(mixed));
      await waitFor(() => (api.annotations.peek(doc)?.claims.map((c) => c.annotation.id) ?? []).join() === 'good1', 'the valid entry to load');
      await sleep(300);
    } finally {
      restore();
    }
    const reports = warnings.filter((w) => /bad1/.test(w));
    assert.equal(reports.length, 1, warnings.join(' / '));
    assert.match(reports[0]!, /label/);
    const dialogs = answerTagDialogs('opinion', ['', '']);
    const claim = 'Critics said the cost would double.';
    const start = doc.getText().indexOf(claim);
    editor.selection = new vscode.Selection(doc.positionAt(start), doc.positionAt(start + claim.length));
    try {
      await vscode.commands.executeCommand('newsAnnotator.tagClaim');
    } finally {
      dialogs.restore();
    }
    await api.annotations.snapshot(uri());
    const written = (await readSidecar())!;
    assert.match(written, /id: bad1/, 'the invalid entry is kept for the reviewer to fix');
    assert.match(written, /note: the label is missing/);
    assert.equal(parseSidecar(written).annotations.length, 2);
  });
});
