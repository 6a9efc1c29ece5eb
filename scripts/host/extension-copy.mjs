// Installs the built extension into a VS Code extensions folder by copying the files a packaged
// extension would hold (the same allowlist as .vscodeignore), so it loads like a user's install.
import { cpSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './paths.mjs';

const SHIPPED = ['package.json', 'dist/extension.js', 'dist/cli.js', 'README.md', 'CHANGELOG.md', 'LICENSE',
  'syntaxes', 'language-configuration.json', 'media'];

/** Copies the extension into `extensionsDir/<publisher>.<name>-<version>`; returns that folder. */
export function installExtensionCopy(extensionsDir) {
  const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
  const target = join(extensionsDir, `${manifest.publisher}.${manifest.name}-${manifest.version}`);
  mkdirSync(target, { recursive: true });
  for (const rel of SHIPPED) {
    const from = join(REPO_ROOT, rel);
    if (existsSync(from)) cpSync(from, join(target, rel), { recursive: true });
  }
  // No extensions.json is written: without that index VS Code scans the folder and finds the copy
  // (an empty index would hide it).
  return target;
}
