// The stretch of an article the editor previews first: what is on screen, widened to whole
// paragraphs. Apart from region.ts so that the extension host, which only asks for a preview, does
// not bundle the analysis that makes it.
import type { Span } from '../types';

/** How far a stretch is widened, at most, to reach a paragraph break at either end. */
const SNAP_LIMIT = 4000;

/** The stretch start..end widened to whole paragraphs (a blank line or the text's ends). */
export function paragraphStretch(text: string, start: number, end: number): Span {
  start = Math.max(0, Math.min(start, text.length));
  end = Math.max(start, Math.min(end, text.length));
  const before = text.lastIndexOf('\n\n', start);
  const from = before < 0 ? (start <= SNAP_LIMIT ? 0 : start) : start - before <= SNAP_LIMIT ? before + 2 : start;
  const after = text.indexOf('\n\n', end);
  const to = after < 0 ? (text.length - end <= SNAP_LIMIT ? text.length : end) : after - end <= SNAP_LIMIT ? after : end;
  return { start: from, end: to };
}
