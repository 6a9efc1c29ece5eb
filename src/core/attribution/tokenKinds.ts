// The kinds of token and the token record, apart from the tokenizer so that the word lists (which
// the tokenizer itself reads) can use them without an import cycle.
import type { Span } from '../types';

export const T_WORD = 1;
export const T_PUNCT = 2;
export const T_QUOTE = 3;

export interface Tok extends Span {
  kind: number;
  lower: string;
  cap: boolean;
  /** For quote tokens: index into the quote list. */
  quote: number;
}
