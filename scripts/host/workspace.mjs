// Throwaway folders for one run of VS Code: a private HOME/XDG/TMPDIR (code-server writes there
// even for `--help`), quiet user settings, and a workspace that is a COPY of seeds/ plus fixture
// files, so tests may create, edit and delete files without touching the repository.
import { copyFileSync, cpSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
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
 * Creates `.vscode-test/run-<stamp>/` with home, tmp, user data (settings written), extensions
 * and a workspace. Returns the paths and the environment variables to start the server with.
 */
export function makeRunDir(label = 'run') {
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '');
  const root = join(CACHE_ROOT, `${label}-${stamp}-${process.pid}`);
  const dirs = {
    root,
    home: join(root, 'home'),
    tmp: join(root, 'tmp'),
    userData: join(root, 'user-data'),
    extensions: join(root, 'extensions'),
    browserProfile: join(root, 'browser-profile'),
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

/** Environment in which nothing the server or browser writes escapes the run folder. */
export function isolatedEnv(dirs) {
  return {
    ...process.env,
    HOME: dirs.home,
    XDG_CONFIG_HOME: join(dirs.home, '.config'),
    XDG_DATA_HOME: join(dirs.home, '.local', 'share'),
    XDG_CACHE_HOME: join(dirs.home, '.cache'),
    XDG_RUNTIME_DIR: dirs.tmp,
    TMPDIR: dirs.tmp,
    VSCODE_TELEMETRY_OPTOUT: '1',
  };
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

/** Removes a run folder; kept when NEWS_KEEP_RUN=1 so its logs can be read. */
export function removeRunDir(root) {
  if (process.env.NEWS_KEEP_RUN === '1') return;
  rmSync(root, { recursive: true, force: true, maxRetries: 3 });
}
