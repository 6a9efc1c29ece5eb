// Shared helpers for tests that run inside the extension host.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import manifest from '../../package.json';

export const EXTENSION_ID = `${manifest.publisher}.${manifest.name}`;
export const NEWS_LANGUAGE = 'news';

/** Files the harness puts into the throwaway workspace (see scripts/host/workspace.mjs). */
export const WORKSPACE_FILES = {
  /** A real article outside seeds/, under a name no glob matches: only sniffing can make it `news`. */
  sniffedArticle: 'inbox/report.txt',
  /** Plain notes that must stay `plaintext`. */
  plainNotes: 'notes/shopping-notes.txt',
} as const;

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the integration suite needs a workspace folder');
  return folder.uri;
}

export function workspaceUri(relativePath: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...relativePath.split('/'));
}

/** The seed articles copied into the workspace, sorted by name. */
export async function seedUris(): Promise<vscode.Uri[]> {
  const entries = await vscode.workspace.fs.readDirectory(workspaceUri('seeds'));
  return entries
    .filter(([name, type]) => type === vscode.FileType.File && name.endsWith('.txt'))
    .map(([name]) => workspaceUri(`seeds/${name}`))
    .sort((a, b) => a.path.localeCompare(b.path));
}

/** Opens a file in an editor, as a user clicking it would. */
export async function openInEditor(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(document, { preview: false });
}

/** The language VS Code currently gives the open document at `uri` (it changes when an extension switches it). */
export function currentLanguage(uri: vscode.Uri): string | undefined {
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString())?.languageId;
}

let scratchDir: Promise<string> | undefined;
let scratchFiles = 0;

/**
 * Writes `content` to a new file of this run's own, outside the workspace (which the workspace
 * index scans), named `<stem>-<n><ending>` (`.news.txt` opens as news), and returns its URI.
 * Tests open their own articles this way rather than as untitled documents: VS Code gives a closed
 * untitled document's name ("Untitled-1") to the next one, and while the closed one's model
 * lingers, the next `openTextDocument({ content })` can come back holding the closed one's text.
 */
export async function scratchFile(stem: string, ending: string, content: string): Promise<vscode.Uri> {
  scratchDir ??= mkdtemp(join(tmpdir(), 'news-annotator-test-'));
  const uri = vscode.Uri.file(join(await scratchDir, `${stem}-${++scratchFiles}${ending}`));
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(content));
  return uri;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls `condition` until it holds; fails with `what` after `timeoutMs`. */
export async function waitFor(condition: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(50);
  }
}

export function extension(): vscode.Extension<unknown> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not loaded`);
  return ext;
}

export type WindowStubs = Partial<Record<keyof typeof vscode.window, unknown>>;

/** Replaces window functions for one test (the dialogs a reviewer would answer); the returned function restores them. */
export function stubWindow(replacements: WindowStubs): () => void {
  const win = vscode.window as unknown as Record<string, unknown>;
  const saved = Object.keys(replacements).map((key) => [key, win[key]] as const);
  for (const [key, value] of Object.entries(replacements)) win[key] = value;
  return () => {
    for (const [key, value] of saved) win[key] = value;
  };
}
