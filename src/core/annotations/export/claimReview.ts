// schema.org ClaimReview (JSON-LD), the format search engines and fact-check aggregators read.

import { Annotation } from '../types';
import { ArticleRef } from './webAnnotation';

export type ClaimReview = Record<string, unknown>;

/** One ClaimReview per annotation: the claim text, the verdict as a named rating, the reviewer. */
export function toClaimReview(a: Annotation, ref: ArticleRef): ClaimReview {
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
  review.itemReviewed = {
    '@type': 'Claim',
    appearance: ref.url ? { '@type': 'CreativeWork', url: ref.url, name: ref.article } : { '@type': 'CreativeWork', name: ref.article },
  };
  return review;
}

export function toClaimReviews(annotations: readonly Annotation[], ref: ArticleRef): ClaimReview[] {
  return annotations.map((a) => toClaimReview(a, ref));
}
