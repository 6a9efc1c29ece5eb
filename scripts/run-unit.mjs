// Runs the unit tests (mocha in plain Node, TypeScript loaded through tsx) and prints a
// closing "N passed, N failed" line. Extra arguments are file globs or a --grep pattern.
import { register } from 'tsx/cjs/api';
import Mocha from 'mocha';
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

register();

function findTests(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...findTests(full));
    else if (name.endsWith('.test.ts')) out.push(full);
  }
  return out.sort();
}

const args = process.argv.slice(2);
const grepAt = args.indexOf('--grep');
const grep = grepAt >= 0 ? args.splice(grepAt, 2)[1] : undefined;
const files = args.length ? args.map((f) => resolve(f)) : findTests(resolve('test/unit'));

const mocha = new Mocha({ reporter: 'spec', timeout: 20000, forbidOnly: true, forbidPending: true, grep });
// First: registers the model assets (assets/*.bin) that every analysing test needs.
mocha.addFile(resolve('test/unit/setup/models.ts'));
for (const f of files) mocha.addFile(f);

mocha.run().on('end', function () {
  const { passes, failures } = this.stats;
  console.log(`\nunit: ${passes} passed, ${failures} failed`);
  process.exitCode = failures > 0 || passes === 0 ? 1 : 0;
});
