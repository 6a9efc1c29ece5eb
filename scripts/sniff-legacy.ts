// The content sniffer as it was before the learned classifier (a fixed rule over hand-written
// signals), kept verbatim so scripts/eval-sniff.ts can print its figures beside the new ones.
// Not shipped.

/** How much of a file the sniffer reads. */
const SNIFF_BYTES = 4096;

const ATTRIBUTION = /[”"’]\s*,?\s*(?:[A-Z][\p{L}.'’-]*\s+){0,4}(?:said|says|told|added|wrote|according)\b|\b(?:said|says|told|added)\s*(?:,|:)?\s*[“"]/u;
const DATELINE = /^(?:(?:Published|Updated|Posted|Last updated)\b|[A-Z][A-Z .'’-]{2,30}(?:,\s*[A-Z][\p{L}. ]{1,30})?\s*(?:\([^)]{1,30}\)\s*)?[-–—]{1,2}\s)/mu;
const BYLINE = /^(?:By|BY)\s+[A-Z][\p{L}.'’-]+\s+[A-Z]/mu;
const NEWS_WORDS = /\b(?:said|told reporters|according to|officials?|spokes(?:man|woman|person)|minister|president|government|police|reported)\b/giu;

interface SniffResult {
  isArticle: boolean;
  /** The evidence that counted, for logs and tests. */
  signals: string[];
}

export function legacySniffNewsArticle(text: string): SniffResult {
  const head = text.slice(0, SNIFF_BYTES).replace(/^\uFEFF/, '');
  if (head.includes('\u0000')) return { isArticle: false, signals: ['binary'] };
  const signals: string[] = [];
  const lines = head.split(/\r?\n/);
  const firstLine = lines.find((l) => l.trim().length > 0)?.trim() ?? '';
  const paragraphs = head.split(/\r?\n[ \t]*\r?\n/).filter((p) => p.trim().length > 80);

  if (firstLine.length >= 15 && firstLine.length <= 200 && !/[.:;,]$/.test(firstLine) && /^[\p{Lu}‘“"]/u.test(firstLine)) {
    signals.push('headline');
  }
  if (ATTRIBUTION.test(head)) signals.push('attributed-quote');
  if (DATELINE.test(head)) signals.push('dateline');
  if (BYLINE.test(head)) signals.push('byline');
  if ((head.match(NEWS_WORDS) ?? []).length >= 3) signals.push('news-vocabulary');
  if (paragraphs.length >= 2) signals.push('prose-paragraphs');

  // Prose paragraphs plus at least two news-specific signals: a README, a log or a list of
  // notes rarely has attributed quotes, datelines and reporting vocabulary at once.
  const specific = signals.filter((s) => s !== 'prose-paragraphs' && s !== 'headline').length;
  const isArticle = signals.includes('prose-paragraphs') && (specific >= 2 || (specific >= 1 && signals.includes('headline')));
  return { isArticle, signals };
}
