// `news-annotator compare A B [--json]`: the statements two articles share, each pair with why it was
// made and a word diff (and where the shared ones disagree on a number, date, name or quote), and
// what each reports alone.
import { analyzeWithoutClaims } from '../../core/analyze';
import { compareArticles, MATCH_THRESHOLD, type Comparison } from '../../core/corpus/compare';
import { diffPlain } from '../../core/present/compareText';
import { EXIT, readArticle } from '../readArticle';
import { terminalJson, terminalLine } from '../../core/present/terminalText';
import type { Style } from '../style';
import { tuneJitForShortRun } from '../jitTuning';

export interface CompareJson extends Comparison {
  a: string;
  b: string;
  threshold: number;
  conflicts: number;
}

export function compareFiles(fileA: string, fileB: string): CompareJson {
  // Before the engine first runs: it is compiled under these flags (the results do not change).
  tuneJitForShortRun();
  const textA = readArticle(fileA);
  const textB = readArticle(fileB);
  // Claim candidates play no part in a comparison: the analysis leaves them out.
  const comparison = compareArticles({ text: textA, analysis: analyzeWithoutClaims(textA) }, { text: textB, analysis: analyzeWithoutClaims(textB) });
  return { a: fileA, b: fileB, threshold: MATCH_THRESHOLD, conflicts: comparison.shared.filter((s) => s.conflict).length, ...comparison };
}

/** Exit 1 when the articles disagree somewhere: a reviewer should look. */
export function runCompare(fileA: string, fileB: string, json: boolean, out: (s: string) => void, style: Style): number {
  const r = compareFiles(fileA, fileB);
  out(json ? terminalJson(r) : renderReadable(r, style));
  return r.conflicts > 0 ? EXIT.findings : EXIT.ok;
}

function renderReadable(r: CompareJson, style: Style): string {
  const t = terminalLine;
  const lines: string[] = [];
  lines.push(`${style.bold('A')} ${t(r.a)}`, `${style.bold('B')} ${t(r.b)}`, '');
  const conflicting = r.shared.filter((s) => s.conflict);
  if (conflicting.length) {
    lines.push(style.bold(`In conflict (${conflicting.length})`));
    for (const s of conflicting) {
      const c = s.conflict!;
      lines.push(`  ${style.quote(c.kind)}: A says ${style.bold(t(c.aText))}, B says ${style.bold(t(c.bText))}`);
      lines.push(`    A: ${t(s.a.text)}`, `    B: ${t(s.b.text)}`);
    }
    lines.push('');
  }
  lines.push(style.bold(`Reported by both (${r.shared.length} pairs, each sentence in one pair at most, score >= ${r.threshold})`));
  for (const s of r.shared) {
    lines.push(
      `  ${style.dim(s.score.toFixed(2))} A: ${t(s.a.text)}`,
      `       B: ${t(s.b.text)}`,
      `       ${style.dim('why:')} ${t(s.reason.text)}`,
      `       ${style.dim('diff:')} ${t(diffPlain(s.diff))}`,
    );
  }
  lines.push('', style.bold(`Only in A (${r.onlyA.length})`));
  for (const s of r.onlyA) lines.push(`  ${t(s.text)}`);
  lines.push('', style.bold(`Only in B (${r.onlyB.length})`));
  for (const s of r.onlyB) lines.push(`  ${t(s.text)}`);
  lines.push('');
  return lines.join('\n');
}
