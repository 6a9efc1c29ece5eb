// Surgical sidecar edits: a change to one claim replaces only that claim's bytes in the file the
// reviewer wrote. A changed value is replaced in place (its comment and quoting style around it
// stay); a claim whose shape changed (a key added or dropped, a new evidence list) has only its
// own entry re-printed; an added claim is appended after the last one, a removed claim's lines
// are cut. Everything else (comments, blank lines, spacing, numbers as written) stays byte for
// byte. Returns null when the file's layout is one these rules do not cover; the caller then
// falls back to re-printing the document.

import { Document, isMap, isScalar, isSeq, Scalar, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import type { ParsedSidecar } from './parse';
import { CORRECTIONS_VERSION, type Annotation } from './types';
import type { CorrectionChanges } from './corrections';
import { itemKey, listChanges, toPlain } from './correctionsNode';

interface Splice {
  start: number;
  end: number;
  text: string;
}

/** How an existing entry is brought up to date: in place, or re-printed from its edited node. */
export type EntryEditor = (entry: YAMLMap, annotation: Annotation) => YAMLMap;

export interface SurgicalPlan {
  /** Entries to bring up to date, by id (only those that differ). */
  updates: Map<string, Annotation>;
  /** New entries, in order, appended after the last one. */
  additions: Annotation[];
  removals: Set<string>;
  textHash: string | undefined;
  /** Corrections to add and remove (only when they change something). */
  corrections?: CorrectionChanges;
}

const TO_STRING = { lineWidth: 0, minContentWidth: 0, blockQuote: false, doubleQuotedAsJSON: true } as const;

export function surgicalEdit(
  store: ParsedSidecar,
  plan: SurgicalPlan,
  reprint: EntryEditor,
  render: (a: Annotation) => YAMLMap,
): string | null {
  const doc = store.document;
  if (doc === null) return null;
  const src = store.source;
  const splices: Splice[] = [];

  if (plan.textHash !== undefined && plan.textHash !== store.header.textHash) {
    const node = doc.get('textHash', true);
    if (!isPlainSpliceable(node)) return null;
    splices.push(scalarSplice(node, plan.textHash, false));
  }

  const pair = (doc.contents && isMap(doc.contents) ? doc.contents.items : []).find((p) => isScalar(p.key) && p.key.value === 'annotations') as Pair | undefined;
  const seq = pair?.value;
  const items = isSeq(seq) && !seq.flow ? (seq as YAMLSeq).items : [];
  const needsList = plan.updates.size > 0 || plan.removals.size > 0 || plan.additions.length > 0;
  if (needsList && !(isSeq(seq) && !seq.flow) && plan.additions.length === 0) return null;

  for (const item of items) {
    if (!isMap(item) || !item.range || item.flow) continue;
    const id = item.get('id');
    if (typeof id !== 'string') continue;
    const [start, , end] = item.range;
    if (plan.removals.has(id)) {
      const dash = dashBefore(src, start);
      if (dash < 0) return null;
      splices.push({ start: lineStart(src, dash), end: lineEndAfter(src, end), text: '' });
      continue;
    }
    const updated = plan.updates.get(id);
    if (updated === undefined) continue;
    const inPlace = valueSplices(item, updated);
    if (inPlace !== null) {
      splices.push(...inPlace);
      continue;
    }
    const column = start - lineStart(src, start);
    const printed = printBlock(reprint(item.clone() as YAMLMap, updated), column);
    const original = src.slice(start, end);
    splices.push({ start, end, text: original.endsWith('\n') ? `${printed}\n` : printed });
  }

  if (plan.additions.length > 0) {
    if (isSeq(seq) && !seq.flow && items.length > 0) {
      const last = items[items.length - 1]!;
      if (!isMap(last) || !last.range) return null;
      const start = last.range[0];
      const dash = dashBefore(src, start);
      if (dash < 0) return null;
      const dashColumn = dash - lineStart(src, dash);
      const column = start - lineStart(src, start);
      const end = last.range[2];
      const lead = src.slice(start, end).endsWith('\n') ? '' : '\n';
      const text = plan.additions.map((a) => seqItem(render(a), dashColumn, column)).join('\n');
      splices.push({ start: end, end, text: lead + text + (lead === '' ? '\n' : '') });
    } else if (pair && isScalar(pair.key) && pair.key.range && (seq === null || seq === undefined || (isScalar(seq) && seq.value === null) || (isSeq(seq) && seq.flow && seq.items.length === 0))) {
      // `annotations:` with nothing, or `annotations: []`: the list starts on the next line.
      const keyColumn = pair.key.range[0] - lineStart(src, pair.key.range[0]);
      const valueRange = (seq as Scalar | YAMLSeq | null)?.range;
      let at = valueRange ? valueRange[0] : pair.key.range[1];
      const valueEnd = valueRange ? valueRange[1] : at;
      while (at > 0 && (src[at - 1] === ' ' || src[at - 1] === '\t')) at--;
      const colon = src.lastIndexOf(':', at);
      if (colon < pair.key.range[1] - 1 || src.slice(colon + 1, at).trim() !== '') return null;
      const text = plan.additions.map((a) => '\n' + seqItem(render(a), keyColumn + 2, keyColumn + 4)).join('');
      splices.push({ start: at, end: valueEnd, text });
    } else {
      return null;
    }
  }

  if (plan.corrections) {
    const more = correctionSplices(store, plan.corrections);
    if (more === null) return null;
    splices.push(...more);
  }

  if (splices.length === 0) return null;
  // Last first; of two insertions at one offset the later one is applied first, so the earlier ends up before it.
  const order = new Map(splices.map((sp, i) => [sp, i]));
  splices.sort((a, b) => b.start - a.start || order.get(b)! - order.get(a)!);
  let out = src;
  for (const s of splices) out = out.slice(0, s.start) + (store.eol === '\r\n' ? s.text.replace(/\r?\n/g, '\r\n') : s.text) + out.slice(s.end);
  return out;
}

/** In-place value replacements for an entry whose changes are all to existing one-line scalars, else null. */
function valueSplices(entry: YAMLMap, a: Annotation): Splice[] | null {
  const out: Splice[] = [];
  const fields: [string[], string | number][] = [
    [['label'], a.label], [['note'], a.note], [['reviewer'], a.reviewer], [['created'], a.created], [['updated'], a.updated],
    [['target', 'exact'], a.target.selector.exact], [['target', 'prefix'], a.target.selector.prefix], [['target', 'suffix'], a.target.selector.suffix],
    [['target', 'start'], a.target.position.start], [['target', 'end'], a.target.position.end],
  ];
  for (const [path, value] of fields) {
    const node = entry.getIn(path, true);
    if (node === undefined) {
      if (value === '' && path[0] !== 'label') continue; // an absent optional text stays absent
      return null;
    }
    if (!isScalar(node)) return null;
    if (node.value === value) continue;
    if (!isPlainSpliceable(node)) return null;
    const parent = path.length > 1 ? entry.getIn(path.slice(0, -1), true) : entry;
    out.push(scalarSplice(node, value, isMap(parent) && parent.flow === true));
  }
  const evidence = entry.get('evidence', true);
  const currentEvidence = isSeq(evidence) ? (evidence.toJSON() as unknown) : evidence === undefined || (isScalar(evidence) && evidence.value === null) ? [] : evidence;
  if (JSON.stringify(currentEvidence) !== JSON.stringify(a.evidence)) return null;
  if ((entry.get('conflict') === true) !== (a.conflict === true)) return null;
  for (const [key, value] of Object.entries(a.extra ?? {})) {
    const current = entry.get(key, true);
    const plain = current && typeof current === 'object' && 'toJSON' in current ? (current as { toJSON(): unknown }).toJSON() : current;
    if (JSON.stringify(plain) !== JSON.stringify(value)) return null;
  }
  return out;
}

/** A scalar written on one line (plain or quoted) whose source range is known. */
function isPlainSpliceable(node: unknown): node is Scalar & { range: [number, number, number] } {
  return isScalar(node) && node.range !== undefined && node.range !== null &&
    (node.type === Scalar.PLAIN || node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE);
}

function scalarSplice(node: Scalar & { range: [number, number, number] }, value: string | number, inFlow: boolean): Splice {
  const style = node.type === Scalar.QUOTE_SINGLE ? 'single' : inFlow || node.type === Scalar.QUOTE_DOUBLE ? 'double' : 'plain';
  return { start: node.range[0], end: node.range[1], text: scalarText(value, style) };
}

/** A value as one line of YAML in the quoting the reviewer used; plain only when it reads back as the same text. */
function scalarText(value: string | number, style: 'plain' | 'single' | 'double'): string {
  if (typeof value === 'number') return String(value);
  if (style === 'single' && !/[\n\r]/.test(value)) return `'${value.replace(/'/g, "''")}'`;
  if (style !== 'plain') return JSON.stringify(value);
  const printed = new Document(value).toString(TO_STRING).replace(/\n$/, '');
  return printed.includes('\n') ? JSON.stringify(value) : printed;
}

/** A block map printed with every line after the first indented to `column`. */
function printBlock(map: YAMLMap, column: number): string {
  const lines = new Document(map).toString(TO_STRING).replace(/\n$/, '').split('\n');
  const pad = ' '.repeat(column);
  return lines.map((line, i) => (i === 0 || line === '' ? line : pad + line)).join('\n');
}

/** A new list item: `-` at `dashColumn`, the entry's keys at `column`; no trailing newline. */
function seqItem(map: YAMLMap, dashColumn: number, column: number): string {
  const gap = Math.max(1, column - dashColumn - 1);
  return ' '.repeat(dashColumn) + '-' + ' '.repeat(gap) + printBlock(map, dashColumn + 1 + gap);
}

/** Offset of the `-` introducing the item that starts at `start` (only spaces between), or -1. */
function dashBefore(src: string, start: number): number {
  let i = start - 1;
  while (i >= 0 && (src[i] === ' ' || src[i] === '\t')) i--;
  if (i < 0 || src[i] !== '-') return -1;
  const before = src.slice(lineStart(src, i), i);
  return before.trim() === '' ? i : -1;
}

function lineStart(src: string, at: number): number {
  return src.lastIndexOf('\n', at - 1) + 1;
}

/** `end` if it already is a line start, else just past the next newline (or the end of the text). */
function lineEndAfter(src: string, end: number): number {
  if (end === 0 || src[end - 1] === '\n') return end;
  const nl = src.indexOf('\n', end);
  return nl < 0 ? src.length : nl + 1;
}

/**
 * The splices of a corrections change: entries cut and appended in their lists, the version raised
 * to 2, or a whole new section appended at the end of the file when there is none. Null when the
 * section's layout is one these rules do not cover (a list that is absent, empty or in flow style).
 */
function correctionSplices(store: ParsedSidecar, changes: CorrectionChanges): Splice[] | null {
  const doc = store.document!;
  const src = store.source;
  const out: Splice[] = [];
  if (store.header.version < CORRECTIONS_VERSION) {
    const node = doc.get('version', true);
    if (!isPlainSpliceable(node)) return null;
    out.push({ start: node.range[0], end: node.range[1], text: String(CORRECTIONS_VERSION) });
  }
  const top = doc.contents && isMap(doc.contents) ? doc.contents : null;
  if (top === null || top.flow) return null;
  const section = top.get('corrections', true);
  if (section === undefined) {
    const plain: Record<string, unknown> = {};
    for (const list of ['entities', 'sources'] as const) {
      const { added } = listChanges(list, new Set(), changes);
      if (added.length > 0) plain[list] = added;
    }
    const printed = new Document({ corrections: plain }).toString(TO_STRING);
    const at = src.length;
    out.push({ start: at, end: at, text: (src === '' || src.endsWith('\n') ? '' : '\n') + printed });
    return out;
  }
  if (!isMap(section) || section.flow) return null;
  for (const list of ['entities', 'sources'] as const) {
    const seq = section.get(list, true);
    const items = isSeq(seq) && !seq.flow ? seq.items : [];
    const present = new Set(items.map((item) => itemKey(list, toPlain(item))).filter((k): k is string => k !== null));
    const { removed, added } = listChanges(list, present, changes);
    if (removed.size === 0 && added.length === 0) continue;
    if (items.length === 0) return null;
    for (const item of items) {
      const range = (item as { range?: [number, number, number] }).range;
      if (!range) return null;
      const key = itemKey(list, toPlain(item));
      if (key !== null && removed.has(key)) {
        const dash = dashBefore(src, range[0]);
        if (dash < 0) return null;
        out.push({ start: lineStart(src, dash), end: lineEndAfter(src, range[2]), text: '' });
      }
    }
    if (added.length === 0) continue;
    // Appended on the line after the last entry (kept or cut: a cut entry's lines end there too).
    const last = items[items.length - 1] as { range?: [number, number, number] };
    const start = last.range![0];
    const dash = dashBefore(src, start);
    if (dash < 0) return null;
    const dashColumn = dash - lineStart(src, dash);
    const column = start - lineStart(src, start);
    const at = lineEndAfter(src, last.range![2]);
    const lead = at === src.length && !src.endsWith('\n') ? '\n' : '';
    const text = added.map((plain) => seqItem(new Document(plain).contents as YAMLMap, dashColumn, column)).join('\n');
    out.push({ start: at, end: at, text: lead + text + (lead === '' ? '\n' : '') });
  }
  return out;
}
