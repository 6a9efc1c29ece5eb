// A typed snapshot of the `newsAnnotator.*` settings. Readers hold the snapshot; it is rebuilt
// only when `affectsConfiguration('newsAnnotator')` says something changed.
import * as vscode from 'vscode';

export const CONFIG_SECTION = 'newsAnnotator';

export interface NewsConfig {
  /** Globs of files that always open in the news language. */
  files: string[];
  /** Sniff other .txt files and switch them to news when they read like an article. */
  detect: boolean;
}

export function readConfig(scope?: vscode.ConfigurationScope): NewsConfig {
  const c = vscode.workspace.getConfiguration(CONFIG_SECTION, scope);
  return {
    files: c.get<string[]>('files', ['**/seeds/*.txt', '**/*.news.txt']).filter((g) => typeof g === 'string' && g.length > 0),
    detect: c.get<boolean>('detect', true),
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
