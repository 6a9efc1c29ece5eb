// "Add Note…" edits a claim's note in a small editor beside the article instead of a one-line
// input box: the note is a document of its own (`news-note:` scheme, plain text), opened with the
// existing text and the cursor after it, any number of lines, saved with Ctrl+S like any file.
// This is how VS Code itself takes long free text from the user (the git extension's commit
// message editor, `git.useEditorAsCommitInput`): a real editor with undo, spelling and word
// wrap, and the usual "save changes?" prompt if it is closed unsaved. A save writes the note
// into the sidecar through ArticleClaims; a claim removed meanwhile makes the save fail loudly.
import * as vscode from 'vscode';
import { truncate } from '../../core/present/escape';
import type { ArticleClaims } from './articleClaims';

export const NOTE_SCHEME = 'news-note';

interface NoteTarget {
  article: string;
  id: string;
}

/** What the editor needs from the claims store. */
export interface NoteStore {
  /** The claims of the article at `uri`, loaded, or undefined when it is not open. */
  claimsOf(uri: vscode.Uri): Promise<ArticleClaims | undefined>;
  /** Saves `note` on the claim; resolves once written. */
  saveNote(claims: ArticleClaims, id: string, note: string): Promise<void>;
}

export class NoteEditor implements vscode.FileSystemProvider, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changeEmitter.event;
  private readonly disposables: vscode.Disposable[] = [this.changeEmitter];
  /** Modification times of the note documents, so VS Code sees a save as the latest version. */
  private readonly mtimes = new Map<string, number>();

  constructor(private readonly store: NoteStore) {
    this.disposables.push(vscode.workspace.registerFileSystemProvider(NOTE_SCHEME, this, { isCaseSensitive: true }));
  }

  /** Opens the note of claim `id` of `article` beside it, the cursor after the existing text. */
  async open(article: vscode.Uri, id: string, claimText: string): Promise<vscode.TextEditor> {
    const uri = noteUri(article, id, claimText);
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: false });
    const end = doc.lineAt(doc.lineCount - 1).range.end;
    editor.selection = new vscode.Selection(end, end);
    void vscode.window.setStatusBarMessage('News: write the note, then save (Ctrl+S) to keep it in the sidecar', 10_000);
    return editor;
  }

  stat(uri: vscode.Uri): vscode.FileStat {
    const key = uri.toString();
    if (!this.mtimes.has(key)) this.mtimes.set(key, Date.now());
    return { type: vscode.FileType.File, ctime: 0, mtime: this.mtimes.get(key)!, size: 0 };
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    const { claims, id } = await this.resolve(uri);
    const claim = claims.claims.find((c) => c.annotation.id === id)!;
    return new TextEncoder().encode(claim.annotation.note);
  }

  async writeFile(uri: vscode.Uri, content: Uint8Array): Promise<void> {
    const { claims, id } = await this.resolve(uri);
    const note = new TextDecoder().decode(content).replace(/\r\n?/g, '\n').replace(/\s+$/, '');
    await this.store.saveNote(claims, id, note);
    // This note's own change, not another claim's write that may still be under way.
    if (claims.hasUnsavedChange(id)) throw vscode.FileSystemError.Unavailable(`${claims.sidecarName} could not be written; the note is not saved`);
    this.mtimes.set(uri.toString(), Date.now());
    this.changeEmitter.fire([{ type: vscode.FileChangeType.Changed, uri }]);
  }

  private async resolve(uri: vscode.Uri): Promise<{ claims: ArticleClaims; id: string }> {
    const target = parseNoteUri(uri);
    if (!target) throw vscode.FileSystemError.FileNotFound(uri);
    const claims = await this.store.claimsOf(vscode.Uri.parse(target.article, true));
    if (!claims) throw vscode.FileSystemError.Unavailable('the article of this note is not open any more');
    if (!claims.claims.some((c) => c.annotation.id === target.id)) throw vscode.FileSystemError.FileNotFound('this claim was removed');
    return { claims, id: target.id };
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  readDirectory(): [string, vscode.FileType][] {
    return [];
  }

  createDirectory(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  delete(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  rename(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }
}

/**
 * `news-note:/Note on “<claim>”?<article uri and claim id>`: the tab shows whose note it is. No
 * extension: the note is plain text (the hover shows it as written, not as Markdown).
 */
export function noteUri(article: vscode.Uri, id: string, claimText: string): vscode.Uri {
  const title = truncate(claimText, 40).replace(/[\\/:*?"<>|#?]/g, ' ');
  return vscode.Uri.from({ scheme: NOTE_SCHEME, path: `/Note on “${title}”`, query: JSON.stringify({ article: article.toString(), id } satisfies NoteTarget) });
}

export function parseNoteUri(uri: vscode.Uri): NoteTarget | undefined {
  if (uri.scheme !== NOTE_SCHEME) return undefined;
  try {
    const parsed = JSON.parse(uri.query) as Partial<NoteTarget>;
    return typeof parsed.article === 'string' && typeof parsed.id === 'string' ? { article: parsed.article, id: parsed.id } : undefined;
  } catch {
    return undefined;
  }
}
