// The system packages the VS Code test host needs, checked before anything long starts.
//
// Installing code-server builds native modules (kerberos, node-pty, …) with node-gyp: make, g++,
// python3 and the Kerberos headers. The integration and UI suites drive the workbench in Chromium,
// which needs a font to lay out text. When one is missing, a run as root on a machine with apt-get
// installs it (what `.ci/run` and a fresh container need); anyone else gets one message naming
// the exact command to run, at once, instead of a node-gyp stack trace or a browser that never starts.
// NEWS_NO_APT=1 turns the automatic install off.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { CHROMIUM_PATH } from './paths.mjs';

/** A problem the user fixes outside the project (a missing package); printed without a stack. */
export class SetupError extends Error {
  constructor(message) {
    super(message);
    this.name = 'SetupError';
  }
}

function hasCommand(name) {
  return spawnSync('sh', ['-c', `command -v "${name}"`], { stdio: 'ignore' }).status === 0;
}

/**
 * Each package: its Debian name, why it is needed, when (`install`: building code-server once;
 * `browser`: every integration or UI run) and how to tell it is there.
 */
export const SYSTEM_PACKAGES = [
  { name: 'chromium', why: 'the browser that drives the VS Code workbench', when: 'browser', present: () => existsSync(CHROMIUM_PATH) },
  { name: 'fonts-dejavu-core', why: 'a font, so the workbench lays out real text', when: 'browser', present: () => existsSync('/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf') || hasFonts() },
  { name: 'libkrb5-dev', why: "Kerberos headers for code-server's kerberos module", when: 'install', present: () => existsSync('/usr/include/gssapi/gssapi.h') || hasCommand('krb5-config') },
  { name: 'make', why: 'node-gyp builds code-server\'s native modules', when: 'install', present: () => hasCommand('make') },
  { name: 'g++', why: 'node-gyp builds code-server\'s native modules', when: 'install', present: () => hasCommand('g++') },
  { name: 'python3', why: 'node-gyp runs on Python', when: 'install', present: () => hasCommand('python3') },
];

function hasFonts() {
  const res = spawnSync('fc-list', [], { encoding: 'utf8' });
  return res.status === 0 && res.stdout.trim().length > 0;
}

/**
 * The packages missing for the given needs.
 * @param {{ install?: boolean, browser?: boolean }} needs
 * @param {typeof SYSTEM_PACKAGES} [packages]
 */
export function missingPackages(needs, packages = SYSTEM_PACKAGES) {
  return packages.filter((p) => needs[p.when] && !p.present());
}

/** The one command a user runs to install `names`. */
export function installCommand(names, { root = isRoot() } = {}) {
  return `${root ? '' : 'sudo '}apt-get install -y --no-install-recommends ${names.join(' ')}`;
}

/** The message for packages that are missing and were not installed automatically. */
export function missingMessage(missing, { root = isRoot(), apt = hasCommand('apt-get') } = {}) {
  const lines = missing.map((p) => `  ${p.name.padEnd(18)} ${p.why}`);
  const how = apt
    ? `Install them, then run the command again:\n\n  ${root ? '' : 'sudo '}apt-get update && ${installCommand(missing.map((p) => p.name), { root })}\n`
    : 'Install them with your system\'s package manager (the names above are Debian\'s), then run the command again.\n';
  return `The VS Code test host needs system packages that are missing:\n${lines.join('\n')}\n\n${how}`;
}

function isRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/**
 * Makes sure the packages for `needs` are there: installs them with apt-get when running as root
 * (unless NEWS_NO_APT=1), otherwise throws a SetupError naming the command to run.
 * @param {{ install?: boolean, browser?: boolean }} needs
 */
export function ensureSystemPackages(needs, { log = console.log } = {}) {
  const missing = missingPackages(needs);
  if (missing.length === 0) return;
  const canInstall = isRoot() && hasCommand('apt-get') && process.env.NEWS_NO_APT !== '1';
  if (!canInstall) throw new SetupError(missingMessage(missing));

  const names = missing.map((p) => p.name);
  log(`installing system packages the test host needs (as root; NEWS_NO_APT=1 turns this off): ${names.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update', '-qq'], ['install', '-y', '-qq', '--no-install-recommends', ...names]]) {
    const res = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (res.status !== 0) {
      throw new SetupError(`apt-get ${args[0]} failed (exit ${res.status ?? res.signal}).\n\n${missingMessage(missing)}`);
    }
  }
  const still = missingPackages(needs);
  if (still.length > 0) throw new SetupError(missingMessage(still));
}

/** What to print for an error: the message alone for a setup problem, the stack for a bug. */
export function describeError(err) {
  if (err instanceof SetupError) return err.message;
  return err?.stack ?? String(err);
}
