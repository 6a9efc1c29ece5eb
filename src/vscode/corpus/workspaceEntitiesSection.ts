// The News view's workspace mode ("News: Toggle Workspace Entities"): a section listing the
// entities of every indexed article, most widely reported first, with the articles naming each and
// how often; clicking an article shows its first mention of the entity.
import * as vscode from 'vscode';
import type { WorkspaceEntity } from '../../core/corpus/workspaceEntities';
import type { ViewNode } from '../../core/present/viewTree';
import type { NewsViewSection } from '../newsView';
import { REVEAL_RANGE } from '../reveal';
import { label } from './corpusHover';
import type { WorkspaceCorpus } from './workspaceCorpus';

export const TOGGLE_WORKSPACE_ENTITIES = 'newsAnnotator.toggleWorkspaceEntities';
/** Above the article's own entities (100). */
const SECTION_ORDER = 50;
/** A large workspace names thousands of things: the view lists the most widely reported. */
const MAX_ROWS = 300;

export class WorkspaceEntitiesSection implements NewsViewSection, vscode.Disposable {
  readonly order = SECTION_ORDER;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private shown = false;
  /** The rows as the worker's index last gave them (undefined until asked). */
  private rows: WorkspaceEntity[] | undefined;
  private asked = 0;

  constructor(private readonly corpus: WorkspaceCorpus) {
    this.disposables.push(
      vscode.commands.registerCommand(TOGGLE_WORKSPACE_ENTITIES, () => this.toggle()),
      corpus.onDidChange(() => {
        if (this.shown) void this.fetch();
      }),
    );
  }

  /** Asks the worker's index for the rows, then shows them; a newer request supersedes this one. */
  private async fetch(): Promise<void> {
    const ask = ++this.asked;
    const rows = await this.corpus.entities().catch(() => undefined);
    if (ask !== this.asked || !this.shown || rows === undefined) return;
    this.rows = rows;
    this.changed.fire();
  }

  get enabled(): boolean {
    return this.shown;
  }

  /** Shows or hides the section; resolves, once its rows are in, with whether it is now shown. */
  async toggle(): Promise<boolean> {
    this.shown = !this.shown;
    void vscode.commands.executeCommand('setContext', 'newsAnnotator.workspaceEntities', this.shown);
    this.rows = undefined;
    this.changed.fire();
    if (this.shown) await this.fetch();
    return this.shown;
  }

  build(): ViewNode | undefined {
    if (!this.shown) return undefined;
    const paths = this.corpus.paths();
    const rows = this.rows ?? [];
    const children = rows.slice(0, MAX_ROWS).map<ViewNode>((row) => {
      const id = `ws-entity/${row.type}/${row.name}`;
      return {
        id,
        label: row.name,
        description: `${row.articles.length} article${row.articles.length === 1 ? '' : 's'} · ${row.total}×`,
        icon: row.type,
        children: row.articles.map((a) => ({
          id: `${id}/${a.path}`,
          label: label(a.path),
          description: `${a.count}×`,
          icon: 'article',
          command: { id: REVEAL_RANGE, args: [a.path, a.first.start, a.first.end] },
          children: [],
        })),
      };
    });
    return {
      id: 'ws-entities',
      label: 'Workspace entities',
      description: `${rows.length} in ${paths.length} article${paths.length === 1 ? '' : 's'}${rows.length > MAX_ROWS ? ` (first ${MAX_ROWS})` : ''}`,
      icon: 'section',
      children,
    };
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }
}
