// The terminal front: news-annotator analyze | claims | tag | export.
import { parseArgs } from 'node:util';
import { runAnalyze } from './commands/analyze';
import { CliError, EXIT } from './readArticle';
import { colourWanted, makeStyle } from './style';

const USAGE = `Usage: news-annotator <command> [options]

Commands:
  analyze FILE... [--json]     quotes with their speakers, entities with their aliases, claims to check
  help                         this text

Exit codes: 0 success, 1 findings that need attention, 2 wrong usage, 3 unreadable or unsuitable input.`;

export function main(argv: string[]): number {
  const out = (s: string) => process.stdout.write(s.endsWith('\n') ? s : s + '\n');
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'analyze': {
        const { values, positionals } = parseArgs({ args: rest, options: { json: { type: 'boolean', default: false } }, allowPositionals: true });
        if (positionals.length === 0) throw new CliError('analyze: name at least one FILE', EXIT.usage);
        runAnalyze(positionals, values.json ?? false, out, makeStyle(colourWanted(process.stdout)));
        return EXIT.ok;
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
    if (err instanceof CliError) {
      process.stderr.write(`news-annotator: ${err.message}\n`);
      return err.exitCode;
    }
    if (err instanceof TypeError && (err as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`news-annotator: ${err.message}\n`);
      return EXIT.usage;
    }
    throw err;
  }
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
