// The Sources section of the News view: who gets a voice in the article. Clicking a source selects
// all its quotes and paraphrasing sentences at once (one selection each); clicking one of them
// selects that one.
import * as vscode from 'vscode';
import { statementSpans } from '../core/sources/lookup';
import { sourcesOf } from './analysisSources';
import { sourceSection, type ViewNode } from '../core/present/viewTree';
import type { Span } from '../core/types';
import type { AnalyzedDocument } from './analysisCache';
import type { NewsViewSection } from './newsView';

/** Internal command of the view's source items: (uri, spans) → one selection per span. */
export const SELECT_SPANS = 'newsAnnotator.selectSpans';

export class SourcesSection implements NewsViewSection, vscode.Disposable {
  readonly order = 250;
  private readonly command = vscode.commands.registerCommand(SELECT_SPANS, (uri: string, spans: Span[]) => selectSpans(uri, spans));

  /**
   * Built once per analysis: any section's change rebuilds the whole tree, and long articles have
   * thousands of statements. A build that failed is tried again next time.
   */
  private readonly built = new WeakMap<AnalyzedDocument, Promise<ViewNode>>();

  build(analyzed: AnalyzedDocument): Promise<ViewNode> {
    let section = this.built.get(analyzed);
    if (!section) {
      section = this.buildFresh(analyzed);
      this.built.set(analyzed, section);
      section.catch(() => this.built.delete(analyzed));
    }
    return section;
  }

  private async buildFresh(analyzed: AnalyzedDocument): Promise<ViewNode> {
    const r = await sourcesOf(analyzed.analysis);
    const uri = analyzed.document.uri.toString();
    return sourceSection(r, (s) => ({ id: SELECT_SPANS, args: [uri, statementSpans(s)] }));
  }

  dispose(): void {
    this.command.dispose();
  }
}

/** Selects every span in the article's editor (the first one primary) and shows the first. */
export async function selectSpans(uri: string, spans: readonly Span[]): Promise<vscode.TextEditor | undefined> {
  // Arguments of a command can come from anywhere (a keybinding, another extension): checked.
  const valid = (s: unknown): s is Span => typeof s === 'object' && s !== null && Number.isInteger((s as Span).start) && Number.isInteger((s as Span).end);
  if (typeof uri !== 'string' || !(spans instanceof Array) || spans.length === 0 || !spans.every(valid)) return undefined;
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
  const visible = vscode.window.visibleTextEditors.find((e) => e.document === doc);
  const editor = await vscode.window.showTextDocument(doc, { viewColumn: visible?.viewColumn, preserveFocus: false });
  const ranges = spans.map((s) => new vscode.Range(doc.positionAt(s.start), doc.positionAt(s.end)));
  editor.selections = ranges.map((r) => new vscode.Selection(r.start, r.end));
  editor.revealRange(ranges[0]!, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}
