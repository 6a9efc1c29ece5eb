// The extension's log (Output ▸ News Annotator): when it was activated, when its analysis worker
// was ready, and when the first highlights were painted. With the log's timestamps a slow first
// paint can be placed: VS Code activating the extension, the worker starting, or the analysis and
// painting themselves. Nothing here leaves the machine.
import { basename } from 'node:path';
import * as vscode from 'vscode';
import { escapeControls } from '../core/present/terminalText';
import type { DecorationsApplied } from './decorations/decorator';
import type { WorkerReady } from './workerAnalyzer';

export const LOG_NAME = 'News Annotator';

export class ActivityLog implements vscode.Disposable {
  private readonly channel = vscode.window.createOutputChannel(LOG_NAME, { log: true });
  private readonly disposables: vscode.Disposable[] = [this.channel];

  /** `activatedAt`: performance.now() when activate() began. */
  constructor(activatedAt: number, activationMs: number, workerReady: Promise<WorkerReady | undefined>, onDidApply: vscode.Event<DecorationsApplied>) {
    const since = () => (performance.now() - activatedAt).toFixed(0);
    // The log stamps a line when it writes it, which can be well after the event while the log
    // file is still being opened: the start is given on this process's own clock as well.
    this.channel.info(`activated in ${activationMs.toFixed(1)} ms (began ${timeOfDay(performance.timeOrigin + activatedAt)})`);
    void workerReady.then((ready) => {
      if (ready) this.channel.info(`analysis worker ready ${ready.readyMs.toFixed(0)} ms after it started, during activation (its bundle loaded at ${ready.loadedMs.toFixed(0)} ms)`);
    });
    // Only the window's first paint: every later one is an edit, timed by the integration suite.
    const first = onDidApply((applied) => {
      if (applied.sent.length === 0) return;
      first.dispose();
      const name = escapeControls(basename(applied.editor.document.uri.path));
      const what = applied.preview ? 'the preview of what is on screen' : 'the whole analysis';
      this.channel.info(`first highlights painted in ${name} from ${what}, ${since()} ms after activation began`);
    });
    this.disposables.push(first);
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }
}

/** "20:13:09.581": local time of day to the millisecond, as the log's own stamps are written. */
function timeOfDay(epochMs: number): string {
  const d = new Date(epochMs);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}.${String(d.getMilliseconds()).padStart(3, '0')}`;
}
