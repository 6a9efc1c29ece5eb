// The sources of one article from its analysis: every quote's speaker and every paraphrase's
// subject, grouped by the entity they resolve to (or, unresolved, by how they are written), with
// kind, affiliation, role and how much space each gets. Pure: analysis in, data out.
import type { Analysis, Entity, Mention, Span, TextSpan } from '../types';
import type { ArticleSources, Source, SourceStatement } from './types';
import { findParaphrases, linkParaphrases, type ParaphraseOptions } from './statements';
import { taggedParaphrases } from './tagged';
import type { SourceTaggerModel } from './tagger';
import { pairedParaphrases, type PairModel } from './pairs';
import { currentModels } from '../models';
import { firstStartingFrom } from '../spans';
import { affiliationEnd, affiliationFromRoles, affiliationNames, describe, kindOfEntity } from './describe';

export type { ArticleSources, Source, SourceKind, SourceStatement } from './types';
export { SOURCE_KINDS } from './types';
export { SourcesInterrupted } from './interrupt';

interface Credited {
  statement: SourceStatement;
  entityId: string | null;
  pronoun: boolean;
}

export interface SourceOptions extends ParaphraseOptions {
  /**
   * The source tagger that checks the rules' paraphrases and finds sources stated without a verb of
   * saying; by default the registered model's (assets/sources.bin), null for the cue rules alone.
   */
  tagger?: SourceTaggerModel | null;
  /**
   * The pair scorer that lists the subjects rules and tagger left out when their verb makes them a
   * source; by default the registered model's (assets/pairs.bin) unless `tagger` is null (the cue
   * rules alone), null for none.
   */
  pairs?: PairModel | null;
}

export function collectSources(text: string, analysis: Analysis, options: SourceOptions = {}): ArticleSources {
  const byId = new Map<string, Entity>(analysis.entities.map((e) => [e.id, e]));
  const mentions = sortedMentions(analysis.entities);
  const credited: Credited[] = [];
  let totalQuotedWords = 0;
  let unattributedQuotes = 0;
  for (const q of analysis.quotes) {
    const words = countWords(text, q.content.start, q.content.end);
    totalQuotedWords += words;
    if (!q.speaker) {
      unattributedQuotes++;
      continue;
    }
    const speaker = { start: q.speaker.start, end: q.speaker.end, text: q.speaker.text };
    credited.push({ statement: { kind: 'quote', span: { start: q.start, end: q.end, text: q.text }, speaker, cue: q.cue, words }, entityId: q.speaker.entityId, pronoun: q.speaker.kind === 'pronoun' });
  }
  const rules = findParaphrases(text, analysis, options);
  const tagger = options.tagger === undefined ? currentModels().sources : options.tagger;
  const tagged = tagger ? taggedParaphrases(text, analysis, rules, tagger, currentModels().tagger.clusters, options.interrupted) : rules;
  const pairs = options.pairs === undefined ? (tagger ? currentModels().pairs : null) : options.pairs;
  const paraphrases = pairs ? [...tagged, ...pairedParaphrases(text, analysis, listedSpeakers(analysis, tagged), pairs, currentModels().tagger.clusters, options.interrupted)] : tagged;
  const linked = linkParaphrases(text, analysis.quotes, paraphrases, analysis.entities);
  paraphrases.forEach((p, i) => {
    const l = linked[i];
    // "Washington and Seoul say …", "Both Pyongyang and Moscow have denied …": each name speaks.
    const parts = coordinatedNames(text, p.speaker, mentions);
    if (parts) {
      for (const m of parts) credited.push({ statement: { kind: 'paraphrase', span: p.span, speaker: { start: m.start, end: m.end, text: m.text }, cue: p.cue, words: 0 }, entityId: m.entityId, pronoun: false });
      return;
    }
    credited.push({ statement: { kind: 'paraphrase', span: p.span, speaker: p.speaker, cue: p.cue, words: 0 }, entityId: l?.entityId ?? null, pronoun: l?.kind === 'pronoun' });
  });
  credited.sort((a, b) => a.statement.speaker.start - b.statement.speaker.start);

  const groups = new Map<string, Credited[]>();
  for (const c of credited) {
    const key = c.entityId ?? (c.pronoun ? 'pronoun:' : 'description:') + normalise(c.statement.speaker.text);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = []));
    g.push(c);
  }
  const sources: Source[] = [];
  const names = affiliationNames(analysis.entities);
  for (const [key, group] of groups) sources.push(makeSource(text, key, group, byId, names, mentions, analysis.sentences, totalQuotedWords));
  const firstAt = new Map(sources.map((s) => [s, s.statements[0]!.speaker.start]));
  sources.sort((a, b) => b.quotedWords - a.quotedWords || b.quotes - a.quotes || b.paraphrases - a.paraphrases || firstAt.get(a)! - firstAt.get(b)!);
  return { sources, totalQuotedWords, unattributedQuotes };
}

function makeSource(text: string, key: string, group: Credited[], byId: Map<string, Entity>, names: ReadonlySet<string>, mentions: readonly Mention[], sentences: readonly Span[], total: number): Source {
  const statements = group.map((c) => c.statement).sort((a, b) => a.span.start - b.span.start || a.speaker.start - b.speaker.start);
  const forms = [...new Set(group.map((c) => c.statement.speaker.text))];
  const quotes = statements.filter((s) => s.kind === 'quote');
  const quotedWords = quotes.reduce((n, s) => n + s.words, 0);
  // A sentence that paraphrases one source through two cues ("said … and added …") is one statement.
  const paraphrases = new Set(statements.filter((s) => s.kind === 'paraphrase').map((s) => s.span.start)).size;
  const counts = { quotes: quotes.length, quotedWords, paraphrases, share: total > 0 ? quotedWords / total : 0, statements };
  const entity = group[0]!.entityId ? byId.get(group[0]!.entityId) ?? null : null;
  const firstWritten = group.find((c) => !c.pronoun)?.statement.speaker ?? group[0]!.statement.speaker;
  const inside = mentionsInside(mentions, firstWritten);
  if (entity) {
    const own = inside.find((m) => m.entityId === entity.id);
    const others = inside.filter((m) => m.entityId !== entity.id && byId.get(m.entityId)?.type !== 'PERSON');
    // An organisation's affiliation is whom a possessive says it belongs to ("Pyongyang's official
    // Korean Central News Agency"), as for a described source below.
    const owners = [...new Set(others.filter((m) => isPossessive(text, m.end)).map((m) => m.text))];
    const affiliation = entity.type === 'PERSON' ? affiliationFromRoles(entity.roles, names) ?? others[0]?.text ?? null : owners.length > 0 ? owners.join(' / ') : null;
    return {
      key,
      name: own?.text ?? (group.every((c) => c.pronoun) ? firstWritten.text : entity.name),
      entityId: entity.id,
      entityName: entity.name,
      named: true,
      description: null,
      kind: kindOfEntity(entity),
      affiliation,
      role: entity.roles.length > 0 ? entity.roles.join('; ') : null,
      forms,
      ...counts,
    };
  }
  const d = describe(firstWritten.text, firstWritten.start, inside, opensSentence(text, sentences, firstWritten.start));
  // A named organisation's own name may hold places ("Korean Central News Agency"): only a
  // possessive before it says whom it belongs to ("Pyongyang's").
  const affiliation: string[] = [];
  let covered = -1;
  for (let i = 0; i < inside.length; i++) {
    const m = inside[i]!;
    if (m.start < covered || byId.get(m.entityId)?.type === 'PERSON' || (d.named && !isPossessive(text, m.end))) continue;
    const limit = Math.min(d.headEnd, inside[i + 1]?.start ?? d.headEnd);
    covered = d.named || m.end >= limit ? m.end : affiliationEnd(text, m.end, limit);
    affiliation.push(text.slice(m.start, covered));
  }
  return {
    key,
    name: firstWritten.text,
    entityId: null,
    entityName: null,
    named: d.named,
    description: d.named ? null : firstWritten.text,
    kind: d.kind,
    affiliation: affiliation.length > 0 ? [...new Set(affiliation)].join(' / ') : null,
    role: d.role,
    forms,
    ...counts,
  };
}

/**
 * Whether text[at] begins a sentence, by the analysis' own sentences (`sentences`, in order): no
 * word before it in its sentence, or it follows a dateline's dash or a colon ("BERLIN — Officials
 * said", "Verdict: Critics …").
 */
export function opensSentence(text: string, sentences: readonly Span[], at: number): boolean {
  const k = firstStartingFrom(sentences, at + 1) - 1;
  const from = k >= 0 ? sentences[k]!.start : 0;
  if (!/[\p{L}\p{N}]/u.test(text.slice(from, at))) return true;
  let i = at - 1;
  while (i >= from && /[\s"“”‘’'()]/.test(text[i]!)) i--;
  return i >= from && /[:—–]/.test(text[i]!);
}

/** Whether a possessive 's follows text position `end`. */
function isPossessive(text: string, end: number): boolean {
  return /^['’]s\b/.test(text.slice(end, end + 3));
}

/** Words (letters or digits, with inner apostrophes and hyphens) in text[from, to). */
export function countWords(text: string, from: number, to: number): number {
  const m = text.slice(from, to).match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu);
  return m ? m.length : 0;
}

/** Lower case, single spaces, no leading article: "The Kremlin officials" and "Kremlin officials" group. */
function normalise(s: string): string {
  return s.toLowerCase().replace(/\s+/g, ' ').replace(/^(a|an|the) /, '').trim();
}

/** The speakers of the quotes and of `paraphrases`, sorted by start. */
function listedSpeakers(analysis: Analysis, paraphrases: readonly { speaker: Span }[]): Span[] {
  const out: Span[] = [];
  for (const q of analysis.quotes) if (q.speaker) out.push(q.speaker);
  for (const p of paraphrases) out.push(p.speaker);
  return out.sort((a, b) => a.start - b.start);
}

function sortedMentions(entities: readonly Entity[]): Mention[] {
  const all: Mention[] = [];
  for (const e of entities) all.push(...e.mentions);
  return all.sort((a, b) => a.start - b.start);
}

/** Mentions within `sp`, by binary search over mentions sorted by start (they never overlap). */
function mentionsInside(mentions: readonly Mention[], sp: Span): Mention[] {
  const lo = firstStartingFrom(mentions, sp.start);
  const out: Mention[] = [];
  for (let i = lo; i < mentions.length && mentions[i]!.start < sp.end; i++) if (mentions[i]!.end <= sp.end) out.push(mentions[i]!);
  return out;
}

/**
 * The names a subject joins with "and" or commas, when it is nothing else ("Both the United States
 * and South Korea"), or null.
 */
function coordinatedNames(text: string, sp: TextSpan, mentions: readonly Mention[]): Mention[] | null {
  const inside = mentionsInside(mentions, sp);
  if (inside.length < 2) return null;
  let rest = '';
  let at = sp.start;
  for (const m of inside) {
    rest += text.slice(at, m.start) + ' ';
    at = m.end;
  }
  rest += text.slice(at, sp.end);
  return /^(\s|,|and|both|the|’s|'s)*$/i.test(rest) && /\band\b/i.test(rest) ? inside : null;
}
export { applySourceCorrections, type CorrectionResult, type SourceCorrection } from './corrections';

// The editor asks for one analysis's sources from the view, the hover and the webview: worked out once.
const memo = new WeakMap<Analysis, ArticleSources>();

/** collectSources, kept per analysis object (an analysis is never changed once made). */
export function sourcesOfAnalysis(text: string, analysis: Analysis): ArticleSources {
  let r = memo.get(analysis);
  if (!r) memo.set(analysis, (r = collectSources(text, analysis)));
  return r;
}

export { sourceAt, statementSpans } from './lookup';
