// Workspace-wide commands: every mention of the entity under the cursor across indexed articles
// (in the references view), and two articles side by side with their shared statements marked
// (compared in a process of its own, with progress and a Cancel button). The marks carry no hover text of
// their own: a hover provider builds it for the pair under the pointer (comparedPairs.ts), its word
// diff worked out then from the two texts (the worker sends only what is painted).
// What runs here once the result arrives is cut into slices that give the event loop back between
// them, so typing elsewhere in the window is never held for long.
import * as vscode from 'vscode';
import { ComparisonResult, type CompactComparison } from '../../core/corpus/compactComparison';
import { pairHoverMarkdown } from '../../core/present/compareText';
import type { AnalysisCache } from '../analysisCache';
import { ComparedPairs } from './comparedPairs';
import { CompareCancelled, type WorkerComparer } from '../workerComparer';
import type { ComparisonSection } from './comparisonView';
import { label } from './corpusHover';
import type { WorkspaceCorpus } from './workspaceCorpus';

export const FIND_MENTIONS_IN_WORKSPACE = 'newsAnnotator.findMentionsInWorkspace';
export const COMPARE_SOURCES = 'newsAnnotator.compareSources';

/** Line and character of a UTF-16 offset in a text the editor may not have open. */
export function positionIn(text: string, offset: number): vscode.Position {
  let line = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return new vscode.Position(line, offset - lineStart);
}

export class CorpusCommands implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  // One style per kind of mark, created once.
  private readonly sharedStyle = vscode.window.createTextEditorDecorationType({
    backgroundColor: new vscode.ThemeColor('editor.findMatchHighlightBackground'),
    overviewRulerColor: new vscode.ThemeColor('editorOverviewRuler.findMatchForeground'),
  });
  private readonly conflictStyle = vscode.window.createTextEditorDecorationType({
    backgroundColor: new vscode.ThemeColor('diffEditor.removedTextBackground'),
    overviewRulerColor: new vscode.ThemeColor('editorOverviewRuler.errorForeground'),
  });

  /** Per compared document (uri): where its pairs are, and the name of the article it was compared with. */
  private readonly compared = new Map<string, { pairs: ComparedPairs; other: string; result: ComparisonResult }>();

  constructor(
    private readonly corpus: WorkspaceCorpus,
    private readonly analyses: AnalysisCache,
    private readonly results: ComparisonSection,
    private readonly comparer: WorkerComparer,
  ) {
    this.disposables.push(
      this.sharedStyle,
      this.conflictStyle,
      vscode.commands.registerCommand(FIND_MENTIONS_IN_WORKSPACE, () => this.findMentions()),
      vscode.commands.registerCommand(COMPARE_SOURCES, (a?: vscode.Uri, b?: vscode.Uri) => this.compare(a, b)),
      vscode.languages.registerHoverProvider('*', { provideHover: (doc, position) => this.hover(doc, position) }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        const entry = this.compared.get(e.document.uri.toString());
        for (const c of entry ? e.contentChanges : []) entry!.pairs.edit(c.rangeOffset, c.rangeOffset + c.rangeLength, c.text.length);
      }),
      vscode.workspace.onDidCloseTextDocument((doc) => this.compared.delete(doc.uri.toString())),
    );
  }

  /** The pair under the pointer in a compared article: why it was paired and the word diff. */
  private hover(doc: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const entry = this.compared.get(doc.uri.toString());
    const placed = entry?.pairs.at(doc.offsetAt(position));
    const detail = placed && entry?.result.detail(placed.pair.index);
    if (!entry || !placed || !detail) return undefined;
    // Article text in the hover is escaped (pairHoverMarkdown); the string is not trusted.
    const range = new vscode.Range(doc.positionAt(placed.span.start), doc.positionAt(placed.span.end));
    return new vscode.Hover(new vscode.MarkdownString(pairHoverMarkdown(detail, entry.other)), range);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  /** Returns the locations shown, so callers (and tests) can see what was found. */
  async findMentions(): Promise<vscode.Location[]> {
    const editor = vscode.window.activeTextEditor;
    if (!editor) return [];
    const analyzed = await this.analyses.whenAnalyzed(editor.document);
    const entity = analyzed?.index.entityAt(editor.document.offsetAt(editor.selection.active));
    if (!entity) {
      void vscode.window.showInformationMessage('Place the cursor on a name to find its mentions in the workspace.');
      return [];
    }
    await this.corpus.ready;
    const locations = (await this.corpus.mentionsOf(entity.aliases)).map(
      (m) => new vscode.Location(vscode.Uri.parse(m.path), new vscode.Range(m.range[0], m.range[1], m.range[2], m.range[3])),
    );
    await vscode.commands.executeCommand('editor.action.showReferences', editor.document.uri, editor.selection.active, locations);
    return locations;
  }

  /** Opens A beside B, marks the statements they share (conflicting ones in another colour) and lists them in the News view. */
  async compare(a?: vscode.Uri, b?: vscode.Uri): Promise<number> {
    await this.corpus.ready;
    const first = a ?? vscode.window.activeTextEditor?.document.uri;
    if (!first) return 0;
    let second = b;
    if (!second) {
      const picks = this.corpus
        .paths()
        .filter((p) => p !== first.toString())
        .map((p) => ({ label: label(p), uri: vscode.Uri.parse(p) }));
      second = (await vscode.window.showQuickPick(picks, { placeHolder: 'Compare with which article?' }))?.uri;
      if (!second) return 0;
    }
    const docA = await vscode.workspace.openTextDocument(first);
    const docB = await vscode.workspace.openTextDocument(second);
    // The offsets fit the texts as they are now: remember their versions to tell when they no longer do.
    const versions = new Map([[docA.uri.toString(), docA.version], [docB.uri.toString(), docB.version]]);
    // The texts compared, kept: a pair's wording and diff are sliced from them when asked for.
    const textA = docA.getText();
    const textB = docB.getText();
    let compact: CompactComparison;
    try {
      compact = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `Comparing ${label(docA.uri.toString())} with ${label(docB.uri.toString())}`, cancellable: true },
        (progress, token) => {
          let done = 0;
          // In a process of its own at the lowest priority: the editor stays responsive however long the articles are.
          return this.comparer.compare(textA, textB, (fraction, step) => {
            progress.report({ message: step, increment: Math.max(0, (fraction - done) * 100) });
            done = fraction;
          }, token);
        },
      );
    } catch (err) {
      if (err instanceof CompareCancelled) return 0;
      throw err;
    }
    const result = new ComparisonResult(textA, textB, compact);
    const editorA = await vscode.window.showTextDocument(docA, { viewColumn: vscode.ViewColumn.One, preview: false });
    await yieldToEditor();
    const editorB = await vscode.window.showTextDocument(docB, { viewColumn: vscode.ViewColumn.Beside, preview: false });
    await yieldToEditor();
    await this.mark(editorA, 'a', docB, result);
    await this.mark(editorB, 'b', docA, result);
    this.results.show(docA, docB, result, versions);
    return result.pairs.length;
  }

  /** Marks one article's side of the comparison (ranges only: VS Code sends plain ranges in one compact array; hover text comes from this.hover). */
  private async mark(editor: vscode.TextEditor, side: 'a' | 'b', other: vscode.TextDocument, result: ComparisonResult): Promise<void> {
    const pairs = new ComparedPairs(result.pairs, side);
    const doc = editor.document;
    // Registered first: hovers answer, and edits move the spans, from here on.
    this.compared.set(doc.uri.toString(), { pairs, other: label(other.uri.toString()), result });
    const ranges = async (conflicts: boolean) => {
      const out: vscode.Range[] = [];
      for (const slice of slices(pairs.spans(conflicts), RANGES_PER_SLICE)) {
        for (const s of slice) out.push(new vscode.Range(doc.positionAt(s.start), doc.positionAt(s.end)));
        await yieldToEditor();
      }
      return out;
    };
    editor.setDecorations(this.sharedStyle, await ranges(false));
    editor.setDecorations(this.conflictStyle, await ranges(true));
  }
}

/** Ranges made between two yields: a few milliseconds' work. */
const RANGES_PER_SLICE = 500;

function* slices<T>(items: readonly T[], size: number): Generator<readonly T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

/** Lets the event loop run what waits (a keystroke's round trip) before the next slice of work. */
function yieldToEditor(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
