// schema.org ClaimReview (JSON-LD), the format search engines and fact-check aggregators read.

import { Annotation } from '../types';
import type { Claimant, ClaimantOf } from './claimant';
import { ArticleRef } from './webAnnotation';

export type ClaimReview = Record<string, unknown>;

/** Other articles where the same claim appears, for an annotation (none by default). */
export type AppearancesOf = (a: Annotation) => readonly ArticleRef[];

/**
 * One ClaimReview per annotation: the claim text, the verdict as a named rating, the reviewer.
 * `itemReviewed.appearance` is the reviewed article (its URL when known, else its file URI);
 * `appearances` are other articles reporting the same claim, listed after it. `claimant` is who
 * made the claim (the speaker of the quote it falls in): `itemReviewed.author`.
 */
export function toClaimReview(a: Annotation, ref: ArticleRef, appearances: readonly ArticleRef[] = [], claimant: Claimant | null = null): ClaimReview {
  const review: ClaimReview = {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    claimReviewed: a.target.selector.exact,
    reviewRating: { '@type': 'Rating', alternateName: a.label },
    author: { '@type': 'Person', name: a.reviewer },
    datePublished: a.created,
  };
  if (a.updated && a.updated !== a.created) review.dateModified = a.updated;
  if (a.note) review.reviewBody = a.note;
  if (a.evidence.length > 0) review.citation = a.evidence.map((url) => ({ '@type': 'CreativeWork', url }));
  const own = creativeWork(ref);
  const others = appearances.filter((r) => r.article !== ref.article || landing(r) !== landing(ref)).map(creativeWork);
  const claim: Record<string, unknown> = { '@type': 'Claim' };
  if (claimant) claim.author = { '@type': claimant.type, name: claimant.name };
  claim.appearance = others.length > 0 ? [own, ...others] : own;
  review.itemReviewed = claim;
  return review;
}

/** Where a reader finds the article: its public URL, else its file. */
function landing(ref: ArticleRef): string | undefined {
  return ref.url ?? ref.fileUri;
}

function creativeWork(ref: ArticleRef): Record<string, unknown> {
  const url = landing(ref);
  return url ? { '@type': 'CreativeWork', url, name: ref.article } : { '@type': 'CreativeWork', name: ref.article };
}

export function toClaimReviews(annotations: readonly Annotation[], ref: ArticleRef, appearancesOf?: AppearancesOf, claimantOf?: ClaimantOf): ClaimReview[] {
  return annotations.map((a) => toClaimReview(a, ref, appearancesOf?.(a), claimantOf?.(a.id) ?? null));
}
