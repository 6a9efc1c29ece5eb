// A reviewer's entity corrections (from the sidecar) applied to an analysis: they win over the
// model on that article. Pure: analysis and corrections in, a new analysis out.
//
// Order: retypes first (a mention written exactly so gets the type, or leaves the entities for
// `none`), then merges, then splits, so "never grouped" wins over a merge of the same names.
// Mentions are matched by their exact text; a merge or split names entities by any of their
// mention texts. Entity ids follow the analysis' rule (TYPE:canonical name), and quote speakers
// follow their mention to its new entity.
import type { Analysis, Entity, EntityType, Mention, Quote } from '../types';
import type { EntityCorrection } from '../annotations/types';

interface Group {
  type: EntityType;
  /** The name the group had, kept while it still has a mention so written. */
  name: string;
  roles: string[];
  mentions: Mention[];
}

/** `analysis` with `corrections` applied; the very same object when there are none. */
export function applyEntityCorrections(analysis: Analysis, corrections: readonly EntityCorrection[]): Analysis {
  if (corrections.length === 0) return analysis;
  let groups: Group[] = analysis.entities.map((e) => ({ type: e.type, name: e.name, roles: e.roles, mentions: [...e.mentions] }));
  const groupOfId = new Map(analysis.entities.map((e, i) => [e.id, groups[i]!]));
  for (const c of corrections) if (c.kind === 'retype') groups = retype(groups, c.mention, c.type);
  for (const c of corrections) if (c.kind === 'merge') groups = mergeNames(groups, c.names);
  for (const c of corrections) if (c.kind === 'split') groups = splitNames(groups, c.names);
  return rebuild(analysis, groups, groupOfId);
}

function retype(groups: Group[], text: string, type: EntityType | 'none'): Group[] {
  const out: Group[] = [];
  const moved: Mention[] = [];
  for (const g of groups) {
    const hit = g.mentions.filter((m) => m.text === text);
    if (hit.length === 0) out.push(g);
    else if (hit.length === g.mentions.length) {
      // The whole group is written so: it keeps its aliases' grouping and takes the new type.
      if (type !== 'none') out.push({ ...g, type });
    } else {
      out.push({ ...g, mentions: g.mentions.filter((m) => m.text !== text) });
      if (type !== 'none') moved.push(...hit);
    }
  }
  if (type === 'none' || moved.length === 0) return out;
  // Mentions taken out of a mixed group join a group of the new type that has that name, or form one.
  const home = out.find((g) => g.type === type && g.mentions.some((m) => m.text === text));
  if (home) home.mentions.push(...moved);
  else out.push({ type, name: text, roles: [], mentions: moved });
  return out;
}

function mergeNames(groups: Group[], names: readonly string[]): Group[] {
  const named = (g: Group, n: string) => g.mentions.some((m) => m.text === n);
  const involved: Group[] = [];
  // The group of the first name found leads: its type and name stay.
  for (const n of names) for (const g of groups) if (named(g, n) && !involved.includes(g)) involved.push(g);
  if (involved.length < 2) return groups;
  const lead = involved[0]!;
  const merged: Group = {
    type: lead.type,
    name: lead.name,
    roles: [...new Set(involved.flatMap((g) => g.roles))],
    mentions: involved.flatMap((g) => g.mentions),
  };
  return groups.filter((g) => !involved.includes(g) || g === lead).map((g) => (g === lead ? merged : g));
}

function splitNames(groups: Group[], names: readonly string[]): Group[] {
  const out: Group[] = [];
  for (const g of groups) {
    const present = names.filter((n) => g.mentions.some((m) => m.text === n));
    if (present.length < 2) {
      out.push(g);
      continue;
    }
    // The group's own name keeps the group (and its other aliases) when it is one of them, else
    // the first name present; each other one leaves with its mentions.
    const stays = present.includes(g.name) ? g.name : present[0]!;
    const leaving = present.filter((n) => n !== stays);
    out.push({ ...g, mentions: g.mentions.filter((m) => !leaving.includes(m.text)) });
    for (const n of leaving) out.push({ type: g.type, name: n, roles: [], mentions: g.mentions.filter((m) => m.text === n) });
  }
  return out;
}

function rebuild(analysis: Analysis, groups: Group[], groupOfId: Map<string, Group>): Analysis {
  const entities: Entity[] = [];
  const idOfMention = new Map<Mention, string>();
  const taken = new Set<string>();
  const finalOf = new Map<Group, Entity>();
  for (const g of groups) {
    if (g.mentions.length === 0) continue;
    const mentions = [...g.mentions].sort((a, b) => a.start - b.start);
    const texts = [...new Set(mentions.map((m) => m.text))];
    // The name stays while a mention still says it; otherwise the longest form left.
    const name = texts.includes(g.name) ? g.name : texts.reduce((a, b) => (b.length > a.length ? b : a));
    let id = `${g.type}:${name}`;
    for (let k = 2; taken.has(id); k++) id = `${g.type}:${name}#${k}`;
    taken.add(id);
    const entity: Entity = {
      id,
      type: g.type,
      name,
      aliases: [name, ...texts.filter((t) => t !== name)],
      roles: g.roles,
      mentions: mentions.map((m) => ({ ...m, entityId: id })),
    };
    mentions.forEach((m) => idOfMention.set(m, id));
    finalOf.set(g, entity);
    entities.push(entity);
  }
  entities.sort((a, b) => a.mentions[0]!.start - b.mentions[0]!.start);
  // A speaker follows the mention it overlaps; else its old entity's group, if that still exists.
  const allMentions = entities.flatMap((e) => e.mentions).sort((a, b) => a.start - b.start);
  const quotes: Quote[] = analysis.quotes.map((q) => {
    const s = q.speaker;
    if (!s || s.entityId === null) return q;
    const overlapping = allMentions.find((m) => m.start < s.end && s.start < m.end);
    let entityId: string | null = overlapping?.entityId ?? null;
    if (entityId === null) {
      const old = groupOfId.get(s.entityId);
      const survivor = old ? [...finalOf.entries()].find(([g]) => g === old || g.mentions.some((m) => old.mentions.includes(m)))?.[1] : undefined;
      entityId = survivor?.id ?? null;
    }
    return entityId === s.entityId ? q : { ...q, speaker: { ...s, entityId } };
  });
  return { ...analysis, entities, quotes };
}
