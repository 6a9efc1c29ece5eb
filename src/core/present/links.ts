// Evidence URLs in hovers: an http or https address becomes a link, with its text escaped and
// its destination percent-encoded so nothing in it can end the link or open another; any other
// scheme (command:, file:, javascript:…) stays plain escaped text.
import { escapeMarkdown } from './escape';

/** Characters left as they are in a link destination; everything else is percent-encoded. */
const SAFE_IN_DESTINATION = /[A-Za-z0-9\-._~:/?#@!$&+,;=%]/;

export function evidenceMarkdown(value: string): string {
  const href = webAddress(value);
  return href ? `[${escapeMarkdown(value)}](${href})` : escapeMarkdown(value);
}

/** The address as a safe link destination, or undefined when it is not an absolute http(s) URL. */
export function webAddress(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  // URL.href is already normalised (spaces and controls encoded); encode the rest of what
  // Markdown treats specially: brackets, parentheses, quotes, angle brackets, backslashes, `*`, `_`…
  return [...url.href].map((ch) => (SAFE_IN_DESTINATION.test(ch) ? ch : encodeURIComponent(ch).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))).join('');
}

/** A note of several lines as Markdown: each line escaped, line breaks kept as hard breaks. */
export function multilineMarkdown(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => escapeMarkdown(line).trim())
    .join('  \n')
    .replace(/( {2}\n){2,}/g, '\n\n');
}
