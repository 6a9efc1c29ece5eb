// Named-entity recognition and alias grouping.
// Contract: findEntities(text) returns alias groups (Entity) whose mentions are sorted by start,
// never overlap, and carry no trailing punctuation or possessive ’s.
import type { Entity } from '../types';

export function findEntities(_text: string): Entity[] {
  return [];
}
