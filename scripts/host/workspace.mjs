// Throwaway folders for one run of VS Code: a private HOME/XDG/TMPDIR (code-server writes there
// even for `--help`) in a short temporary folder (see makeShortTempDir), quiet user settings, and
// a workspace that is a COPY of seeds/ plus fixture files, so tests may create, edit and delete
// files without touching the repository.
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cleanChildEnv } from './childEnv.mjs';
import { CACHE_ROOT, REPO_ROOT } from './paths.mjs';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

/** Paths inside the workspace that tests rely on (kept in sync with test/integration/workspace.ts). */
export const WORKSPACE_FILES = {
  /** A real article outside seeds/, under a name no glob matches: only sniffing can make it `news`. */
  sniffedArticle: 'inbox/report.txt',
  /** Plain notes that must stay `plaintext`. */
  plainNotes: 'notes/shopping-notes.txt',
};

/** Settings that keep the workbench quiet and offline; trust is off so tests see a trusted workspace. */
export const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'chat.disableAIFeatures': true,
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'window.restoreWindows': 'none',
  'files.hotExit': 'off',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

/**
 * Unix socket paths are limited to 107 bytes, and VS Code and Chromium put theirs deep inside
 * TMPDIR, the user-data folder and the browser profile (`…/SingletonSocket`, `vscode-ipc-….sock`).
 * Inside a checkout at an ordinary path such as /home/someone/projects/news-annotator they no
 * longer fit, so those folders live in a short private folder under /tmp instead.
 */
export const MAX_SHORT_ROOT_LENGTH = 40;

const shortDirsToRemove = new Set();
// Whatever path the process leaves by (Ctrl-C included), no private temporary folder outlives it.
process.on('exit', () => {
  if (process.env.NEWS_KEEP_RUN === '1') return;
  for (const dir of shortDirsToRemove) rmSync(dir, { recursive: true, force: true });
});

/**
 * A fresh private (0700) folder with a short path, /tmp/na-XXXXXX (else under os.tmpdir()),
 * removed when the process exits.
 */
export function makeShortTempDir(prefix = 'na-') {
  for (const base of ['/tmp', tmpdir()]) {
    if (join(base, prefix).length + 6 > MAX_SHORT_ROOT_LENGTH) continue;
    try {
      const dir = mkdtempSync(join(base, prefix));
      shortDirsToRemove.add(dir);
      return dir;
    } catch {
      // not writable here: try the next candidate
    }
  }
  throw new Error(`no short writable temporary folder (tried /tmp and ${tmpdir()}); set TMPDIR to a short path such as /tmp`);
}

/**
 * Creates a run: `<cacheRoot>/<label>-<stamp>-<pid>/` holds the workspace and the logs (kept when a
 * run fails), and a short private folder holds home, tmp, user data (settings written), extensions
 * and the browser profile. Returns the paths and the environment to start the server with.
 */
export function makeRunDir(label = 'run', { cacheRoot = CACHE_ROOT } = {}) {
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '');
  const root = join(cacheRoot, `${label}-${stamp}-${process.pid}`);
  const shortRoot = makeShortTempDir();
  const dirs = {
    root,
    shortRoot,
    home: join(shortRoot, 'home'),
    tmp: join(shortRoot, 'tmp'),
    userData: join(shortRoot, 'user'),
    extensions: join(shortRoot, 'ext'),
    browserProfile: join(shortRoot, 'browser'),
    workspace: join(root, 'workspace'),
  };
  for (const d of Object.values(dirs)) mkdirSync(d, { recursive: true });
  writeUserSettings(dirs.userData);
  return { ...dirs, env: isolatedEnv(dirs) };
}

export function writeUserSettings(userDataDir, extra = {}) {
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...QUIET_SETTINGS, ...extra }, null, 2));
}

/**
 * Environment in which nothing the server or browser writes escapes the run folder: the user's
 * plain environment (no outer npm's variables, see childEnv.mjs) with a private HOME and TMPDIR.
 */
export function isolatedEnv(dirs) {
  return cleanChildEnv(process.env, {
    HOME: dirs.home,
    XDG_CONFIG_HOME: join(dirs.home, '.config'),
    XDG_DATA_HOME: join(dirs.home, '.local', 'share'),
    XDG_CACHE_HOME: join(dirs.home, '.cache'),
    XDG_RUNTIME_DIR: dirs.tmp,
    TMPDIR: dirs.tmp,
    VSCODE_TELEMETRY_OPTOUT: '1',
  });
}

/** Fills `workspaceDir` with a copy of seeds/ and the fixtures named in WORKSPACE_FILES. */
export function populateWorkspace(workspaceDir) {
  cpSync(join(REPO_ROOT, 'seeds'), join(workspaceDir, 'seeds'), { recursive: true });
  const seeds = readdirSync(join(REPO_ROOT, 'seeds')).filter((f) => f.endsWith('.txt')).sort();
  if (seeds.length === 0) throw new Error('seeds/ holds no .txt article');
  // The last seed doubles as "an article somewhere else": same kind of text, a name no glob covers.
  const article = join(workspaceDir, WORKSPACE_FILES.sniffedArticle);
  mkdirSync(dirname(article), { recursive: true });
  copyFileSync(join(REPO_ROOT, 'seeds', seeds[seeds.length - 1]), article);
  const notes = join(workspaceDir, WORKSPACE_FILES.plainNotes);
  mkdirSync(dirname(notes), { recursive: true });
  copyFileSync(join(FIXTURES, 'shopping-notes.txt'), notes);
  return workspaceDir;
}

/**
 * Removes a run: its short private folder always, its log folder when `ok` (a failed run keeps its
 * logs). NEWS_KEEP_RUN=1 keeps both so they can be read.
 * @returns {string | undefined} the folder kept for its logs, if any
 */
export function removeRunDir(dirs, { ok = true } = {}) {
  if (process.env.NEWS_KEEP_RUN === '1') return dirs.root;
  rmSync(dirs.shortRoot, { recursive: true, force: true, maxRetries: 3 });
  shortDirsToRemove.delete(dirs.shortRoot);
  if (!ok) return dirs.root;
  rmSync(dirs.root, { recursive: true, force: true, maxRetries: 3 });
  return undefined;
}
