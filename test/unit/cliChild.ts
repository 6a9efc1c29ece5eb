// The child side of spawnCli: runs each command through the CLI's main() and prints the results as JSON.
import { runCli } from './runCli';

const commands = JSON.parse(process.argv[2] ?? '[]') as string[][];
process.stdout.write(JSON.stringify(commands.map((args) => runCli(args))));
