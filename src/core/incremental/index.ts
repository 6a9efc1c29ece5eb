// Incremental analysis of one document that is being edited: each call analyses the current text,
// reusing what earlier calls computed where its inputs are unchanged. The result is always the
// one analyze() gives for the same text (test/unit/incremental.test.ts checks this on random edits).
//
// What is reused: the tokens of the lines an edit did not touch (tokens.ts), and the entity
// tagger's labels, line by line (blockTagger.ts); a line is re-tagged only where its own tokens,
// its neighbours' or the document facts it consulted changed. The other passes (structure,
// sentences, alias groups, quotes, attribution, claims) run in full.
import type { Analysis } from '../types';
import { analyzeWith } from '../analyze';
import { currentModels } from '../models';
import { BlockTagger, type TaggingStats } from './blockTagger';
import { TokenSplicer } from './tokens';
import { tokenize, type Tokens } from '../text/tokenize';
import { editBetween, type TextEdit } from '../text/textEdit';

export class IncrementalAnalyzer {
  private readonly tagger = new BlockTagger();
  /** The last text analysed and its tokens. */
  private last: { text: string; tok: Tokens } | undefined;
  private readonly splicer = new TokenSplicer();

  /**
   * The analysis of `text`; `change`, when the caller knows it, is how `text` differs from
   * `change.from` (used only when that is the text this analyzer analysed last).
   */
  analyze(text: string, change?: { from: string; edit: TextEdit }): Analysis {
    return analyzeWith(text, (t, tok) => this.tagger.labels(t, tok, currentModels().tagger), (t) => this.tokens(t, change));
  }

  /** The tokens of `text`: the lines an edit touched tokenized again, the others kept from the last text. */
  private tokens(text: string, change: { from: string; edit: TextEdit } | undefined): Tokens {
    const last = this.last;
    let tok: Tokens;
    if (!last) tok = tokenize(text);
    else {
      const edit = change && change.from === last.text ? change.edit : editBetween(last.text, text);
      tok = this.splicer.splice(last.text, last.tok, text, edit);
    }
    this.last = { text, tok };
    return tok;
  }

  /** How much the last call reused. */
  get stats(): TaggingStats {
    return this.tagger.stats;
  }
}
