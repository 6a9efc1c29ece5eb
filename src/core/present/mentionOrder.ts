// Every mention of an analysis' entities in text order: what the editor's lookups search and what
// an analysis sent as a change (wireDelta.ts) lists. Worked out once per analysis, or handed over
// already in order by whoever rebuilt the analysis.
import type { Analysis, Mention } from '../types';

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

/**
 * `mentions` sorted by start, stably: a radix sort, 11 bits of the start a pass. Linear in the
 * mentions, with no comparator call per pair: the list is sorted again after every keystroke, and
 * a long article has tens of thousands. `mentions` (a list of the caller's own) is written over.
 */
function byStart(mentions: Mention[]): Mention[] {
  const n = mentions.length;
  let max = 0;
  for (const m of mentions) if (m.start > max) max = m.start;
  let order = mentions;
  let spare = new Array<Mention>(n);
  const count = new Int32Array(2048);
  for (let shift = 0; shift === 0 || max >> shift > 0; shift += 11) {
    count.fill(0);
    for (let k = 0; k < n; k++) count[(order[k]!.start >> shift) & 2047]!++;
    let sum = 0;
    for (let d = 0; d < 2048; d++) {
      const c = count[d]!;
      count[d] = sum;
      sum += c;
    }
    for (let k = 0; k < n; k++) {
      const m = order[k]!;
      spare[count[(m.start >> shift) & 2047]!++] = m;
    }
    const t = order;
    order = spare;
    spare = t;
  }
  return order;
}
