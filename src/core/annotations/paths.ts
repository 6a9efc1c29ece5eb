// Where an article's sidecar lives. Pure string work so both fronts (and the web) can use it.

/** Suffix shared by every sidecar file. */
export const SIDECAR_SUFFIX = '.annotations.yaml';

/** The file name part of a path, accepting both / and \ separators. */
export function fileNameOf(path: string): string {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return path.slice(cut + 1);
}

/**
 * `dir/story.txt` -> `dir/story.annotations.yaml` (only the last extension is dropped; a dotfile
 * such as `.notes` keeps its name). `story.txt` and `story.md` map to the same sidecar, which is
 * why the sidecar records its article's file name and parseSidecar refuses to write on mismatch.
 */
export function sidecarPathFor(articlePath: string): string {
  const name = fileNameOf(articlePath);
  const dir = articlePath.slice(0, articlePath.length - name.length);
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  return dir + stem + SIDECAR_SUFFIX;
}

/** True for paths that look like sidecars, so they are never analysed as articles. */
export function isSidecarPath(path: string): boolean {
  return fileNameOf(path).endsWith(SIDECAR_SUFFIX);
}
