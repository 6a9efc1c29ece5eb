// Every mention of an analysis' entities in text order: what the editor's lookups search and what
// an analysis sent as a change (wireDelta.ts) lists. Worked out once per analysis, or handed over
// already in order by whoever rebuilt the analysis.
import type { Analysis, Mention } from '../types';

const inOrder = new WeakMap<Analysis, Mention[]>();

/** Every mention of the analysis' entities, sorted by start (mentions never overlap). Do not change the list. */
export function mentionsInOrder(analysis: Analysis): Mention[] {
  let sorted = inOrder.get(analysis);
  if (!sorted) {
    sorted = analysis.entities.flatMap((e) => e.mentions).sort((a, b) => a.start - b.start);
    inOrder.set(analysis, sorted);
  }
  return sorted;
}

/** Records `sorted` as the mentions of `analysis` in text order (the caller built it so). */
export function setMentionsInOrder(analysis: Analysis, sorted: Mention[]): void {
  inOrder.set(analysis, sorted);
}
