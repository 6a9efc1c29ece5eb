// Outline and breadcrumbs (headline, sub-headings, paragraphs with quotes) and folding of page
// residue blocks, both built from the cached analysis.
import * as vscode from 'vscode';
import { buildOutline, outlineWithin, residueBlocks, type OutlineKind, type OutlineNode } from '../core/present/outline';
import type { Span } from '../core/types';
import type { AnalysisCache, AnalyzedDocument } from './analysisCache';

const SYMBOL_KINDS: Record<OutlineKind, vscode.SymbolKind> = {
  headline: vscode.SymbolKind.File,
  standfirst: vscode.SymbolKind.String,
  section: vscode.SymbolKind.Namespace,
  paragraph: vscode.SymbolKind.String,
  quote: vscode.SymbolKind.Event,
};

/**
 * The most symbols the outline sends: a longer outline loses its deepest levels (see outlineWithin).
 * VS Code serialises the whole reply in one stretch of the extension host's thread, and asks again
 * after every pause in typing: a 1 MB article's 3,300 symbols held the thread 25-60 ms per reply.
 * 2,000 keeps every headline, section and paragraph of such an article, and its quotes where they fit.
 */
export const MAX_OUTLINE_SYMBOLS = 2_000;

/** Symbols made between two yields of the thread (a top-level node and its children are made together). */
const SYMBOLS_PER_SLICE = 250;

export class NewsSymbolProvider implements vscode.DocumentSymbolProvider {
  /** Outline, breadcrumbs and sticky scroll each ask for symbols: build them once per analysis. */
  private readonly built = new WeakMap<AnalyzedDocument, vscode.DocumentSymbol[]>();

  constructor(private readonly cache: AnalysisCache) {}

  async provideDocumentSymbols(doc: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.DocumentSymbol[]> {
    // A long article's outline waits for a pause in typing (see AnalysisCache.whenSettled).
    const analyzed = await this.cache.whenSettled(doc, token);
    if (!analyzed || token.isCancellationRequested) return [];
    const cached = this.built.get(analyzed);
    if (cached) return cached;
    const { analysis, index, text } = analyzed;
    const range = (span: Span) => new vscode.Range(doc.positionAt(span.start), doc.positionAt(span.end));
    const toSymbol = (node: OutlineNode): vscode.DocumentSymbol => {
      const symbol = new vscode.DocumentSymbol(node.name, node.detail, SYMBOL_KINDS[node.kind], range(node.range), range(node.selection));
      symbol.children = node.children.map(toSymbol);
      return symbol;
    };
    const nodes = outlineWithin(buildOutline(analysis, index, text), MAX_OUTLINE_SYMBOLS);
    // A long article's outline has tens of thousands of nodes: made into symbols a slice at a time,
    // the extension host's thread is let go between slices (a keystroke is not held up behind the
    // whole outline), and a request cancelled meanwhile (the reviewer typed on) stops there.
    const symbols: vscode.DocumentSymbol[] = [];
    let made = 0;
    for (const node of nodes) {
      if (made >= SYMBOLS_PER_SLICE) {
        made = 0;
        await new Promise<void>((resolve) => setImmediate(resolve));
        if (token.isCancellationRequested) return [];
      }
      symbols.push(toSymbol(node));
      made += 1 + countBelow(node);
    }
    this.built.set(analyzed, symbols);
    return symbols;
  }
}

export class NewsFoldingProvider implements vscode.FoldingRangeProvider {
  constructor(private readonly cache: AnalysisCache) {}

  async provideFoldingRanges(doc: vscode.TextDocument, _context: vscode.FoldingContext, token: vscode.CancellationToken): Promise<vscode.FoldingRange[]> {
    const analyzed = await this.cache.whenSettled(doc, token);
    if (!analyzed || token.isCancellationRequested) return [];
    const { analysis, text } = analyzed;
    const ranges: vscode.FoldingRange[] = [];
    for (const block of residueBlocks(analysis, text)) {
      const start = doc.positionAt(block.start).line;
      const end = doc.positionAt(block.end).line;
      // Residue is scoped like comments by the grammar, so "Fold All Block Comments" folds it too.
      if (end > start) ranges.push(new vscode.FoldingRange(start, end, vscode.FoldingRangeKind.Comment));
    }
    return ranges;
  }
}

function countBelow(node: OutlineNode): number {
  let n = 0;
  for (const child of node.children) n += 1 + countBelow(child);
  return n;
}
