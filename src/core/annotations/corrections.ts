// The `corrections` section of a sidecar: a reviewer's fixes to the entity analysis of one
// article (retype a mention, "not an entity", merge two entities, keep two apart) and to the
// sources list. Schema checks on the plain values the YAML parser produced, the plain form each
// entry is written in, and set arithmetic for edits and three-way merges (entries are compared
// by what they say, so the same correction made twice is one correction).
//
// On disk (sidecar version 2):
//   corrections:
//     entities:
//       - mention: Lam
//         type: PERSON
//         reviewer: jane
//         date: 2026-12-07T06:00:00Z
//       - mention: FILE
//         type: none
//       - merge: [Kim Jong Un, Kim]
//       - split: [Kim Jong Un, Kim Jong Il]
//     sources:
//       - source: a U.S. Embassy spokesperson
//         kind: organisation
//         affiliation: U.S. Embassy

import { CORRECTED_TYPES, SOURCE_KINDS, type CorrectedType, type Corrections, type EntityCorrection, type SourceCorrection, type SourceKind } from './types';

/** Additions and removals of corrections; a removal names an entry by what it says (see correctionKey). */
export interface CorrectionChanges {
  add?: Partial<Corrections>;
  remove?: Partial<Corrections>;
}

export type CorrectionCheck<T> = { ok: true; value: T } | { ok: false; problems: string[] };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const MAX_TEXT = 500;

export const EMPTY_CORRECTIONS: Corrections = Object.freeze({ entities: [], sources: [] }) as Corrections;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** reviewer and date, checked into `problems`. */
function signature(value: Record<string, unknown>, problems: string[]): { reviewer?: string; date?: string } {
  const out: { reviewer?: string; date?: string } = {};
  if (value.reviewer !== undefined && value.reviewer !== null) {
    if (typeof value.reviewer !== 'string') problems.push('`reviewer` must be text');
    else out.reviewer = value.reviewer;
  }
  if (value.date !== undefined && value.date !== null) {
    if (typeof value.date !== 'string' || !ISO_DATE.test(value.date)) problems.push('`date` must be an ISO 8601 date in quotes or as written by News Annotator');
    else out.date = value.date;
  }
  return out;
}

function nameText(v: unknown, what: string, problems: string[]): string {
  if (typeof v !== 'string') {
    problems.push(`${what} must be text`);
    return '';
  }
  if (v.trim() === '') problems.push(`${what} is empty`);
  else if (v.length > MAX_TEXT) problems.push(`${what} is longer than ${MAX_TEXT} characters`);
  return v;
}

/** Checks one entry of `corrections.entities`. */
export function checkEntityCorrection(value: unknown): CorrectionCheck<EntityCorrection> {
  if (!isRecord(value)) return { ok: false, problems: ['entry is not a mapping of keys to values'] };
  const problems: string[] = [];
  const forms = ['mention', 'merge', 'split'].filter((k) => value[k] !== undefined);
  if (forms.length !== 1) {
    return { ok: false, problems: [forms.length === 0 ? 'entry needs `mention` (with `type`), `merge` or `split`' : `entry has both \`${forms[0]}\` and \`${forms[1]}\`; write them as two entries`] };
  }
  const sig = signature(value, problems);
  if (forms[0] === 'mention') {
    const mention = nameText(value.mention, '`mention`', problems);
    const type = value.type;
    if (type === undefined) problems.push('`type` is missing (PERSON, ORG, PLACE, NORP or none)');
    else if (typeof type !== 'string' || !(CORRECTED_TYPES as readonly string[]).includes(type)) problems.push(`\`type\` must be one of ${CORRECTED_TYPES.join(', ')}`);
    return problems.length > 0 ? { ok: false, problems } : { ok: true, value: { kind: 'retype', mention, type: type as CorrectedType, ...sig } };
  }
  const kind = forms[0] as 'merge' | 'split';
  const list = value[kind];
  if (!Array.isArray(list) || list.length < 2) return { ok: false, problems: [`\`${kind}\` must be a list of two or more names`] };
  const names = list.map((n, i) => nameText(n, `\`${kind}\` item ${i + 1}`, problems));
  if (new Set(names).size !== names.length) problems.push(`\`${kind}\` names the same text twice`);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: { kind, names, ...sig } };
}

/** Checks one entry of `corrections.sources`. */
export function checkSourceCorrection(value: unknown): CorrectionCheck<SourceCorrection> {
  if (!isRecord(value)) return { ok: false, problems: ['entry is not a mapping of keys to values'] };
  const problems: string[] = [];
  const source = value.source === undefined ? (problems.push('`source` is missing'), '') : nameText(value.source, '`source`', problems);
  const out: SourceCorrection = { source };
  if (value.kind !== undefined && value.kind !== null) {
    if (typeof value.kind !== 'string' || !(SOURCE_KINDS as readonly string[]).includes(value.kind)) problems.push(`\`kind\` must be one of ${SOURCE_KINDS.join(', ')}`);
    else out.kind = value.kind as SourceKind;
  }
  if (value.affiliation !== undefined && value.affiliation !== null) out.affiliation = nameText(value.affiliation, '`affiliation`', problems);
  Object.assign(out, signature(value, problems));
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: out };
}

/** The entry as written in the file, keys in order. */
export function entityCorrectionPlain(c: EntityCorrection): Record<string, unknown> {
  const head: Record<string, unknown> = c.kind === 'retype' ? { mention: c.mention, type: c.type } : { [c.kind]: [...c.names] };
  if (c.reviewer !== undefined) head.reviewer = c.reviewer;
  if (c.date !== undefined) head.date = c.date;
  return head;
}

export function sourceCorrectionPlain(c: SourceCorrection): Record<string, unknown> {
  const out: Record<string, unknown> = { source: c.source };
  if (c.kind !== undefined) out.kind = c.kind;
  if (c.affiliation !== undefined) out.affiliation = c.affiliation;
  if (c.reviewer !== undefined) out.reviewer = c.reviewer;
  if (c.date !== undefined) out.date = c.date;
  return out;
}

/** What a correction says, whoever made it and when: two entries with one key are the same correction. */
export function entityCorrectionKey(c: EntityCorrection): string {
  return c.kind === 'retype' ? JSON.stringify(['retype', c.mention, c.type]) : JSON.stringify([c.kind, ...c.names]);
}

export function sourceCorrectionKey(c: SourceCorrection): string {
  return JSON.stringify([c.source, c.kind ?? null, c.affiliation ?? null]);
}

/** `current` with `changes` applied: removals first, then additions not already there (by key). */
export function applyCorrectionChanges(current: Corrections, changes: CorrectionChanges): Corrections {
  return {
    entities: applyList(current.entities, changes.add?.entities, changes.remove?.entities, entityCorrectionKey),
    sources: applyList(current.sources, changes.add?.sources, changes.remove?.sources, sourceCorrectionKey),
  };
}

function applyList<T>(current: readonly T[], add: readonly T[] | undefined, remove: readonly T[] | undefined, key: (c: T) => string): T[] {
  const removed = new Set((remove ?? []).map(key));
  const out = current.filter((c) => !removed.has(key(c)));
  const present = new Set(out.map(key));
  for (const c of add ?? []) {
    const k = key(c);
    if (present.has(k)) continue;
    present.add(k);
    out.push(c);
  }
  return out;
}

/** Whether `changes` would change `current` at all. */
export function correctionChangesSomething(current: Corrections, changes: CorrectionChanges | undefined): boolean {
  if (!changes) return false;
  const has = <T>(list: readonly T[], c: T, key: (c: T) => string) => list.some((x) => key(x) === key(c));
  return (changes.remove?.entities ?? []).some((c) => has(current.entities, c, entityCorrectionKey)) ||
    (changes.remove?.sources ?? []).some((c) => has(current.sources, c, sourceCorrectionKey)) ||
    (changes.add?.entities ?? []).some((c) => !has(current.entities, c, entityCorrectionKey)) ||
    (changes.add?.sources ?? []).some((c) => !has(current.sources, c, sourceCorrectionKey));
}

/** The changes that turn `base` into `mine` (for a three-way merge: applied to theirs). */
export function correctionsDiff(base: Corrections, mine: Corrections): CorrectionChanges {
  const diff = <T>(from: readonly T[], to: readonly T[], key: (c: T) => string) => {
    const inFrom = new Set(from.map(key));
    const inTo = new Set(to.map(key));
    return { add: to.filter((c) => !inFrom.has(key(c))), remove: from.filter((c) => !inTo.has(key(c))) };
  };
  const e = diff(base.entities, mine.entities, entityCorrectionKey);
  const s = diff(base.sources, mine.sources, sourceCorrectionKey);
  return { add: { entities: e.add, sources: s.add }, remove: { entities: e.remove, sources: s.remove } };
}

/**
 * The changes that record `correction` and drop the entries it overrides: an earlier retype of
 * the same mention, or a merge (split) of the same names when splitting (merging) them now.
 */
export function recordEntityCorrection(current: Corrections, correction: EntityCorrection): CorrectionChanges {
  const overridden = current.entities.filter((c) => {
    if (correction.kind === 'retype') return c.kind === 'retype' && c.mention === correction.mention;
    if (c.kind === 'retype') return false;
    const shared = c.names.filter((n) => correction.names.includes(n)).length;
    return shared >= 2 && (c.kind !== correction.kind || entityCorrectionKey(c) === entityCorrectionKey(correction));
  });
  return { add: { entities: [correction] }, remove: { entities: overridden } };
}
