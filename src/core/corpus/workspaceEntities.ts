// Entities across the articles of a workspace: one row per named thing (same type, and a name or
// alias in common after normalising case and dots), with how often each article mentions it.
import type { Entity, EntityType, TextSpan } from '../types';
import { nameKey } from './statements';

export interface ArticleEntities {
  path: string;
  entities: readonly Pick<Entity, 'type' | 'name' | 'aliases' | 'mentions'>[];
}

export interface EntityInArticle {
  path: string;
  /** Mentions of the entity in this article. */
  count: number;
  /** The first mention, to reveal. */
  first: TextSpan;
}

export interface WorkspaceEntity {
  type: EntityType;
  /** The longest canonical name any article gives it. */
  name: string;
  /** Per article, most mentions first. */
  articles: EntityInArticle[];
  /** Mentions over all articles. */
  total: number;
}

/** Groups the entities of every article; most widely reported first (articles, then mentions, then name). */
export function workspaceEntities(articles: readonly ArticleEntities[]): WorkspaceEntity[] {
  const groups: { type: EntityType; name: string; keys: Set<string>; byPath: Map<string, EntityInArticle> }[] = [];
  const byKey = new Map<string, (typeof groups)[number]>();
  for (const article of articles) {
    for (const entity of article.entities) {
      if (!entity.mentions.length) continue;
      const keys = [entity.name, ...entity.aliases].map((n) => `${entity.type}|${nameKey(n)}`);
      let group = keys.map((k) => byKey.get(k)).find((g) => g !== undefined);
      if (!group) {
        group = { type: entity.type, name: entity.name, keys: new Set(), byPath: new Map() };
        groups.push(group);
      }
      if (entity.name.length > group.name.length) group.name = entity.name;
      for (const k of keys) {
        if (!byKey.has(k)) byKey.set(k, group);
        group.keys.add(k);
      }
      const first = entity.mentions.reduce((a, b) => (b.start < a.start ? b : a));
      const seen = group.byPath.get(article.path);
      if (seen) {
        seen.count += entity.mentions.length;
        if (first.start < seen.first.start) seen.first = spanOf(first);
      } else {
        group.byPath.set(article.path, { path: article.path, count: entity.mentions.length, first: spanOf(first) });
      }
    }
  }
  return groups
    .map((g) => {
      const list = [...g.byPath.values()].sort((a, b) => b.count - a.count || a.path.localeCompare(b.path));
      return { type: g.type, name: g.name, articles: list, total: list.reduce((n, a) => n + a.count, 0) };
    })
    .sort((a, b) => b.articles.length - a.articles.length || b.total - a.total || a.name.localeCompare(b.name));
}

function spanOf(s: TextSpan): TextSpan {
  return { start: s.start, end: s.end, text: s.text };
}
