// The colour legend: a Legend section at the top of the News view (one row per style, its colour
// as the icon) and the "Show Colour Legend" page, a read-only document whose samples are painted
// with the very decoration styles the articles get, so the legend cannot drift from the editor.
import * as vscode from 'vscode';
import { legendEntries, legendPage, legendSection, type LegendEntry } from '../core/present/legend';
import { chipText, verdictChipsEnabled, verdictChipStyle, verdictStyle } from './annotations/claimDisplay';
import { readClaimLabels } from './annotations/settings';
import type { ConfigWatcher } from './config';
import { BUILT_IN_STYLES } from './decorations/styles';
import type { NewsTreeProvider } from './newsView';

export const SHOW_LEGEND = 'newsAnnotator.showLegend';
export const LEGEND_URI = vscode.Uri.from({ scheme: 'news-legend', path: '/News Colour Legend' });

export class ColourLegend implements vscode.Disposable, vscode.TextDocumentContentProvider {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly changeEmitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changeEmitter.event;
  private types = new Map<string, vscode.TextEditorDecorationType>();
  private readonly painted = new WeakMap<vscode.TextEditor, Record<string, number>>();

  constructor(private readonly config: ConfigWatcher, newsTree: NewsTreeProvider) {
    this.disposables.push(
      this.changeEmitter,
      vscode.workspace.registerTextDocumentContentProvider(LEGEND_URI.scheme, this),
      vscode.commands.registerCommand(SHOW_LEGEND, () => this.show()),
      newsTree.registerSection({ order: 0, build: () => legendSection(this.entries(), { id: SHOW_LEGEND, args: [] }) }),
    );
    vscode.window.onDidChangeVisibleTextEditors(() => this.paintAll(), this, this.disposables);
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration('newsAnnotator') && !e.affectsConfiguration('workbench.colorCustomizations')) return;
      this.disposeTypes();
      this.changeEmitter.fire(LEGEND_URI);
      newsTree.refresh();
      setTimeout(() => this.paintAll(), 0); // after the page text was re-read
    }, this, this.disposables);
  }

  /** The styles the legend names, verdicts from the current labels setting. */
  entries(): LegendEntry[] {
    return legendEntries(readClaimLabels());
  }

  provideTextDocumentContent(): string {
    return legendPage(this.entries()).text;
  }

  /** Opens the legend page beside the article and paints its samples. */
  async show(): Promise<vscode.TextEditor> {
    const doc = await vscode.workspace.openTextDocument(LEGEND_URI);
    const editor = await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: true, preserveFocus: true });
    this.paint(editor);
    return editor;
  }

  /** How many samples each style painted in `editor` (for tests): `{ 'entity.PERSON': 1, … }`. */
  paintedIn(editor: vscode.TextEditor): Record<string, number> {
    return this.painted.get(editor) ?? {};
  }

  private paintAll(): void {
    for (const editor of vscode.window.visibleTextEditors) {
      if (editor.document.uri.toString() === LEGEND_URI.toString()) this.paint(editor);
    }
  }

  private paint(editor: vscode.TextEditor): void {
    const doc = editor.document;
    const page = legendPage(this.entries());
    if (doc.getText() !== page.text) return; // an older text; painted again when the new one is shown
    const byStyle = new Map<string, { entry: LegendEntry; options: vscode.DecorationOptions[] }>();
    const add = (style: string, entry: LegendEntry, options: vscode.DecorationOptions) => {
      const slot = byStyle.get(style) ?? { entry, options: [] };
      slot.options.push(options);
      byStyle.set(style, slot);
    };
    const chips = verdictChipsEnabled();
    for (const { entry, start, end } of page.samples) {
      const range = new vscode.Range(doc.positionAt(start), doc.positionAt(end));
      add(entry.style, entry, { range });
      if (entry.group === 'Verdicts' && chips) {
        add(`chip:${entry.style}`, entry, { range: new vscode.Range(range.end, range.end), renderOptions: { after: { contentText: chipText(entry.name, 'exact') } } });
      }
    }
    const counts: Record<string, number> = {};
    for (const [style, { entry, options }] of byStyle) {
      editor.setDecorations(this.typeFor(style, entry), options);
      counts[style] = options.length;
    }
    this.painted.set(editor, counts);
  }

  private typeFor(style: string, entry: LegendEntry): vscode.TextEditorDecorationType {
    let type = this.types.get(style);
    if (!type) {
      type = vscode.window.createTextEditorDecorationType(this.optionsFor(style, entry));
      this.types.set(style, type);
    }
    return type;
  }

  private optionsFor(style: string, entry: LegendEntry): vscode.DecorationRenderOptions {
    if (style.startsWith('chip:')) return verdictChipStyle(entry.colour);
    if (entry.group === 'Verdicts') return verdictStyle(entry.colour);
    const builtIn = BUILT_IN_STYLES.find((s) => s.id === style);
    // Shown whatever the highlight switches say: the legend describes the styles, not the settings.
    return builtIn ? builtIn.options(this.config.current.highlight) : {};
  }

  private disposeTypes(): void {
    for (const type of this.types.values()) type.dispose();
    this.types = new Map();
  }

  dispose(): void {
    this.disposeTypes();
    vscode.Disposable.from(...this.disposables).dispose();
  }
}
