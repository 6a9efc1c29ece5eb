// The sources of one article: who is given a voice, how (direct quotes, paraphrase) and how much.
import type { TextSpan } from '../types';

/**
 * What kind of voice a source is: a named person, an organisation (or a named group), a government
 * or place standing for its government ("Moscow said", "the Kremlin said"), or nobody named
 * ("a U.S. Embassy spokesperson", "Kremlin officials", "some experts").
 */
export type SourceKind = 'person' | 'organisation' | 'actor-place' | 'anonymous';

export const SOURCE_KINDS: readonly SourceKind[] = ['person', 'organisation', 'actor-place', 'anonymous'];

/** One thing a source is reported to have said: a direct quote, or reported speech without quote marks. */
export interface SourceStatement {
  kind: 'quote' | 'paraphrase';
  /** The quote with its marks, or the sentence that reports the speech. */
  span: TextSpan;
  /** The source as written next to the cue: a name, a description or a pronoun ("he"). */
  speaker: TextSpan;
  /** said, told, according to… */
  cue: TextSpan | null;
  /** Words inside the quote marks (0 for a paraphrase). */
  words: number;
}

export interface Source {
  /** Stable within one analysis: the entity id, or the description or pronoun in lower case. */
  key: string;
  /** The source as first written (a pronoun only when nothing else names it). */
  name: string;
  /** The entity the source resolves to, or null for an unnamed or unresolved source. */
  entityId: string | null;
  /** The entity's canonical name ("Yuri Ushakov" for "he" and "Ushakov"), or null. */
  entityName: string | null;
  /** False for sources the text does not name ("analysts", "a spokesperson", an unresolved "they"). */
  named: boolean;
  /** For an unnamed source, how the text describes it: "a U.S. Embassy spokesperson". */
  description: string | null;
  kind: SourceKind;
  /** The organisation or place the source speaks for, from the text ("Kremlin", "Ewha University"). */
  affiliation: string | null;
  /** The role or title from the text ("Kremlin aide", "professor at Ewha University", "spokesperson"). */
  role: string | null;
  /** Every way the text writes this source, in order of first use, pronouns as written. */
  forms: string[];
  quotes: number;
  quotedWords: number;
  paraphrases: number;
  /** quotedWords over every quoted word of the article (0..1). */
  share: number;
  statements: SourceStatement[];
}

export interface ArticleSources {
  /** Most quoted words first, then most paraphrases, then first appearance. */
  sources: Source[];
  /** Words inside every quote of the article, attributed or not. */
  totalQuotedWords: number;
  /** Quotes the analysis credits to nobody. */
  unattributedQuotes: number;
}
