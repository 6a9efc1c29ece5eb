// `news-annotator analyze --jsonl`: a corpus run, one JSON line per article streamed as each
// finishes, for use as the map step of a batch engine (Spark's RDD.pipe, a Beam DoFn). Articles
// come from FILE arguments, a list of paths (--files-from), or JSONL records on stdin (`-`).
import { createReadStream, fstatSync, openSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { InProcessExecutor, type Executor } from '../corpus/executor';
import { tuneJitForShortRun } from '../jitTuning';
import { loadAnalysis } from '../corpus/loadAnalysis';
import { NEWLINE, NUL } from '../corpus/lines';
import { WorkerPool } from '../corpus/pool';
import { runCorpus } from '../corpus/run';
import { fileItems, listItems, recordItems, type WorkItem } from '../corpus/sources';
import type { CliIo } from '../io';
import { CliError, EXIT, MAX_ARTICLE_BYTES } from '../readArticle';

/** Every option of `analyze`; parsed in main.ts. */
export const ANALYZE_OPTIONS = {
  json: { type: 'boolean' },
  jsonl: { type: 'boolean' },
  jobs: { type: 'string', short: 'j' },
  'files-from': { type: 'string' },
  null: { type: 'boolean', short: '0' },
  unordered: { type: 'boolean' },
  'exit-zero': { type: 'boolean' },
  'max-line-bytes': { type: 'string' },
} as const;

export interface AnalyzeFlags {
  json?: boolean;
  jsonl?: boolean;
  jobs?: string;
  'files-from'?: string;
  null?: boolean;
  unordered?: boolean;
  'exit-zero'?: boolean;
  'max-line-bytes'?: string;
}

/** The options that only a corpus run (--jsonl) takes. */
const CORPUS_ONLY = ['jobs', 'files-from', 'null', 'unordered', 'exit-zero', 'max-line-bytes'] as const;

/** Stands for stdin: `analyze -` reads JSONL records, `--files-from -` a list of paths. */
const STDIN = '-';

export interface CorpusPlan {
  files: string[];
  /** A list of paths to read after `files`: a file, or '-' for stdin. */
  list?: { from: string; separator: number };
  /** JSONL records on stdin instead of files. */
  records: boolean;
  jobs: number;
  ordered: boolean;
  exitZero: boolean;
  maxLineBytes: number;
}

export function isCorpusRun(flags: AnalyzeFlags, positionals: readonly string[]): boolean {
  return flags.jsonl === true || positionals.includes(STDIN) || CORPUS_ONLY.some((k) => flags[k] !== undefined);
}

/** Checks the command line of a corpus run; wrong usage is a CliError with exit code 2. */
export function planCorpusRun(flags: AnalyzeFlags, positionals: readonly string[]): CorpusPlan {
  const usage = (message: string) => new CliError(`analyze: ${message}`, EXIT.usage);
  if (flags.json && flags.jsonl) throw usage('choose one of --json and --jsonl');
  if (!flags.jsonl) {
    const given = positionals.includes(STDIN) ? `${STDIN} (JSONL records on stdin)` : `--${CORPUS_ONLY.find((k) => flags[k] !== undefined)}`;
    throw usage(`${given} needs --jsonl (one JSON object per line, streamed)`);
  }
  const records = positionals.includes(STDIN);
  const listFrom = flags['files-from'];
  if (records && (positionals.length > 1 || listFrom !== undefined)) {
    throw usage(`${STDIN} reads articles as JSONL records on stdin; it takes no FILE arguments and no --files-from`);
  }
  if (flags.null && listFrom === undefined) throw usage('-0 (--null) applies to --files-from');
  if (!records && positionals.length === 0 && listFrom === undefined) {
    throw usage(`name FILEs, give --files-from LIST (- for stdin), or ${STDIN} to read JSONL records from stdin`);
  }
  return {
    files: records ? [] : [...positionals],
    ...(listFrom === undefined ? {} : { list: { from: listFrom, separator: flags.null ? NUL : NEWLINE } }),
    records,
    jobs: parseJobs(flags.jobs),
    ordered: !flags.unordered,
    exitZero: flags['exit-zero'] === true,
    maxLineBytes: parseByteCount(flags['max-line-bytes']),
  };
}

/**
 * Runs the plan and returns the exit code: 0 when every article was analysed (or with --exit-zero),
 * 3 when any could not be (its error line says why).
 * @param workerFile the script pool workers run: the CLI bundle itself
 */
export async function runCorpusPlan(plan: CorpusPlan, io: CliIo, workerFile: string): Promise<number> {
  if (plan.jobs > 1 && !workerFile.endsWith('.js')) {
    throw new CliError('analyze: --jobs runs its workers from the built CLI (npm run build, then node dist/cli.js)', EXIT.usage);
  }
  // The list is opened first, so a missing one stops the run before any output.
  const list = plan.list && { lines: plan.list.from === STDIN ? io.stdin : openList(plan.list.from), separator: plan.list.separator };
  const items = plan.records
    ? recordItems(io.stdin, plan.maxLineBytes)
    : concat(fileItems(plan.files), list ? listItems(list.lines, list.separator, plan.maxLineBytes) : undefined);
  // Before any analysis thread starts: each one compiles the engine under these flags.
  tuneJitForShortRun();
  const executor: Executor = plan.jobs === 1 ? new InProcessExecutor(loadAnalysis()) : startPool(plan.jobs, workerFile);
  const summary = await runCorpus(items, executor, io.stdout, plan.ordered);
  return summary.failed > 0 && !plan.exitZero ? EXIT.input : EXIT.ok;
}

/**
 * N analysis threads: N-1 workers and the main thread, which would otherwise sit idle. Each thread
 * compiles the engine anew (V8's JIT warm-up, 1-2 s of CPU over its first thousand articles), so a
 * thread fewer than N workers plus an idle main thread is that much CPU saved, and with it one
 * thread's start-up and the messages of its articles. The workers start first, so they load the
 * analysis while the main thread loads its own.
 */
function startPool(jobs: number, workerFile: string): WorkerPool {
  const pool = new WorkerPool(jobs - 1, workerFile);
  try {
    pool.runHere(loadAnalysis());
  } catch (err) {
    void pool.close();
    throw err;
  }
  return pool;
}

async function* concat(first: AsyncIterable<WorkItem>, then: AsyncIterable<WorkItem> | undefined): AsyncGenerator<WorkItem> {
  yield* first;
  if (then) yield* then;
}

/** The list file, opened now so that a missing one stops the run before any output; read as the run goes. */
function openList(file: string): AsyncIterable<Buffer> {
  const fail = (err: unknown) => {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : err instanceof Error ? err.message : String(err);
    return new CliError(`analyze: --files-from ${file}: ${why}`, EXIT.input);
  };
  let fd: number;
  try {
    fd = openSync(file, 'r');
    if (fstatSync(fd).isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
  } catch (err) {
    throw fail(err);
  }
  return (async function* () {
    try {
      yield* createReadStream('', { fd }) as AsyncIterable<Buffer>;
    } catch (err) {
      throw fail(err);
    }
  })();
}

/** --jobs N: a whole number of workers; 0 or "auto" for one per available core. Default 1. */
function parseJobs(value: string | undefined): number {
  if (value === undefined) return 1;
  if (value === 'auto' || value === '0') return availableParallelism();
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n)) throw new CliError(`analyze: --jobs must be a whole number or "auto", not "${value}"`, EXIT.usage);
  return n;
}

function parseByteCount(value: string | undefined): number {
  if (value === undefined) return MAX_ARTICLE_BYTES;
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < 1) throw new CliError(`analyze: --max-line-bytes must be a whole number of bytes, not "${value}"`, EXIT.usage);
  return n;
}
