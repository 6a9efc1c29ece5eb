// CSV export for spreadsheets: RFC 4180 (CRLF rows, fields quoted when needed, quotes doubled),
// and safe to open in Excel/Sheets: a cell that would start a formula gets a leading apostrophe.

import { Annotation } from '../types';

export const CSV_COLUMNS = ['id', 'label', 'claim', 'note', 'evidence', 'reviewer', 'created', 'updated', 'start', 'end', 'prefix', 'suffix', 'conflict'] as const;

/** Neutralises spreadsheet formulas: = + - @ (and tab / CR, which some apps strip first). */
export function csvSafe(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** One RFC 4180 field. */
export function csvField(value: string): string {
  const safe = csvSafe(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Header plus one row per annotation; evidence URLs are joined by a space. Ends with CRLF. */
export function toCsv(annotations: readonly Annotation[]): string {
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
    ];
    rows.push(cells.map(csvField).join(','));
  }
  return rows.join('\r\n') + '\r\n';
}
