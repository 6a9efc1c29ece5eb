// schema.org ClaimReview (JSON-LD), the format search engines and fact-check aggregators read.

import { Annotation } from '../types';
import { ArticleRef } from './webAnnotation';

export type ClaimReview = Record<string, unknown>;

/** Other articles where the same claim appears, for an annotation (none by default). */
export type AppearancesOf = (a: Annotation) => readonly ArticleRef[];

/**
 * One ClaimReview per annotation: the claim text, the verdict as a named rating, the reviewer.
 * `appearances` are other articles reporting the same claim; they follow the reviewed article in
 * `itemReviewed.appearance`, which then becomes a list.
 */
export function toClaimReview(a: Annotation, ref: ArticleRef, appearances: readonly ArticleRef[] = []): ClaimReview {
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
  const others = appearances.filter((r) => r.article !== ref.article || r.url !== ref.url).map(creativeWork);
  review.itemReviewed = { '@type': 'Claim', appearance: others.length > 0 ? [own, ...others] : own };
  return review;
}

function creativeWork(ref: ArticleRef): Record<string, unknown> {
  return ref.url ? { '@type': 'CreativeWork', url: ref.url, name: ref.article } : { '@type': 'CreativeWork', name: ref.article };
}

export function toClaimReviews(annotations: readonly Annotation[], ref: ArticleRef, appearancesOf?: AppearancesOf): ClaimReview[] {
  return annotations.map((a) => toClaimReview(a, ref, appearancesOf?.(a)));
}
