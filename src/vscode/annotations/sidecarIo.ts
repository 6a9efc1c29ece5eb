// Reading and writing sidecar files through vscode.workspace.fs (local, remote and virtual
// workspaces alike). Writes are atomic where the file system allows: a temp file in the same
// folder renamed over the target, so a crash mid-write leaves the previous file intact.
import * as vscode from 'vscode';

const decoder = new TextDecoder('utf-8');
const encoder = new TextEncoder();

/** The file's text, or undefined when it does not exist. Other failures throw. */
export async function readTextIfExists(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return decoder.decode(await vscode.workspace.fs.readFile(uri));
  } catch (err) {
    if (err instanceof vscode.FileSystemError && err.code === 'FileNotFound') return undefined;
    // Some providers report a missing file with a plain error; check before giving up.
    try {
      await vscode.workspace.fs.stat(uri);
    } catch {
      return undefined;
    }
    throw err;
  }
}

export async function writeTextAtomic(uri: vscode.Uri, text: string): Promise<void> {
  const bytes = encoder.encode(text);
  const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
  const temp = vscode.Uri.joinPath(uri, '..', `.${name}.${Math.random().toString(36).slice(2, 10)}.tmp`);
  try {
    await vscode.workspace.fs.writeFile(temp, bytes);
  } catch {
    // The folder does not accept new files (or temp files): write in place.
    await vscode.workspace.fs.writeFile(uri, bytes);
    return;
  }
  try {
    await vscode.workspace.fs.rename(temp, uri, { overwrite: true });
  } catch {
    // Rename is unsupported on this file system: fall back to a direct write.
    await vscode.workspace.fs.writeFile(uri, bytes);
    try {
      await vscode.workspace.fs.delete(temp);
    } catch {
      // already gone
    }
  }
}
