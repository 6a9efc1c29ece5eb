// A pair of Compare Sources as text for the fronts: the word diff in plain form (the terminal, tree
// tooltips) and as Markdown for editor hovers, with article text escaped so it renders literally.
import type { SharedStatement } from '../corpus/compare';
import type { DiffRun } from '../corpus/wordDiff';
import { escapeMarkdown } from './escape';
import { foldSpaces } from './terminalText';

/** The word diff in the plain form of `git diff --word-diff`: [-only in A-] {+only in B+}. */
export function diffPlain(runs: readonly DiffRun[]): string {
  let out = '';
  for (const r of runs) {
    const piece = r.op === 'equal' ? r.text : r.op === 'delete' ? `[-${r.text}-]` : `{+${r.text}+}`;
    // No space before a run that starts with closing punctuation.
    out += out && !/^[,.;:!?”’)\]]/.test(r.text) ? ' ' + piece : piece;
  }
  return foldSpaces(out);
}

/** The word diff as Markdown: only-in-A struck through, only-in-B in bold; article text escaped. */
export function diffMarkdown(runs: readonly DiffRun[]): string {
  return runs
    .map((r) => {
      const text = escapeMarkdown(r.text);
      return r.op === 'equal' ? text : r.op === 'delete' ? `~~${text}~~` : `**${text}**`;
    })
    .join(' ');
}

/** What the hover of a pair shows: a whole SharedStatement, or a pair's details worked out in the editor. */
export type HoverPair = Pick<SharedStatement, 'score' | 'diff' | 'conflict'> & { reason: { text: string } };

/** Hover text for one side of a pair: the score, why it was paired, the conflict if any, and the diff. */
export function pairHoverMarkdown(pair: HoverPair, otherLabel: string): string {
  const lines = [`**Also in ${escapeMarkdown(otherLabel)}** (score ${pair.score})`, '', escapeMarkdown(pair.reason.text)];
  if (pair.conflict) {
    lines.push('', `Differs (${pair.conflict.kind}): A says ${escapeMarkdown(pair.conflict.aText)}, B says ${escapeMarkdown(pair.conflict.bText)}`);
  }
  lines.push('', `Wording, A to B (~~only in A~~, **only in B**): ${diffMarkdown(pair.diff)}`);
  return lines.join('\n');
}
