// `news-annotator export FILE --format w3c|claimreview|csv [--out PATH]`: the sidecar's
// annotations in an exchange format, with positions refreshed against the current article text.
import { anchorAll, fileNameOf } from '../../core/annotations';
import { EXPORT_FORMATS, exportAnnotations, isExportFormat } from '../../core/annotations/export/format';
import { refreshedTargets } from '../../core/annotations/refresh';
import { CliError, EXIT, readArticle } from '../readArticle';
import { readSidecarFile, writeFileAtomic } from '../sidecarFile';

/** Returns the exported text; writes it to `outPath` when given (else the caller prints it). */
export function runExport(file: string, format: string, outPath?: string): string {
  if (!isExportFormat(format)) throw new CliError(`export: --format must be one of ${EXPORT_FORMATS.join(', ')}`, EXIT.usage);
  const text = readArticle(file);
  const sidecar = readSidecarFile(file);
  if (sidecar.parsed.error) throw new CliError(`${sidecar.path}: ${sidecar.parsed.error.message}`, EXIT.input);
  const { annotations } = sidecar.parsed;
  const refreshed = new Map(refreshedTargets(text, annotations, anchorAll(text, annotations)).map((a) => [a.id, a]));
  const current = annotations.map((a) => refreshed.get(a.id) ?? a);
  const output = exportAnnotations(format, current, { article: fileNameOf(file) });
  if (outPath !== undefined) writeFileAtomic(outPath, output);
  return output;
}
