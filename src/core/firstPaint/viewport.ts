// Which part of an article the editor analyses and paints first, before the whole article: what is
// on screen with a margin, in whole paragraphs. Chosen from offsets alone, so the editor reads only
// that part of the document's text (not the whole, which on a long article costs milliseconds per
// copy) and sends only that part to the analysis worker. Pure; no editor types.
import type { Span } from '../types';

/** A margin of this many characters is painted above and below what is on screen, for a short scroll. */
export const VIEWPORT_MARGIN_CHARS = 2_000;

/**
 * What is read when no editor shows the article yet (an editor opens at its top): about a screen
 * and a half of news text. Small on purpose: the first paint on a worker that has just started
 * pays for compiling the analysis as it runs, and that cost grows with the text.
 */
export const TOP_OF_ARTICLE_CHARS = 6_000;

/**
 * An article is previewed only when it is at least this many times longer than the window: below
 * that, analysing the whole takes little longer than the preview would, and one pass is cheaper.
 */
export const PREVIEW_RATIO = 4;

/**
 * The offsets to read first for an article of `length` characters: the union of the `visible`
 * spans widened by `margin` on each side, or its top when nothing is visible; clamped to the text.
 */
export function viewportWindow(visible: readonly Span[], length: number, margin = VIEWPORT_MARGIN_CHARS, top = TOP_OF_ARTICLE_CHARS): Span {
  if (visible.length === 0) return { start: 0, end: Math.min(length, top) };
  let start = Infinity;
  let end = -Infinity;
  for (const span of visible) {
    start = Math.min(start, span.start);
    end = Math.max(end, span.end);
  }
  return { start: Math.max(0, Math.min(length, start - margin)), end: Math.max(0, Math.min(length, end + margin)) };
}

/** Whether an article of `length` characters is worth a preview of `window` before its whole analysis. */
export function worthPreviewing(window: Span, length: number): boolean {
  return window.end > window.start && length >= PREVIEW_RATIO * (window.end - window.start);
}

const BLANK_LINE = /\n[ \t\r]*\n/g;

/**
 * The whole paragraphs inside `slice`, the text of `window` in an article of `length` characters:
 * a paragraph cut by the window's start or end is left out (analysed alone, its first half would
 * lose its speaker and its second half its quote's opening), unless the window reaches the
 * article's edge there. A window holding no paragraph break falls back to its whole lines, and a
 * window of one line to itself: a preview of part of a very long paragraph is better than none.
 */
export function wholeParagraphs(slice: string, window: Span, length: number): Span {
  let start = window.start;
  let end = window.end;
  const breaks = [...slice.matchAll(BLANK_LINE)];
  if (breaks.length > 0) {
    if (window.start > 0) start = window.start + breaks[0]!.index + breaks[0]![0].length;
    if (window.end < length) end = window.start + breaks[breaks.length - 1]!.index;
  }
  if (start >= end || breaks.length === 0) {
    // No whole paragraph: whole lines instead.
    start = window.start;
    end = window.end;
    const firstBreak = slice.indexOf('\n');
    const lastBreak = slice.lastIndexOf('\n');
    if (firstBreak >= 0 && lastBreak > firstBreak) {
      if (window.start > 0) start = window.start + firstBreak + 1;
      if (window.end < length) end = window.start + lastBreak;
    }
  }
  return { start, end };
}
