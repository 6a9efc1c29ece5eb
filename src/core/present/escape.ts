// Escaping of article text before it is placed in Markdown shown by the editor (hovers, views).
// Article text is untrusted input: a scraped page may contain `[x](command:…)` links or HTML.

/** Characters that carry meaning in CommonMark/GFM (and `&`, `<`, `>` for HTML entities and tags). */
const MARKDOWN_SPECIAL = /[\\`*_{}[\]()#+\-.!|~<>&:"']/g;

/**
 * Escapes text so that Markdown renders it literally: every punctuation character that could start
 * a link, emphasis, code span, HTML tag or entity is backslash-escaped, and line breaks collapse
 * into spaces so one piece of article text cannot open a new block (a heading, a list, a fence).
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/\s+/g, ' ').replace(MARKDOWN_SPECIAL, (ch) => `\\${ch}`);
}

/** Shortens text to at most `max` characters at a word boundary, marking the cut with an ellipsis. */
export function truncate(text: string, max: number): string {
  // Only the start shows: flatten a prefix long enough to fill `max` rather than a whole paragraph
  // (the outline names thousands of paragraphs of a long article). A prefix whose flattened form is
  // longer than `max` starts exactly as the whole text's does.
  for (let n = max * 2; n < text.length; n *= 4) {
    const flat = text.slice(0, n).replace(/\s+/g, ' ').trimStart();
    if (flat.length > max) return cut(flat, max);
  }
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : cut(flat, max);
}

function cut(flat: string, max: number): string {
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}
