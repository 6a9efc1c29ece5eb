// Names found only in page residue ("100% Font Size", "follow our Google News channel") are
// widget labels and links, not people or organisations the article is about: such entities are
// dropped after recognition. An entity the body also names keeps its residue mentions, because a
// "Read more:" headline quoting "North Korea’s Kim" still speaks of the same Kim.
import { insideSorted } from './spans';
import type { Entity, Span } from './types';

export function entitiesOutside(entities: readonly Entity[], residue: readonly Span[]): Entity[] {
  if (residue.length === 0) return entities.slice();
  return entities.filter((entity) => entity.mentions.some((m) => !insideSorted(residue, m)));
}
