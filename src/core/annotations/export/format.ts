// The export formats offered by both fronts, as one switch: text out, plus a file extension.

import type { Annotation } from '../types';
import type { ClaimantOf } from './claimant';
import { toClaimReviews, type AppearancesOf } from './claimReview';
import { toCsv } from './csv';
import { toWebAnnotationPage, type ArticleRef } from './webAnnotation';

export const EXPORT_FORMATS = ['w3c', 'claimreview', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_FORMAT_INFO: Record<ExportFormat, { title: string; extension: string }> = {
  w3c: { title: 'W3C Web Annotation (JSON-LD)', extension: 'jsonld' },
  claimreview: { title: 'schema.org ClaimReview (JSON-LD)', extension: 'claimreview.json' },
  csv: { title: 'CSV for spreadsheets', extension: 'csv' },
};

export function isExportFormat(value: string): value is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(value);
}

/** What an export can say beyond the sidecar, computed by the caller from its own index and analysis. */
export interface ExportContext {
  /** Other articles reporting each claim (ClaimReview appearances). */
  appearancesOf?: AppearancesOf;
  /** Who made each claim (ClaimReview itemReviewed.author, the CSV speaker column). */
  claimantOf?: ClaimantOf;
}

export function exportAnnotations(format: ExportFormat, annotations: readonly Annotation[], ref: ArticleRef, context: ExportContext = {}): string {
  switch (format) {
    case 'w3c':
      return JSON.stringify(toWebAnnotationPage(annotations, ref), null, 2) + '\n';
    case 'claimreview':
      return JSON.stringify(toClaimReviews(annotations, ref, context.appearancesOf, context.claimantOf), null, 2) + '\n';
    case 'csv':
      return toCsv(annotations, ref, context.claimantOf);
  }
}
