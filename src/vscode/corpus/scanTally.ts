// How far a scan of many files has got, for a progress notification that may open only once the
// scan turns out slow: the notification starts from the files already done, then follows each one.
// Kept free of `vscode` so plain Node tests can drive it.

/** The part of `vscode.Progress` a tally reports to. */
export interface ProgressReporter {
  report(value: { message?: string; increment?: number }): void;
}

export class ScanTally {
  private doneCount = 0;
  private reporter: ProgressReporter | undefined;

  constructor(readonly total: number) {}

  get done(): number {
    return this.doneCount;
  }

  /** One more file done; reported to the attached notification, if any. */
  step(): void {
    this.doneCount++;
    this.reporter?.report({ message: this.message(), increment: this.total > 0 ? 100 / this.total : 0 });
  }

  /** A notification now shows the scan: it starts at the share already done. Detach with `undefined`. */
  attach(reporter: ProgressReporter | undefined): void {
    this.reporter = reporter;
    reporter?.report({ message: this.message(), increment: this.total > 0 ? (100 * this.doneCount) / this.total : 0 });
  }

  private message(): string {
    return `${this.doneCount}/${this.total} files`;
  }
}
