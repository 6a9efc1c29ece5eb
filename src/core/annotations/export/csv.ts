// CSV export for spreadsheets: RFC 4180 (CRLF rows, fields quoted when needed, quotes doubled),
// and safe to open in Excel/Sheets: a cell that would start a formula gets a leading apostrophe.

import { Annotation } from '../types';
import type { ClaimantOf } from './claimant';
import type { ArticleRef } from './webAnnotation';

/** `article` and `speaker` come last so tools reading the earlier columns by position keep working. */
export const CSV_COLUMNS = ['id', 'label', 'claim', 'note', 'evidence', 'reviewer', 'created', 'updated', 'start', 'end', 'prefix', 'suffix', 'conflict', 'article', 'speaker'] as const;

/**
 * A cell a spreadsheet would run as a formula (OWASP, "CSV Injection"): one starting with = + - @,
 * tab or CR, also after leading white space (spreadsheets trim it before looking), and the
 * full-width ＝ ＋ － ＠, which some spreadsheets read as their ASCII forms.
 */
const FORMULA_START = /^(?:[\t\r]|\s*[=+\-@\uff1d\uff0b\uff0d\uff20])/;

/** Neutralises spreadsheet formulas by a leading apostrophe, which spreadsheets show as text. */
export function csvSafe(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** One RFC 4180 field. */
export function csvField(value: string): string {
  const safe = csvSafe(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * Header plus one row per annotation; evidence URLs are joined by a space. Ends with CRLF.
 * `article` is the article's path as the caller names it (else its file name); `speaker` is who made
 * the claim, when it falls in an attributed quote.
 */
export function toCsv(annotations: readonly Annotation[], ref?: ArticleRef, claimantOf?: ClaimantOf): string {
  const article = ref ? ref.path ?? ref.article : '';
  const rows = [CSV_COLUMNS.join(',')];
  for (const a of annotations) {
    const cells = [
      a.id,
      a.label,
      a.target.selector.exact,
      a.note,
      a.evidence.join(' '),
      a.reviewer,
      a.created,
      a.updated,
      String(a.target.position.start),
      String(a.target.position.end),
      a.target.selector.prefix,
      a.target.selector.suffix,
      a.conflict ? 'true' : '',
      article,
      claimantOf?.(a.id)?.name ?? '',
    ];
    rows.push(cells.map(csvField).join(','));
  }
  return rows.join('\r\n') + '\r\n';
}
