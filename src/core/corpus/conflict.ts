// Two statements that report the same thing can still disagree: a different count ("24 years" vs
// "25 years"), a different day, different words inside the same quote, or a different person in
// the same place. Only like is compared with like (years with years, weekdays with weekdays), and
// a quote that merely cites fewer words than the other is not a disagreement.
import type { Statement } from './statements';
import { nameKey } from './statements';
import type { Quantity } from './terms';

export type ConflictKind = 'number' | 'date' | 'quote' | 'name';

export interface Conflict {
  kind: ConflictKind;
  aText: string;
  bText: string;
}

export function findConflict(a: Statement, b: Statement): Conflict | null {
  return numberConflict(a.quantities, b.quantities) ?? quoteConflict(a.quotes, b.quotes) ?? nameConflict(a, b);
}

function numberConflict(qa: readonly Quantity[], qb: readonly Quantity[]): Conflict | null {
  // Group by what is counted: plain numbers by their unit word, dates by their kind.
  const groups = (qs: readonly Quantity[]): Map<string, Quantity[]> => {
    const m = new Map<string, Quantity[]>();
    for (const q of qs) {
      const key = q.kind === 'num' ? (q.unit ? 'num|' + q.unit : '') : q.kind === 'ord' ? '' : q.kind;
      if (!key) continue;
      const list = m.get(key);
      if (list) list.push(q);
      else m.set(key, [q]);
    }
    return m;
  };
  const ga = groups(qa);
  const gb = groups(qb);
  for (const [key, listA] of ga) {
    const listB = gb.get(key);
    if (!listB) continue;
    const termsB = new Set(listB.map((q) => q.term));
    if (listA.some((q) => termsB.has(q.term))) continue;
    const show = (l: Quantity[]) => l.map((q) => q.text).join(', ');
    return { kind: key.startsWith('num|') ? 'number' : 'date', aText: show(listA), bText: show(listB) };
  }
  return null;
}

function quoteWords(q: string): string[] {
  return q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

function quoteConflict(qa: readonly string[], qb: readonly string[]): Conflict | null {
  for (const x of qa) {
    const wx = quoteWords(x);
    const nx = wx.join(' ');
    if (wx.length < 2) continue;
    for (const y of qb) {
      const wy = quoteWords(y);
      const ny = wy.join(' ');
      if (wy.length < 2 || nx.includes(ny) || ny.includes(nx)) continue;
      const sx = new Set(wx);
      const shared = wy.filter((w) => sx.has(w)).length;
      // Mostly the same words, yet neither is an excerpt of the other: the wording differs.
      if (shared / Math.min(sx.size, new Set(wy).size) >= 0.6) return { kind: 'quote', aText: x.trim(), bText: y.trim() };
    }
  }
  return null;
}

function nameConflict(a: Statement, b: Statement): Conflict | null {
  const tokens = (n: string) => nameKey(n).split(' ');
  // The same person when one name's words are all in the other's ("Kim" and "Kim Jong Un").
  const sameAsAny = (n: string, others: readonly string[]) => {
    const tn = tokens(n);
    return others.some((o) => {
      const to = tokens(o);
      return tn.every((t) => to.includes(t)) || to.every((t) => tn.includes(t));
    });
  };
  const onlyA = a.persons.filter((n) => !sameAsAny(n, b.persons));
  const onlyB = b.persons.filter((n) => !sameAsAny(n, a.persons));
  // One person on each side the other never names, in statements otherwise alike: a swapped name.
  if (onlyA.length === 1 && onlyB.length === 1) return { kind: 'name', aText: onlyA[0]!, bText: onlyB[0]! };
  return null;
}
