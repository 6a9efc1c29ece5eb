// `npm run test:ui`: looks at the extension the way a reviewer would, in the browser workbench,
// once in the dark and once in the light default theme. Opens seed article 000 from the Explorer,
// checks that names and quotes are highlighted, hovers "Kirby" and reads the profile the hover
// shows, checks the status bar counts and the colour legend in the News view, and saves the
// README pictures (with the legend in view):
//   docs/screenshot.png (dark), docs/screenshot-light.png (light), docs/hover.png (dark, Kirby hover).
// Prints each check as pass/fail and `ui: N passed, N failed`; exits non-zero on any failure.
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { decoratedTexts, openFileFromExplorer, waitForDecorations } from './browser.mjs';
import { isHostInstalled } from './install.mjs';
import { REPO_ROOT } from './paths.mjs';
import { SCREENSHOT_SETTINGS, withWorkbench } from './screenshot.mjs';
import { describeError, ensureSystemPackages } from './systemPackages.mjs';

const SEED = 'seeds/000_af60520f71ff48c9.txt';
const DOCS = join(REPO_ROOT, 'docs');
/** No single check may hang the run: each gets this long before it counts as failed. */
const CHECK_TIMEOUT_MS = 60_000;

const THEMES = [
  { name: 'Default Dark Modern', label: 'dark', picture: 'screenshot.png', hoverPicture: 'hover.png' },
  { name: 'Default Light Modern', label: 'light', picture: 'screenshot-light.png' },
];

const results = [];

/** Runs one named check with a time limit and records (and prints) its outcome. */
async function check(name, fn) {
  const t = Date.now();
  let timer;
  try {
    await Promise.race([
      fn(),
      new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`timed out after ${CHECK_TIMEOUT_MS / 1000} s`)), CHECK_TIMEOUT_MS); }),
    ]);
    results.push({ name, ok: true });
    console.log(`  pass  ${name} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
  } catch (err) {
    results.push({ name, ok: false });
    console.log(`  FAIL  ${name}: ${String(err?.message ?? err).split('\n')[0]}`);
  } finally {
    clearTimeout(timer);
  }
}

function expect(condition, message) {
  if (!condition) throw new Error(message);
}

/**
 * Text under every decoration the editor shows. Decorations that only colour the background
 * (entity and quote highlights) are drawn as boxes in a layer behind the text, not as spans in
 * it, so the text under each box is read back from the line at the same place.
 */
async function highlightedTexts(page) {
  const inline = (await decoratedTexts(page)).map((d) => d.text);
  const behind = await page.evaluate(() => {
    const texts = [];
    for (const box of document.querySelectorAll('.monaco-editor .view-overlays div[class*="ced-"]')) {
      const r = box.getBoundingClientRect();
      if (r.width < 2) continue;
      const y = r.top + r.height / 2;
      const start = document.caretRangeFromPoint(r.left + 1, y);
      const end = document.caretRangeFromPoint(r.right - 1, y);
      if (!start || !end || !start.startContainer.parentElement?.closest('.view-line')) continue;
      const range = document.createRange();
      range.setStart(start.startContainer, start.startOffset);
      range.setEnd(end.startContainer, end.startOffset);
      // caretRangeFromPoint lands before the nearest character edge: take the last one too.
      const last = end.startContainer.textContent?.[end.startOffset] ?? '';
      texts.push(range.toString() + last);
    }
    return texts;
  });
  return [...inline, ...behind].map((t) => t.replace(/\u00a0/g, ' '));
}

/** Centre of the first fully visible rendered occurrence of `word` in the editor, or null. */
function wordCentre(page, word) {
  return page.evaluate((w) => {
    for (const line of document.querySelectorAll('.monaco-editor .view-line')) {
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = (node.textContent ?? '').indexOf(w);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + w.length);
        const box = range.getBoundingClientRect();
        // Lines near the edges may be half hidden under the tabs or the horizontal scroll bar.
        if (box.width > 0 && box.top >= 80 && box.bottom <= window.innerHeight - 80) {
          return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
        }
      }
    }
    return null;
  }, word);
}

/** Scrolls the editor with the mouse wheel until `word` is on screen, then rests the mouse on it. */
async function hoverWord(page, word) {
  // The editor's frame, not its content (.view-lines is as tall as the whole article).
  const editor = await page.locator('.editor-instance .monaco-editor').first().boundingBox();
  expect(editor, 'no editor on screen');
  let centre = await wordCentre(page, word);
  for (let i = 0; !centre && i < 30; i++) {
    await page.mouse.move(editor.x + editor.width / 2, editor.y + editor.height / 2);
    await page.mouse.wheel(0, 300);
    await page.waitForTimeout(150);
    centre = await wordCentre(page, word);
  }
  expect(centre, `"${word}" never came into view`);
  // Arrive from a neighbouring pixel so the editor sees a real move onto the word.
  await page.mouse.move(centre.x - 3, centre.y);
  await page.mouse.move(centre.x, centre.y);
  const hover = page.locator('.monaco-hover:not(.hidden)').first();
  await hover.waitFor({ state: 'visible', timeout: 10_000 });
  // Hover contents from several providers arrive one after another; give the last a moment.
  await page.waitForTimeout(800);
  return (await hover.innerText()).trim();
}

/**
 * Runs in the page: notes when the article's text is first on screen and when its first highlight
 * is drawn (animation frames, so each is within one frame of the truth), for the first-highlight time.
 */
function startHighlightClock() {
  // performance.now() for the interval; Date.now() to set the extension's log lines beside them.
  const clock = { textAt: 0, highlightAt: 0, textEpoch: 0, highlightEpoch: 0 };
  window.__newsHighlightClock = clock;
  const tick = () => {
    const now = performance.now();
    const editor = document.querySelector('.editor-instance .monaco-editor');
    if (!clock.textAt && editor && (editor.querySelector('.view-lines')?.textContent ?? '').trim().length > 0) {
      clock.textAt = now;
      clock.textEpoch = Date.now();
    }
    if (clock.textAt && !clock.highlightAt && editor?.querySelector('[class*="ced-"]')) {
      clock.highlightAt = now;
      clock.highlightEpoch = Date.now();
    }
    if (!clock.highlightAt) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

/** Milliseconds from the article's text on screen to its first highlight, or undefined if not seen yet. */
async function firstHighlightMs(page) {
  const clock = await page.evaluate(() => window.__newsHighlightClock);
  return clock?.textAt && clock.highlightAt ? clock.highlightAt - clock.textAt : undefined;
}

/** The lines of the extension's own log (Output ▸ News Annotator) in the run's log folder, with their times. */
function extensionLog(userDataDir) {
  const files = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(dir, entry.name));
      else if (entry.name === 'News Annotator.log') files.push(join(dir, entry.name));
    }
  };
  try {
    walk(join(userDataDir, 'logs'));
  } catch {
    return [];
  }
  // "2026-12-07 20:13:09.581 [info] activated in 18.5 ms": local time, as Date parses it without a zone.
  return files.flatMap((f) => readFileSync(f, 'utf8').split('\n')).flatMap((line) => {
    const m = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d\.\d{3}) \[\w+\] (.*)$/.exec(line);
    return m ? [{ at: new Date(`${m[1]}T${m[2]}`).getTime(), text: m[3] }] : [];
  });
}

/**
 * Where the first highlight's wait went, from the page's clock and the extension's log: VS Code
 * activating the extension after the text showed, the analysis worker getting ready, the first
 * analysis and paint, and the workbench drawing it. Undefined when the log is not (yet) there.
 */
async function firstHighlightStages(page, userDataDir) {
  const clock = await page.evaluate(() => window.__newsHighlightClock);
  if (!clock?.textEpoch || !clock.highlightEpoch) return undefined;
  for (const deadline = Date.now() + 5000; ; await page.waitForTimeout(250)) {
    // The durations are the extension's own; only the moment activation began is placed on the
    // wall clock, from the time of day the activation line gives (the log stamps a line when it
    // writes it, possibly later).
    const lines = extensionLog(userDataDir);
    const line = (prefix) => lines.find((l) => l.text.startsWith(prefix));
    const began = /\(began (\d\d:\d\d:\d\d\.\d{3})\)/.exec(line('activated in')?.text ?? '');
    const readyMs = /^analysis worker ready (\d+) ms/.exec(line('analysis worker ready')?.text ?? '');
    const paintedMs = / (\d+) ms after activation began$/.exec(line('first highlights painted')?.text ?? '');
    if (began && readyMs && paintedMs) {
      const day = new Date(line('activated in').at);
      const [h, m, sec] = began[1].split(':');
      const activated = new Date(day.getFullYear(), day.getMonth(), day.getDate(), Number(h), Number(m), Number(sec.slice(0, 2)), Number(sec.slice(3))).getTime();
      const ready = activated + Number(readyMs[1]);
      const painted = activated + Number(paintedMs[1]);
      const ms = (from, to) => `${(to - from).toFixed(0)} ms`;
      return `VS Code activated the extension ${ms(clock.textEpoch, activated)} after the text showed; its analysis worker was ready ${ms(activated, ready)} later; the first highlights were painted ${ms(ready, painted)} after that and drawn ${ms(painted, clock.highlightEpoch)} after that`;
    }
    if (Date.now() > deadline) return undefined;
  }
}

async function checkTheme(theme) {
  const settings = { ...SCREENSHOT_SETTINGS, 'workbench.colorTheme': theme.name };
  const t0 = Date.now();
  await withWorkbench(async ({ page, dirs }) => {
    console.log(`${theme.name}: workbench ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    const tag = `[${theme.label}]`;
    let opened = false;

    await check(`${tag} opens ${SEED} from the Explorer`, async () => {
      await page.evaluate(startHighlightClock);
      await openFileFromExplorer(page, SEED);
      opened = true;
    });

    await check(`${tag} the theme in use is ${theme.name}`, async () => {
      // The workbench may paint with its built-in theme before the user's setting is applied.
      const wanted = theme.label === 'dark' ? 'vs-dark' : 'vs';
      let classes = '';
      for (const deadline = Date.now() + 20_000; Date.now() < deadline; await page.waitForTimeout(250)) {
        classes = (await page.locator('.monaco-workbench').getAttribute('class')) ?? '';
        if (classes.split(/\s+/).includes(wanted)) break;
      }
      expect(classes.split(/\s+/).includes(wanted), `workbench classes: ${classes}`);
    });

    await check(`${tag} quotes and names are highlighted`, async () => {
      expect(opened, 'the article did not open');
      const count = await waitForDecorations(page, { min: 10, timeout: 30_000 });
      // Printed, not asserted: the time a reader waits for colour in a freshly started window.
      const ms = await firstHighlightMs(page);
      console.log(`  ${tag} first highlight ${ms === undefined ? 'not timed' : `${ms.toFixed(0)} ms`} after the text was on screen (fresh window, extension not yet active)`);
      const stages = await firstHighlightStages(page, dirs.userData);
      console.log(`  ${tag}   of which: ${stages ?? 'not known (the extension log was not found)'}`);
      expect(count >= 10, `only ${count} decorated spans rendered`);
      // Decorations may arrive in more than one pass; wait for the ones a reader looks for first.
      const deadline = Date.now() + 30_000;
      let texts = [];
      let missing = [];
      do {
        texts = await highlightedTexts(page);
        missing = [];
        // The highlight must cover the name or quote itself, not the whole line around it.
        if (!texts.some((t) => /^\s?Vladimir Putin\s?$/.test(t))) missing.push('the name "Vladimir Putin"');
        if (!texts.some((t) => /^\s?“strategic partnership treaty”\s?$/.test(t))) missing.push('the quote “strategic partnership treaty”');
        if (missing.length > 0) await page.waitForTimeout(250);
      } while (missing.length > 0 && Date.now() < deadline);
      expect(missing.length === 0, `not decorated: ${missing.join(', ')}; decorated: ${texts.join(' | ').slice(0, 300)}`);
    });

    await check(`${tag} the status bar shows the quote and entity counts`, async () => {
      const item = page.locator('.part.statusbar .statusbar-item[id$="newsAnnotator.status"]').first();
      await item.waitFor({ state: 'visible', timeout: 20_000 });
      // The item first says "News" while the analysis runs, then the two counts.
      const deadline = Date.now() + 20_000;
      let text = '';
      while (Date.now() < deadline) {
        text = (await item.innerText()).trim();
        if (/\d+\D+\d+/.test(text)) break;
        await page.waitForTimeout(250);
      }
      const counts = (text.match(/\d+/g) ?? []).map(Number);
      expect(counts.length >= 2 && counts[0] > 0 && counts[1] > 0, `status bar item reads "${text}"`);
    });

    await check(`${tag} the News view shows the colour legend`, async () => {
      expect(opened, 'the article did not open');
      // Give the article's pane room for the News view: fold the folder tree, open News.
      const header = (title) => page.locator('.part.sidebar .pane-header').filter({ has: page.locator(`.title:text-is("${title}")`) }).first();
      const news = header('News');
      await news.waitFor({ state: 'visible', timeout: 20_000 });
      if ((await news.getAttribute('aria-expanded')) !== 'true') await news.click();
      const folders = page.locator('.part.sidebar .pane-header[aria-expanded="true"]').filter({ has: page.locator('.title:text-is("workspace"), .title:text-is("Workspace")') }).first();
      if (await folders.count()) await folders.click();
      const rows = page.locator('.part.sidebar .pane-body .monaco-list-row .label-name');
      const wanted = ['Legend', 'PERSON', 'ORG', 'PLACE', 'NORP', 'quote', 'speaker', 'residue', 'verified'];
      const deadline = Date.now() + 30_000;
      let labels = [];
      let missing = wanted;
      while (missing.length > 0 && Date.now() < deadline) {
        labels = (await rows.allInnerTexts()).map((t) => t.trim());
        missing = wanted.filter((w) => !labels.includes(w));
        if (missing.length > 0) await page.waitForTimeout(250);
      }
      expect(missing.length === 0, `legend rows missing: ${missing.join(', ')}; rows: ${labels.join(' | ').slice(0, 300)}`);
      // Each style's row carries its swatch, coloured by the theme.
      const swatch = page.locator('.part.sidebar .monaco-list-row .codicon-circle-large-filled').first();
      const colour = await swatch.evaluate((el) => getComputedStyle(el).color);
      expect(colour && colour !== 'rgba(0, 0, 0, 0)', `the swatch has no colour: ${colour}`);
    });

    await check(`${tag} saves docs/${theme.picture}`, async () => {
      expect(opened, 'the article did not open');
      await page.mouse.move(5, 5);
      await page.waitForTimeout(1500);
      mkdirSync(DOCS, { recursive: true });
      await page.screenshot({ path: join(DOCS, theme.picture) });
    });

    await check(`${tag} hovering "Kirby" shows John Kirby's profile with his quotes`, async () => {
      expect(opened, 'the article did not open');
      const text = await hoverWord(page, 'Kirby');
      const flat = text.replace(/\s+/g, ' ');
      for (const wanted of ['John Kirby', 'PERSON']) {
        expect(flat.includes(wanted), `hover lacks "${wanted}": ${flat.slice(0, 300)}`);
      }
      expect(/concerned about the trip|deepening relationship|North Korean ballistic missiles/.test(flat),
        `hover quotes none of his words: ${flat.slice(0, 300)}`);
      if (theme.hoverPicture) await page.screenshot({ path: join(DOCS, theme.hoverPicture) });
    });
  }, { settings });
  console.log(`${theme.name}: done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

async function main() {
  const t0 = Date.now();
  ensureSystemPackages({ install: !isHostInstalled(), browser: true });
  for (const theme of THEMES) {
    try {
      await checkTheme(theme);
    } catch (err) {
      results.push({ name: `[${theme.label}] workbench starts and stops`, ok: false });
      console.log(`  FAIL  [${theme.label}] workbench starts and stops: ${String(err?.message ?? err).split('\n')[0]}`);
    }
  }
  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  console.log(`total ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  console.log(`ui: ${passed} passed, ${failed} failed`);
  if (failed > 0 || passed === 0) process.exitCode = 1;
}

main().catch((err) => {
  console.error(describeError(err));
  console.log('ui: 0 passed, 1 failed');
  process.exit(1);
});
