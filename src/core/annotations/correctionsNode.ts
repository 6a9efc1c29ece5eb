// The `corrections` section as YAML nodes: built for a new file, or edited in place in a parsed
// document (entries are removed or appended one by one, so an entry this version cannot read, and
// every comment, stays as it was).

import { isMap, isSeq, YAMLMap, YAMLSeq, type Document } from 'yaml';
import {
  checkEntityCorrection,
  checkSourceCorrection,
  entityCorrectionKey,
  entityCorrectionPlain,
  sourceCorrectionKey,
  sourceCorrectionPlain,
  type CorrectionChanges,
} from './corrections';
import { CORRECTIONS_VERSION, type Corrections } from './types';

/** A new `corrections` mapping holding `corrections` (empty lists left out). */
export function correctionsNode(doc: Document, corrections: Corrections): YAMLMap {
  const plain: Record<string, unknown> = {};
  if (corrections.entities.length > 0) plain.entities = corrections.entities.map(entityCorrectionPlain);
  if (corrections.sources.length > 0) plain.sources = corrections.sources.map(sourceCorrectionPlain);
  return doc.createNode(plain) as YAMLMap;
}

/** The key of a list item as parsed, or null when the entry does not pass the schema. */
export function itemKey(list: 'entities' | 'sources', plain: unknown): string | null {
  if (list === 'entities') {
    const check = checkEntityCorrection(plain);
    return check.ok ? entityCorrectionKey(check.value) : null;
  }
  const check = checkSourceCorrection(plain);
  return check.ok ? sourceCorrectionKey(check.value) : null;
}

/** The keys `changes` removes and the plain entries it adds to `list`, given what is there now. */
export function listChanges(list: 'entities' | 'sources', present: Set<string>, changes: CorrectionChanges): { removed: Set<string>; added: Record<string, unknown>[] } {
  const removed = new Set(list === 'entities' ? (changes.remove?.entities ?? []).map(entityCorrectionKey) : (changes.remove?.sources ?? []).map(sourceCorrectionKey));
  const added: Record<string, unknown>[] = [];
  const seen = new Set([...present].filter((k) => !removed.has(k)));
  const add = list === 'entities'
    ? (changes.add?.entities ?? []).map((c) => [entityCorrectionKey(c), entityCorrectionPlain(c)] as const)
    : (changes.add?.sources ?? []).map((c) => [sourceCorrectionKey(c), sourceCorrectionPlain(c)] as const);
  for (const [key, plain] of add) {
    if (seen.has(key)) continue;
    seen.add(key);
    added.push(plain);
  }
  return { removed, added };
}

/** Applies `changes` to the document's `corrections` section (made when absent) and raises `version` to 2. */
export function editCorrections(doc: Document, changes: CorrectionChanges): void {
  let section = doc.get('corrections', true);
  if (!isMap(section)) {
    section = new YAMLMap();
    doc.set('corrections', section);
  }
  for (const list of ['entities', 'sources'] as const) {
    let seq: unknown = (section as YAMLMap).get(list, true);
    const items = isSeq(seq) ? seq.items : [];
    const present = new Set(items.map((item) => itemKey(list, toPlain(item))).filter((k): k is string => k !== null));
    const { removed, added } = listChanges(list, present, changes);
    if (removed.size === 0 && added.length === 0) continue;
    if (!isSeq(seq)) {
      seq = new YAMLSeq();
      (section as YAMLMap).set(list, seq);
    }
    const s = seq as YAMLSeq;
    s.items = s.items.filter((item) => !removed.has(itemKey(list, toPlain(item)) ?? ''));
    for (const plain of added) s.items.push(doc.createNode(plain));
  }
  const version = doc.get('version');
  if (typeof version !== 'number' || version < CORRECTIONS_VERSION) doc.set('version', CORRECTIONS_VERSION);
}

export function toPlain(node: unknown): unknown {
  return node && typeof node === 'object' && 'toJSON' in node ? (node as { toJSON(): unknown }).toJSON() : node;
}
