// The News view: entities grouped by type and quotes grouped by speaker for the article in the
// active editor, plus sections contributed by other features (e.g. claims by verdict). Clicking
// an item reveals its span; a text filter narrows every section.
import * as vscode from 'vscode';
import { entitySection, filterNodes, hasChildren, quoteSection, type ViewNode } from '../core/present/viewTree';
import type { AnalysisCache, AnalyzedDocument } from './analysisCache';
import { isNewsDocument, SETTLE_MS } from './analysisCache';
import { REVEAL_RANGE } from './reveal';
import { SourcesSuperseded } from './analysisSources';

export const NEWS_VIEW_ID = 'newsAnnotator.newsView';

/** A section of the News view supplied by another feature. */
export interface NewsViewSection {
  /** Sections are shown in ascending order; entities are at 100, quotes at 200, sources at 250. */
  readonly order: number;
  /** The section's node; a promise for one that is worked out elsewhere (the sources, on the analysis worker). */
  build(analyzed: AnalyzedDocument): ViewNode | undefined | Promise<ViewNode | undefined>;
  /** Fires when the section's content changed (e.g. a verdict was recorded). */
  readonly onDidChange?: vscode.Event<void>;
}

const ICONS: Record<string, string> = {
  PERSON: 'person',
  ORG: 'organization',
  PLACE: 'location',
  NORP: 'globe',
  quote: 'quote',
  speaker: 'comment-discussion',
  anonymous: 'question',
  paraphrase: 'comment',
  section: 'list-tree',
  'compare-group': 'files',
  pair: 'link',
  conflict: 'warning',
  only: 'dash',
  article: 'file',
  legend: 'symbol-color',
  swatch: 'circle-large-filled',
  more: 'ellipsis',
};

export class NewsTreeProvider implements vscode.TreeDataProvider<ViewNode>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<ViewNode | undefined>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  private readonly disposables: vscode.Disposable[] = [this.changeEmitter];
  private readonly sections: NewsViewSection[] = [
    { order: 100, build: memoByIndex(entitySection) },
    { order: 200, build: memoByIndex(quoteSection) },
  ];
  private document: vscode.TextDocument | undefined;
  private filterText = '';
  /** A refresh put off until typing pauses in a long article (the tree is rebuilt whole). */
  private settleTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly cache: AnalysisCache) {
    this.follow(vscode.window.activeTextEditor);
    vscode.window.onDidChangeActiveTextEditor((editor) => this.follow(editor), this, this.disposables);
    cache.onDidAnalyze((analyzed) => {
      if (analyzed.document !== this.document) return;
      clearTimeout(this.settleTimer);
      if (cache.isLong(analyzed)) this.settleTimer = setTimeout(() => this.changeEmitter.fire(undefined), SETTLE_MS);
      else this.changeEmitter.fire(undefined);
    }, this, this.disposables);
    vscode.workspace.onDidCloseTextDocument((doc) => {
      if (doc === this.document) this.follow(undefined);
    }, this, this.disposables);
  }

  /** The document the view describes: the last active news article still open. */
  get currentDocument(): vscode.TextDocument | undefined {
    return this.document;
  }

  get filter(): string {
    return this.filterText;
  }

  setFilter(text: string): void {
    this.filterText = text.trim();
    void vscode.commands.executeCommand('setContext', 'newsAnnotator.viewFiltered', this.filterText.length > 0);
    this.changeEmitter.fire(undefined);
  }

  /** Rebuilds the tree (e.g. after a setting the sections read changed). */
  refresh(): void {
    this.changeEmitter.fire(undefined);
  }

  registerSection(section: NewsViewSection): vscode.Disposable {
    this.sections.push(section);
    this.sections.sort((a, b) => a.order - b.order);
    const listener = section.onDidChange?.(() => this.changeEmitter.fire(undefined));
    this.changeEmitter.fire(undefined);
    return new vscode.Disposable(() => {
      listener?.dispose();
      this.sections.splice(this.sections.indexOf(section), 1);
      this.changeEmitter.fire(undefined);
    });
  }

  async getChildren(node?: ViewNode): Promise<ViewNode[]> {
    if (node) return node.children;
    const doc = this.document;
    if (!doc || doc.isClosed) return [];
    for (;;) {
      const analyzed = await this.cache.whenSettled(doc);
      if (!analyzed) return [];
      try {
        const roots = (await Promise.all(this.sections.map((s) => Promise.resolve(s.build(analyzed))))).flatMap((node) => node ?? []);
        return filterNodes(roots, this.filterText);
      } catch (err) {
        // The reviewer typed on and a newer analysis replaced this one before its sources were
        // found: the tree is built from the newer one.
        if (!(err instanceof SourcesSuperseded)) throw err;
      }
    }
  }

  getTreeItem(node: ViewNode): vscode.TreeItem {
    const state = !hasChildren(node)
      ? vscode.TreeItemCollapsibleState.None
      : node.icon === 'section' || node.icon === 'legend' || this.filterText
        ? vscode.TreeItemCollapsibleState.Expanded
        : vscode.TreeItemCollapsibleState.Collapsed;
    const item = new vscode.TreeItem(node.label, state);
    // Filtered trees get other ids so VS Code does not reuse the collapsed state of the full tree.
    item.id = this.filterText ? `${node.id}?${this.filterText}` : node.id;
    item.description = node.description;
    item.tooltip = node.tooltip;
    // A swatch takes its style's theme colour; a CSS colour (a custom verdict) cannot colour an icon.
    const colour = node.colour && /^[A-Za-z][\w-]*(\.[\w-]+)+$/.test(node.colour) ? new vscode.ThemeColor(node.colour) : undefined;
    item.iconPath = new vscode.ThemeIcon(ICONS[node.icon] ?? 'circle-outline', colour);
    item.contextValue = node.icon;
    if (node.command) {
      item.command = { command: node.command.id, title: 'Go to text', arguments: node.command.args };
    } else if (node.target && this.document) {
      item.command = {
        command: REVEAL_RANGE,
        title: 'Go to text',
        arguments: [this.document.uri.toString(), node.target.start, node.target.end],
      };
    }
    return item;
  }

  private follow(editor: vscode.TextEditor | undefined): void {
    const doc = editor?.document;
    if (doc && isNewsDocument(doc)) {
      if (doc === this.document) return;
      this.document = doc;
    } else if (this.document && !this.document.isClosed && isNewsDocument(this.document)) {
      return; // focus moved to the view, the panel or a non-article: keep showing the last article
    } else {
      this.document = undefined;
    }
    this.changeEmitter.fire(undefined);
  }

  dispose(): void {
    clearTimeout(this.settleTimer);
    vscode.Disposable.from(...this.disposables).dispose();
  }
}

/**
 * A section built once per analysis: another section's change rebuilds the tree, and the entities
 * of an 800 KB article take a few hundred milliseconds of the extension host to list again.
 */
function memoByIndex(section: (index: AnalyzedDocument['index']) => ViewNode): (analyzed: AnalyzedDocument) => ViewNode {
  const built = new WeakMap<AnalyzedDocument['index'], ViewNode>();
  return ({ index }) => {
    let node = built.get(index);
    if (!node) built.set(index, (node = section(index)));
    return node;
  };
}

/** Registers the tree view and its filter commands. */
export class NewsView implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  readonly view: vscode.TreeView<ViewNode>;

  constructor(readonly provider: NewsTreeProvider) {
    this.view = vscode.window.createTreeView(NEWS_VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });
    this.disposables.push(
      this.view,
      vscode.commands.registerCommand('newsAnnotator.filterView', (text?: string) => this.filter(text)),
      vscode.commands.registerCommand('newsAnnotator.clearViewFilter', () => this.filter('')),
    );
  }

  /** Filters by `text`, or asks for it when called from the palette or the view title. */
  private async filter(text?: string): Promise<void> {
    const value =
      typeof text === 'string'
        ? text
        : await vscode.window.showInputBox({ title: 'Filter the News view', value: this.provider.filter, placeHolder: 'Part of a name or a quote' });
    if (value === undefined) return;
    this.provider.setFilter(value);
    this.view.message = this.provider.filter ? `Filtered by “${this.provider.filter}”` : undefined;
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }
}
