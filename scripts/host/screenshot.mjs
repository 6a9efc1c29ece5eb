// `node scripts/host/screenshot.mjs [seed-file-name] [out.png]`: opens a seed article in the
// browser workbench with the built extension installed (a copy in the extensions folder, as a
// user would have it), waits for the entity/quote decorations and saves docs/screenshot.png.
//
// For UI checks, `withWorkbench(fn)` gives `fn` a ready page on a throwaway workspace (copy of
// seeds/ plus fixtures); combine it with the helpers in browser.mjs (openFileFromExplorer,
// decoratedTexts, waitForDecorations, hoverText, runCommand).
import { mkdirSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchBrowser, openFileFromExplorer, openWorkbench, waitForDecorations, waitForWorkbench, workbenchUrl } from './browser.mjs';
import { ensureBuilt } from './build.mjs';
import { installExtensionCopy } from './extension-copy.mjs';
import { ensureCodeServer, isHostInstalled } from './install.mjs';
import { describeError, ensureSystemPackages } from './systemPackages.mjs';
import { REPO_ROOT } from './paths.mjs';
import { startServer } from './server.mjs';
import { makeRunDir, populateWorkspace, removeRunDir, writeUserSettings } from './workspace.mjs';

/**
 * Starts a server with the built extension installed, opens the workbench on a throwaway
 * workspace, runs `fn({ page, workspace, baseUrl, log })` and always tears everything down.
 * @template T
 * @param {(ctx: { page: import('playwright-core').Page, workspace: string, baseUrl: string, log: string[] }) => Promise<T>} fn
 * @param {{ settings?: Record<string, unknown> }} [options] extra user settings (e.g. a theme)
 * @returns {Promise<T>}
 */
export async function withWorkbench(fn, { settings = {} } = {}) {
  ensureSystemPackages({ install: !isHostInstalled(), browser: true });
  await ensureBuilt();
  const host = await ensureCodeServer();
  const dirs = makeRunDir('ui');
  writeUserSettings(dirs.userData, settings);
  installExtensionCopy(dirs.extensions);
  const workspace = populateWorkspace(dirs.workspace);
  let server;
  let browser;
  let ok = false;
  const log = [];
  try {
    server = await startServer({ ...host, dirs, smokeTestDriver: false });
    browser = await launchBrowser(dirs.browserProfile, { env: dirs.env });
    const page = await openWorkbench(browser, workbenchUrl({ baseUrl: server.baseUrl, port: server.port, folder: workspace }), {
      onLog: (type, text) => log.push(`[${type}] ${text}`),
    });
    await waitForWorkbench(page);
    const value = await fn({ page, workspace, baseUrl: server.baseUrl, log, dirs });
    ok = true;
    return value;
  } finally {
    await browser?.close().catch(() => {});
    await server?.stop();
    const kept = removeRunDir(dirs, { ok });
    if (kept && !ok) console.error(`run folder kept for its logs: ${kept}`);
  }
}

/** A readable picture: dark theme, wrapped lines, no minimap, no boxes around curly apostrophes. */
export const SCREENSHOT_SETTINGS = {
  'workbench.colorTheme': 'Default Dark Modern',
  'editor.minimap.enabled': false,
  'editor.wordWrap': 'on',
  'editor.unicodeHighlight.ambiguousCharacters': false,
};

async function main() {
  const seedName = process.argv[2] || readdirSync(join(REPO_ROOT, 'seeds')).filter((f) => f.startsWith('000')).sort()[0];
  const out = resolve(process.argv[3] || join(REPO_ROOT, 'docs', 'screenshot.png'));
  if (!seedName) throw new Error('no seed 000 found in seeds/');
  await withWorkbench(async ({ page }) => {
    await openFileFromExplorer(page, `seeds/${seedName}`);
    const decorated = await waitForDecorations(page, { min: 3, timeout: 30_000 });
    if (decorated === 0) console.warn('warning: no decorations rendered; the picture shows the grammar colours only');
    // Let hovers, the status bar and late decorations settle before taking the picture.
    await page.mouse.move(5, 5);
    await page.waitForTimeout(1500);
    mkdirSync(dirname(out), { recursive: true });
    await page.screenshot({ path: out });
    console.log(`saved ${out} (${decorated} decorated spans)`);
  }, { settings: SCREENSHOT_SETTINGS });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((err) => { console.error(describeError(err)); process.exit(1); });
}
