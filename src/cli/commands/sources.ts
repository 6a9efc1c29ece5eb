// `news-annotator sources FILE... [--json|--csv]`: who gets a voice in each article.
import { analyze } from '../../core/analyze';
import { collectSources, type ArticleSources } from '../../core/sources';
import { sourceRows, sourcesCsv } from '../../core/sources/table';
import { terminalJson, terminalLine, escapeControls } from '../../core/present/terminalText';
import { readArticle } from '../readArticle';
import type { Style } from '../style';

export type SourcesFormat = 'text' | 'json' | 'csv';

export interface SourcesJson extends ArticleSources {
  file: string;
}

export function runSources(files: string[], format: SourcesFormat, out: (s: string) => void, style: Style, tty: boolean): void {
  const results: SourcesJson[] = files.map((file) => {
    const text = readArticle(file);
    return { file, ...collectSources(text, analyze(text)) };
  });
  if (format === 'json') {
    out(terminalJson(results.length === 1 ? results[0] : results));
    return;
  }
  if (format === 'csv') {
    const csv = sourcesCsv(results.flatMap((r) => sourceRows(r.file, r)));
    // CSV has no escapes of its own: control characters are shown escaped on a terminal only, so a
    // redirect to a file keeps the exact text.
    out(tty ? escapeControls(csv) : csv);
    return;
  }
  for (const r of results) out(renderReadable(r, style));
}

const KIND_LABEL = { person: 'person', organisation: 'organisation', 'actor-place': 'place/government', anonymous: 'anonymous' } as const;

function renderReadable(r: SourcesJson, style: Style): string {
  const t = terminalLine;
  const lines = [style.bold(t(r.file)), ''];
  const named = r.sources.filter((s) => s.named).length;
  lines.push(style.bold(`Sources (${r.sources.length}: ${named} named, ${r.sources.length - named} unnamed)`));
  for (const s of r.sources) {
    const who = s.named ? style.speaker(t(s.name)) : `${style.dim('unnamed:')} ${style.speaker(t(s.name))}`;
    const entity = s.entityName && s.entityName !== s.name ? style.dim(` = ${t(s.entityName)}`) : '';
    const about = [KIND_LABEL[s.kind], s.role ? t(s.role) : '', s.affiliation && !(s.role ?? '').includes(s.affiliation) ? t(s.affiliation) : ''].filter(Boolean).join(', ');
    const counts = `${s.quotes} quote${s.quotes === 1 ? '' : 's'}, ${s.quotedWords} word${s.quotedWords === 1 ? '' : 's'} (${(100 * s.share).toFixed(0)}%), ${s.paraphrases} paraphrase${s.paraphrases === 1 ? '' : 's'}`;
    lines.push(`  ${who}${entity}  ${style.dim(about)}`);
    lines.push(`    ${counts}${s.forms.length > 1 ? style.dim(`  written as ${s.forms.map((f) => `“${t(f)}”`).join(', ')}`) : ''}`);
  }
  lines.push('', style.dim(`${r.totalQuotedWords} quoted words in all, ${r.unattributedQuotes} quote${r.unattributedQuotes === 1 ? '' : 's'} credited to nobody`), '');
  return lines.join('\n');
}
