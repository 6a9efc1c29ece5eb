// The one reader of the `newsAnnotator.*` settings: every feature reads them here, typed, with
// their defaults, never through workspace.getConfiguration itself. `readConfig(scope)` reads for a
// resource (a folder's own settings); ConfigWatcher holds the window's snapshot, rebuilt only when
// `affectsConfiguration('newsAnnotator')` says something changed, and tells which keys did.
import * as vscode from 'vscode';
import { DEFAULT_MAX_ARTICLE_SIZE_MB } from '../core/text/articleSize';

export const CONFIG_SECTION = 'newsAnnotator';

export interface NewsConfig {
  /** Globs of files that always open in the news language. */
  files: string[];
  /** Sniff other .txt files and switch them to news when they read like an article. */
  detect: boolean;
  highlight: HighlightConfig;
  /** Report quotes without a speaker as Information in the Problems panel. */
  unattributedQuoteDiagnostics: boolean;
  /** A chip naming the verdict after each tagged claim (`highlight.verdictChips`). */
  verdictChips: boolean;
  /** The verdict labels as written in the settings; `readClaimLabels` checks and completes them. */
  claimLabels: unknown;
  /** The reviewer's name recorded on claims ('' when not set yet). */
  reviewer: string;
  workspaceIndex: WorkspaceIndexConfig;
  /** Articles larger than this (MB of UTF-8) are not analysed or decorated in the editor; 0: no limit. */
  maxArticleSizeMB: number;
}

/** The index of the workspace's articles (Find All Mentions, matches in other articles, verdict hints). */
export interface WorkspaceIndexConfig {
  enabled: boolean;
  /** At most this many files are indexed. */
  maxFiles: number;
}

/** Default of `newsAnnotator.workspaceIndex.maxFiles`. */
export const DEFAULT_INDEX_MAX_FILES = 2000;

/** Which kinds of decorations are painted (`newsAnnotator.highlight.*`). */
export interface HighlightConfig {
  quotes: boolean;
  entities: boolean;
  speakers: boolean;
  residue: boolean;
  /** Mark quotes in the overview ruler next to the scroll bar. */
  overviewRuler: boolean;
}

export function readConfig(scope?: vscode.ConfigurationScope): NewsConfig {
  const c = vscode.workspace.getConfiguration(CONFIG_SECTION, scope);
  return {
    files: c.get<string[]>('files', ['**/seeds/*.txt', '**/*.news.txt']).filter((g) => typeof g === 'string' && g.length > 0),
    detect: c.get<boolean>('detect', true),
    highlight: {
      quotes: c.get<boolean>('highlight.quotes', true),
      entities: c.get<boolean>('highlight.entities', true),
      speakers: c.get<boolean>('highlight.speakers', true),
      residue: c.get<boolean>('highlight.residue', true),
      overviewRuler: c.get<boolean>('highlight.overviewRuler', true),
    },
    unattributedQuoteDiagnostics: c.get<boolean>('diagnostics.unattributedQuotes', false),
    verdictChips: c.get<boolean>('highlight.verdictChips', true),
    claimLabels: c.get<unknown>('claimLabels'),
    reviewer: String(c.get<string>('reviewer', '') ?? '').trim(),
    workspaceIndex: {
      enabled: c.get<boolean>('workspaceIndex.enabled', true),
      maxFiles: positiveInteger(c.get<number>('workspaceIndex.maxFiles', DEFAULT_INDEX_MAX_FILES), DEFAULT_INDEX_MAX_FILES),
    },
    maxArticleSizeMB: c.get<number>('maxArticleSizeMB', DEFAULT_MAX_ARTICLE_SIZE_MB),
  };
}

/** Stores a setting in the user's settings (e.g. the reviewer's name, once asked for). */
export async function updateUserSetting(key: 'reviewer', value: string): Promise<void> {
  await vscode.workspace.getConfiguration(CONFIG_SECTION).update(key, value, vscode.ConfigurationTarget.Global);
}

function positiveInteger(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 1 ? Math.floor(value) : fallback;
}

/** A change of `newsAnnotator.*` settings: the new snapshot, and which keys changed. */
export interface NewsConfigChange {
  readonly config: NewsConfig;
  /** True when `newsAnnotator.<key>` (or a key under it) changed, for `scope` when given. */
  affects(key: string, scope?: vscode.ConfigurationScope): boolean;
}

export class ConfigWatcher implements vscode.Disposable {
  private snapshot: NewsConfig = readConfig();
  private readonly emitter = new vscode.EventEmitter<NewsConfig>();
  private readonly changes = new vscode.EventEmitter<NewsConfigChange>();
  private readonly listener: vscode.Disposable;
  /** Fires with the new snapshot when any `newsAnnotator.*` setting changed. */
  readonly onDidChange = this.emitter.event;
  /** The same, telling which keys changed (for features that care about a few). */
  readonly onDidChangeKeys = this.changes.event;

  constructor() {
    this.listener = vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration(CONFIG_SECTION)) return;
      this.snapshot = readConfig();
      this.emitter.fire(this.snapshot);
      this.changes.fire({ config: this.snapshot, affects: (key, scope) => e.affectsConfiguration(`${CONFIG_SECTION}.${key}`, scope) });
    });
  }

  get current(): NewsConfig {
    return this.snapshot;
  }

  /** The settings as they apply to one resource (a folder may set its own). */
  for(scope: vscode.ConfigurationScope): NewsConfig {
    return readConfig(scope);
  }

  dispose(): void {
    this.listener.dispose();
    this.emitter.dispose();
    this.changes.dispose();
  }
}
