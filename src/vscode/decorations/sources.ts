// Extra decorations painted by other features (e.g. claims by verdict from the annotations
// feature): a source declares its styles once and supplies ranges per document; the decorator
// owns the decoration types and applies everything together with the built-in styles.
import type * as vscode from 'vscode';
import type { AnalyzedDocument } from '../analysisCache';

export interface DecorationSource {
  /** Prefix of this source's style ids in the test read-out, e.g. `claims` gives `claims.false`. */
  readonly id: string;
  /** Render options per style name; read once when the source is registered. */
  styles(): Record<string, vscode.DecorationRenderOptions>;
  /**
   * Ranges per style name for the analysed document; styles left out are cleared. Options with
   * per-range render options (an `after` text such as a verdict chip) are accepted too.
   */
  ranges(analyzed: AnalyzedDocument): Record<string, readonly vscode.Range[] | readonly vscode.DecorationOptions[]>;
  /** Fires when the source's ranges changed for a document (undefined: for every document). */
  readonly onDidChange?: vscode.Event<vscode.Uri | undefined>;
}
