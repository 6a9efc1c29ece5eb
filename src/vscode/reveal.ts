// Shows a span of a document in an editor and selects it: the target of tree clicks, quick picks
// and quote navigation.
import * as vscode from 'vscode';

/** Internal command (not in the palette) used by the News view items. */
export const REVEAL_RANGE = 'newsAnnotator.revealRange';

export async function revealSpan(uri: vscode.Uri, start: number, end: number): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(uri);
  const selection = new vscode.Range(doc.positionAt(start), doc.positionAt(end));
  const visible = vscode.window.visibleTextEditors.find((e) => e.document === doc);
  const editor = await vscode.window.showTextDocument(doc, { viewColumn: visible?.viewColumn, preserveFocus: false });
  selectInEditor(editor, selection);
  return editor;
}

export function selectInEditor(editor: vscode.TextEditor, range: vscode.Range): void {
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
