// The quote and speaker targets of the eval, as issue 17 states them:
// - quote recall: PolNeAR quote spans found exactly, after trimming punctuation from both ends;
// - credited-quote precision: of the quotes the product credits to a speaker, the share that match a
//   gold quote span (same trimming);
// - speaker accuracy over every gold quote with a gold source: right when the predicted speaker mention
//   overlaps the gold source, or it is a pronoun/description whose resolved entity has a mention
//   overlapping it; a quote left without a speaker (or not found) counts as wrong.
import type { Entity, Span, Speaker } from '../src/core/types';

const EDGE = /[\s"“”'‘’`.,;:!?…()[\]{}—–-]/;

/** The span without punctuation, quotation marks and spaces at either end. */
export function trimmedKey(text: string, s: Span): string {
  let a = s.start;
  let b = s.end;
  while (a < b && EDGE.test(text[a]!)) a++;
  while (b > a && EDGE.test(text[b - 1]!)) b--;
  return `${a}:${b}`;
}

export class QuoteTargets {
  goldQuotes = 0;
  goldFound = 0;
  credited = 0;
  creditedRight = 0;
  predicted = 0;
  predictedRight = 0;

  /** `credited` are the predicted quotes with a speaker. */
  add(text: string, predicted: readonly (Span & { speaker: unknown })[], gold: readonly Span[], countRecall = true, countPrecision = true): void {
    const goldKeys = new Set(gold.map((g) => trimmedKey(text, g)));
    const predKeys = new Set(predicted.map((p) => trimmedKey(text, p)));
    if (countRecall) {
      this.goldQuotes += gold.length;
      for (const g of gold) if (predKeys.has(trimmedKey(text, g))) this.goldFound++;
    }
    if (countPrecision) {
      for (const p of predicted) {
        const hit = goldKeys.has(trimmedKey(text, p));
        this.predicted++;
        if (hit) this.predictedRight++;
        if (!p.speaker) continue;
        this.credited++;
        if (hit) this.creditedRight++;
      }
    }
  }

  merge(o: QuoteTargets): void {
    this.goldQuotes += o.goldQuotes;
    this.goldFound += o.goldFound;
    this.credited += o.credited;
    this.creditedRight += o.creditedRight;
    this.predicted += o.predicted;
    this.predictedRight += o.predictedRight;
  }

  get recall(): number {
    return this.goldFound / Math.max(1, this.goldQuotes);
  }
  get creditedPrecision(): number {
    return this.creditedRight / Math.max(1, this.credited);
  }
  get rawPrecision(): number {
    return this.predictedRight / Math.max(1, this.predicted);
  }
  get rawF1(): number {
    const p = this.rawPrecision;
    const r = this.recall;
    return (2 * p * r) / Math.max(1e-9, p + r);
  }
}

export type SpeakerKind = 'name' | 'description' | 'pronoun';
export const SPEAKER_KINDS: readonly SpeakerKind[] = ['name', 'description', 'pronoun'];

const PRONOUN = /^(he|she|they|i|we|you|it|him|her|them|his|its|their|who|which|whom)$/i;
const LEADING = /^(the|a|an|his|her|their|its|our|one|some|several|two|three)\s+/i;

/** What kind of mention the gold source is: a pronoun, a name (ends in a capitalised word), or a description. */
export function goldSpeakerKind(mention: string): SpeakerKind {
  const m = mention.trim();
  if (PRONOUN.test(m)) return 'pronoun';
  const words = m.replace(LEADING, '').split(/\s+/);
  const last = words[words.length - 1] ?? '';
  return /^[A-Z]/.test(last) ? 'name' : 'description';
}

const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;

/** Whether a predicted speaker is right for a gold source span, by the definition. */
export function speakerRight(sp: Speaker | null | undefined, gold: Span, entities: ReadonlyMap<string, Entity>): boolean {
  if (!sp) return false;
  if (overlaps(sp, gold)) return true;
  if (sp.kind === 'name' || !sp.entityId) return false;
  const e = entities.get(sp.entityId);
  return !!e && e.mentions.some((m) => overlaps(m, gold));
}

export class SpeakerAccuracy {
  readonly total = new Map<SpeakerKind, number>(SPEAKER_KINDS.map((k) => [k, 0]));
  readonly right = new Map<SpeakerKind, number>(SPEAKER_KINDS.map((k) => [k, 0]));

  add(kind: SpeakerKind, ok: boolean): void {
    this.total.set(kind, this.total.get(kind)! + 1);
    if (ok) this.right.set(kind, this.right.get(kind)! + 1);
  }
  merge(o: SpeakerAccuracy): void {
    for (const k of SPEAKER_KINDS) {
      this.total.set(k, this.total.get(k)! + o.total.get(k)!);
      this.right.set(k, this.right.get(k)! + o.right.get(k)!);
    }
  }
  get n(): number {
    return SPEAKER_KINDS.reduce((s, k) => s + this.total.get(k)!, 0);
  }
  get accuracy(): number {
    return SPEAKER_KINDS.reduce((s, k) => s + this.right.get(k)!, 0) / Math.max(1, this.n);
  }
  of(kind: SpeakerKind): number {
    return this.right.get(kind)! / Math.max(1, this.total.get(kind)!);
  }
  /** "0.912 of 6546 (names 0.93 of 3900, descriptions …, pronouns …)" */
  line(): string {
    const parts = SPEAKER_KINDS.map((k) => `${k}s ${this.of(k).toFixed(3)} of ${this.total.get(k)}`);
    return `${this.accuracy.toFixed(3)} of ${this.n}  (${parts.join(', ')})`;
  }
}
