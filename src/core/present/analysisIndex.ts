// Lookups over one Analysis, built once per analysed version and shared by every editor feature:
// which mention or quote lies at an offset, every span naming an entity, quotes grouped by speaker.
import type { Analysis, Entity, Mention, Quote, Span } from '../types';
import { mentionsInOrder } from './mentionOrder';
import { firstStartingFrom } from '../spans';

/** Groups quotes by who said them; unresolved speakers are keyed by their text as written. */
export interface SpeakerGroup {
  /** `entity:<id>` for a resolved speaker, `text:<as written>` otherwise, `none` for unattributed quotes. */
  key: string;
  label: string;
  entity: Entity | null;
  quotes: Quote[];
}

export const UNATTRIBUTED_KEY = 'none';

export function speakerKey(quote: Quote): string {
  const speaker = quote.speaker;
  if (!speaker) return UNATTRIBUTED_KEY;
  return speaker.entityId ? `entity:${speaker.entityId}` : `text:${speaker.text.toLowerCase()}`;
}

export class AnalysisIndex {
  readonly entitiesById = new Map<string, Entity>();
  /** Every mention of every entity, sorted by start (mentions never overlap). */
  readonly mentions: Mention[];
  /** Quotes sorted by start. */
  readonly quotes: Quote[];
  private speakerGroupsCache: SpeakerGroup[] | undefined;
  private speakersByEntity: Map<string, Span[]> | undefined;

  constructor(readonly analysis: Analysis) {
    for (const entity of analysis.entities) this.entitiesById.set(entity.id, entity);
    this.mentions = mentionsInOrder(analysis);
    this.quotes = [...analysis.quotes].sort((a, b) => a.start - b.start);
  }

  /** The mention containing `offset` (a cursor right after the last character still counts). */
  mentionAt(offset: number): Mention | undefined {
    return findContaining(this.mentions, offset);
  }

  /**
   * The mentions reaching into `window` (end >= window.start, start <= window.end), in text order,
   * by binary search: mentions never overlap, so their ends are in order too.
   */
  mentionsIn(window: Span): Mention[] {
    const mentions = this.mentions;
    let lo = 0;
    let hi = mentions.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (mentions[mid].end < window.start) lo = mid + 1;
      else hi = mid;
    }
    let end = lo;
    while (end < mentions.length && mentions[end].start <= window.end) end++;
    return mentions.slice(lo, end);
  }

  /** The innermost quote containing `offset`. */
  quoteAt(offset: number): Quote | undefined {
    return findContaining(this.quotes, offset);
  }

  /** The entity named at `offset`, by a mention or by a resolved quote speaker. */
  entityAt(offset: number): Entity | undefined {
    const mention = this.mentionAt(offset);
    if (mention) return this.entitiesById.get(mention.entityId);
    for (const quote of this.quotes) {
      const s = quote.speaker;
      if (s?.entityId && s.start <= offset && offset <= s.end) return this.entitiesById.get(s.entityId);
    }
    return undefined;
  }

  /**
   * Every span naming the entity: its mentions under all aliases, plus pronoun or description
   * speakers resolved to it. Sorted by start, no duplicates.
   */
  spansOf(entity: Entity): Span[] {
    const mentions: Span[] = entity.mentions.map(({ start, end }) => ({ start, end })).sort((a, b) => a.start - b.start);
    // The furthest end among the first i mentions: a speaker overlaps a mention exactly when one of
    // those starting before its end reaches past its start. A binary search per speaker, not a scan
    // of every mention (a long article's main figure has thousands of each).
    const reach = new Int32Array(mentions.length);
    for (let i = 0, far = -1; i < mentions.length; i++) reach[i] = far = Math.max(far, mentions[i]!.end);
    const spans = mentions.slice();
    // A speaker span credited with several quotes, or overlapping one taken already, counts once.
    let taken = -1;
    for (const s of [...this.speakersOf(entity.id)].sort((a, b) => a.start - b.start)) {
      const before = firstStartingFrom(mentions, s.end);
      if ((before > 0 && reach[before - 1]! > s.start) || s.start < taken) continue;
      spans.push({ start: s.start, end: s.end });
      taken = Math.max(taken, s.end);
    }
    return spans.length === mentions.length ? spans : spans.sort((a, b) => a.start - b.start);
  }

  /**
   * Resolved quote speakers of one entity, in text order. Grouped once for all entities: listing
   * every entity of an 800 KB article (the News view) went through every quote for each of them.
   */
  private speakersOf(entityId: string): readonly Span[] {
    if (!this.speakersByEntity) {
      this.speakersByEntity = new Map();
      for (const quote of this.quotes) {
        const s = quote.speaker;
        if (!s?.entityId) continue;
        const list = this.speakersByEntity.get(s.entityId);
        if (list) list.push(s);
        else this.speakersByEntity.set(s.entityId, [s]);
      }
    }
    return this.speakersByEntity.get(entityId) ?? [];
  }

  quotesBy(entityId: string): Quote[] {
    return this.quotes.filter((q) => q.speaker?.entityId === entityId);
  }

  /** Speaker groups, most quoted first; unattributed quotes last. */
  speakerGroups(): SpeakerGroup[] {
    if (this.speakerGroupsCache) return this.speakerGroupsCache;
    const groups = new Map<string, SpeakerGroup>();
    for (const quote of this.quotes) {
      const key = speakerKey(quote);
      let group = groups.get(key);
      if (!group) {
        const entity = quote.speaker?.entityId ? this.entitiesById.get(quote.speaker.entityId) ?? null : null;
        const label = entity?.name ?? quote.speaker?.text ?? 'Unattributed';
        group = { key, label, entity, quotes: [] };
        groups.set(key, group);
      }
      group.quotes.push(quote);
    }
    this.speakerGroupsCache = [...groups.values()].sort(
      (a, b) =>
        Number(a.key === UNATTRIBUTED_KEY) - Number(b.key === UNATTRIBUTED_KEY) ||
        b.quotes.length - a.quotes.length ||
        a.label.localeCompare(b.label),
    );
    return this.speakerGroupsCache;
  }

  /** The first quote starting after `offset`, wrapping to the first quote. */
  nextQuote(offset: number): Quote | undefined {
    return this.quotes.find((q) => q.start > offset) ?? this.quotes[0];
  }

  /** The last quote starting before `offset`, wrapping to the last quote. */
  previousQuote(offset: number): Quote | undefined {
    for (let i = this.quotes.length - 1; i >= 0; i--) if (this.quotes[i].start < offset) return this.quotes[i];
    return this.quotes[this.quotes.length - 1];
  }
}

/** Binary search over spans sorted by start; returns the last span with start <= offset <= end. */
function findContaining<T extends Span>(sorted: readonly T[], offset: number): T | undefined {
  let lo = 0;
  let hi = sorted.length - 1;
  let candidate = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid].start <= offset) {
      candidate = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  // Quotes may nest (a partial quote inside a longer one), so look back for the innermost container.
  for (let i = candidate; i >= 0; i--) {
    const span = sorted[i];
    if (span.start <= offset && offset <= span.end) return span;
    if (i < candidate - 8) break;
  }
  return undefined;
}
