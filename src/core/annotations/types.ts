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

/**
 * The schema version this code reads and writes. Files with a higher version are read-only.
 * Version 2 added the `corrections` section; a file without corrections is still written as
 * version 1 (CORRECTIONS_VERSION is written only once a correction is), so older releases keep
 * editing it.
 */
export const SIDECAR_VERSION = 2;
/** The first version with a `corrections` section. */
export const CORRECTIONS_VERSION = 2;
/** The version of a file that holds no corrections. */
export const PLAIN_SIDECAR_VERSION = 1;

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

/** Who made a correction and when; both optional in the file. */
export interface CorrectionSignature {
  reviewer?: string;
  /** ISO 8601. */
  date?: string;
}

/** The entity types a reviewer can give a mention, or `none`: not an entity at all. */
export type CorrectedType = 'PERSON' | 'ORG' | 'PLACE' | 'NORP' | 'none';
export const CORRECTED_TYPES: readonly CorrectedType[] = ['PERSON', 'ORG', 'PLACE', 'NORP', 'none'];

/**
 * A reviewer's correction of the entity analysis of one article; it wins over the model there.
 * - retype: every mention written exactly `mention` gets `type` (`none`: it is no entity);
 * - merge: the entities named by these texts are one entity (the first named leads);
 * - split: mentions written as these texts are never grouped together.
 */
export type EntityCorrection =
  | ({ kind: 'retype'; mention: string; type: CorrectedType } & CorrectionSignature)
  | ({ kind: 'merge'; names: string[] } & CorrectionSignature)
  | ({ kind: 'split'; names: string[] } & CorrectionSignature);

/** What kind of source a quote's speaker is, for the sources list. */
export type SourceKind = 'person' | 'organisation' | 'actor-place' | 'anonymous';
export const SOURCE_KINDS: readonly SourceKind[] = ['person', 'organisation', 'actor-place', 'anonymous'];

/** A reviewer's correction of one source (speaker) as the sources list shows it. */
export interface SourceCorrection extends CorrectionSignature {
  source: string;
  kind?: SourceKind;
  affiliation?: string;
}

/** The `corrections` section of a sidecar. */
export interface Corrections {
  entities: EntityCorrection[];
  sources: SourceCorrection[];
}

/** The top of a sidecar file. */
export interface SidecarHeader {
  version: number;
  /** File name (no directory) of the article the sidecar belongs to. */
  article: string;
  /** Hash of the text the anchors were last resolved on (see hash.ts); '' when unknown. */
  textHash: string;
}
