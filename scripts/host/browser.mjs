// Drives the VS Code workbench that code-server serves, in Debian's Chromium through
// playwright-core. Besides running the in-host suite, the helpers below are the building blocks
// for UI checks a person would make: open a file from the Explorer, look at decorated text,
// hover a word and read the hover, run a command from the palette, take a screenshot.
import { chromium } from 'playwright-core';
import { format } from 'node:util';
import { CHROMIUM_PATH } from './paths.mjs';

/** Flags that keep Chromium from reaching for the (closed) network on its own. */
const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-default-apps', '--disable-dev-shm-usage',
];

/** @returns {Promise<import('playwright-core').BrowserContext>} */
export async function launchBrowser(profileDir, { env } = {}) {
  return chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1400, height: 900 },
    env,
  });
}

/**
 * The workbench URL for `folder`; with `extensionDevelopmentPath` the extension is loaded from
 * source, with `extensionTestsPath` VS Code runs that suite's `run()` in the extension host.
 * (The server must run with `--vscode-option enable-smoke-test-driver` for these to count.)
 */
export function workbenchUrl({ baseUrl, port, folder, extensionDevelopmentPath, extensionTestsPath, extensionEnvironment }) {
  const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
  const payload = [['skipWelcome', 'true']];
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(extensionDevelopmentPath)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  if (extensionEnvironment) payload.push(['extensionEnvironment', JSON.stringify(extensionEnvironment)]);
  return `${baseUrl}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/**
 * Opens the workbench in a new page. `onLog(type, text)` receives every console line of the
 * workbench and the extension host; `onExit(code)` fires when an extension test run settles.
 * @returns {Promise<import('playwright-core').Page>}
 */
export async function openWorkbench(context, url, { onLog = () => {}, onExit = () => {} } = {}) {
  const page = await context.newPage();
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    onLog(type, format(...(Array.isArray(args) ? args : [args])));
  });
  await page.exposeFunction('codeAutomationExit', (code) => onExit(Number(code)));
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  return page;
}

/** Waits until the workbench is interactive (Explorer rows rendered). */
export async function waitForWorkbench(page, timeout = 60_000) {
  await page.locator('.monaco-workbench').waitFor({ timeout });
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout });
}

/** Opens a file by clicking through the Explorer tree, e.g. `seeds/000_x.txt`. */
export async function openFileFromExplorer(page, relativePath, timeout = 20_000) {
  const parts = relativePath.split('/');
  for (const [i, name] of parts.entries()) {
    const row = page.locator(`.explorer-folders-view .monaco-list-row[aria-label="${name}"]`).first();
    await row.waitFor({ timeout });
    const isLast = i === parts.length - 1;
    const expanded = await row.getAttribute('aria-expanded');
    if (isLast) await row.click();
    else if (expanded !== 'true') await row.click();
  }
  const fileName = parts[parts.length - 1];
  await page.locator(`.tab[aria-label*="${fileName}"]`).first().waitFor({ timeout });
  await page.locator('.monaco-editor .view-line').first().waitFor({ timeout });
}

/** Text of every decorated span (generated `ced-*` classes) currently rendered in the editor. */
export async function decoratedTexts(page) {
  return page.locator('.monaco-editor .view-line span[class*="ced-"]').evaluateAll((spans) =>
    spans.map((s) => ({ text: s.textContent ?? '', classes: s.className })));
}

/** Waits until at least `min` decorated spans are rendered; returns their count (0 on timeout). */
export async function waitForDecorations(page, { min = 1, timeout = 20_000 } = {}) {
  const spans = page.locator('.monaco-editor .view-line span[class*="ced-"]');
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    const n = await spans.count();
    if (n >= min) return n;
    await page.waitForTimeout(250);
  }
  return spans.count();
}

/** Moves the mouse over the first rendered occurrence of `word` and returns the hover's text. */
export async function hoverText(page, word, timeout = 10_000) {
  const target = page.locator('.monaco-editor .view-line span', { hasText: word }).first();
  await target.hover();
  const hover = page.locator('.monaco-hover:not(.hidden)').first();
  await hover.waitFor({ state: 'visible', timeout });
  return (await hover.innerText()).trim();
}

/** Runs a command by its palette title (F1, type, Enter). */
export async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row').first().waitFor();
  await page.keyboard.press('Enter');
}
