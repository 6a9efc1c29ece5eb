// `news-annotator claims FILE [--json]`: the reviewer's annotations on an article and whether each
// one still finds its text (exact, moved, fuzzy) or is orphaned.
import { anchorAll, type AnchorResult, type Annotation } from '../../core/annotations';
import { CliError, EXIT, readArticle } from '../readArticle';
import { readSidecarFile } from '../sidecarFile';
import { terminalJson, terminalLine } from '../../core/present/terminalText';
import type { Style } from '../style';

export interface ClaimJson {
  id: string;
  label: string;
  note: string;
  evidence: string[];
  reviewer: string;
  created: string;
  updated: string;
  exact: string;
  conflict: boolean;
  anchor: { kind: 'exact' | 'moved' | 'fuzzy'; start: number; end: number; text: string } | { kind: 'orphan'; reason: string };
}

export interface ClaimsJson {
  file: string;
  sidecar: string;
  claims: ClaimJson[];
  /** Entries of the sidecar that failed the schema (the others are listed). */
  problems: string[];
  warnings: string[];
}

export function claimsToJson(text: string, annotations: readonly Annotation[], placements: readonly AnchorResult[]): ClaimJson[] {
  return annotations.map((a, i) => {
    const p = placements[i]!;
    return {
      id: a.id,
      label: a.label,
      note: a.note,
      evidence: a.evidence,
      reviewer: a.reviewer,
      created: a.created,
      updated: a.updated,
      exact: a.target.selector.exact,
      conflict: a.conflict === true,
      anchor: p.kind === 'orphan' ? { kind: 'orphan', reason: p.reason } : { kind: p.kind, start: p.start, end: p.end, text: text.slice(p.start, p.end) },
    };
  });
}

/** Returns the exit code: findings (1) when a claim is orphaned or an entry is invalid. */
export function runClaims(file: string, json: boolean, out: (s: string) => void, style: Style): number {
  const text = readArticle(file);
  const sidecar = readSidecarFile(file);
  if (sidecar.parsed.error) throw new CliError(`${sidecar.path}: ${sidecar.parsed.error.message}`, EXIT.input);
  const { annotations, entryProblems, warnings } = sidecar.parsed;
  const claims = claimsToJson(text, annotations, anchorAll(text, annotations));
  const result: ClaimsJson = { file, sidecar: sidecar.path, claims, problems: entryProblems.map((p) => p.message), warnings };
  const needsAttention = claims.some((c) => c.anchor.kind === 'orphan') || entryProblems.length > 0;
  if (json) {
    out(terminalJson(result));
    return needsAttention ? EXIT.findings : EXIT.ok;
  }
  const t = terminalLine;
  const lines = [style.bold(`${t(file)}: ${claims.length} claim${claims.length === 1 ? '' : 's'}`) + (sidecar.exists ? '' : style.dim(` (no ${t(sidecar.path)})`))];
  for (const c of claims) {
    const where = c.anchor.kind === 'orphan' ? `orphan: ${c.anchor.reason}` : `${c.anchor.kind} ${c.anchor.start}-${c.anchor.end}`;
    lines.push(`  ${style.bold(t(c.label))} ${style.quote(`“${t(c.exact)}”`)} ${style.dim(`[${t(where)}] id ${t(c.id)}`)}`);
    if (c.note) lines.push(`    ${t(c.note)}`);
    for (const url of c.evidence) lines.push(`    ${style.dim(t(url))}`);
    if (c.reviewer || c.updated) lines.push(`    ${style.dim(`${t(c.reviewer)} ${t(c.updated)}`.trim())}`);
  }
  for (const p of result.problems) lines.push(style.dim(`  skipped ${t(p)}`));
  for (const w of warnings) lines.push(style.dim(`  note: ${t(w)}`));
  out(lines.join('\n'));
  return needsAttention ? EXIT.findings : EXIT.ok;
}
