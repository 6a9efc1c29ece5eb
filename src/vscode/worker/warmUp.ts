// The analysis worker's warm-up, asked for when the extension activates: the model files are read
// and decoded, then (unless an article came meanwhile) a short made-up article is analysed once, so
// that V8 has compiled the analysis before the first article's text arrives. Without it the first
// article on screen paid for all of that itself (under load, seconds), after the editor had
// already shown its text.
import { analyze } from '../../core/analyze';
import { currentModels } from '../../core/models';

const clock = () => performance.timeOrigin + performance.now();

/** When this bundle had been loaded and run up to here (its code parsed: the worker could take messages). */
const loadedAt = clock();

/** Asks the analysis worker to get ready (see WarmUpReply). */
export interface WarmUpRequest {
  kind: 'warm';
  id: number;
}

/** When the worker got ready, as absolute times (its performance.timeOrigin plus performance.now()). */
export interface WarmUpReply {
  id: number;
  warm: {
    /** The worker's bundle was loaded. */
    loaded: number;
    /** The models were decoded: the worker can analyse. */
    models: number;
  } | { error: string };
}

/**
 * A few paragraphs in the shape of a wire story (headline, dateline, quotes with cues, names of
 * people, places and organisations, a pronoun speaker), written for this purpose. It only has to
 * go through every stage of the analysis, not to be analysed right.
 */
const SAMPLE = [
  'Talks on river treaty to resume next week, ministers say',
  '',
  'GENEVA (AP) — Officials from both countries will meet again on Tuesday, Foreign Minister Anna Berg told reporters, after a day of talks at the United Nations.',
  '',
  '“We made progress on the hardest questions,” Berg said. “Nobody expected a deal today.”',
  '',
  'A spokesperson for the European Commission said the union would support “any agreement that holds.” She added that the water agency in Bern had shared its figures.',
  '',
  'According to a senior diplomat, the delegations disagree on how much water each side may take in dry years.',
].join('\n');

/** Decodes the models; when that was done, or what went wrong (told again by the first analysis). */
export function loadModels(id: number): WarmUpReply {
  try {
    currentModels();
    return { id, warm: { loaded: loadedAt, models: clock() } };
  } catch (err) {
    return { id, warm: { error: err instanceof Error ? err.message : String(err) } };
  }
}

/** Analyses the sample once, so that V8 compiles the analysis (the models must be loaded). */
export function compileAnalysis(): void {
  analyze(SAMPLE);
}
