// `news-annotator tag FILE --text EXACT [--occurrence N] --label L [--note T] [--evidence URL]...
// [--reviewer R]`: records one verdict in the article's sidecar through the shared sidecar store:
// an unreadable sidecar is refused (never overwritten), concurrent taggers are serialised by the
// sidecar's lock so none loses its claim, and the write is atomic.
import { execFileSync } from 'node:child_process';
import { userInfo } from 'node:os';
import {
  anchorAll,
  createAnnotation,
  fnv1a64,
  freshId,
  idGenerator,
  type Annotation,
} from '../../core/annotations';
import { refreshedTargets } from '../../core/annotations/refresh';
import { CliError, EXIT, readArticle } from '../readArticle';
import { updateSidecarFile } from '../sidecarFile';

export interface TagOptions {
  text: string;
  /** 1-based; required when the text occurs more than once. */
  occurrence?: number;
  label: string;
  note?: string;
  evidence?: string[];
  reviewer?: string;
  /** ISO timestamp; defaults to now. */
  now?: string;
}

export interface TagResult {
  annotation: Annotation;
  sidecar: string;
}

export function runTag(file: string, options: TagOptions): TagResult {
  const label = options.label.trim();
  if (label === '') throw new CliError('tag: --label must not be empty', EXIT.usage);
  if (options.text === '') throw new CliError('tag: --text must not be empty', EXIT.usage);
  for (const url of options.evidence ?? []) {
    if (!/^https?:\/\/\S+$/i.test(url)) throw new CliError(`tag: --evidence "${url}" is not an http(s) URL`, EXIT.usage);
  }
  const text = readArticle(file);

  const starts: number[] = [];
  for (let at = text.indexOf(options.text); at >= 0; at = text.indexOf(options.text, at + 1)) starts.push(at);
  if (starts.length === 0) throw new CliError(`tag: the text "${clip(options.text)}" does not occur in ${file}`, EXIT.input);
  let start: number;
  if (options.occurrence === undefined) {
    if (starts.length > 1) {
      throw new CliError(`tag: the text occurs ${starts.length} times in ${file}; choose one with --occurrence 1..${starts.length}`, EXIT.usage);
    }
    start = starts[0]!;
  } else {
    if (!Number.isInteger(options.occurrence) || options.occurrence < 1 || options.occurrence > starts.length) {
      throw new CliError(`tag: --occurrence must be between 1 and ${starts.length}`, EXIT.usage);
    }
    start = starts[options.occurrence - 1]!;
  }

  const reviewer = options.reviewer ?? defaultReviewer();
  const now = options.now ?? new Date().toISOString();
  let annotation: Annotation | undefined;
  // Runs under the sidecar's lock on what is on disk now (again, if another writer got in first).
  const outcome = updateSidecarFile(file, {
    edit: (current) => {
      const taken = new Set(current.annotations.map((a) => a.id));
      annotation = createAnnotation({
        id: freshId(idGenerator(), taken),
        text,
        start,
        end: start + options.text.length,
        label,
        note: options.note ?? '',
        evidence: options.evidence ?? [],
        reviewer,
        now,
      });
      // The new textHash says the anchors were resolved on this text, so the others are refreshed too.
      const refreshed = refreshedTargets(text, current.annotations, anchorAll(text, current.annotations));
      return { upsert: [...refreshed, annotation], textHash: fnv1a64(text) };
    },
  });
  return { annotation: annotation!, sidecar: outcome.path };
}

/** git's user.name, else the OS user name, else "unknown". */
export function defaultReviewer(): string {
  try {
    const name = execFileSync('git', ['config', 'user.name'], { encoding: 'utf8', timeout: 2000, stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    if (name) return name;
  } catch {
    // no git, or no user.name configured
  }
  try {
    return userInfo().username || 'unknown';
  } catch {
    return 'unknown';
  }
}

function clip(s: string): string {
  return s.length > 60 ? `${s.slice(0, 59)}…` : s;
}
