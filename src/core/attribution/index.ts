// Speaker attribution: for each quote, the attribution cue (said, told, according to, was quoted as
// saying…) and the speaker mention written next to it, before or after the quote, in either order
// ("Ushakov said" / "said Leif-Eric Easley"). Works on a bounded window of words around the quote
// (its own sentence, capped), so the cost per quote is constant whatever the input.
// The quote's own sentence is read first (sentence.ts); quotes left without a speaker go through
// the fallbacks (fallbacks.ts, colon.ts, embedding.ts).
import type { Entity, Quote, Span, TextSpan } from '../types';
import type { RawAttribution } from './raw';
import type { QuoteSpan } from '../quotes';
import { MentionIndex, linkSpeakers } from '../pronouns';
import { RANKER_ENABLED, rankSpeakers } from '../speakers/index';
import { compileWeights, type CompiledWeights } from '../speakers/ranker';
import { currentModels } from '../models';

/** The ranker's weights compiled once per weights map (the models are registered once per process). */
let compiled: { from: ReadonlyMap<string, number>; weights: CompiledWeights } | null = null;

function rankerWeights(): CompiledWeights {
  const weights = currentModels().speakers;
  if (compiled?.from !== weights) compiled = { from: weights, weights: compileWeights(weights) };
  return compiled.weights;
}
import { colonIntroducer, colonLabel } from './colon';
import { embeddingClauseSubject } from './embedding';
import { coordinatedPredicate, fallbackAttribution, invertedCueBefore, passiveAgent, trailingSayingClause } from './fallbacks';
import { attributeInWindow, citedSource } from './sentence';
import { NEAR_QUOTES, WINDOW, WINDOW_TOKS, quoteToken, sentenceAtFrom, tokenizeWindow, type Tok } from './tokens';

export type { RawAttribution } from './raw';

/**
 * Finds cue and speaker mention for every quote. `sentences` cover every block (sorted);
 * `blockOf` gives each sentence's block so fallbacks stay in the same or the previous paragraph.
 */
export function attributeRaw(
  text: string,
  quotes: readonly QuoteSpan[],
  sentences: readonly Span[],
  blocks: readonly Span[],
  known?: (qi: number, done: readonly RawAttribution[]) => RawAttribution | undefined,
): RawAttribution[] {
  const out: RawAttribution[] = [];
  // Quotes come in text order: each one's sentences are looked up from the previous quote's.
  let s0 = -1;
  let s1 = -1;
  for (let qi = 0; qi < quotes.length; qi++) {
    const q = quotes[qi]!;
    const reused = known?.(qi, out);
    if (reused) {
      out.push(reused);
      continue;
    }
    s0 = sentenceAtFrom(sentences, q.start, s0);
    s1 = sentenceAtFrom(sentences, Math.max(q.start, q.end - 1), Math.max(s0, s1));
    // The window also stops a few quotes away, so a line packed with quotes costs no more per quote.
    const far = quotes[qi - NEAR_QUOTES];
    const farAfter = quotes[qi + NEAR_QUOTES];
    const from = Math.max(s0 >= 0 ? sentences[s0]!.start : q.start, q.start - WINDOW, blocks[q.block]!.start, far ? far.start : 0);
    const to = Math.min(s1 >= 0 ? Math.max(sentences[s1]!.end, q.end) : q.end, q.end + WINDOW, farAfter ? farAfter.end : q.end + WINDOW);
    const toks = tokenizeWindow(text, Math.min(from, q.start), Math.max(to, q.end), quotes, WINDOW_TOKS);
    const qt = quoteToken(toks, qi);
    let found = qt >= 0 ? attributeInWindow(toks, qt, text) : null;
    if (found && found.speaker) found = citedSource(toks, found) ?? found;
    if (found && found.speaker && !expletiveIt(text, found.speaker)) {
      out.push({ speaker: found.speaker, cue: found.cue, inherited: false, via: 'sentence' });
      continue;
    }
    const fallback = fallbackAttribution(text, qi, quotes, out, sentences, s0, s1, toks, qt) ?? (qt > 0 ? laterFallbacks(text, q, toks, qt, out[qi - 1]) : null);
    if (fallback && !(fallback.speaker && expletiveIt(text, fallback.speaker))) out.push(fallback.via ? fallback : { ...fallback, via: 'fallback' });
    // A cue with nobody to credit (“Described as …”) is not an attribution.
    else out.push({ speaker: null, cue: null, inherited: false });
  }
  return out;
}

/** The fallbacks for a quote its sentence and neighbours left without a speaker, in order, each named. */
function laterFallbacks(text: string, q: QuoteSpan, toks: Tok[], qt: number, prev: RawAttribution | undefined): RawAttribution | null {
  const named = (via: string, r: RawAttribution | null): RawAttribution | null => (r ? { ...r, via } : null);
  return (
    named('colonLabel', colonLabel(toks, qt)) ??
    named('trailingSaying', trailingSayingClause(text, q, toks, qt)) ??
    named('coordinated', coordinatedPredicate(toks, qt, prev)) ??
    named('invertedBefore', invertedCueBefore(toks, qt)) ??
    named('colonIntroducer', colonIntroducer(toks, qt - 1)) ??
    named('passiveAgent', passiveAgent(toks, qt)) ??
    named('embedding', embeddingClauseSubject(toks, qt))
  );
}

// Verbs after which "it" is a placeholder subject: "It was Bloomberg who said …", "It seems unfair to tell …".
const EXPLETIVE_VERBS = /^\s*(is|was|['’]s|seems|seemed|appears|appeared|remains|remained)\b/;

/** "It was less than three years ago that X said": "it" before a linking verb stands for nobody. */
function expletiveIt(text: string, sp: Span): boolean {
  return sp.end - sp.start === 2 && text.slice(sp.start, sp.end).toLowerCase() === 'it' && EXPLETIVE_VERBS.test(text.slice(sp.end, sp.end + 12));
}

/** What attributing the quotes of a text worked with and found: what a later analysis may reuse. */
export interface AttributionRun {
  text: string;
  quotes: readonly QuoteSpan[];
  sentences: readonly Span[];
  blocks: readonly Span[];
  mentions: MentionIndex;
  /** The rules' attribution of each quote. */
  rules: readonly RawAttribution[];
  /** The attribution each quote's speaker is linked from (the ranker's pick, when it is on). */
  picked: readonly RawAttribution[];
}

/**
 * Attributions an earlier analysis found, handed back for quotes whose inputs are unchanged (see
 * incremental/quoteReuse.ts), and told what this one found.
 */
export interface EarlierAttributions {
  /** Quote `qi`'s attribution, when it is known to be what the rules and the ranker would give; `done`: the rules' attribution of the quotes before it. */
  reuse(qi: number, done: readonly RawAttribution[], run: Omit<AttributionRun, 'rules' | 'picked'>): { rules: RawAttribution; picked: RawAttribution } | undefined;
  keep(run: AttributionRun): void;
}

/** Quotes with speaker mentions resolved against the entity list (names, descriptions, pronouns). */
export function attributeQuotes(
  text: string,
  quotes: readonly QuoteSpan[],
  sentences: readonly Span[],
  blocks: readonly Span[],
  entities: readonly Entity[],
  earlier?: EarlierAttributions,
): Quote[] {
  const mentions = new MentionIndex(entities);
  const inputs = { text, quotes, sentences, blocks, mentions };
  // The ranker's picks of the quotes whose attribution is reused (the others are left empty).
  const known: (RawAttribution | undefined)[] = [];
  const reuse = earlier
    ? (qi: number, done: readonly RawAttribution[]): RawAttribution | undefined => {
        const found = earlier.reuse(qi, done, inputs);
        if (found) known[qi] = found.picked;
        return found?.rules;
      }
    : undefined;
  const rules = attributeRaw(text, quotes, sentences, blocks, reuse);
  // The rules' picks are one feature of the learned ranker, which has the last word when it is on.
  const raw = RANKER_ENABLED ? rankSpeakers({ text, quotes, sentences, blocks, raw: rules, mentions, known }, rankerWeights()) : rules;
  earlier?.keep({ ...inputs, rules, picked: raw });
  const speakers = linkSpeakers(text, raw.map((r) => r.speaker), quotes, entities, mentions);
  return quotes.map((q, i): Quote => {
    const r = raw[i]!;
    const cue: TextSpan | null = r.cue ? { start: r.cue.start, end: r.cue.end, text: text.slice(r.cue.start, r.cue.end) } : null;
    return {
      start: q.start,
      end: q.end,
      text: text.slice(q.start, q.end),
      content: q.content,
      partial: q.partial,
      speaker: speakers[i] ?? null,
      cue,
    };
  });
}
