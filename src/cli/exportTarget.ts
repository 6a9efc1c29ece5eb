// Where `export --out PATH` may write. An export is made from the article and its sidecar, so
// writing it over either would destroy the very work it exports; any other existing file is
// replaced only when the user says so with --force. Paths are compared as the file system sees
// them (real paths, and device + inode when the file exists), so `./a.txt`, `dir/../a.txt`, a
// symlink or a hard link to the article are all caught.
import { lstatSync, readlinkSync, realpathSync, statSync, type Stats } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { isSidecarPath, sidecarPathFor } from '../core/annotations';
import { CliError, EXIT } from './readArticle';

interface Landing {
  /** Absolute path the write would reach, symlinks resolved. */
  path: string;
  /** What is there now, or null when nothing is. */
  stat: Stats | null;
  /** A symlink whose target does not exist: writing through it would create that target. */
  dangling: boolean;
}

/** Throws a CliError (exit 2, wrong usage) when writing an export to `out` must not happen. */
export function assertExportTarget(out: string, article: string, force: boolean): void {
  const target = landing(out);
  const refuse = (why: string) => new CliError(`export: --out ${out} ${why}; nothing was written`, EXIT.usage);
  if (sameFile(target, landing(article))) throw refuse('is the article itself');
  if (sameFile(target, landing(sidecarPathFor(article)))) throw refuse("is the article's annotations file");
  if (isSidecarPath(target.path)) throw refuse('is an annotations file (*.annotations.yaml) of another article');
  if (target.stat && !target.stat.isFile()) throw refuse(target.stat.isDirectory() ? 'is a directory' : 'is not a regular file');
  if ((target.stat || target.dangling) && !force) throw refuse('already exists (add --force to replace it)');
}

function landing(path: string): Landing {
  let stat: Stats | null = null;
  try {
    stat = statSync(path);
  } catch {
    // nothing there yet, or a dangling symlink (below)
  }
  if (stat) return { path: realpathSync(path), stat, dangling: false };
  const dir = realDir(path);
  let link: Stats | null = null;
  try {
    link = lstatSync(path);
  } catch {
    // nothing at all
  }
  if (link?.isSymbolicLink()) return { path: resolve(dir, readlinkSync(path)), stat: null, dangling: true };
  return { path: resolve(dir, basename(path)), stat: null, dangling: false };
}

/** The folder of `path` with its symlinks resolved, when it exists. */
function realDir(path: string): string {
  try {
    return realpathSync(dirname(resolve(path)));
  } catch {
    return dirname(resolve(path));
  }
}

function sameFile(a: Landing, b: Landing): boolean {
  if (a.stat && b.stat) return a.stat.dev === b.stat.dev && a.stat.ino === b.stat.ino;
  return a.path === b.path;
}
