// What the attribution rules find for a quote, before entity linking: read by the rules'
// fallbacks and by the speaker ranker, which weighs it as one feature.
import type { Span } from '../types';

/** A quote's attribution before entity linking. */
export interface RawAttribution {
  speaker: Span | null;
  cue: Span | null;
  /** Taken over from an earlier quote (a quote continuing the same speaker's words). */
  inherited: boolean;
  /** Which rule found it ('sentence', 'fallback', 'colonLabel' …), for the speaker ranker to weigh. */
  via?: string;
}
