// Bringing stored targets up to date before a write: claims found (exact or moved) get their
// position and context refreshed; fuzzy matches only their position (the stored quote stays the
// reviewer's text until they re-attach on purpose); orphans stay exactly as they were.

import type { AnchorResult } from './anchor';
import { reattach } from './make';
import type { Annotation } from './types';

/** The annotations whose stored target differs from where `placements[i]` found them in `text`. */
export function refreshedTargets(text: string, annotations: readonly Annotation[], placements: readonly AnchorResult[]): Annotation[] {
  const changed: Annotation[] = [];
  annotations.forEach((a, i) => {
    const p = placements[i];
    if (!p || p.kind === 'orphan') return;
    const next = p.kind === 'fuzzy'
      ? { ...a, target: { ...a.target, position: { start: p.start, end: p.end } } }
      : reattach(a, text, p.start, p.end);
    const before = a.target;
    const after = next.target;
    if (
      before.position.start !== after.position.start || before.position.end !== after.position.end ||
      before.selector.prefix !== after.selector.prefix || before.selector.suffix !== after.selector.suffix ||
      before.selector.exact !== after.selector.exact
    ) changed.push(next);
  });
  return changed;
}
