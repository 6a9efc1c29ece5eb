// Incremental analysis of one document that is being edited: each call analyses the current text,
// reusing what earlier calls computed where its inputs are unchanged. The result is always the
// one analyze() gives for the same text (test/unit/incremental.test.ts checks this on random edits).
//
// What is reused: the tokens of the lines an edit did not touch (tokens.ts); the entity tagger's
// labels, line by line (blockTagger.ts), a line being re-tagged only where its own tokens, its
// neighbours' or the document facts it consulted changed; and the attribution of every quote whose
// surroundings the edit did not change (quoteReuse.ts); and the alias groups, when the names and
// their order are as they were (aliasReuse.ts). The other passes (structure, sentences, finding
// quotes, linking speakers to entities, claims) run in full.
import type { Analysis } from '../types';
import { analyzeWith } from '../analyze';
import { currentModels } from '../models';
import { BlockTagger, type TaggingStats } from './blockTagger';
import { QuoteAttributions, type QuoteReuseStats } from './quoteReuse';
import { AliasGroups, type AliasReuseStats } from './aliasReuse';
import { TokenSplicer } from './tokens';
import { tokenize, type Tokens } from '../text/tokenize';
import { editBetween, type TextEdit } from '../text/textEdit';

export class IncrementalAnalyzer {
  private readonly tagger = new BlockTagger();
  private readonly quotes = new QuoteAttributions();
  private readonly aliases = new AliasGroups();
  /** The last text analysed and its tokens. */
  private last: { text: string; tok: Tokens } | undefined;
  private readonly splicer = new TokenSplicer();

  /**
   * The analysis of `text`; `change`, when the caller knows it, is how `text` differs from
   * `change.from` (used only when that is the text this analyzer analysed last).
   */
  analyze(text: string, change?: { from: string; edit: TextEdit }): Analysis {
    const last = this.last;
    const edit = last ? (change && change.from === last.text ? change.edit : editBetween(last.text, text)) : undefined;
    if (last) this.quotes.prepare(edit, last.text);
    return analyzeWith(text, (t, tok) => this.tagger.labels(t, tok, currentModels().tagger), (t) => this.tokens(t, edit), this.quotes, (mentions) => this.aliases.group(mentions));
  }

  /** The tokens of `text`: the lines `edit` touched tokenized again, the others kept from the last text. */
  private tokens(text: string, edit: TextEdit | undefined): Tokens {
    const last = this.last;
    const tok = last && edit ? this.splicer.splice(last.text, last.tok, text, edit) : tokenize(text);
    this.last = { text, tok };
    return tok;
  }

  /** How much the last call reused: lines of the entity tagger. */
  get stats(): TaggingStats {
    return this.tagger.stats;
  }

  /** Whether the last call reused the alias groups. */
  get aliasStats(): AliasReuseStats {
    return this.aliases.stats;
  }

  /** How much the last call reused: quote attributions. */
  get quoteStats(): QuoteReuseStats {
    return this.quotes.stats;
  }
}
