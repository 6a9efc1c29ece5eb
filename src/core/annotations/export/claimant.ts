// Who made a claim: the speaker of the quote the claim falls in, as the analysis found it. Used by
// the exports (ClaimReview's itemReviewed.author, the CSV speaker column); both fronts compute it
// from their own analysis and pass it in, so the export functions stay pure.

import type { Analysis, EntityType, Span } from '../../types';

export interface Claimant {
  /** The entity's canonical name, or the speaker as written when it names nobody known ("a spokesperson"). */
  name: string;
  /** schema.org type for ClaimReview's author. */
  type: 'Person' | 'Organization';
}

/** Tells the claimant of an annotation, or null when it has none (not in a quote, orphaned, unattributed). */
export type ClaimantOf = (annotationId: string) => Claimant | null;

/** A government named by its place ("Moscow said") or a people ("Russians said") speaks as an organisation. */
const SCHEMA_TYPE: Record<EntityType, Claimant['type']> = { PERSON: 'Person', ORG: 'Organization', PLACE: 'Organization', NORP: 'Organization' };

/**
 * The speaker of the quote that overlaps `claim` the most (a claim may be a whole quote, part of
 * one, or the sentence that holds one); none when that quote is unattributed. A pronoun the analysis could not resolve names nobody and
 * gives no claimant; an unresolved description ("a senior official") is taken as a person.
 */
export function claimantOf(claim: Span, analysis: Pick<Analysis, 'quotes' | 'entities'>): Claimant | null {
  let best: Analysis['quotes'][number] | null = null;
  let bestOverlap = 0;
  for (const q of analysis.quotes) {
    const overlap = Math.min(q.end, claim.end) - Math.max(q.start, claim.start);
    if (overlap > bestOverlap) {
      best = q;
      bestOverlap = overlap;
    }
  }
  const speaker = best?.speaker;
  if (!speaker) return null;
  const entity = speaker.entityId === null ? undefined : analysis.entities.find((e) => e.id === speaker.entityId);
  if (entity) return { name: entity.name, type: SCHEMA_TYPE[entity.type] };
  if (speaker.kind === 'pronoun') return null;
  const name = speaker.text.replace(/\s+/g, ' ').trim();
  return name === '' ? null : { name, type: 'Person' };
}

/** claimantOf for every placed annotation (orphans have no span and no claimant). */
export function claimantsOf(spans: ReadonlyMap<string, Span>, analysis: Pick<Analysis, 'quotes' | 'entities'>): ClaimantOf {
  const found = new Map<string, Claimant | null>();
  for (const [id, span] of spans) found.set(id, claimantOf(span, analysis));
  return (id) => found.get(id) ?? null;
}
