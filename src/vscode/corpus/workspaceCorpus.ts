// Keeps a CorpusIndex of the workspace's news articles: a cancellable background scan on start
// (the configured globs, plus .txt files that read like articles when `newsAnnotator.detect` is
// on), then a file watcher and rename events keep it current. `newsAnnotator.workspaceIndex.*`
// turns it off (no scan, no watcher) and caps the number of files; a change of those settings,
// the globs or detection scans again. The index itself (analyses, postings) lives on the service
// worker: the host reads the files, keeps which ones are indexed, and asks the worker its questions.
import * as vscode from 'vscode';
import type { CorpusMatch } from '../../core/corpus/corpusIndex';
import type { WorkspaceEntity } from '../../core/corpus/workspaceEntities';
import { sniffNewsArticle } from '../../core/sniff';
import { decodeArticle } from '../../core/text/decodeArticle';
import type { Span } from '../../core/types';
import { readConfig, type ConfigWatcher, type NewsConfig } from '../config';
import type { ServiceWorker } from '../serviceWorker';
import type { PlacedMention } from '../worker/corpusService';
import { ScanTally } from './scanTally';

/** Files above this size are left out of the workspace index (the editor still analyses them when opened). */
const MAX_INDEXED_BYTES = 4 * 1024 * 1024;
/** Show a progress notification only when the first scan takes longer than this. */
const NOTIFY_AFTER_MS = 1500;
/** The first scan waits at most this long for the open articles' first analysis. */
const SCAN_DELAY_MAX_MS = 3000;
/** How many times the index is rebuilt after its worker stopped (an article that crashes it would loop). */
const MAX_REBUILDS = 3;
/** The queue key of work on the whole index (a clear). */
const ALL = '*';
/** How long after a rename the new file is read again (see `rename`). */
const RENAME_RECHECK_MS = 1000;

export class WorkspaceCorpus implements vscode.Disposable {
  /** The indexed articles (uri strings), as the worker's index holds them. */
  private readonly indexed = new Set<string>();
  private readonly disposables: vscode.Disposable[] = [];
  /** The file watcher and rename listener: they exist only while the index is on. */
  private watching: vscode.Disposable | undefined;
  private scan = new vscode.CancellationTokenSource();
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires after the index changed (a scan finished, a file was added, changed, deleted or renamed). */
  readonly onDidChange = this.changed.event;
  /** Resolves when the latest workspace scan is over (finished or cancelled). */
  ready: Promise<void> = Promise.resolve();
  /** Latest pending work per file, so a burst of saves analyses the file once at a time. */
  private readonly pending = new Map<string, Promise<void>>();
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  private settings: NewsConfig;
  /** Counts restarts: work begun before the latest one must not add to the index after it. */
  private generation = 0;
  private disposed = false;
  private rebuilds = 0;

  /**
   * @param startAfter the first scan waits for it (at most SCAN_DELAY_MAX_MS): the open article's
   *   first analysis, so indexing the workspace does not compete with the first highlights
   */
  constructor(private readonly worker: ServiceWorker, config: ConfigWatcher, startAfter: Promise<unknown> = Promise.resolve()) {
    this.settings = config.current;
    this.disposables.push(this.changed);
    config.onDidChangeKeys((e) => {
      this.settings = e.config;
      if (e.affects('workspaceIndex') || e.affects('files') || e.affects('detect')) this.restart();
    }, this, this.disposables);
    // The index lived on the worker that stopped: scan again into the new one.
    const stopped = worker.onStopped(() => {
      if (!this.disposed && this.generation > 0 && this.rebuilds++ < MAX_REBUILDS) this.restart();
    });
    this.disposables.push({ dispose: () => stopped.dispose() });
    let delay: ReturnType<typeof setTimeout> | undefined;
    const waited = Promise.race([startAfter, new Promise<void>((resolve) => (delay = setTimeout(resolve, SCAN_DELAY_MAX_MS)))]);
    this.ready = waited.then(() => {
      clearTimeout(delay);
      if (this.generation === 0 && !this.disposed) this.restart();
      return this.ready;
    });
  }

  dispose(): void {
    this.disposed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.scan.cancel();
    this.scan.dispose();
    this.watching?.dispose();
    for (const d of this.disposables) d.dispose();
  }

  /** Whether the article at `path` (a uri string) is in the index. */
  has(path: string): boolean {
    return this.indexed.has(path);
  }

  /** The indexed articles' uri strings. */
  paths(): string[] {
    return [...this.indexed];
  }

  get size(): number {
    return this.indexed.size;
  }

  /** Indexed articles naming any of `names` (alias-aware). */
  articlesMentioning(names: string[]): Promise<string[]> {
    return this.indexed.size === 0 ? Promise.resolve([]) : this.worker.call('corpus.articlesMentioning', { names });
  }

  /** Statements of other articles reporting what the sentences of `path` at `span` report, best first. */
  matchesFor(path: string, span: Span, options?: { limit?: number }): Promise<CorpusMatch[]> {
    return this.indexed.has(path) ? this.worker.call('corpus.matchesFor', { path, span, ...(options ? { options } : {}) }) : Promise.resolve([]);
  }

  /** Every mention, in every indexed article, of the entity `names` stand for. */
  mentionsOf(names: string[]): Promise<PlacedMention[]> {
    return this.indexed.size === 0 ? Promise.resolve([]) : this.worker.call('corpus.mentionsOf', { names });
  }

  /** The entities of every indexed article, most widely reported first. */
  entities(): Promise<WorkspaceEntity[]> {
    return this.indexed.size === 0 ? Promise.resolve([]) : this.worker.call('corpus.entities', {});
  }

  /** Whether the index is on (`newsAnnotator.workspaceIndex.enabled`). */
  get enabled(): boolean {
    return this.settings.workspaceIndex.enabled;
  }

  /** Drops the index and, when it is on, scans the workspace again and watches it. */
  private restart(): void {
    this.scan.cancel();
    this.scan.dispose();
    this.scan = new vscode.CancellationTokenSource();
    this.generation++;
    const hadFiles = this.indexed.size > 0;
    this.indexed.clear();
    // Queued like any file's work, so an analysis under way cannot land after the clear.
    void this.queue(ALL, () => this.worker.call('corpus.clear', {}));
    if (hadFiles) this.changed.fire();
    if (!this.enabled) {
      this.watching?.dispose();
      this.watching = undefined;
      this.ready = Promise.resolve();
      return;
    }
    this.watching ??= this.watch();
    this.ready = this.scanWorkspace(this.scan.token);
  }

  private watch(): vscode.Disposable {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.txt');
    // A folder moved in, or deleted, at once reports only itself, not the files inside it.
    const folders = vscode.workspace.createFileSystemWatcher('**/*', false, true, false);
    return vscode.Disposable.from(
      watcher,
      folders,
      folders.onDidCreate((uri) => void this.addFolder(uri)),
      folders.onDidDelete((uri) => this.forgetFolder(uri)),
      watcher.onDidCreate((uri) => void this.refresh(uri)),
      watcher.onDidChange((uri) => void this.refresh(uri)),
      watcher.onDidDelete((uri) => void this.forget(uri)),
      vscode.workspace.onDidRenameFiles((e) => {
        for (const f of e.files) this.rename(f.oldUri, f.newUri);
      }),
    );
  }

  /** Indexes the articles inside `uri` when it is a new folder (files the watcher reports itself are left to it). */
  private async addFolder(uri: vscode.Uri): Promise<void> {
    if (uri.path.endsWith('.txt') || /(^|\/)node_modules(\/|$)/.test(uri.path)) return;
    const stat = await Promise.resolve(vscode.workspace.fs.stat(uri)).catch(() => undefined);
    if (stat === undefined || (stat.type & vscode.FileType.Directory) === 0) return;
    const inside = await vscode.workspace.findFiles(new vscode.RelativePattern(uri, '**/*.txt'), '**/node_modules/**', this.settings.workspaceIndex.maxFiles);
    for (const file of inside) if (!this.indexed.has(file.toString())) void this.refresh(file);
  }

  /** Drops the indexed articles that were inside `uri` (a deleted folder; nothing when it was a file). */
  private forgetFolder(uri: vscode.Uri): void {
    const prefix = uri.toString().replace(/\/?$/, '/');
    for (const key of this.indexed) if (key.startsWith(prefix)) void this.forget(vscode.Uri.parse(key));
  }

  /** Re-reads one file and replaces its entry, or drops it when it no longer reads like an article. */
  refresh(uri: vscode.Uri): Promise<void> {
    return this.queue(uri.toString(), () => this.indexFile(uri, true));
  }

  /** Queued behind the file's pending refresh: an analysis started before the delete must not re-add it. */
  forget(uri: vscode.Uri): Promise<void> {
    return this.queue(uri.toString(), () => this.drop(uri.toString(), true));
  }

  /**
   * Work on one file runs after the file's earlier work, and after a clear of the whole index
   * queued before it; a clear waits for every file's work queued before it.
   */
  private queue(key: string, work: () => Promise<unknown>): Promise<void> {
    const before = key === ALL ? Promise.all([...this.pending.values()]) : Promise.all([this.pending.get(key), this.pending.get(ALL)]);
    const next = before.then(work).then(() => undefined, () => undefined);
    this.pending.set(key, next);
    void next.then(() => {
      if (this.pending.get(key) === next) this.pending.delete(key);
    });
    return next;
  }

  private async drop(key: string, notify: boolean): Promise<void> {
    if (!this.indexed.has(key)) return;
    this.indexed.delete(key);
    await this.worker.call('corpus.remove', { path: key });
    if (notify) this.changed.fire();
  }

  rename(oldUri: vscode.Uri, newUri: vscode.Uri): void {
    const from = oldUri.toString();
    const to = newUri.toString();
    if (this.indexed.has(from) && from !== to) {
      this.indexed.delete(from);
      this.indexed.add(to);
      void this.queue(to, () => this.worker.call('corpus.rename', { from, to })).then(() => this.changed.fire());
    } else void this.refresh(newUri);
    // The watcher folds a create and a delete of one file that arrive together into no event at all:
    // a file deleted right after its rename would stay indexed. Look at it again once events settled.
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.refresh(newUri);
    }, RENAME_RECHECK_MS);
    this.timers.add(timer);
  }

  private async scanWorkspace(token: vscode.CancellationToken): Promise<void> {
    const { files: globs, detect, workspaceIndex } = this.settings;
    const cap = workspaceIndex.maxFiles;
    const found = new Map<string, vscode.Uri>();
    // Named files first, so a cap keeps the articles the user pointed at; other .txt files only when sniffed.
    for (const glob of detect ? [...globs, '**/*.txt'] : globs) {
      if (token.isCancellationRequested) return;
      for (const uri of await vscode.workspace.findFiles(glob, '**/node_modules/**', cap, token)) {
        if (found.size >= cap) break;
        found.set(uri.toString(), uri);
      }
    }
    const uris = [...found.values()];
    // The scan starts silently; a notification shown later takes the report over from where it is.
    const tally = new ScanTally(uris.length);
    const work = async () => {
      while (tally.done < uris.length && !token.isCancellationRequested) {
        const uri = uris[tally.done]!;
        await this.queue(uri.toString(), () => this.indexFile(uri, false));
        tally.step();
      }
      this.changed.fire();
    };
    const started = Date.now();
    const quick = work();
    const slow = new Promise<void>((resolve) => setTimeout(resolve, NOTIFY_AFTER_MS));
    await Promise.race([quick, slow]);
    if (Date.now() - started >= NOTIFY_AFTER_MS && !token.isCancellationRequested) {
      // Still scanning: show where it stands, with a cancel button that stops the scan.
      await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: 'News: indexing workspace articles', cancellable: true },
        async (shown, cancel) => {
          const stop = cancel.onCancellationRequested(() => this.scan.cancel());
          tally.attach(shown);
          try {
            await quick;
          } finally {
            tally.attach(undefined);
            stop.dispose();
          }
        },
      );
    }
    await quick;
  }

  private async indexFile(uri: vscode.Uri, notify: boolean): Promise<void> {
    const key = uri.toString();
    const generation = this.generation;
    if (!this.enabled) return;
    // A new file past the cap waits for the next scan (which keeps to the cap as well).
    if (!this.indexed.has(key) && this.indexed.size >= this.settings.workspaceIndex.maxFiles) return;
    const text = await this.readArticle(uri);
    if (text === undefined || !this.isArticle(uri, text)) {
      await this.drop(key, notify);
      return;
    }
    await this.worker.call('corpus.put', { path: key, text });
    // A restart meanwhile queued a clear of the worker's index behind this: it is gone there too.
    if (generation !== this.generation) return;
    this.indexed.add(key);
    if (notify) this.changed.fire();
  }

  private async readArticle(uri: vscode.Uri): Promise<string | undefined> {
    try {
      // Regular files only (a FIFO or device is FileType.Unknown, and reading it would block or never end).
      const stat = await vscode.workspace.fs.stat(uri);
      if ((stat.type & vscode.FileType.File) === 0 || stat.size > MAX_INDEXED_BYTES) return undefined;
      const bytes = await vscode.workspace.fs.readFile(uri);
      // stat's size is only what the file system said: the bytes read are what count.
      if (bytes.length > MAX_INDEXED_BYTES) return undefined;
      const decoded = decodeArticle(bytes);
      return decoded.ok ? decoded.text : undefined;
    } catch {
      return undefined;
    }
  }

  /** Files the globs name are articles; other .txt files must read like one, when detection is on for them. */
  private isArticle(uri: vscode.Uri, text: string): boolean {
    const { files: globs, detect } = readConfig(uri);
    const matched = globs.some((g) => vscode.languages.match({ pattern: g }, { uri, languageId: 'plaintext' } as vscode.TextDocument) > 0);
    return matched || (detect && sniffNewsArticle(text).isArticle);
  }
}

/** Resolves when `analyses` first reports an analysis (the article the window opened with). */
export function firstAnalysis(analyses: { onDidAnalyze: vscode.Event<unknown> }): Promise<void> {
  return new Promise((resolve) => {
    const once = analyses.onDidAnalyze(() => {
      once.dispose();
      resolve();
    });
  });
}
