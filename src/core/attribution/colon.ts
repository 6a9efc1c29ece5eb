// Quotes introduced by a colon: a name label ("Dana Reyes: “…”"), a clause whose subject speaks, a
// source phrase ("From the report:").
import { TASTE_VERBS, embeddingClauseSubject } from './embedding';
import type { RawAttribution } from './raw';
import { subjectAfter, subjectBefore } from './subjects';
import { T_QUOTE, T_WORD, type Tok } from './tokens';
import { CUE_WORDS, DETERMINERS, IRREGULAR_PAST, PRONOUNS, STOP } from './words';

/**
 * A name standing alone before a colon that opens the quote: "Jeffrey M. Jones: “Gallup finds …”",
 * the digest and transcript way of crediting a quote. The name must open its clause.
 */
export function colonLabel(toks: Tok[], qt: number): RawAttribution | null {
  const colon = toks[qt - 1]!;
  if (colon.lower !== ':') return null;
  let first = qt - 2;
  const last = first;
  while (first >= 0 && qt - 2 - first < 6) {
    const t = toks[first]!;
    if (t.kind === T_WORD && t.cap && !STOP.has(t.lower) && !DETERMINERS.has(t.lower)) first--;
    else if (t.kind === T_WORD && t.lower === 'and' && first > 0 && toks[first - 1]!.cap) first--;
    else break;
  }
  first++;
  if (first > last || toks[first]!.lower === 'and') return null;
  first = roleLabelStart(toks, first);
  const before = toks[first - 1];
  // Only a label: nothing but a dash, a quote or the start of the window before it.
  if (before && !(before.kind === T_QUOTE || /^[-–—.]$/.test(before.lower))) return null;
  return { speaker: { start: toks[first]!.start, end: toks[last]!.end }, cue: { start: colon.start, end: colon.end }, inherited: false };
}

/**
 * The start of a role title in lower case before the name of a colon label: "Former secretary of
 * state Hillary Rodham Clinton:". The title must open with a capital (it opens the line) and hold
 * only nouns and "of": no verb, so "Asked about it, Clinton:" stays out. `name` when there is none.
 */
function roleLabelStart(toks: Tok[], name: number): number {
  let k = name - 1;
  while (k >= 0 && name - k <= 5) {
    const t = toks[k]!;
    if (t.kind !== T_WORD || CUE_WORDS.has(t.lower) || /(ed|ing|ly)$/.test(t.lower) || DETERMINERS.has(t.lower) || PRONOUNS.has(t.lower)) return name;
    if (STOP.has(t.lower) && t.lower !== 'of') return name;
    if (t.cap) return k < name - 1 && toks[k + 1]!.lower !== 'of' ? k : name;
    k--;
  }
  return name;
}

/**
 * The clause ending in the colon at `colon` introduces the quote after it, and whoever that clause
 * names as its subject or source says the words: "Trump went even further: “…”", "Article 33
 * affirms: “…”", "From the report: “…”", "Here’s Clinton in 1992: “…”".
 */
export function colonIntroducer(toks: Tok[], colon: number): RawAttribution | null {
  if (colon < 1 || toks[colon]!.lower !== ':') return null;
  return colonSourcePhrase(toks, colon) ?? embeddingClauseSubject(toks, colon) ?? colonVerbSubject(toks, colon);
}

/**
 * The subject before the first past-tense verb of the colon clause, when that subject ends in a
 * name: "Republican presidential nominee Donald Trump issued the following statement:".
 */
function colonVerbSubject(toks: Tok[], colon: number): RawAttribution | null {
  let start = colon - 1;
  while (start >= 0 && toks[start]!.kind === T_WORD) start--;
  start++;
  for (let v = start + 1; v < colon; v++) {
    const t = toks[v]!;
    if (t.kind !== T_WORD || t.cap || !(t.lower.endsWith('ed') || IRREGULAR_PAST.has(t.lower))) continue;
    if (!toks[v - 1]!.cap || STOP.has(t.lower) || TASTE_VERBS.has(t.lower)) return null;
    const sp = subjectBefore(toks, v, start);
    return sp ? { speaker: sp, cue: { start: t.start, end: t.end }, inherited: false } : null;
  }
  return null;
}

/**
 * A clause that is only a pointer to the source: "From the report:", "More from Blumenthal and
 * Cohen:", "Here’s Clinton in December 1992:", "Here is the senator:". The source follows the
 * opening words.
 */
function colonSourcePhrase(toks: Tok[], colon: number): RawAttribution | null {
  let start = colon - 1;
  while (start >= 0 && toks[start]!.kind === T_WORD) start--;
  start++;
  if (start > 0 && toks[start - 1]!.kind !== T_QUOTE && !/^[-–—.!?]$/.test(toks[start - 1]!.lower)) return null;
  let k = start;
  if (toks[k]?.lower === 'more') k++;
  if (toks[k]?.lower === 'from') k++;
  else if (k === start && (toks[k]?.lower === 'here’s' || toks[k]?.lower === "here's")) k++;
  else if (k === start && toks[k]?.lower === 'here' && toks[k + 1]?.lower === 'is') k += 2;
  else return null;
  if (k >= colon) return null;
  const sp = subjectAfter(toks, k, colon);
  if (!sp) return null;
  return { speaker: sp, cue: { start: toks[colon]!.start, end: toks[colon]!.end }, inherited: false };
}
