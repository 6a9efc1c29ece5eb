// Shared by the attribution tests: quotes attributed on small inline texts, one paragraph per line.
import { attributeQuotes } from '../../src/core/attribution';
import { findQuotes } from '../../src/core/quotes';
import { splitLines } from '../../src/core/structure';
import { splitSentences } from '../../src/core/sentences';
import type { Entity, EntityType, Quote, Span } from '../../src/core/types';

/** A small entity list: every occurrence of each name in the text becomes a mention. */
export function entitiesFor(text: string, names: [EntityType, string, string[]][]): Entity[] {
  return names.map(([type, name, forms]) => {
    const mentions = [];
    for (const form of forms) {
      for (let i = text.indexOf(form); i >= 0; i = text.indexOf(form, i + form.length)) {
        mentions.push({ start: i, end: i + form.length, text: form, entityId: `${type}:${name}` });
      }
    }
    mentions.sort((a, b) => a.start - b.start);
    return { id: `${type}:${name}`, type, name, aliases: forms, roles: [], mentions };
  });
}

/** Quotes of `text` with speakers, each line a body paragraph. */
export function attribute(text: string, entities: Entity[] = []): Quote[] {
  const blocks = splitLines(text).map((l) => ({ start: l.start, end: l.end, body: true }));
  const sentences: Span[] = [];
  for (const b of blocks) splitSentences(text, b.start, b.end, sentences);
  return attributeQuotes(text, findQuotes(text, blocks), sentences, blocks, entities);
}

export const speakerOf = (qs: Quote[], i: number): string | null => qs[i]?.speaker?.text ?? null;
