// `news-annotator export FILE --format w3c|claimreview|csv [--out PATH [--force]] [--url URL]`: the
// sidecar's annotations in an exchange format, with positions refreshed against the current
// article text, and who made each claim (the speaker of the quote it falls in) from the analysis.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { applyEntityCorrections } from '../../core/entities/corrections';
import { analyze } from '../../core/analyze';
import { anchorAll, fileNameOf } from '../../core/annotations';
import { claimantsOf } from '../../core/annotations/export/claimant';
import { EXPORT_FORMATS, exportAnnotations, isExportFormat } from '../../core/annotations/export/format';
import { refreshedTargets } from '../../core/annotations/refresh';
import type { Span } from '../../core/types';
import { assertExportTarget } from '../exportTarget';
import { CliError, EXIT, readArticle } from '../readArticle';
import { readSidecarFile, writeFileAtomic } from '../sidecarFile';

export interface ExportOptions {
  /** Where to write; the caller prints the text when absent. */
  out?: string;
  /** Replace an existing `out` (never the article or its sidecar). */
  force?: boolean;
  /** Public URL of the article, for ClaimReview and W3C (else the file is named). */
  url?: string;
}

/** Returns the exported text; writes it to `options.out` when given. */
export function runExport(file: string, format: string, options: ExportOptions = {}): string {
  if (!isExportFormat(format)) throw new CliError(`export: --format must be one of ${EXPORT_FORMATS.join(', ')}`, EXIT.usage);
  if (options.url !== undefined && !/^https?:\/\/[^\s\p{Cc}]+$/iu.test(options.url)) {
    throw new CliError(`export: --url "${options.url}" is not an http(s) URL`, EXIT.usage);
  }
  // Checked before anything is read, so a refusal costs nothing and writes nothing.
  if (options.out !== undefined) assertExportTarget(options.out, file, options.force === true);
  const text = readArticle(file);
  const sidecar = readSidecarFile(file);
  if (sidecar.parsed.error) throw new CliError(`${sidecar.path}: ${sidecar.parsed.error.message}`, EXIT.input);
  const { annotations } = sidecar.parsed;
  const placements = anchorAll(text, annotations);
  const refreshed = new Map(refreshedTargets(text, annotations, placements).map((a) => [a.id, a]));
  const current = annotations.map((a) => refreshed.get(a.id) ?? a);
  const spans = new Map<string, Span>();
  placements.forEach((p, i) => {
    if (p.kind !== 'orphan') spans.set(annotations[i]!.id, { start: p.start, end: p.end });
  });
  // The analysis is only needed to name speakers; an export of no placed claims skips it.
  // Speakers are named with the reviewer's entity corrections applied.
  const claimantOf = claimantsOf(spans, spans.size > 0 ? applyEntityCorrections(analyze(text), sidecar.parsed.corrections.entities) : { quotes: [], entities: [] });
  const ref = {
    article: fileNameOf(file),
    path: file,
    fileUri: pathToFileURL(resolve(file)).href,
    ...(options.url === undefined ? {} : { url: options.url }),
  };
  const output = exportAnnotations(format, current, ref, { claimantOf });
  if (options.out !== undefined) writeFileAtomic(options.out, output);
  return output;
}
