// The whole analysis of one article: structure, sentences, quotes with speakers, entities and claim
// candidates. Pure: text in, data out; the editor and the CLI both call this.
import type { Analysis, Span } from './types';
import { classifyLines, findStructure, splitLines } from './structure';
import { splitSentences } from './sentences';
import { findQuotes, type QuoteBlock } from './quotes';
import { attributeQuotes, type EarlierAttributions } from './attribution';
import { findClaims } from './claims';
import { findEntities, type GroupMentions } from './entities/index';
import { entitiesOutside } from './outsideResidue';
import { insideSorted } from './spans';
import { scans, tokenize, tokenizeTransient, type Tokens } from './text/tokenize';

export function analyze(text: string): Analysis {
  return analyzeWith(text);
}

/** The tagger's labels for the tokens of a text (tagTokens, or the incremental analysis' reuse of earlier ones). */
export type TagLabels = (text: string, tok: Tokens) => Uint8Array;

/** The tokens of a text (tokenize's, or the incremental analysis' splice of earlier ones). */
export type TextTokens = (text: string) => Tokens;

/**
 * analyze(), with the entity tagger's labels from `labelsOf` when given (it must give tagTokens'
 * labels), the tokens from `tokensOf` (it must give tokenize's, in arrays of its own), the
 * attributions of quotes whose inputs an earlier analysis had from `earlier`, and the alias groups
 * from `groupsOf` (it must give groupAliases' groups).
 */
export function analyzeWith(text: string, labelsOf?: TagLabels, tokensOf?: TextTokens, earlier?: EarlierAttributions, groupsOf?: GroupMentions): Analysis {
  const { structure, sentences, quotes, entities, tok, scan } = analyzeReport(text, labelsOf, tokensOf, earlier, groupsOf);
  // Should a step in between have tokenized another text, the scratch buffers no longer hold this one.
  const claims = findClaims(text, sentences, structure.paragraphs, quotes, tokensOf || scans() === scan ? tok : tokenize(text));
  return { length: text.length, structure, sentences, quotes, entities, claims };
}

/**
 * The analysis less its claim candidates: what comparing two articles reads (sentences, entities,
 * quotes and structure), each part the same as analyze() gives.
 */
export function analyzeWithoutClaims(text: string): Omit<Analysis, 'claims'> {
  const { structure, sentences, quotes, entities } = analyzeReport(text);
  return { length: text.length, structure, sentences, quotes, entities };
}

function analyzeReport(text: string, labelsOf?: TagLabels, tokensOf?: TextTokens, earlier?: EarlierAttributions, groupsOf?: GroupMentions) {
  const lines = classifyLines(text, splitLines(text));
  const structure = findStructure(text, lines);
  const blocks = textBlocks(structure);
  // Sentences of every block (residue too: link lists hold quoted headlines) for attribution;
  // the analysis reports those outside the residue.
  const allSentences: Span[] = [];
  for (const b of blocks) splitSentences(text, b.start, b.end, allSentences);
  const residue = structure.residue;
  const sentences = allSentences.filter((s) => !insideSorted(residue, s));
  // One tokenization serves the entity tagger and the claim words, kept in the tokenizer's buffers.
  const tok = tokensOf ? tokensOf(text) : tokenizeTransient(text);
  const scan = scans();
  const entities = entitiesOutside(findEntities(text, tok, labelsOf?.(text, tok), groupsOf), residue);
  const quoteSpans = findQuotes(text, blocks);
  // Quotes in residue (headlines of other stories in a "Read more:" list) helped find speakers
  // through the shared sentences, but are not the article's: the analysis reports the others.
  const quotes = attributeQuotes(text, quoteSpans, allSentences, blocks, entities, earlier).filter((q) => !insideSorted(residue, q));
  return { structure, sentences, quotes, entities, tok, scan };
}

/** Every block of the article in text order; body paragraphs may carry a quote on to the next one. */
export function textBlocks(structure: Analysis['structure']): QuoteBlock[] {
  const blocks: QuoteBlock[] = [];
  const add = (spans: readonly Span[], body: boolean): void => {
    for (const s of spans) blocks.push({ start: s.start, end: s.end, body });
  };
  if (structure.headline) add([structure.headline], false);
  add(structure.subheadings, false);
  add(structure.datelines, false);
  add(structure.bylines, false);
  add(structure.captions, false);
  add(structure.residue, false);
  add(structure.paragraphs, true);
  blocks.sort((a, b) => a.start - b.start);
  return blocks;
}
