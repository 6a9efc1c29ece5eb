// The scripts that install and start the VS Code test host: clean child environments (an outer
// npm's variables once kept code-server from installing under `npm test`), short socket folders
// for checkouts at long paths, and one clear message for a missing system package.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const HOST = resolve(__dirname, '..', '..', 'scripts', 'host');
const REPO = resolve(__dirname, '..', '..');

interface ChildEnvModule {
  cleanChildEnv: (base?: NodeJS.ProcessEnv, overrides?: Record<string, string | undefined>) => NodeJS.ProcessEnv;
}
interface RunDirs {
  root: string; shortRoot: string; home: string; tmp: string; userData: string; extensions: string;
  browserProfile: string; workspace: string; env: NodeJS.ProcessEnv;
}
interface WorkspaceModule {
  makeRunDir: (label?: string, options?: { cacheRoot?: string }) => RunDirs;
  removeRunDir: (dirs: RunDirs, options?: { ok?: boolean }) => string | undefined;
  MAX_SHORT_ROOT_LENGTH: number;
}
interface ExtensionCopyModule {
  shippedPaths: (root?: string) => string[];
}
interface Package { name: string; why: string; when: 'install' | 'browser'; present(): boolean }
interface SystemPackagesModule {
  missingPackages: (needs: { install?: boolean; browser?: boolean }, packages?: Package[]) => Package[];
  missingMessage: (missing: Package[], options?: { root?: boolean; apt?: boolean }) => string;
}

function load<T>(name: string): Promise<T> {
  return import(pathToFileURL(join(HOST, name)).href) as Promise<T>;
}

/** Listens on a Unix socket at `path` and closes it: fails when the path is too long. */
function listenOnSocket(path: string): Promise<void> {
  return new Promise((resolveListen, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(path, () => server.close(() => resolveListen()));
  });
}

describe('host scripts: child environment', () => {
  it('drops every variable and PATH entry an outer npm adds, keeps the rest, applies overrides', async () => {
    const { cleanChildEnv } = await load<ChildEnvModule>('childEnv.mjs');
    const outer: NodeJS.ProcessEnv = {
      HOME: '/home/someone',
      LANG: 'C.UTF-8',
      PATH: ['/work/p/node_modules/.bin', '/work/node_modules/.bin', '/usr/lib/node_modules/npm/node_modules/@npmcli/run-script/lib/node-gyp-bin', '/usr/local/bin', '/usr/bin'].join(delimiter),
      npm_config_user_agent: 'npm/11.0.0 node/v20.20.2 linux x64',
      npm_config_nodedir: '/usr/include/node20',
      npm_lifecycle_event: 'test',
      NPM_CONFIG_REGISTRY: 'https://registry.example/',
      INIT_CWD: '/work/p',
      NODE: '/usr/bin/node',
      COLOR: '1',
      REMOVE_ME: 'x',
    };
    const env = cleanChildEnv(outer, { npm_config_nodedir: '/opt/node24', REMOVE_ME: undefined });
    assert.deepEqual(Object.keys(env).sort(), ['HOME', 'LANG', 'PATH', 'npm_config_nodedir']);
    assert.equal(env.PATH, ['/usr/local/bin', '/usr/bin'].join(delimiter));
    assert.equal(env.npm_config_nodedir, '/opt/node24');
    assert.equal(outer.npm_config_user_agent, 'npm/11.0.0 node/v20.20.2 linux x64', 'the input is not modified');
  });

  it('run through `npm run` as `npm test` runs it, the installer gives its npm children a clean environment', function () {
    this.timeout(60_000);
    // The outer npm passes this on to its scripts as their user agent; an npm child that inherited
    // it would report it as its own (that is how code-server's postinstall was misled).
    const sentinel = 'outer-npm-sentinel/1.0 node/v0.0.0';
    const res = spawnSync('npm', ['run', '--silent', 'host:child-env'], {
      cwd: REPO,
      env: { ...process.env, npm_config_user_agent: sentinel },
      encoding: 'utf8',
    });
    assert.equal(res.status, 0, res.stderr);
    const seen = JSON.parse(res.stdout.trim().split('\n').pop() ?? '{}') as {
      inherited: string[]; childUserAgent: string; node24: string[]; codeServer: string[];
    };
    assert.ok(seen.inherited.includes('npm_config_user_agent') && seen.inherited.includes('npm_lifecycle_event'),
      `the script ran under npm with npm's variables: ${seen.inherited.join(' ')}`);
    assert.match(seen.childUserAgent, /^npm\//, 'the child npm computes its own user agent');
    assert.ok(!seen.childUserAgent.includes('outer-npm-sentinel'), `child user agent: ${seen.childUserAgent}`);
    assert.deepEqual(seen.node24, []);
    assert.deepEqual(seen.codeServer.filter((name) => name !== 'npm_config_globalconfig'), ['npm_config_nodedir']);
  });

  it("gives the code-server install, which npm runs on Node 24, the machine's global npmrc (registry, proxy and CA settings)", async () => {
    const { installEnvs } = await load<{
      installEnvs: (base: NodeJS.ProcessEnv, globalConfig?: string | null) => { node24: NodeJS.ProcessEnv; codeServer: NodeJS.ProcessEnv };
    }>('install.mjs');
    const base = { PATH: '/usr/bin:/bin', HOME: '/home/reviewer' };
    const envs = installEnvs(base, '/usr/etc/npmrc');
    assert.equal(envs.codeServer.npm_config_globalconfig, '/usr/etc/npmrc');
    assert.equal(envs.node24.npm_config_globalconfig, undefined, 'the first install runs on the machine npm, which finds its own');
    assert.equal(installEnvs(base, null).codeServer.npm_config_globalconfig, undefined, 'none when the machine has none');
  });
});

describe('host scripts: a checkout at a long path', () => {
  let base = '';
  before(() => { base = mkdtempSync(join(tmpdir(), 'na-long-')); });
  after(() => rmSync(base, { recursive: true, force: true }));

  it('keeps sockets and the browser profile in a short private folder, and removes it afterwards', async () => {
    const { makeRunDir, removeRunDir, MAX_SHORT_ROOT_LENGTH } = await load<WorkspaceModule>('workspace.mjs');
    // A checkout 200+ characters deep, like /home/<name>/<projects>/…/news-annotator.
    let cacheRoot = base;
    while (cacheRoot.length < 200) cacheRoot = join(cacheRoot, 'a-rather-long-folder-name');
    cacheRoot = join(cacheRoot, 'news-annotator', '.vscode-test');
    mkdirSync(cacheRoot, { recursive: true });

    const dirs = makeRunDir('run', { cacheRoot });
    assert.ok(dirs.root.startsWith(cacheRoot), 'logs and workspace stay in the checkout');
    assert.ok(dirs.shortRoot.length <= MAX_SHORT_ROOT_LENGTH, dirs.shortRoot);
    for (const d of [dirs.home, dirs.tmp, dirs.userData, dirs.extensions, dirs.browserProfile]) {
      assert.ok(d.startsWith(dirs.shortRoot + '/'), d);
    }
    assert.equal(dirs.env.TMPDIR, dirs.tmp);
    // The deepest sockets the host makes: Chromium's singleton socket in a scoped folder of TMPDIR,
    // VS Code's IPC socket named by a UUID.
    const chromiumDir = join(dirs.tmp, '.org.chromium.Chromium.AbCdEf');
    mkdirSync(chromiumDir);
    await listenOnSocket(join(chromiumDir, 'SingletonSocket'));
    await listenOnSocket(join(dirs.tmp, 'vscode-ipc-0f8fad5b-d9cb-469f-a165-70867728950e.sock'));
    await listenOnSocket(join(dirs.userData, '1.139-main.sock'));

    const kept = removeRunDir(dirs, { ok: false });
    assert.equal(kept, dirs.root, 'a failed run keeps its logs');
    assert.ok(!existsSync(dirs.shortRoot), 'the private folder is removed');
    assert.ok(existsSync(dirs.root));
  });
});

describe('host scripts: system packages', () => {
  const pkg = (name: string, when: Package['when'], present: boolean): Package => ({ name, why: `needed for ${name}`, when, present: () => present });

  it('lists only the missing packages the caller needs', async () => {
    const { missingPackages } = await load<SystemPackagesModule>('systemPackages.mjs');
    const packages = [pkg('chromium', 'browser', false), pkg('libkrb5-dev', 'install', false), pkg('make', 'install', true)];
    assert.deepEqual(missingPackages({ browser: true }, packages).map((p) => p.name), ['chromium']);
    assert.deepEqual(missingPackages({ browser: true, install: true }, packages).map((p) => p.name), ['chromium', 'libkrb5-dev']);
    assert.deepEqual(missingPackages({}, packages), []);
  });

  it('names the exact command to run, with sudo when not root', async () => {
    const { missingMessage } = await load<SystemPackagesModule>('systemPackages.mjs');
    const missing = [pkg('chromium', 'browser', false), pkg('libkrb5-dev', 'install', false)];
    const user = missingMessage(missing, { root: false, apt: true });
    assert.match(user, /sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium libkrb5-dev/);
    assert.match(user, /chromium\s+needed for chromium/);
    const root = missingMessage(missing, { root: true, apt: true });
    assert.ok(!root.includes('sudo'), root);
    assert.match(missingMessage(missing, { root: false, apt: false }), /package manager/);
  });

  it('`npm test` stops at once with that message, no stack trace, when Chromium is missing', function () {
    this.timeout(20_000);
    const started = Date.now();
    const res = spawnSync(process.execPath, [join(HOST, 'preflight.mjs')], {
      cwd: REPO,
      env: { ...process.env, CHROMIUM_PATH: join(tmpdir(), 'no-such-chromium'), NEWS_NO_APT: '1' },
      encoding: 'utf8',
    });
    assert.equal(res.status, 1);
    assert.ok(Date.now() - started < 10_000);
    assert.match(res.stderr, /system packages that are missing:\n\s+chromium/);
    assert.match(res.stderr, /apt-get install -y --no-install-recommends chromium/);
    assert.ok(!/\n\s+at /.test(res.stderr), `no stack trace: ${res.stderr}`);
  });
});

describe('host scripts: the extension copy the UI check installs', () => {
  it('holds what .vscodeignore lets into the .vsix: files, folders and globs', async () => {
    const { shippedPaths } = await load<ExtensionCopyModule>('extension-copy.mjs');
    const root = mkdtempSync(join(tmpdir(), 'na-copy-'));
    try {
      writeFileSync(join(root, '.vscodeignore'), '**\n!package.json\n!dist/worker.js\n!assets/*.bin\n!syntaxes/**\n!missing.txt\n');
      for (const dir of ['dist', 'assets', 'syntaxes', 'src']) mkdirSync(join(root, dir));
      for (const file of ['package.json', 'dist/worker.js', 'dist/other.js', 'assets/a.bin', 'assets/b.bin', 'assets/notes.txt', 'syntaxes/x.json', 'src/x.ts']) {
        writeFileSync(join(root, file), '');
      }
      assert.deepEqual(shippedPaths(root).sort(), ['assets/a.bin', 'assets/b.bin', 'dist/worker.js', 'package.json', 'syntaxes']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
