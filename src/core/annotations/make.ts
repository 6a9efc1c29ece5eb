// Building and re-attaching annotations. Clock and id source are passed in so the core stays pure.

import { targetFor } from './anchor';
import { Annotation } from './types';

export interface NewAnnotation {
  id: string;
  /** The article text and the claim's range in it. */
  text: string;
  start: number;
  end: number;
  label: string;
  note?: string;
  evidence?: string[];
  reviewer: string;
  /** ISO timestamp used for both created and updated. */
  now: string;
}

export function createAnnotation(input: NewAnnotation): Annotation {
  return {
    id: input.id,
    label: input.label,
    note: input.note ?? '',
    evidence: input.evidence ?? [],
    reviewer: input.reviewer,
    created: input.now,
    updated: input.now,
    target: targetFor(input.text, input.start, input.end),
  };
}

/**
 * The annotation re-pointed at text[start, end) (after a fuzzy match the reviewer accepted, or
 * after a claim was found moved): quote, context and position are refreshed, the review is not.
 */
export function reattach(annotation: Annotation, text: string, start: number, end: number): Annotation {
  return { ...annotation, target: targetFor(text, start, end) };
}
