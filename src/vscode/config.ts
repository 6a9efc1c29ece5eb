// A typed snapshot of the `newsAnnotator.*` settings. Readers hold the snapshot; it is rebuilt
// only when `affectsConfiguration('newsAnnotator')` says something changed.
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
  /** Articles larger than this (MB of UTF-8) are not analysed or decorated in the editor; 0: no limit. */
  maxArticleSizeMB: number;
}

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
    maxArticleSizeMB: c.get<number>('maxArticleSizeMB', DEFAULT_MAX_ARTICLE_SIZE_MB),
  };
}

export class ConfigWatcher implements vscode.Disposable {
  private snapshot: NewsConfig = readConfig();
  private readonly emitter = new vscode.EventEmitter<NewsConfig>();
  private readonly listener: vscode.Disposable;
  readonly onDidChange = this.emitter.event;

  constructor() {
    this.listener = vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration(CONFIG_SECTION)) return;
      this.snapshot = readConfig();
      this.emitter.fire(this.snapshot);
    });
  }

  get current(): NewsConfig {
    return this.snapshot;
  }

  dispose(): void {
    this.listener.dispose();
    this.emitter.dispose();
  }
}
