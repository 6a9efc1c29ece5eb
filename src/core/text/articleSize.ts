// The editor's size limit for articles: above it the editor neither analyses nor decorates the
// article (the CLI has no such limit), and says so once. The decision is here, pure, so it can be
// tested without an editor; the editor only feeds it the text and shows the notice.

/** The limit when the setting is missing or unusable, in megabytes (MiB) of UTF-8. */
export const DEFAULT_MAX_ARTICLE_SIZE_MB = 10;

const BYTES_PER_MB = 1024 * 1024;

/** The limit in bytes for a `newsAnnotator.maxArticleSizeMB` value; 0 turns the limit off (Infinity). */
export function maxArticleBytes(settingMB: unknown): number {
  if (typeof settingMB !== 'number' || !Number.isFinite(settingMB) || settingMB < 0) return DEFAULT_MAX_ARTICLE_SIZE_MB * BYTES_PER_MB;
  return settingMB === 0 ? Infinity : Math.floor(settingMB * BYTES_PER_MB);
}

/**
 * Whether `text` takes more than `maxBytes` bytes in UTF-8. Cheap for most texts: each character
 * takes 1 to 3 bytes (a surrogate pair 4 for 2), so only a text within that band is counted.
 */
export function exceedsBytes(text: string, maxBytes: number): boolean {
  if (text.length > maxBytes) return true;
  if (text.length * 3 <= maxBytes) return false;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c < 0xe000 ? 2 : 3; // each half of a surrogate pair: 2 of its 4
    if (bytes > maxBytes) return true;
  }
  return false;
}

export interface SizeDecision {
  /** Whether the editor analyses (and decorates) the document. */
  analyse: boolean;
  /** A notice to show now: set once when a document goes over the limit, until it is back under. */
  notice?: string;
}

/**
 * Decides per document whether the editor analyses it, remembering which documents were already
 * told, so a document over the limit gets one notice however many times it is edited, and another
 * only after it was under the limit again.
 */
export class ArticleSizeGate {
  private readonly told = new Set<string>();

  decide(key: string, name: string, text: string, maxBytes: number): SizeDecision {
    if (!exceedsBytes(text, maxBytes)) {
      this.told.delete(key);
      return { analyse: true };
    }
    if (this.told.has(key)) return { analyse: false };
    this.told.add(key);
    const limit = maxBytes / BYTES_PER_MB;
    return {
      analyse: false,
      notice: `News Annotator: ${name} is larger than ${Number.isInteger(limit) ? limit : limit.toFixed(1)} MB, so it is not analysed or highlighted in the editor. ` +
        'The command line (news-annotator analyze) still works on it; the limit is the setting newsAnnotator.maxArticleSizeMB.',
    };
  }

  /** Forgets a document (closed): it is told again if it is opened over the limit. */
  forget(key: string): void {
    this.told.delete(key);
  }
}
