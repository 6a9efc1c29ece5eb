// A workspace-wide index of articles: inverted postings from terms and entity keys to sentences, so
// "who else mentions Putin" and "which other articles report this sentence" are answered without
// comparing every sentence with every other. Documents get numeric ids, so a rename changes one
// map entry, and an update removes and re-adds only that document's own postings.
import type { Analysis, Mention, Span, TextSpan } from '../types';
import { MATCH_THRESHOLD } from './compare';
import { findConflict, type Conflict } from './conflict';
import { DEFAULT_WEIGHTS, termWeight, type ScoreWeights, type TermStats } from './score';
import { aliasKeys, articleStatements, nameKey, type Statement } from './statements';

/** Statement slots per document in a packed posting; a longer article indexes its first 65,536 sentences. */
const SENTENCE_SLOTS = 65536;

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
  /** Terms interned to small integers: postings and counts live in arrays indexed by them. */
  private readonly termIds = new Map<string, number>();
  /** term id -> packed (doc id * SENTENCE_SLOTS + statement index), in insertion order. */
  private readonly postings: number[][] = [];
  /** term id -> how many indexed statements hold the term. */
  private readonly dfs: number[] = [];
  /** entity alias key -> doc ids. */
  private readonly entityDocs = new Map<string, Set<number>>();
  private nextId = 1;
  private statementTotal = 0;

  get sentenceCount(): number {
    return this.statementTotal;
  }

  df(term: string): number {
    const id = this.termIds.get(term);
    return id === undefined ? 0 : this.dfs[id]!;
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
    // Statements past the packing limit stay searchable within their article but out of the postings.
    const limit = Math.min(statements.length, SENTENCE_SLOTS);
    for (let si = 0; si < limit; si++) {
      const packed = id * SENTENCE_SLOTS + si;
      for (const t of statements[si]!.terms) {
        let tid = this.termIds.get(t);
        if (tid === undefined) {
          tid = this.postings.length;
          this.termIds.set(t, tid);
          this.postings.push([]);
          this.dfs.push(0);
        }
        this.postings[tid]!.push(packed);
        this.dfs[tid]!++;
      }
    }
    this.statementTotal += limit;
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
    // Only this document's terms are visited; each posting list loses this document's entries.
    const touched = new Set<number>();
    const limit = Math.min(entry.statements.length, SENTENCE_SLOTS);
    for (let si = 0; si < limit; si++) {
      for (const t of entry.statements[si]!.terms) {
        const tid = this.termIds.get(t)!;
        this.dfs[tid]!--;
        touched.add(tid);
      }
    }
    const lo = entry.id * SENTENCE_SLOTS;
    const hi = lo + SENTENCE_SLOTS;
    for (const tid of touched) {
      const list = this.postings[tid]!;
      let w = 0;
      for (let r = 0; r < list.length; r++) {
        const p = list[r]!;
        if (p < lo || p >= hi) list[w++] = p;
      }
      list.length = w;
    }
    this.statementTotal -= limit;
    for (const key of entry.mentionsByKey.keys()) {
      const docs = this.entityDocs.get(key);
      if (docs?.delete(entry.id) && docs.size === 0) this.entityDocs.delete(key);
    }
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
      const dots = new Map<number, number>();
      const lo = entry.id * SENTENCE_SLOTS;
      const hi = lo + SENTENCE_SLOTS;
      for (const t of s.terms) {
        const tid = this.termIds.get(t);
        if (tid === undefined) continue;
        const w2 = weightOf(t) ** 2;
        for (const p of this.postings[tid]!) {
          if (p >= lo && p < hi) continue;
          dots.set(p, (dots.get(p) ?? 0) + w2);
        }
      }
      const ownNorm = normOf(s);
      const shortSide = weights.shortSide;
      for (const [p, dot] of dots) {
        // (dot <= otherNorm, so the cosine is at most sqrt(dot / ownNorm).)
        if (shortSide === 0.5 && dot < threshold * threshold * ownNorm) continue;
        const other = this.byId.get(Math.floor(p / SENTENCE_SLOTS))!;
        const b = other.statements[p % SENTENCE_SLOTS]!;
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
