// REPORTS (does not assert times) how responsive the editor stays while Compare Sources runs on two
// 800 KB articles: keystrokes typed into another article in a third column while the command runs
// (and a little after, while its results are shown), their round trip (the edit promise resolving)
// and the longest extension-host block. Printed as `compare responsiveness: …` lines, three times:
// with nothing running (baseline), with the compare started right after the two files were written
// (their own analysis, highlights and indexing run meanwhile too), and once more when that has
// settled, so the last figure is the comparison's alone. Each run is printed whole and once more for
// its last part: the second before the command returned and the tail after it, when the result
// arrives, the marks are made and the News view lists the pairs.
import * as assert from 'node:assert/strict';
import { availableParallelism, loadavg } from 'node:os';
import * as vscode from 'vscode';
import type { NewsAnnotatorApi } from '../../src/vscode/api';
import { MORE_ICON, PAGE_SIZE, type ViewNode } from '../../src/core/present/viewTree';
import { comparePair } from './compareArticles';
import { extension, seedUris, sleep, workspaceUri } from './helpers';

const ARTICLE_CHARS = 800 * 1024;
/** About a fast typist's pace. */
const KEYSTROKE_GAP_MS = 50;
const BASELINE_KEYSTROKES = 40;
/** Typing goes on this long after the command returned: the News view and highlights of the result come then. */
const TAIL_MS = 2000;
const FIRST = 'responsiveness/first.news.txt';
const SECOND = 'responsiveness/second.news.txt';

/** The window before the command returned that counts as the result's arrival. */
const RESULT_WINDOW_MS = 1000;

interface Typed {
  roundTripMs: number[];
  longestBlockMs: number;
}

/** Keystrokes (when each started, and its round trip) and blocks of the host (when each ended, and how long). */
interface Timeline {
  keys: { at: number; ms: number }[];
  blocks: { at: number; ms: number }[];
}

describe('responsiveness while Compare Sources runs on two 800 KB articles (report only)', () => {
  it('keeps typing in another article responsive while the comparison runs', async function () {
    this.timeout(900_000);
    const ext = extension();
    await ext.activate();
    const api = ext.exports as NewsAnnotatorApi;

    const [firstSeed, secondSeed] = await Promise.all((await seedUris()).map(async (u) => ({ uri: u, text: new TextDecoder().decode(await vscode.workspace.fs.readFile(u)) })));
    assert.ok(firstSeed && secondSeed, 'the workspace holds two seed articles');
    const pair = comparePair(firstSeed.text, secondSeed.text, ARTICLE_CHARS);
    const uriA = workspaceUri(FIRST);
    const uriB = workspaceUri(SECOND);

    // The user types in an article in a third column (a new one holding a seed's text: nothing is
    // saved, whatever the window's auto-save); the compared articles open in the first two.
    await vscode.commands.executeCommand('vscode.setEditorLayout', { orientation: 0, groups: [{}, {}, {}] });
    const typingDoc = await vscode.workspace.openTextDocument({ language: 'news', content: firstSeed.text });
    await vscode.window.showTextDocument(typingDoc, { viewColumn: vscode.ViewColumn.Three, preview: false });
    await api.analyses.whenAnalyzed(typingDoc);
    // The News view open, as a reviewer has it: it lists the comparison's pairs once the command is done.
    await vscode.commands.executeCommand('newsAnnotator.newsView.focus');
    await sleep(500);
    const lengthBefore = typingDoc.getText().length;
    let typedTotal = 0;
    let line = firstTypingLine(typingDoc);
    const typeUntil = async (stop: () => boolean): Promise<Timeline> => {
      const out: Timeline = { keys: [], blocks: [] };
      const monitor = blockTimeline(out.blocks);
      for (let column = 0; !stop(); column++) {
        const at = new vscode.Position(line, Math.min(10, typingDoc.lineAt(line).text.length) + column);
        const t = performance.now();
        const applied = await typeInto(typingDoc, (b) => b.insert(at, 'x'));
        out.keys.push({ at: t, ms: performance.now() - t });
        assert.ok(applied, 'the keystroke was applied');
        typedTotal++;
        await sleep(KEYSTROKE_GAP_MS);
      }
      monitor.stop();
      line = nextTypingLine(typingDoc, line);
      return out;
    };

    // Unmeasured: the first edits of a fresh document are slow in the workbench whatever runs.
    let warmUp = 5;
    await typeUntil(() => warmUp-- <= 0);
    await sleep(1000);
    // Baseline: the same typing with nothing else running.
    let baselineLeft = BASELINE_KEYSTROKES;
    report('with nothing else running', within(await typeUntil(() => baselineLeft-- <= 0)));

    /** Runs the command while typing; returns the pairs found and what the typing measured. */
    const compareWhileTyping = async (): Promise<{ shared: number; seconds: number; typed: Typed; result: Typed }> => {
      let doneAt: number | undefined;
      const started = performance.now();
      const command = Promise.resolve(vscode.commands.executeCommand<number>('newsAnnotator.compareSources', uriA, uriB)).finally(() => (doneAt = performance.now()));
      const typed = await typeUntil(() => doneAt !== undefined && performance.now() - doneAt >= TAIL_MS);
      return { shared: await command, seconds: (doneAt! - started) / 1000, typed: within(typed), result: within(typed, doneAt! - RESULT_WINDOW_MS) };
    };

    await vscode.workspace.fs.writeFile(uriA, new TextEncoder().encode(pair.a));
    await vscode.workspace.fs.writeFile(uriB, new TextEncoder().encode(pair.b));
    try {
      // Right away: the two new files are read, analysed, highlighted and indexed while the comparison runs.
      const cold = await compareWhileTyping();
      report(`while Compare Sources ran ${cold.seconds.toFixed(1)} s (and ${TAIL_MS / 1000} s after), started right after the two 800 KB files were written`, cold.typed);
      report(`as its result arrived (in flight from ${RESULT_WINDOW_MS / 1000} s before the command returned to ${TAIL_MS / 1000} s after), started right after the files were written`, cold.result);
      assert.ok(cold.shared >= pair.sharedStories, `the comparison found pairs (${cold.shared}) in the ${pair.sharedStories} stories both tell`);

      // Settled: both articles open, analysed and highlighted; now only the comparison runs.
      const docs = vscode.workspace.textDocuments.filter((d) => d.uri.toString() === uriA.toString() || d.uri.toString() === uriB.toString());
      assert.equal(docs.length, 2, 'the command opened both articles');
      for (const doc of docs) await api.analyses.whenAnalyzed(doc);
      await sleep(3000);
      const warm = await compareWhileTyping();
      report(`while Compare Sources ran ${warm.seconds.toFixed(1)} s (and ${TAIL_MS / 1000} s after) on the two 800 KB articles already open and analysed`, warm.typed);
      report(`as its result arrived (in flight from ${RESULT_WINDOW_MS / 1000} s before the command returned to ${TAIL_MS / 1000} s after) on the two articles already open and analysed`, warm.result);
      assert.equal(warm.shared, cold.shared, 'the same articles give the same pairs');

      // The News view lists the pairs; a pair's tooltip and the hover on its mark explain it (both built on demand).
      const section = (await api.newsTree.getChildren()).find((n) => n.id === 'compare');
      assert.ok(section, 'the News view lists the comparison');
      const described = api.newsTree.currentDocument!;
      const other = described.uri.toString() === uriA.toString() ? 'second' : 'first';
      const both = section.children[0]!;
      // A long list shows a page at a time: the label counts every pair, the pages hold them all.
      assert.equal(both.label, `In both (${itemsThroughPages(both).length})`);
      assert.ok(both.children.length <= PAGE_SIZE + 1, `one page at a time (${both.children.length} items)`);
      const tooltip = api.newsTree.getTreeItem(both.children[0]!).tooltip;
      assert.equal(typeof tooltip, 'string');
      assert.match(tooltip as string, /^Here: .*\n.*\nWhy \(score [\d.]+\): /);
      const at = described.positionAt(both.children[0]!.target!.start + 1);
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', described.uri, at);
      const hoverText = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
      assert.match(hoverText, new RegExp(`\\*\\*Also in .*${other}\\W+news\\W+txt\\*\\* \\(score [\\d.]+\\)`));
      assert.match(hoverText, /Both (name|give|cite)|The same cue|Shared words|Similar wording/, 'the hover says why the pair was made');
      assert.match(hoverText, /Wording, A to B/);
      assert.equal(typingDoc.getText().length, lengthBefore + typedTotal, 'every keystroke landed in the article typed in');
    } finally {
      await closeAndRevert([uriA, uriB, typingDoc.uri]);
      await vscode.workspace.fs.delete(workspaceUri('responsiveness'), { recursive: true });
      await vscode.commands.executeCommand('vscode.setEditorLayout', { orientation: 0, groups: [{}] });
    }
  });
});

/** Records every block of the extension host thread (the gap between timer ticks) with when it ended. */
/** A paged list's items, the "more" nodes opened. */
function itemsThroughPages(node: ViewNode): ViewNode[] {
  return node.children.flatMap((c) => (c.icon === MORE_ICON ? itemsThroughPages(c) : [c]));
}

function blockTimeline(into: Timeline['blocks']): { stop(): void } {
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    into.push({ at: now, ms: now - last });
    last = now;
  }, 1);
  return {
    stop() {
      clearInterval(timer);
      const now = performance.now();
      into.push({ at: now, ms: now - last });
    },
  };
}

/** The keystrokes still waiting for their round trip at `from` or started later, and the longest block that ended then. */
function within(t: Timeline, from = -Infinity): Typed {
  return {
    roundTripMs: t.keys.filter((k) => k.at + k.ms >= from).map((k) => k.ms),
    longestBlockMs: t.blocks.reduce((max, b) => (b.at >= from ? Math.max(max, b.ms) : max), 0),
  };
}

function report(label: string, t: Typed): void {
  if (t.roundTripMs.length === 0) {
    console.log(`compare responsiveness: no keystroke ${label}; longest extension-host block ${Math.round(t.longestBlockMs)} ms`);
    return;
  }
  const pct = (p: number) => {
    const sorted = [...t.roundTripMs].sort((a, b) => a - b);
    return (Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! * 10) / 10).toFixed(1);
  };
  console.log(
    `compare responsiveness: keystroke round trip p50 ${pct(50)} ms, p95 ${pct(95)} ms over ${t.roundTripMs.length} keystrokes ${label}; ` +
      `longest extension-host block ${Math.round(t.longestBlockMs)} ms (load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores)`,
  );
}

/** A line of running text (not the headline) to type into. */
function firstTypingLine(doc: vscode.TextDocument): number {
  return nextTypingLine(doc, Math.floor(doc.lineCount / 3));
}

function nextTypingLine(doc: vscode.TextDocument, after: number): number {
  for (let i = 1; i < doc.lineCount; i++) {
    const line = (after + i) % doc.lineCount;
    if (doc.lineAt(line).text.length >= 40) return line;
  }
  return after;
}

/**
 * One edit in the editor that shows `doc`. While other editors open beside it the workbench may
 * replace the editor object the extension host knows; the edit is then made in the new one.
 */
async function typeInto(doc: vscode.TextDocument, edit: (b: vscode.TextEditorEdit) => void): Promise<boolean> {
  for (let attempt = 0; ; attempt++) {
    const editor = vscode.window.visibleTextEditors.find((e) => e.document === doc);
    try {
      if (!editor) throw new Error('the article typed in is no longer shown');
      return await editor.edit(edit);
    } catch (err) {
      if (attempt >= 3) throw err;
      await sleep(50);
    }
  }
}

/** Reverts and closes the editors of these files (the typed-in seed is dirty). */
async function closeAndRevert(uris: vscode.Uri[]): Promise<void> {
  const wanted = new Set(uris.map((u) => u.toString()));
  // Each file is open in at most a few tabs; the bound keeps a tab that will not close from looping.
  for (let i = 0; i < 4 * uris.length; i++) {
    const tab = vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputText && wanted.has(t.input.uri.toString()));
    if (!tab) return;
    await vscode.window.showTextDocument((tab.input as vscode.TabInputText).uri, { viewColumn: tab.group.viewColumn, preview: false });
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
}
