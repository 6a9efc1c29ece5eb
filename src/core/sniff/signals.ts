// The hand-written evidence that a text reads like a news article: a headline, datelines, bylines,
// attributed quotes, reporting vocabulary and prose paragraphs. These were once the whole
// sniffer (a fixed rule over them); now they are features the learned classifier weighs beside
// word and shape features, and the names it reports as its evidence.

/** How much of a file the sniffer reads (UTF-16 code units, about 4 KB of text). */
export const SNIFF_BYTES = 4096;

const ATTRIBUTION = /[”"’]\s*,?\s*(?:[A-Z][\p{L}.'’-]*\s+){0,4}(?:said|says|told|added|wrote|according)\b|\b(?:said|says|told|added)\s*(?:,|:)?\s*[“"]/u;
const DATELINE = /^(?:(?:Published|Updated|Posted|Last updated)\b|[A-Z][A-Z .'’-]{2,30}(?:,\s*[A-Z][\p{L}. ]{1,30})?\s*(?:\([^)]{1,30}\)\s*)?[-–—]{1,2}\s)/mu;
const BYLINE = /^(?:By|BY)\s+[A-Z][\p{L}.'’-]+\s+[A-Z]/mu;
const NEWS_WORDS = /\b(?:said|told reporters|according to|officials?|spokes(?:man|woman|person)|minister|president|government|police|reported)\b/gi;

export type Signal = 'headline' | 'attributed-quote' | 'dateline' | 'byline' | 'news-vocabulary' | 'prose-paragraphs';

/**
 * The part of a text the sniffer looks at: the first SNIFF_BYTES code units, without a BOM, with
 * CRLF and CR line ends read as LF so a file saved on Windows gets the same features.
 */
export function sniffHead(text: string): string {
  return text.slice(0, SNIFF_BYTES).replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

export function hasBinaryContent(head: string): boolean {
  return head.includes('\u0000');
}

/** Paragraphs (blank-line separated) longer than a line of notes. */
export function proseParagraphCount(head: string): number {
  return head.split(/\r?\n[ \t]*\r?\n/).filter((p) => p.trim().length > 80).length;
}

export function newsSignals(head: string): Signal[] {
  const signals: Signal[] = [];
  const firstLine = firstNonBlankLine(head);
  if (firstLine.length >= 15 && firstLine.length <= 200 && !/[.:;,]$/.test(firstLine) && /^[\p{Lu}‘“"]/u.test(firstLine)) {
    signals.push('headline');
  }
  if (ATTRIBUTION.test(head)) signals.push('attributed-quote');
  if (DATELINE.test(head)) signals.push('dateline');
  if (BYLINE.test(head)) signals.push('byline');
  if ((head.match(NEWS_WORDS) ?? []).length >= 3) signals.push('news-vocabulary');
  if (proseParagraphCount(head) >= 2) signals.push('prose-paragraphs');
  return signals;
}

export function firstNonBlankLine(head: string): string {
  const match = /^[ \t]*(\S[^\r\n]*)/m.exec(head);
  return match ? match[1]!.trim() : '';
}
