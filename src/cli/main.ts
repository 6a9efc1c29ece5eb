// The terminal front: news-annotator analyze | claims | tag | export | sources | compare.
import { parseArgs } from 'node:util';
import { runAnalyze } from './commands/analyze';
import { ANALYZE_OPTIONS, isCorpusRun, planCorpusRun, runCorpusPlan } from './commands/analyzeCorpus';
import { runClaims } from './commands/claims';
import { runCompare } from './commands/compare';
import { runExport } from './commands/export';
import { runTag } from './commands/tag';
import { runSources } from './commands/sources';
import { escapeControls, escapeJsonControls, terminalLine } from '../core/present/terminalText';
import { ModelAssetError } from '../core/models';
import { useModelAssets } from '../node/modelAssets';
import { isAnalysisWorker, startAnalysisWorker } from './corpus/worker';
import { processIo, type CliIo } from './io';
import { CliError, EXIT } from './readArticle';
import { colourWanted, makeStyle } from './style';

const USAGE = `Usage: news-annotator <command> [options]

Commands:
  analyze FILE... [--json]     quotes with their speakers, entities with their aliases, claims to check
  analyze --jsonl [FILE...] [--files-from LIST|- [-0]] [--jobs N|auto] [--unordered] [--exit-zero]
  analyze - --jsonl [--jobs N|auto] ...
                               a corpus: one JSON line per article (schema news-annotator/analysis@1),
                               streamed in input order; - reads {"id","text"} records from stdin
  claims FILE [--json]         the reviewer's annotations and how each anchors (exact, moved, fuzzy, orphan)
  tag FILE --text EXACT --label L [--occurrence N] [--note T] [--evidence URL]... [--reviewer R]
                               record a verdict in FILE's sidecar (<name>.annotations.yaml)
  export FILE --format w3c|claimreview|csv [--out PATH [--force]] [--url URL]
                               the annotations as W3C Web Annotation, ClaimReview or CSV; --out never
                               writes over the article or its sidecar, nor over another file without --force
  sources FILE... [--json|--csv]
                               who gets a voice: each source, named or not, its kind, role, quotes,
                               quoted words and paraphrases
  compare A B [--json]         statements both articles report, where they disagree, and what each reports alone
  help                         this text

Exit codes: 0 success, 1 findings that need attention, 2 wrong usage, 3 unreadable or unsuitable input,
4 a missing or damaged model file (reinstall).`;

/** The exit code; a promise of it for a corpus run (analyze --jsonl), which streams. */
export function main(argv: string[], io: CliIo = processIo()): number | Promise<number> {
  const out = (s: string) => process.stdout.write(s.endsWith('\n') ? s : s + '\n');
  const [command, ...rest] = argv;
  // The model files beside the bundle (dist/../assets), read on the first analysis.
  useModelAssets();
  try {
    switch (command) {
      case 'analyze': {
        const { values, positionals } = parseArgs({ args: rest, options: ANALYZE_OPTIONS, allowPositionals: true });
        if (isCorpusRun(values, positionals)) {
          return runCorpusPlan(planCorpusRun(values, positionals), io, __filename).catch((err: unknown) => reportError(err, io));
        }
        if (positionals.length === 0) throw new CliError('analyze: name at least one FILE', EXIT.usage);
        runAnalyze(positionals, values.json ?? false, out, makeStyle(colourWanted(process.stdout)));
        return EXIT.ok;
      }
      case 'claims': {
        const { values, positionals } = parseArgs({ args: rest, options: { json: { type: 'boolean', default: false } }, allowPositionals: true });
        return runClaims(onlyFile('claims', positionals), values.json ?? false, out, makeStyle(colourWanted(process.stdout)));
      }
      case 'tag': {
        const { values, positionals } = parseArgs({
          args: rest,
          options: {
            text: { type: 'string' },
            occurrence: { type: 'string' },
            label: { type: 'string' },
            note: { type: 'string' },
            evidence: { type: 'string', multiple: true },
            reviewer: { type: 'string' },
          },
          allowPositionals: true,
        });
        const file = onlyFile('tag', positionals);
        if (values.text === undefined) throw new CliError('tag: --text is required (the exact claim text)', EXIT.usage);
        if (values.label === undefined) throw new CliError('tag: --label is required (the verdict)', EXIT.usage);
        const occurrence = values.occurrence === undefined ? undefined : Number(values.occurrence);
        if (occurrence !== undefined && !Number.isInteger(occurrence)) throw new CliError('tag: --occurrence must be a whole number', EXIT.usage);
        const { annotation, sidecar } = runTag(file, {
          text: values.text,
          label: values.label,
          ...(occurrence === undefined ? {} : { occurrence }),
          ...(values.note === undefined ? {} : { note: values.note }),
          ...(values.evidence === undefined ? {} : { evidence: values.evidence }),
          ...(values.reviewer === undefined ? {} : { reviewer: values.reviewer }),
        });
        out(`tagged ${annotation.target.position.start}-${annotation.target.position.end} as ${terminalLine(annotation.label)} (id ${terminalLine(annotation.id)}) in ${terminalLine(sidecar)}`);
        return EXIT.ok;
      }
      case 'export': {
        const { values, positionals } = parseArgs({
          args: rest,
          options: { format: { type: 'string' }, out: { type: 'string' }, force: { type: 'boolean', default: false }, url: { type: 'string' } },
          allowPositionals: true,
        });
        const file = onlyFile('export', positionals);
        if (values.format === undefined) throw new CliError('export: --format is required (w3c, claimreview or csv)', EXIT.usage);
        if (values.force && values.out === undefined) throw new CliError('export: --force only applies with --out PATH', EXIT.usage);
        const text = runExport(file, values.format, {
          ...(values.out === undefined ? {} : { out: values.out }),
          force: values.force ?? false,
          ...(values.url === undefined ? {} : { url: values.url }),
        });
        if (values.out === undefined) process.stdout.write(printable(text, values.format === 'csv'));
        return EXIT.ok;
      }
      case 'sources': {
        const { values, positionals } = parseArgs({ args: rest, options: { json: { type: 'boolean', default: false }, csv: { type: 'boolean', default: false } }, allowPositionals: true });
        if (positionals.length === 0) throw new CliError('sources: name at least one FILE', EXIT.usage);
        if (values.json && values.csv) throw new CliError('sources: choose one of --json and --csv', EXIT.usage);
        runSources(positionals, values.json ? 'json' : values.csv ? 'csv' : 'text', out, makeStyle(colourWanted(process.stdout)), !!process.stdout.isTTY);
        return EXIT.ok;
      }
      case 'compare': {
        const { values, positionals } = parseArgs({ args: rest, options: { json: { type: 'boolean', default: false } }, allowPositionals: true });
        if (positionals.length !== 2) throw new CliError('compare: name exactly two FILEs', EXIT.usage);
        return runCompare(positionals[0]!, positionals[1]!, values.json ?? false, out, makeStyle(colourWanted(process.stdout)));
      }
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        out(USAGE);
        return command === undefined ? EXIT.usage : EXIT.ok;
      default:
        throw new CliError(`unknown command "${command}"\n\n${USAGE}`, EXIT.usage);
    }
  } catch (err) {
    return reportError(err, io);
  }
}

/**
 * A CliError, a missing model file or a wrong option as a message and its exit code; anything else
 * is a bug and thrown on. Messages quote file names, sidecar fields and arguments: their control
 * characters are escaped.
 */
function reportError(err: unknown, io: CliIo): number {
  if (err instanceof CliError) {
    io.stderr.write(`news-annotator: ${escapeControls(err.message)}\n`);
    return err.exitCode;
  }
  if (err instanceof ModelAssetError) {
    io.stderr.write(`news-annotator: ${err.message}\n`);
    return EXIT.install;
  }
  if (err instanceof TypeError && (err as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) {
    io.stderr.write(`news-annotator: ${escapeControls(err.message)}\n`);
    return EXIT.usage;
  }
  throw err;
}

/**
 * An export printed rather than written to a file. JSON gets its raw control characters written
 * as \u escapes (the same JSON); CSV, which has no escapes, has them shown as escapes on a
 * terminal only, so a redirect to a file still gets the exact text.
 */
function printable(text: string, csv: boolean): string {
  if (!csv) return escapeJsonControls(text);
  return process.stdout.isTTY ? escapeControls(text) : text;
}

/** The single FILE argument of a per-article command. */
function onlyFile(command: string, positionals: string[]): string {
  if (positionals.length !== 1) throw new CliError(`${command}: name exactly one FILE`, EXIT.usage);
  return positionals[0]!;
}

// The bundle is also the script of the --jobs workers (see corpus/worker.ts).
if (isAnalysisWorker()) {
  startAnalysisWorker();
} else if (require.main === module) {
  // A reader that stops early (`news-annotator analyze *.txt | head`) closes the pipe. The rest of
  // the output has nowhere to go, which is the reader's choice, not a failure: stop writing
  // quietly, as other terminal tools do, instead of crashing with a stack trace. (A corpus run
  // also watches its output, to stop starting articles nobody will read.)
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
  });
  const code = main(process.argv.slice(2));
  if (typeof code === 'number') process.exitCode = code;
  else void code.then((c) => (process.exitCode = c));
}
