// With the cursor on an entity: highlight every mention under all its aliases, and list them for
// Go to References / Find All References.
import * as vscode from 'vscode';
import type { Span } from '../core/types';
import type { AnalysisCache } from './analysisCache';

export class NewsMentionProvider implements vscode.DocumentHighlightProvider, vscode.ReferenceProvider {
  constructor(private readonly cache: AnalysisCache) {}

  provideDocumentHighlights(doc: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): vscode.DocumentHighlight[] {
    return this.spansAt(doc, position, token).map((range) => new vscode.DocumentHighlight(range, vscode.DocumentHighlightKind.Read));
  }

  provideReferences(doc: vscode.TextDocument, position: vscode.Position, _context: vscode.ReferenceContext, token: vscode.CancellationToken): vscode.Location[] {
    return this.spansAt(doc, position, token).map((range) => new vscode.Location(doc.uri, range));
  }

  private spansAt(doc: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): vscode.Range[] {
    if (token.isCancellationRequested) return [];
    const { index } = this.cache.get(doc);
    const entity = index.entityAt(doc.offsetAt(position));
    if (!entity) return [];
    return index.spansOf(entity).map((s: Span) => new vscode.Range(doc.positionAt(s.start), doc.positionAt(s.end)));
  }
}
