// Incremental analysis of one document that is being edited: each call analyses the current text,
// reusing what earlier calls computed where its inputs are unchanged. The result is always the
// one analyze() gives for the same text (test/unit/incremental.test.ts checks this on random edits).
//
// What is reused: the entity tagger's labels, line by line (blockTagger.ts); a line is re-tagged
// only where its own tokens, its neighbours' or the document facts it consulted changed. The other
// passes (structure, sentences, tokens, alias groups, quotes, attribution, claims) run in full.
import type { Analysis } from '../types';
import { analyzeWith } from '../analyze';
import { currentModels } from '../models';
import { BlockTagger, type TaggingStats } from './blockTagger';

export class IncrementalAnalyzer {
  private readonly tagger = new BlockTagger();

  analyze(text: string): Analysis {
    return analyzeWith(text, (t, tok) => this.tagger.labels(t, tok, currentModels().tagger));
  }

  /** How much the last call reused. */
  get stats(): TaggingStats {
    return this.tagger.stats;
  }
}
