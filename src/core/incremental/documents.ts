// The incremental analyses of the documents open in the editor, one per document, as the analysis
// worker keeps them. A few documents are kept; the least recently analysed one is dropped first
// (its next analysis is then a full one, with the same result).
import type { Analysis } from '../types';
import { IncrementalAnalyzer } from './index';
import type { TextEdit } from '../text/textEdit';

const KEPT_DOCUMENTS = 8;

export class DocumentAnalyses {
  private readonly byDocument = new Map<string, IncrementalAnalyzer>();

  constructor(private readonly kept = KEPT_DOCUMENTS) {}

  /**
   * The analysis of the document's current text, reusing what its earlier texts computed;
   * `change`, when known, is how the text differs from an earlier one (see IncrementalAnalyzer).
   */
  analyze(document: string, text: string, change?: { from: string; edit: TextEdit }): Analysis {
    let analyzer = this.byDocument.get(document);
    if (analyzer) this.byDocument.delete(document);
    else analyzer = new IncrementalAnalyzer();
    // Re-inserted last: the map's order is the order of use.
    this.byDocument.set(document, analyzer);
    while (this.byDocument.size > this.kept) this.byDocument.delete(this.byDocument.keys().next().value!);
    return analyzer.analyze(text, change);
  }

  /** Drops what is kept for a closed document. */
  forget(document: string): void {
    this.byDocument.delete(document);
  }

  /** The documents kept, least recently analysed first. */
  get documents(): string[] {
    return [...this.byDocument.keys()];
  }
}
