// With the cursor on an entity: highlight every mention under all its aliases, and list them for
// Go to References / Find All References.
import * as vscode from 'vscode';
import type { Span } from '../core/types';
import type { AnalysisCache } from './analysisCache';

export class NewsMentionProvider implements vscode.DocumentHighlightProvider, vscode.ReferenceProvider {
  constructor(private readonly cache: AnalysisCache) {}

  async provideDocumentHighlights(doc: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.DocumentHighlight[]> {
    return (await this.spansAt(doc, position, token)).map((range) => new vscode.DocumentHighlight(range, vscode.DocumentHighlightKind.Read));
  }

  async provideReferences(doc: vscode.TextDocument, position: vscode.Position, _context: vscode.ReferenceContext, token: vscode.CancellationToken): Promise<vscode.Location[]> {
    return (await this.spansAt(doc, position, token)).map((range) => new vscode.Location(doc.uri, range));
  }

  private async spansAt(doc: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Range[]> {
    const analyzed = await this.cache.whenAnalyzed(doc, token);
    if (!analyzed || token.isCancellationRequested) return [];
    const { index } = analyzed;
    const entity = index.entityAt(doc.offsetAt(position));
    if (!entity) return [];
    return index.spansOf(entity).map((s: Span) => new vscode.Range(doc.positionAt(s.start), doc.positionAt(s.end)));
  }
}
