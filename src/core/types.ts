// The data model shared by every part of the analysis and by both fronts (editor and CLI).
// All offsets are UTF-16 code-unit indices into the analysed text, end exclusive, so they map
// one to one onto JavaScript string indices and VS Code document offsets.

export interface Span {
  start: number;
  end: number;
}

export interface TextSpan extends Span {
  text: string;
}

export type EntityType = 'PERSON' | 'ORG' | 'PLACE' | 'NORP';

export const ENTITY_TYPES: readonly EntityType[] = ['PERSON', 'ORG', 'PLACE', 'NORP'];

/** One occurrence of an entity in the text, without trailing punctuation or possessive ’s. */
export interface Mention extends TextSpan {
  entityId: string;
}

/** An alias group: every mention that names the same real-world thing. */
export interface Entity {
  /** Stable within one analysis: derived from type and canonical name, e.g. "PERSON:Vladimir Putin". */
  id: string;
  type: EntityType;
  /** The canonical (usually longest, fullest) name. */
  name: string;
  /** Every distinct surface form, canonical name first. */
  aliases: string[];
  /** Roles and titles found next to mentions: "Kremlin aide", "NATO chief". */
  roles: string[];
  mentions: Mention[];
}

/** The source of a quote as written next to the cue, and the entity it resolves to. */
export interface Speaker extends TextSpan {
  /** Entity id, or null when the mention names nobody the analysis knows (e.g. "a spokesperson"). */
  entityId: string | null;
  /** How the mention was tied to the quote: a name, a description, or a pronoun resolved backwards. */
  kind: 'name' | 'description' | 'pronoun';
}

export interface Quote extends TextSpan {
  /** The text between the marks (for a multi-paragraph quote, from first opening to last closing mark). */
  content: Span;
  /** True for a few quoted words inside a sentence of the writer's own ("lonely bromance"). */
  partial: boolean;
  speaker: Speaker | null;
  /** The attribution cue: said, told, according to, was quoted as saying… */
  cue: TextSpan | null;
}

export interface Structure {
  headline: TextSpan | null;
  subheadings: TextSpan[];
  /** Dateline, "Published:/Updated:" lines and bylines. */
  datelines: TextSpan[];
  bylines: TextSpan[];
  captions: TextSpan[];
  /** Navigation, share and font-size widgets, "Read more:" link lists, footers. */
  residue: TextSpan[];
  /** Body paragraphs (not headline, captions or residue). */
  paragraphs: Span[];
}

export interface ClaimCandidate extends TextSpan {
  /** Higher is more worth checking; candidates are sorted by score, highest first. */
  score: number;
  /** Why the sentence was picked: "number", "statistic", "accusation", "attributed"… */
  reasons: string[];
}

export interface Analysis {
  /** Length of the analysed text, so callers can check the analysis matches their document. */
  length: number;
  structure: Structure;
  sentences: Span[];
  quotes: Quote[];
  entities: Entity[];
  claims: ClaimCandidate[];
}
