// The text of each analysed document, kept up to date from the editor's change events, so that a
// keystroke in a long article does not copy the whole text out of the document again
// (TextDocument.getText joins every line: milliseconds per call on a 1 MB article, on the
// extension host's thread), and so that the text can be sent on as the change to the text last
// handed to the analyzer without comparing the two (that comparison alone took tens of
// milliseconds per keystroke on a long article). Plain data in, no vscode API, so it is tested in
// plain Node.
import type { TextEdit } from '../core/text/textEdit';

/** One change of a change event, as the editor reports it (offsets into the text before it). */
export interface TextChange {
  readonly rangeOffset: number;
  readonly rangeLength: number;
  readonly text: string;
}

/**
 * How the kept text differs from a text handed on earlier (`from`): they share at least `head`
 * characters at the start and `tail` at the end. Bounds worked out from the change events alone
 * (no comparison of the texts): true but possibly short of the longest shared start and end.
 */
interface SinceHanded {
  from: string;
  /** No change since: the texts are the same. */
  same: boolean;
  head: number;
  tail: number;
}

interface Kept {
  version: number;
  text: string;
  handed?: SinceHanded;
}

export class DocumentTexts {
  private readonly texts = new Map<string, Kept>();

  /** The text of `key` at `version` if it is kept, else the one `read` gives (which is then kept). */
  textOf(key: string, version: number, read: () => string): string {
    const kept = this.texts.get(key);
    if (kept && kept.version === version) return kept.text;
    const text = read();
    this.texts.set(key, { version, text });
    return text;
  }

  /** Records that the kept text of `key` was handed on (to the analyzer): later edits are told as changes to it. */
  handedOn(key: string): void {
    const kept = this.texts.get(key);
    if (kept) kept.handed = { from: kept.text, same: true, head: kept.text.length, tail: 0 };
  }

  /**
   * The kept text of `key` as a change to the text last handed on, from the change events since
   * (a keystroke costs no comparison of a long text); undefined when not known.
   */
  editSinceHanded(key: string): { from: string; edit: TextEdit } | undefined {
    const kept = this.texts.get(key);
    const handed = kept?.handed;
    if (!kept || !handed) return undefined;
    const { text } = kept;
    return { from: handed.from, edit: { head: handed.head, tail: handed.tail, middle: text.slice(handed.head, text.length - handed.tail) } };
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
    const handed = kept.handed && { ...kept.handed };
    for (const c of changes) {
      if (c.rangeOffset < 0 || c.rangeOffset + c.rangeLength > text.length) {
        this.texts.delete(key);
        return;
      }
      // What is still shared with the text handed on: the start up to the change, the end after it.
      if (handed) {
        const after = text.length - c.rangeOffset - c.rangeLength;
        handed.head = handed.same ? c.rangeOffset : Math.min(handed.head, c.rangeOffset);
        handed.tail = handed.same ? after : Math.min(handed.tail, after);
        handed.same = false;
      }
      text = text.slice(0, c.rangeOffset) + c.text + text.slice(c.rangeOffset + c.rangeLength);
    }
    if (text.length !== length || version <= kept.version) this.texts.delete(key);
    else this.texts.set(key, { version, text, ...(handed ? { handed } : {}) });
  }

  forget(key: string): void {
    this.texts.delete(key);
  }
}
