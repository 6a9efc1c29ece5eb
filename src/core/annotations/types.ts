// The reviewer-annotation data model: what one sidecar file holds, in memory.
// Offsets are UTF-16 code units into the article text, end exclusive (as everywhere in src/core).
//
// On disk (`story.annotations.yaml` beside `story.txt`), one block per claim, keys in this order:
//
//   # Reviewer notes for story.txt, kept by News Annotator.
//   version: 1
//   article: story.txt
//   textHash: fnv1a64:3f1c0a9b2d4e5f60
//   annotations:
//     - id: k2j9x0aa
//       label: misleading
//       note: The figure is from 2019.
//       evidence:
//         - https://example.org/source
//       reviewer: jane
//       created: 2026-11-20T09:00:00Z
//       updated: 2026-11-21T10:00:00Z
//       target:                      # TextQuoteSelector + TextPositionSelector, flattened
//         exact: Trade rose to $34 million last year
//         prefix: "officials said.\n\n"
//         suffix: ", the Kremlin said."
//         start: 208
//         end: 243

/** Verdicts offered by default. Any other string is accepted too, so teams can add their own. */
export const STANDARD_LABELS = [
  'verified',
  'false',
  'misleading',
  'unverified',
  'disputed',
  'needs context',
  'opinion',
] as const;

export type StandardLabel = (typeof STANDARD_LABELS)[number];

/** The schema version this code reads and writes. Files with a higher version are read-only. */
export const SIDECAR_VERSION = 1;

/** Mirrors the W3C Web Annotation TextQuoteSelector: the claim text and a little context on each side. */
export interface QuoteSelector {
  exact: string;
  prefix: string;
  suffix: string;
}

/** Mirrors the W3C Web Annotation TextPositionSelector: where the claim was when last resolved. */
export interface PositionSelector {
  start: number;
  end: number;
}

export interface AnnotationTarget {
  selector: QuoteSelector;
  position: PositionSelector;
}

export interface Annotation {
  /** Short and unique within the file (random base36 by default). */
  id: string;
  /** The verdict: one of STANDARD_LABELS or any team-defined string. */
  label: string;
  note: string;
  /** Links backing the verdict, in the order the reviewer gave them. */
  evidence: string[];
  reviewer: string;
  /** ISO 8601 timestamps. */
  created: string;
  updated: string;
  target: AnnotationTarget;
  /** Set by merge when both sides changed the same annotation differently. */
  conflict?: boolean;
  /** Keys this version does not know, kept so a round trip loses nothing. */
  extra?: Record<string, unknown>;
}

/** The top of a sidecar file. */
export interface SidecarHeader {
  version: number;
  /** File name (no directory) of the article the sidecar belongs to. */
  article: string;
  /** Hash of the text the anchors were last resolved on (see hash.ts); '' when unknown. */
  textHash: string;
}
