// Every mention of an analysis' entities in text order: what the editor's lookups search and what
// an analysis sent as a change (wireDelta.ts) lists. Worked out once per analysis, or handed over
// already in order by whoever rebuilt the analysis.
import type { Analysis, Mention } from '../types';
import { radixOrder } from '../text/radixOrder';

const inOrder = new WeakMap<Analysis, Mention[]>();

/** Every mention of the analysis' entities, sorted by start (mentions never overlap). Do not change the list. */
export function mentionsInOrder(analysis: Analysis): Mention[] {
  let sorted = inOrder.get(analysis);
  if (!sorted) {
    sorted = byStart(analysis.entities.flatMap((e) => e.mentions));
    inOrder.set(analysis, sorted);
  }
  return sorted;
}

/** Records `sorted` as the mentions of `analysis` in text order (the caller built it so). */
export function setMentionsInOrder(analysis: Analysis, sorted: Mention[]): void {
  inOrder.set(analysis, sorted);
}

/** `mentions` sorted by start, stably (see radixOrder: the list is sorted again after every keystroke). */
function byStart(mentions: readonly Mention[]): Mention[] {
  const n = mentions.length;
  const starts = new Int32Array(n);
  for (let k = 0; k < n; k++) starts[k] = mentions[k]!.start;
  const order = radixOrder(starts);
  const sorted = new Array<Mention>(n);
  for (let k = 0; k < n; k++) sorted[k] = mentions[order[k]!]!;
  return sorted;
}
