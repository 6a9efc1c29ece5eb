// Schema checks for one annotation entry, on the plain JS value the YAML parser produced.
// Each entry is judged on its own so one bad entry never hides the good ones.

import { Annotation } from './types';

/** Keys this version reads and writes, in the order they are written. */
export const ANNOTATION_KEYS = ['id', 'label', 'note', 'evidence', 'reviewer', 'created', 'updated', 'target', 'conflict'] as const;
/** Keys of `target` in written order: the quote selector first, then the position selector. */
export const TARGET_KEYS = ['exact', 'prefix', 'suffix', 'start', 'end'] as const;

export type EntryCheck = { ok: true; annotation: Annotation } | { ok: false; id: string | null; problems: string[] };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks one entry of the `annotations` list and converts it to an Annotation. */
export function checkAnnotationEntry(value: unknown): EntryCheck {
  if (!isRecord(value)) return { ok: false, id: null, problems: ['entry is not a mapping of keys to values'] };
  const problems: string[] = [];
  const id = typeof value.id === 'string' ? value.id : null;
  const text = (key: string, required: boolean): string => {
    const v = value[key];
    if (v === undefined || v === null) {
      if (required) problems.push(`\`${key}\` is missing`);
      return '';
    }
    if (typeof v !== 'string') {
      problems.push(`\`${key}\` must be text, found ${describe(v)}`);
      return '';
    }
    return v;
  };
  if (id === null) problems.push(value.id === undefined ? '`id` is missing' : `\`id\` must be text, found ${describe(value.id)}`);
  else if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) problems.push('`id` must be 1-64 letters, digits, - or _');
  const label = text('label', true);
  if (typeof value.label === 'string' && label.trim() === '') problems.push('`label` is empty');
  const note = text('note', false);
  const reviewer = text('reviewer', false);
  const created = text('created', false);
  const updated = text('updated', false);
  for (const [key, v] of [['created', created], ['updated', updated]] as const) {
    if (v !== '' && !ISO_DATE.test(v)) problems.push(`\`${key}\` must be an ISO 8601 date, found "${v}"`);
  }
  const evidence: string[] = [];
  if (value.evidence !== undefined && value.evidence !== null) {
    if (!Array.isArray(value.evidence)) problems.push(`\`evidence\` must be a list of URLs, found ${describe(value.evidence)}`);
    else value.evidence.forEach((url, i) => {
      if (typeof url !== 'string') problems.push(`\`evidence\` item ${i + 1} must be a URL, found ${describe(url)}`);
      else evidence.push(url);
    });
  }
  if (value.conflict !== undefined && typeof value.conflict !== 'boolean') problems.push('`conflict` must be true or false');

  const target = value.target;
  let exact = '';
  let prefix = '';
  let suffix = '';
  let start = 0;
  let end = 0;
  if (!isRecord(target)) {
    problems.push(target === undefined ? '`target` is missing' : '`target` must be a mapping (exact, prefix, suffix, start, end)');
  } else {
    const str = (key: string, required: boolean): string => {
      const v = target[key];
      if (v === undefined || v === null) {
        if (required) problems.push(`\`target.${key}\` is missing`);
        return '';
      }
      if (typeof v !== 'string') {
        problems.push(`\`target.${key}\` must be text, found ${describe(v)}`);
        return '';
      }
      return v;
    };
    const int = (key: string): number => {
      const v = target[key];
      if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) {
        problems.push(v === undefined ? `\`target.${key}\` is missing` : `\`target.${key}\` must be a whole number >= 0, found ${describe(v)}`);
        return 0;
      }
      return v;
    };
    exact = str('exact', true);
    if (target.exact !== undefined && exact === '' && typeof target.exact === 'string') problems.push('`target.exact` is empty');
    prefix = str('prefix', false);
    suffix = str('suffix', false);
    start = int('start');
    end = int('end');
    if (end < start) problems.push(`\`target.end\` (${end}) is before \`target.start\` (${start})`);
  }
  if (problems.length > 0) return { ok: false, id, problems };

  const annotation: Annotation = {
    id: id!,
    label,
    note,
    evidence,
    reviewer,
    created,
    updated,
    target: { selector: { exact, prefix, suffix }, position: { start, end } },
  };
  if (value.conflict === true) annotation.conflict = true;
  const extra: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    if (!(ANNOTATION_KEYS as readonly string[]).includes(key)) extra[key] = value[key];
  }
  if (Object.keys(extra).length > 0) annotation.extra = extra;
  return { ok: true, annotation };
}

function describe(value: unknown): string {
  if (value === null) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return 'a YAML 1.1 timestamp (put it in quotes)';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `"${value.length > 40 ? value.slice(0, 40) + '…' : value}"`;
  return `${typeof value} ${String(value as number | boolean | bigint | symbol | undefined)}`;
}
