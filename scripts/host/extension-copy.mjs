// Installs the built extension into a VS Code extensions folder by copying the files a packaged
// extension would hold, read from .vscodeignore's allowlist (its `!` lines), so the copy can never
// hold less than the .vsix (a model file or the worker left out would pass here and fail for users).
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { REPO_ROOT } from './paths.mjs';

/** The paths .vscodeignore re-includes: `file`, `dir/**` or `dir/*.ext` (the forms it uses). */
export function shippedPaths(root = REPO_ROOT) {
  const patterns = readFileSync(join(root, '.vscodeignore'), 'utf8').split('\n')
    .map((line) => line.trim()).filter((line) => line.startsWith('!')).map((line) => line.slice(1));
  const paths = [];
  for (const pattern of patterns) {
    if (pattern.endsWith('/**')) {
      paths.push(pattern.slice(0, -3));
    } else if (pattern.includes('*')) {
      const dir = dirname(pattern);
      const suffix = pattern.slice(pattern.lastIndexOf('*') + 1);
      if (!existsSync(join(root, dir))) continue;
      for (const name of readdirSync(join(root, dir))) if (name.endsWith(suffix)) paths.push(join(dir, name));
    } else {
      paths.push(pattern);
    }
  }
  return paths.filter((p) => existsSync(join(root, p)));
}

/** Copies the extension into `extensionsDir/<publisher>.<name>-<version>`; returns that folder. */
export function installExtensionCopy(extensionsDir) {
  const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
  const target = join(extensionsDir, `${manifest.publisher}.${manifest.name}-${manifest.version}`);
  mkdirSync(target, { recursive: true });
  for (const rel of shippedPaths()) cpSync(join(REPO_ROOT, rel), join(target, rel), { recursive: true });
  // No extensions.json is written: without that index VS Code scans the folder and finds the copy
  // (an empty index would hide it).
  return target;
}
