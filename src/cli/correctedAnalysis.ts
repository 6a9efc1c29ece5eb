// The analysis of an article as the CLI reports it: the model's, with the reviewer's entity
// corrections from the article's sidecar applied (they win over the model on that article).
import { analyze } from '../core/analyze';
import { applyEntityCorrections } from '../core/entities/corrections';
import { escapeControls } from '../core/present/terminalText';
import type { Analysis } from '../core/types';
import { readSidecarFile } from './sidecarFile';

/**
 * `analyze(text)` with the corrections of `file`'s sidecar. A sidecar that cannot be read is
 * reported through `warn` and the model's analysis is used; the sidecar is never written.
 */
export function correctedAnalysis(file: string, text: string, warn: (message: string) => void = (m) => process.stderr.write(`news-annotator: ${escapeControls(m)}\n`)): Analysis {
  const analysis = analyze(text);
  let sidecar: ReturnType<typeof readSidecarFile>;
  try {
    sidecar = readSidecarFile(file);
  } catch (err) {
    warn(`${err instanceof Error ? err.message : String(err)}; the analysis is shown without the reviewer's corrections`);
    return analysis;
  }
  if (sidecar.parsed.error) {
    warn(`${sidecar.path}: ${sidecar.parsed.error.message}; the analysis is shown without the reviewer's corrections`);
    return analysis;
  }
  for (const p of sidecar.parsed.correctionProblems) warn(`${sidecar.path}: ${p.message} (skipped)`);
  return applyEntityCorrections(analysis, sidecar.parsed.corrections.entities);
}
