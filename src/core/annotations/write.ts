// Writing sidecars. An update touches only the bytes of the claims it changes (see surgical.ts),
// so the reviewer's comments, spacing, key order, numbers as written and keys this version does
// not know all survive, and a one-claim change is a few-line git diff. Layouts the surgical edit
// does not cover fall back to editing the parsed YAML document (on a clone) and re-printing it.
// Nothing changed -> null, so the caller writes nothing.

import { Document, isMap, isScalar, isSeq, parseDocument, YAMLMap, YAMLSeq } from 'yaml';
import { sameAnnotation } from './merge';
import { MAX_ALIAS_COUNT, ParsedSidecar } from './parse';
import { surgicalEdit, type SurgicalPlan } from './surgical';
import { applyCorrectionChanges, correctionChangesSomething, type CorrectionChanges } from './corrections';
import { correctionsNode, editCorrections } from './correctionsNode';
import { Annotation, Corrections, CORRECTIONS_VERSION, PLAIN_SIDECAR_VERSION, SidecarHeader } from './types';

export interface SidecarChanges {
  /** Annotations to add (unknown id) or replace (known id), field by field. */
  upsert?: Annotation[];
  /** Ids to remove. Unknown ids are ignored. */
  remove?: string[];
  /** New `textHash`, after anchors were resolved on the current text. */
  textHash?: string;
  /** Reviewer corrections to add or remove (the file becomes version 2 once it holds any). */
  corrections?: CorrectionChanges;
}

export type UpdateResult =
  | { ok: true; /** The new file text, or null when nothing changed. */ text: string | null }
  | { ok: false; error: string };

// No folding and no block scalars: every value stays on one line, so diffs stay small and exact.
const TO_STRING = { lineWidth: 0, minContentWidth: 0, blockQuote: false, doubleQuotedAsJSON: true } as const;

/** A brand-new sidecar, with a short header comment explaining what the file is. */
export function createSidecar(header: Omit<SidecarHeader, 'version'>, annotations: Annotation[], eol: '\n' | '\r\n' = '\n', corrections?: Corrections): string {
  const hasCorrections = corrections !== undefined && (corrections.entities.length > 0 || corrections.sources.length > 0);
  const doc = new Document({ version: hasCorrections ? CORRECTIONS_VERSION : PLAIN_SIDECAR_VERSION, article: header.article, textHash: header.textHash, annotations: [] });
  doc.commentBefore =
    ` Reviewer notes for ${header.article}, kept by News Annotator.\n` +
    ' One block per claim: label is the verdict, target is the claim text (exact) with context and position.';
  const list = doc.get('annotations', true) as YAMLSeq;
  for (const a of annotations) list.items.push(annotationNode(doc, a));
  if (hasCorrections) doc.set('corrections', correctionsNode(doc, corrections));
  const text = doc.toString(TO_STRING);
  return eol === '\n' ? text : text.replace(/\n/g, '\r\n');
}

/**
 * Applies `changes` to the sidecar read as `store` and returns the new text, or null when the
 * result says the same thing. Refuses (ok: false) when the store is not writable.
 */
export function updateSidecar(store: ParsedSidecar, changes: SidecarChanges): UpdateResult {
  if (!store.writable) {
    return { ok: false, error: store.error?.message ?? store.warnings[0] ?? 'The annotations file is read-only' };
  }
  if (store.document === null) {
    // Empty or absent file: write from scratch when there is anything to write.
    const added = changes.upsert ?? [];
    const corrected = correctionChangesSomething(store.corrections, changes.corrections);
    if (added.length === 0 && !corrected && (changes.textHash === undefined || changes.textHash === store.header.textHash)) return { ok: true, text: null };
    const corrections = applyCorrectionChanges(store.corrections, changes.corrections ?? {});
    const text = createSidecar({ article: store.header.article, textHash: changes.textHash ?? store.header.textHash }, added, store.eol, corrections);
    return { ok: true, text: (store.hadBom ? '\uFEFF' : '') + text };
  }

  if (changesNothing(store, changes)) return { ok: true, text: null };
  const edited = reprinted(store, changes);
  if (edited === null) return { ok: true, text: null };
  // The surgical text is used only when it reads back exactly as the edited document.
  const surgical = surgicalEdit(store, planOf(store, changes), (entry, a) => (updateEntry(store.document!, entry, a), entry), (a) => annotationNode(store.document!, a));
  let text: string;
  if (surgical !== null && sameContent(surgical, edited)) text = surgical;
  else {
    text = edited.toString(TO_STRING);
    if (store.eol === '\r\n') text = text.replace(/\r?\n/g, '\r\n');
  }
  if (text === store.source) return { ok: true, text: null };
  return { ok: true, text: (store.hadBom ? '\uFEFF' : '') + text };
}

/** Which entries an update adds, changes and removes. */
function planOf(store: ParsedSidecar, changes: SidecarChanges): SurgicalPlan {
  const seq = store.document?.get('annotations', true);
  const present = new Set<string>();
  if (isSeq(seq)) {
    for (const item of seq.items) {
      const id = isMap(item) ? item.get('id') : undefined;
      if (typeof id === 'string') present.add(id);
    }
  }
  const known = new Map(store.annotations.map((a) => [a.id, a]));
  const removals = new Set((changes.remove ?? []).filter((id) => present.has(id)));
  const updates = new Map<string, Annotation>();
  const additions: Annotation[] = [];
  for (const a of changes.upsert ?? []) {
    if (removals.has(a.id)) continue;
    if (!present.has(a.id)) {
      if (!additions.some((b) => b.id === a.id)) additions.push(a);
      continue;
    }
    const current = known.get(a.id);
    if (current === undefined || !sameAnnotation(current, a)) updates.set(a.id, a);
  }
  const corrections = correctionChangesSomething(store.corrections, changes.corrections) ? changes.corrections : undefined;
  return { updates, additions, removals, textHash: changes.textHash, corrections };
}

/** `text` parses to the same data as `doc` (key order aside). */
function sameContent(text: string, doc: Document): boolean {
  const parsed = parseDocument(text, { uniqueKeys: true, version: '1.2' });
  if (parsed.errors.length > 0) return false;
  return canonical(parsed.toJS({ maxAliasCount: MAX_ALIAS_COUNT })) === canonical(doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }));
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

/** The whole document edited as a tree (a clone), or null when nothing changed. */
function reprinted(store: ParsedSidecar, changes: SidecarChanges): Document | null {
  const doc = store.document!.clone();
  let changed = false;
  if (changes.textHash !== undefined && doc.get('textHash') !== changes.textHash) {
    doc.set('textHash', changes.textHash);
    changed = true;
  }
  let list = doc.get('annotations', true);
  if (!isSeq(list)) {
    list = new YAMLSeq();
    doc.set('annotations', list);
  }
  const seq = list as YAMLSeq;
  const removed = new Set(changes.remove ?? []);
  const entryOf = (item: unknown): string | undefined => {
    const id = isMap(item) ? item.get('id') : undefined;
    return typeof id === 'string' ? id : undefined;
  };
  if (removed.size > 0) {
    const kept = seq.items.filter((item) => !removed.has(entryOf(item) ?? ''));
    if (kept.length !== seq.items.length) {
      seq.items = kept;
      changed = true;
    }
  }
  const byId = new Map<string, YAMLMap>();
  for (const item of seq.items) {
    const id = entryOf(item);
    if (id !== undefined && !byId.has(id)) byId.set(id, item as YAMLMap);
  }
  for (const a of changes.upsert ?? []) {
    const entry = byId.get(a.id);
    if (entry === undefined) {
      const node = annotationNode(doc, a);
      seq.items.push(node);
      byId.set(a.id, node);
      changed = true;
    } else if (updateEntry(doc, entry, a)) {
      changed = true;
    }
  }
  if (correctionChangesSomething(store.corrections, changes.corrections)) {
    editCorrections(doc, changes.corrections!);
    changed = true;
  }
  return changed ? doc : null;
}

/** The YAML node for a new annotation, keys in the documented order. */
function annotationNode(doc: Document, a: Annotation): YAMLMap {
  const plain: Record<string, unknown> = {
    id: a.id,
    label: a.label,
    note: a.note,
    evidence: a.evidence,
    reviewer: a.reviewer,
    created: a.created,
    updated: a.updated,
    target: {
      exact: a.target.selector.exact,
      prefix: a.target.selector.prefix,
      suffix: a.target.selector.suffix,
      start: a.target.position.start,
      end: a.target.position.end,
    },
  };
  if (a.conflict) plain.conflict = true;
  for (const [key, value] of Object.entries(a.extra ?? {})) if (!(key in plain)) plain[key] = value;
  return doc.createNode(plain) as YAMLMap;
}

/** Sets the fields of an existing entry that differ; untouched nodes keep their comments and style. */
function updateEntry(doc: Document, map: YAMLMap, a: Annotation): boolean {
  let changed = false;
  const setScalar = (node: YAMLMap, key: string, value: string | number) => {
    const current = node.get(key, true);
    if (isScalar(current) && current.value === value) return;
    if (current === undefined && value === '' && key !== 'label') return; // an absent optional text stays absent
    node.set(key, value);
    changed = true;
  };
  setScalar(map, 'label', a.label);
  setScalar(map, 'note', a.note);
  const evidence = map.get('evidence');
  const currentEvidence = isSeq(evidence) ? evidence.toJSON() : evidence === undefined || evidence === null ? [] : evidence;
  if (!sameJson(currentEvidence, a.evidence)) {
    map.set('evidence', doc.createNode(a.evidence));
    changed = true;
  }
  setScalar(map, 'reviewer', a.reviewer);
  setScalar(map, 'created', a.created);
  setScalar(map, 'updated', a.updated);
  let t = map.get('target', true) as unknown;
  if (!isMap(t)) {
    t = new YAMLMap();
    map.set('target', t);
    changed = true;
  }
  setScalar(t as YAMLMap, 'exact', a.target.selector.exact);
  setScalar(t as YAMLMap, 'prefix', a.target.selector.prefix);
  setScalar(t as YAMLMap, 'suffix', a.target.selector.suffix);
  setScalar(t as YAMLMap, 'start', a.target.position.start);
  setScalar(t as YAMLMap, 'end', a.target.position.end);
  if (a.conflict === true && map.get('conflict') !== true) {
    map.set('conflict', true);
    changed = true;
  } else if (a.conflict !== true && map.has('conflict')) {
    map.delete('conflict');
    changed = true;
  }
  for (const [key, value] of Object.entries(a.extra ?? {})) {
    const current = map.get(key, true);
    const currentPlain = current && typeof current === 'object' && 'toJSON' in current ? (current as { toJSON(): unknown }).toJSON() : current;
    if (!sameJson(currentPlain, value)) {
      map.set(key, doc.createNode(value));
      changed = true;
    }
  }
  return changed;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Cheap check that spares cloning and re-printing a large document when a save changes nothing. */
function changesNothing(store: ParsedSidecar, changes: SidecarChanges): boolean {
  if (changes.textHash !== undefined && changes.textHash !== store.header.textHash) return false;
  if (correctionChangesSomething(store.corrections, changes.corrections)) return false;
  const known = new Map(store.annotations.map((a) => [a.id, a]));
  if ((changes.remove ?? []).some((id) => known.has(id) || store.entryProblems.some((p) => p.id === id))) return false;
  return (changes.upsert ?? []).every((a) => {
    const current = known.get(a.id);
    return current !== undefined && sameAnnotation(current, a);
  });
}
