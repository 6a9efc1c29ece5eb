// Sources of several articles as one table: the rows the CLI's --csv, the sources webview and its
// CSV and Markdown exports share, and the totals its chart draws.
import { csvField } from '../annotations/export/csv';
import { escapeMarkdown } from '../present/escape';
import type { ArticleSources, Source, SourceKind } from './types';

export interface SourceRow {
  /** The article as the caller names it (a path or a file name). */
  article: string;
  source: string;
  entity: string;
  named: boolean;
  kind: SourceKind;
  affiliation: string;
  role: string;
  quotes: number;
  quotedWords: number;
  /** Share of the article's quoted words, in percent, one decimal. */
  share: number;
  paraphrases: number;
  /** Every way the article writes the source, pronouns as written, joined by " | ". */
  forms: string;
}

export const SOURCE_COLUMNS = ['article', 'source', 'entity', 'named', 'kind', 'affiliation', 'role', 'quotes', 'quoted_words', 'share_percent', 'paraphrases', 'forms'] as const;

export function sourceRows(article: string, r: ArticleSources): SourceRow[] {
  return r.sources.map((s) => sourceRow(article, s));
}

export function sourceRow(article: string, s: Source): SourceRow {
  return {
    article,
    source: s.name,
    entity: s.entityName ?? '',
    named: s.named,
    kind: s.kind,
    affiliation: s.affiliation ?? '',
    role: s.role ?? '',
    quotes: s.quotes,
    quotedWords: s.quotedWords,
    share: Math.round(s.share * 1000) / 10,
    paraphrases: s.paraphrases,
    forms: s.forms.join(' | '),
  };
}

function cells(r: SourceRow): string[] {
  return [r.article, r.source, r.entity, r.named ? 'yes' : 'no', r.kind, r.affiliation, r.role, String(r.quotes), String(r.quotedWords), r.share.toFixed(1), String(r.paraphrases), r.forms];
}

/** RFC 4180 with CRLF rows; cells a spreadsheet would run as a formula get a leading apostrophe. */
export function sourcesCsv(rows: readonly SourceRow[]): string {
  const lines = [SOURCE_COLUMNS.join(',')];
  for (const r of rows) lines.push(cells(r).map(csvField).join(','));
  return lines.join('\r\n') + '\r\n';
}

/** A GFM table; every cell from an article is escaped so it renders as the text it is. */
export function sourcesMarkdown(rows: readonly SourceRow[]): string {
  const head = ['Article', 'Source', 'Entity', 'Named', 'Kind', 'Affiliation', 'Role', 'Quotes', 'Quoted words', 'Share %', 'Paraphrases', 'Written as'];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map((_, i) => (i >= 7 && i <= 10 ? ' ---: ' : ' --- ')).join('|')}|`];
  for (const r of rows) lines.push(`| ${cells(r).map((c) => escapeMarkdown(c)).join(' | ')} |`);
  const t = sourceTotals(rows);
  lines.push('', `Named sources: ${t.named} · anonymous: ${t.anonymous} · quoted words from named sources: ${t.namedWords} of ${t.namedWords + t.anonymousWords}`);
  return lines.join('\n') + '\n';
}

export interface SourceTotals {
  named: number;
  anonymous: number;
  namedWords: number;
  anonymousWords: number;
  byKind: Record<SourceKind, number>;
}

/** Named versus anonymous sources and their quoted words, and the number of sources of each kind. */
export function sourceTotals(rows: readonly SourceRow[]): SourceTotals {
  const t: SourceTotals = { named: 0, anonymous: 0, namedWords: 0, anonymousWords: 0, byKind: { person: 0, organisation: 0, 'actor-place': 0, anonymous: 0 } };
  for (const r of rows) {
    if (r.named) {
      t.named++;
      t.namedWords += r.quotedWords;
    } else {
      t.anonymous++;
      t.anonymousWords += r.quotedWords;
    }
    t.byKind[r.kind]++;
  }
  return t;
}
