// The text of each analysed document, kept up to date from the editor's change events, so that a
// keystroke in a long article does not copy the whole text out of the document again
// (TextDocument.getText joins every line: milliseconds per call on a 1 MB article, on the
// extension host's thread). Plain data in, no vscode API, so it is tested in plain Node.

/** One change of a change event, as the editor reports it (offsets into the text before it). */
export interface TextChange {
  readonly rangeOffset: number;
  readonly rangeLength: number;
  readonly text: string;
}

export class DocumentTexts {
  private readonly texts = new Map<string, { version: number; text: string }>();

  /** The text of `key` at `version` if it is kept, else the one `read` gives (which is then kept). */
  textOf(key: string, version: number, read: () => string): string {
    const kept = this.texts.get(key);
    if (kept && kept.version === version) return kept.text;
    const text = read();
    this.texts.set(key, { version, text });
    return text;
  }

  /**
   * Applies one change event, which took the document to `version` and `length` characters. The
   * changes apply one after the other, in the order given, as the editor's own copy of the text
   * applies them. A kept text that does not come out at `length` (or missed a version) is dropped,
   * to be read again.
   */
  applyChanges(key: string, version: number, changes: readonly TextChange[], length: number): void {
    const kept = this.texts.get(key);
    if (!kept) return;
    let text = kept.text;
    for (const c of changes) {
      if (c.rangeOffset < 0 || c.rangeOffset + c.rangeLength > text.length) {
        this.texts.delete(key);
        return;
      }
      text = text.slice(0, c.rangeOffset) + c.text + text.slice(c.rangeOffset + c.rangeLength);
    }
    if (text.length !== length || version <= kept.version) this.texts.delete(key);
    else this.texts.set(key, { version, text });
  }

  forget(key: string): void {
    this.texts.delete(key);
  }
}
