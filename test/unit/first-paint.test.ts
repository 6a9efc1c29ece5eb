import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../src/core/analyze';
import { shiftAnalysis } from '../../src/core/firstPaint/shift';
import { PREVIEW_RATIO, TOP_OF_ARTICLE_CHARS, viewportWindow, wholeParagraphs, worthPreviewing } from '../../src/core/firstPaint/viewport';
import type { Span } from '../../src/core/types';

const SEED = readFileSync(join(__dirname, '../../seeds/000_af60520f71ff48c9.txt'), 'utf8');

/** The stretch a first paint analyses for `visible` in `text`, as the editor works it out from offsets. */
function firstPaintStretch(text: string, visible: Span[], margin?: number, top?: number): Span {
  const window = viewportWindow(visible, text.length, margin, top);
  return wholeParagraphs(text.slice(window.start, window.end), window, text.length);
}

describe('first paint: the part of an article painted first', () => {
  it('reads the top of an article no editor shows yet, and what is on screen with a margin otherwise', () => {
    assert.deepEqual(viewportWindow([], 1_000_000), { start: 0, end: TOP_OF_ARTICLE_CHARS });
    assert.deepEqual(viewportWindow([], 500), { start: 0, end: 500 });
    assert.deepEqual(viewportWindow([{ start: 50_000, end: 53_000 }], 1_000_000, 2_000), { start: 48_000, end: 55_000 });
    // Two editors on the same article: one window over both, clamped to the text.
    assert.deepEqual(viewportWindow([{ start: 9_000, end: 9_500 }, { start: 1_000, end: 1_200 }], 10_000, 2_000), { start: 0, end: 10_000 });
  });

  it('previews only an article much longer than the window', () => {
    const window = { start: 0, end: 6_000 };
    assert.equal(worthPreviewing(window, 6_000 * PREVIEW_RATIO), true);
    assert.equal(worthPreviewing(window, 6_000 * PREVIEW_RATIO - 1), false);
    assert.equal(worthPreviewing({ start: 0, end: 0 }, 1_000_000), false);
  });

  it('keeps whole paragraphs: a paragraph cut by the window is left out, except at the article’s edges', () => {
    const text = 'One one.\n\nTwo two two.\n\nThree three.\n\nFour.';
    // A window from the middle of "Two" to the middle of "Four": only "Three three." is whole.
    const three = text.indexOf('Three');
    assert.deepEqual(firstPaintStretch(text, [{ start: three, end: three + 2 }], 13), { start: three, end: three + 'Three three.'.length });
    // At the top of the article the first paragraph is whole; at the end, the last.
    assert.deepEqual(firstPaintStretch(text, [], 0, 14), { start: 0, end: 8 });
    const four = text.indexOf('Four');
    assert.deepEqual(firstPaintStretch(text, [{ start: four, end: text.length }], 3), { start: four, end: text.length });
    // Blank lines with spaces or CRLF count as paragraph breaks.
    const crlf = 'Aaa aaa.\r\n \r\nBbb bbb.\r\n\r\nCcc.';
    const b = crlf.indexOf('Bbb');
    assert.deepEqual(firstPaintStretch(crlf, [{ start: b, end: b + 3 }], 9), { start: b, end: b + 'Bbb bbb.\r'.length });
  });

  it('falls back to whole lines, then to the window, inside one very long paragraph', () => {
    const lines = 'alpha beta\ngamma delta\nepsilon zeta\neta theta';
    const g = lines.indexOf('gamma');
    const stretch = firstPaintStretch(lines, [{ start: g + 2, end: g + 4 }], 8);
    assert.equal(lines.slice(stretch.start, stretch.end), 'gamma delta');
    const one = 'x'.repeat(100);
    assert.deepEqual(firstPaintStretch(one, [{ start: 40, end: 50 }], 5), { start: 35, end: 55 });
  });

  it('places the analysis of the stretch alone at its offsets in the whole article', () => {
    const start = SEED.indexOf('\n\n', 1500) + 2;
    const stretch = firstPaintStretch(SEED, [{ start, end: start + 400 }], 200);
    const alone = analyze(SEED.slice(stretch.start, stretch.end));
    const preview = shiftAnalysis(alone, stretch.start, SEED.length);
    assert.equal(preview.length, SEED.length);
    assert.ok(alone.quotes.length > 0 && alone.entities.length > 0, 'the stretch has quotes and names');
    assert.deepEqual(preview.quotes.map((q) => q.text), alone.quotes.map((q) => q.text));
    for (const q of preview.quotes) {
      assert.equal(SEED.slice(q.start, q.end), q.text);
      if (q.speaker) assert.equal(SEED.slice(q.speaker.start, q.speaker.end), q.speaker.text);
    }
    for (const e of preview.entities) for (const m of e.mentions) assert.equal(SEED.slice(m.start, m.end), m.text);
    for (const s of preview.sentences) assert.ok(s.start >= stretch.start && s.end <= stretch.end);
    // Every paragraph of the stretch starts on a paragraph of the whole article's analysis.
    const whole = new Set(analyze(SEED).structure.paragraphs.map((p) => p.start));
    for (const p of preview.structure.paragraphs) assert.ok(whole.has(p.start), `paragraph at ${p.start}`);
  });
});
