import type { Span } from '../types';

/** A quote's attribution before entity linking. */
export interface RawAttribution {
  speaker: Span | null;
  cue: Span | null;
  /** Taken over from an earlier quote (a quote continuing the same speaker's words). */
  inherited: boolean;
}
