// A workspace-wide index of articles: inverted postings from terms and entity keys to sentences, so
// "who else mentions Putin" and "which other articles report this sentence" are answered without
// comparing every sentence with every other. Documents get numeric ids, so a rename changes one
// map entry, and an update removes and re-adds only that document's own postings.
import type { Analysis, Mention, Span, TextSpan } from '../types';
import { MATCH_THRESHOLD } from './compare';
import { findConflict, type Conflict } from './conflict';
import { DEFAULT_WEIGHTS, termWeight, type ScoreWeights, type TermStats } from './score';
import { aliasKeys, articleStatements, nameKey, type Statement } from './statements';

export interface CorpusDocument<A = unknown> {
  path: string;
  text: string;
  analysis: Pick<Analysis, 'sentences' | 'entities' | 'quotes'>;
  /** The reviewer's annotations, carried for callers; the index does not read them. */
  annotations?: A;
}

export interface CorpusMention extends TextSpan {
  path: string;
  entityId: string;
}

export interface CorpusMatch {
  /** The article that corroborates. */
  path: string;
  /** The queried article's statement. */
  own: TextSpan;
  /** The other article's statement. */
  other: TextSpan;
  score: number;
  conflict?: Conflict;
}

interface Entry<A> {
  id: number;
  path: string;
  doc: CorpusDocument<A>;
  statements: Statement[];
  /** Entity alias key -> mentions of entities answering to it in this document. */
  mentionsByKey: Map<string, Mention[]>;
  /** Each entity's alias keys, for widening a name query to the entity's other names. */
  entityKeys: string[][];
}

export interface MatchOptions {
  threshold?: number;
  weights?: ScoreWeights;
  /** At most this many matches, best first. */
  limit?: number;
}

export class CorpusIndex<A = unknown> implements TermStats {
  private readonly byPath = new Map<string, Entry<A>>();
  private readonly byId = new Map<number, Entry<A>>();
  /** term -> doc id -> statement indices. */
  private readonly postings = new Map<string, Map<number, number[]>>();
  /** entity alias key -> doc ids. */
  private readonly entityDocs = new Map<string, Set<number>>();
  private readonly dfs = new Map<string, number>();
  private nextId = 1;
  private statementTotal = 0;

  get sentenceCount(): number {
    return this.statementTotal;
  }

  df(term: string): number {
    return this.dfs.get(term) ?? 0;
  }

  get size(): number {
    return this.byPath.size;
  }

  paths(): string[] {
    return [...this.byPath.keys()];
  }

  has(path: string): boolean {
    return this.byPath.has(path);
  }

  get(path: string): CorpusDocument<A> | undefined {
    return this.byPath.get(path)?.doc;
  }

  statements(path: string): readonly Statement[] {
    return this.byPath.get(path)?.statements ?? [];
  }

  /** Adds a document, replacing any earlier version at the same path. */
  add(doc: CorpusDocument<A>): void {
    this.remove(doc.path);
    const id = this.nextId++;
    const statements = articleStatements(doc.text, doc.analysis);
    const mentionsByKey = new Map<string, Mention[]>();
    const entityKeys: string[][] = [];
    for (const e of doc.analysis.entities) {
      const keys = aliasKeys(e);
      entityKeys.push(keys);
      for (const key of keys) {
        const list = mentionsByKey.get(key);
        if (list) list.push(...e.mentions);
        else mentionsByKey.set(key, [...e.mentions]);
        let docs = this.entityDocs.get(key);
        if (!docs) this.entityDocs.set(key, (docs = new Set()));
        docs.add(id);
      }
    }
    const entry: Entry<A> = { id, path: doc.path, doc, statements, mentionsByKey, entityKeys };
    for (const s of statements) {
      for (const t of s.terms) {
        let byDoc = this.postings.get(t);
        if (!byDoc) this.postings.set(t, (byDoc = new Map()));
        const list = byDoc.get(id);
        if (list) list.push(s.index);
        else byDoc.set(id, [s.index]);
        this.dfs.set(t, (this.dfs.get(t) ?? 0) + 1);
      }
    }
    this.statementTotal += statements.length;
    this.byPath.set(doc.path, entry);
    this.byId.set(id, entry);
  }

  /** Same as add: the new text and analysis replace the old postings of this document only. */
  update(doc: CorpusDocument<A>): void {
    this.add(doc);
  }

  remove(path: string): boolean {
    const entry = this.byPath.get(path);
    if (!entry) return false;
    for (const s of entry.statements) {
      for (const t of s.terms) {
        const byDoc = this.postings.get(t);
        if (byDoc?.delete(entry.id) && byDoc.size === 0) this.postings.delete(t);
        const n = (this.dfs.get(t) ?? 1) - 1;
        if (n > 0) this.dfs.set(t, n);
        else this.dfs.delete(t);
      }
    }
    for (const key of entry.mentionsByKey.keys()) {
      const docs = this.entityDocs.get(key);
      if (docs?.delete(entry.id) && docs.size === 0) this.entityDocs.delete(key);
    }
    this.statementTotal -= entry.statements.length;
    this.byPath.delete(path);
    this.byId.delete(entry.id);
    return true;
  }

  rename(oldPath: string, newPath: string): boolean {
    const entry = this.byPath.get(oldPath);
    if (!entry || oldPath === newPath) return false;
    this.remove(newPath);
    this.byPath.delete(oldPath);
    entry.path = newPath;
    entry.doc = { ...entry.doc, path: newPath };
    this.byPath.set(newPath, entry);
    return true;
  }

  /**
   * Every mention, in every article, of the entity a name stands for. Alias-aware: a name found
   * in one article brings in that entity's other names, so "Vladimir Putin" also finds articles
   * that only say "Putin", and "Putin" finds "Vladimir Putin".
   */
  mentionsOf(name: string): CorpusMention[] {
    const keys = this.expandName(name);
    const out: CorpusMention[] = [];
    for (const entry of this.entriesWith(keys)) {
      const seen = new Set<Mention>();
      for (const key of keys) {
        for (const m of entry.mentionsByKey.get(key) ?? []) {
          if (seen.has(m)) continue;
          seen.add(m);
          out.push({ path: entry.path, start: m.start, end: m.end, text: m.text, entityId: m.entityId });
        }
      }
    }
    out.sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : x.start - y.start));
    return out;
  }

  articlesMentioning(name: string): string[] {
    return [...this.entriesWith(this.expandName(name))].map((e) => e.path).sort();
  }

  /** Statements in OTHER articles that report what the sentences of `path` overlapping `span` report. */
  matchesFor(path: string, span: Span, options: MatchOptions = {}): CorpusMatch[] {
    const entry = this.byPath.get(path);
    if (!entry) return [];
    const threshold = options.threshold ?? MATCH_THRESHOLD;
    const weights = options.weights ?? DEFAULT_WEIGHTS;
    const weightCache = new Map<string, number>();
    const weightOf = (t: string): number => {
      let w = weightCache.get(t);
      if (w === undefined) weightCache.set(t, (w = termWeight(t, this, weights)));
      return w;
    };
    const normOf = (s: Statement): number => {
      let n = 0;
      for (const t of s.terms) n += weightOf(t) ** 2;
      return n;
    };
    const own = entry.statements.filter((s) => s.start < Math.max(span.end, span.start + 1) && s.end > span.start);
    const out: CorpusMatch[] = [];
    for (const s of own) {
      // Term-at-a-time accumulation of dot products over the postings of the statement's terms.
      const dots = new Map<number, Map<number, number>>();
      for (const t of s.terms) {
        const byDoc = this.postings.get(t);
        if (!byDoc) continue;
        const w2 = weightOf(t) ** 2;
        for (const [docId, indices] of byDoc) {
          if (docId === entry.id) continue;
          let perDoc = dots.get(docId);
          if (!perDoc) dots.set(docId, (perDoc = new Map()));
          for (const i of indices) perDoc.set(i, (perDoc.get(i) ?? 0) + w2);
        }
      }
      const ownNorm = normOf(s);
      const shortSide = weights.shortSide;
      for (const [docId, perDoc] of dots) {
        const other = this.byId.get(docId)!;
        for (const [i, dot] of perDoc) {
          // No denominator can make the score pass if the dot product alone cannot: skip the norm.
          // (dot <= otherNorm, so the cosine is at most sqrt(dot / ownNorm).)
          if (shortSide === 0.5 && dot < threshold * threshold * ownNorm) continue;
          const b = other.statements[i]!;
          const otherNorm = normOf(b);
          const score = dot / (Math.pow(Math.min(ownNorm, otherNorm), shortSide) * Math.pow(Math.max(ownNorm, otherNorm), 1 - shortSide));
          if (score < threshold) continue;
          const conflict = findConflict(s, b);
          out.push({
            path: other.path,
            own: { start: s.start, end: s.end, text: s.text },
            other: { start: b.start, end: b.end, text: b.text },
            score: Math.round(score * 1000) / 1000,
            ...(conflict ? { conflict } : {}),
          });
        }
      }
    }
    out.sort((x, y) => y.score - x.score || (x.path < y.path ? -1 : x.path > y.path ? 1 : x.other.start - y.other.start));
    return options.limit === undefined ? out : out.slice(0, options.limit);
  }

  /** The query name's keys plus, one step out, every alias of the entities it names. */
  private expandName(name: string): Set<string> {
    const base = nameKey(name);
    const keys = new Set<string>(['ent:' + base]);
    for (const entry of this.entriesWith(new Set(keys))) {
      for (const ek of entry.entityKeys) if (ek.includes('ent:' + base)) for (const k of ek) keys.add(k);
    }
    return keys;
  }

  private *entriesWith(keys: Set<string>): Iterable<Entry<A>> {
    const ids = new Set<number>();
    for (const k of keys) for (const id of this.entityDocs.get(k) ?? []) ids.add(id);
    for (const id of ids) yield this.byId.get(id)!;
  }
}
