// First step of `npm test`: checks, before anything long runs, that the system packages the test
// host needs are there (see systemPackages.mjs), so a missing one stops the run at once with the
// command that installs it.
import { isHostInstalled } from './install.mjs';
import { ensureSystemPackages, SetupError } from './systemPackages.mjs';

try {
  ensureSystemPackages({ install: !isHostInstalled(), browser: true });
} catch (err) {
  if (!(err instanceof SetupError)) throw err;
  console.error(`\n${err.message}`);
  process.exit(1);
}
