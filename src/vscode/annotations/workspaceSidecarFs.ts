// The sidecar store's file system in the editor: vscode.workspace.fs, so local, remote and virtual
// workspaces all work. Paths are uri strings. Writes go to a temp file beside the target, made by
// copying the target first so its permissions carry over, then renamed over it; a symlinked
// sidecar is written in place so the link stays a link; a read-only file is refused. The lock is
// created exclusively: a temp file renamed onto the lock name without overwrite.
import * as vscode from 'vscode';
import { SidecarFsError, type FileSnapshot, type FileStat, type SidecarFs } from '../../core/annotations/store/sidecarFs';

const decoder = new TextDecoder('utf-8');
const encoder = new TextEncoder();

export class WorkspaceSidecarFs implements SidecarFs {
  async read(path: string): Promise<FileSnapshot | undefined> {
    const uri = vscode.Uri.parse(path);
    const st = await statOrUndefined(uri);
    if (st === undefined) return undefined;
    assertFile(uri, st);
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(uri);
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw asFsError(uri, 'cannot be read', err);
    }
    return { text: decoder.decode(bytes), version: `${st.mtime}:${bytes.length}` };
  }

  async stat(path: string): Promise<FileStat | undefined> {
    const st = await statOrUndefined(vscode.Uri.parse(path));
    return st === undefined ? undefined : { version: `${st.mtime}:${st.size}`, readOnly: isReadOnly(st) };
  }

  async writeAtomic(path: string, text: string): Promise<void> {
    const uri = vscode.Uri.parse(path);
    const bytes = encoder.encode(text);
    const st = await statOrUndefined(uri);
    if (st !== undefined) {
      assertFile(uri, st);
      if (isReadOnly(st)) throw new SidecarFsError(`${shown(uri)} is read-only; it was not replaced. Make it writable to save changes.`, 'READONLY');
      if (st.type & vscode.FileType.SymbolicLink) {
        // Renaming over a link would replace the link: write through it instead.
        await guarded(uri, () => vscode.workspace.fs.writeFile(uri, bytes));
        return;
      }
    }
    const temp = sibling(uri, `.${nameOf(uri)}.${Math.random().toString(36).slice(2, 10)}.tmp`);
    try {
      // A copy of the target first, so the temp file has its permissions; then the new text.
      if (st !== undefined) await vscode.workspace.fs.copy(uri, temp, { overwrite: true }).then(undefined, () => undefined);
      await vscode.workspace.fs.writeFile(temp, bytes);
    } catch {
      // The folder does not take new files: write in place (not atomic, but nothing is lost).
      await vscode.workspace.fs.delete(temp).then(undefined, () => undefined);
      await guarded(uri, () => vscode.workspace.fs.writeFile(uri, bytes));
      return;
    }
    try {
      await vscode.workspace.fs.rename(temp, uri, { overwrite: true });
    } catch {
      // No rename on this file system: fall back to a direct write.
      await vscode.workspace.fs.delete(temp).then(undefined, () => undefined);
      await guarded(uri, () => vscode.workspace.fs.writeFile(uri, bytes));
    }
  }

  async createExclusive(path: string, text: string): Promise<boolean> {
    const uri = vscode.Uri.parse(path);
    if ((await statOrUndefined(uri)) !== undefined) return false;
    const temp = sibling(uri, `.${nameOf(uri)}.${Math.random().toString(36).slice(2, 10)}.tmp`);
    await guarded(uri, () => vscode.workspace.fs.writeFile(temp, encoder.encode(text)));
    try {
      await vscode.workspace.fs.rename(temp, uri, { overwrite: false });
      return true;
    } catch (err) {
      await vscode.workspace.fs.delete(temp).then(undefined, () => undefined);
      if (err instanceof vscode.FileSystemError && err.code === 'FileExists') return false;
      if ((await statOrUndefined(uri)) !== undefined) return false;
      throw asFsError(uri, 'cannot be created', err);
    }
  }

  async remove(path: string): Promise<void> {
    try {
      await vscode.workspace.fs.delete(vscode.Uri.parse(path));
    } catch (err) {
      if (!isNotFound(err)) throw asFsError(vscode.Uri.parse(path), 'cannot be removed', err);
    }
  }
}

async function statOrUndefined(uri: vscode.Uri): Promise<vscode.FileStat | undefined> {
  try {
    return await vscode.workspace.fs.stat(uri);
  } catch (err) {
    if (isNotFound(err)) return undefined;
    throw asFsError(uri, 'cannot be read', err);
  }
}

function assertFile(uri: vscode.Uri, st: vscode.FileStat): void {
  if (!(st.type & vscode.FileType.File)) throw new SidecarFsError(`${shown(uri)} is not a regular file; it is left alone`, 'NOTFILE');
}

function isReadOnly(st: vscode.FileStat): boolean {
  return ((st.permissions ?? 0) & vscode.FilePermission.Readonly) !== 0;
}

function isNotFound(err: unknown): boolean {
  return err instanceof vscode.FileSystemError ? err.code === 'FileNotFound' : (err as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
}

async function guarded<T>(uri: vscode.Uri, write: () => Thenable<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    throw asFsError(uri, 'could not be written', err);
  }
}

function asFsError(uri: vscode.Uri, what: string, err: unknown): SidecarFsError {
  const code = err instanceof vscode.FileSystemError ? err.code : (err as NodeJS.ErrnoException | undefined)?.code ?? 'EIO';
  return new SidecarFsError(`${shown(uri)} ${what}: ${err instanceof Error ? err.message : String(err)}`, code);
}

function nameOf(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

function sibling(uri: vscode.Uri, name: string): vscode.Uri {
  return vscode.Uri.joinPath(uri, '..', name);
}

function shown(uri: vscode.Uri): string {
  return uri.scheme === 'file' ? uri.fsPath : uri.toString(true);
}
