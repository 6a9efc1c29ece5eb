// Roles and titles next to a person's name: "Kremlin aide Yuri Ushakov", "NATO chief Jens
// Stoltenberg", "Leif-Eric Easley, professor at Ewha University". Titles are kept out of the
// name itself so "President Putin" and "Putin" are the same mention text.
import { F_CAP, F_POSSESSIVE, PUNCT, WORD, hashString, type Tokens } from '../text/tokenize';
import { hashSetOf, type HashTable } from '../text/hashTable';

const set = (words: string): HashTable => hashSetOf(words.split(' ').map(hashString));

// Abbreviated titles ("Sen. Claire Doe", "Lt. Gov. Ann Roe"): role heads, and never a name on their own.
const TITLE_ABBREVIATIONS_TEXT = 'sen. sens. rep. reps. gov. lt. gen. col. sgt. capt. adm. maj. cmdr. rev. prof. supt. atty. amb. pres.';

/** Nouns that head a role. */
export const ROLE_HEADS = set(
  TITLE_ABBREVIATIONS_TEXT + ' ' + 'president minister aide chief spokesman spokeswoman spokesperson adviser advisor leader secretary professor chairman chairwoman chair director ambassador envoy general senator governor mayor king queen prince princess emperor pope premier chancellor commander coach captain judge justice official officer analyst correspondent editor founder ceo executive head manager lawyer attorney prosecutor economist researcher scientist expert diplomat negotiator representative congressman congresswoman lawmaker legislator deputy vice-president vice-chairman dictator ruler monarch sheikh cardinal bishop archbishop rabbi imam lieutenant colonel sergeant major admiral marshal inspector commissioner administrator superintendent treasurer strategist campaigner activist candidate nominee president-elect member counsel mp',
);

/** The abbreviated titles: a tagged "Sen." alone is dropped, one before a name becomes the role. */
export const TITLE_ABBREVIATIONS = set(TITLE_ABBREVIATIONS_TEXT);

/** Words that may stand before a role head inside the role: "Foreign Minister", "foreign policy adviser". */
export const ROLE_MODIFIERS = set(
  'foreign policy deputy former vice prime defence defense security national state senior top chief general assistant acting interior finance press executive communications campaign party opposition army military white house home trade justice health education energy economy economic environment culture transport labour labor agriculture intelligence supreme first lead principal special associate managing political human rights council committee commission department ministry agency office news government federal regional local district county city public affairs international external internal central bank armed forces navy air force police spokesman news-agency',
);

/** Honorifics dropped from a name without becoming a role. */
export const HONORIFICS = set('mr mr. mrs mrs. ms ms. dr dr. sir dame lord lady madam');

const POSTNOMINAL_LINKS = set('at of for');
const DETERMINERS = set('a an the');
const COMMA = hashString(',');

export interface RoleContext {
  text: string;
  tok: Tokens;
  /** For each token, whether it belongs to a non-person named mention (NATO, Kremlin, Russian). */
  inNamedMention: Uint8Array;
}

function clean(s: string): string {
  return s.replace(/\s+/g, ' ');
}

/** The role written right before the name starting at token `first` ("Kremlin aide"), or null. */
export function roleBefore(ctx: RoleContext, first: number): string | null {
  const from = roleStartBefore(ctx, first);
  return from < 0 ? null : roleText(ctx, from, first - 1);
}

/** The role's text from token `from` to its head. */
export function roleText(ctx: RoleContext, from: number, head: number): string {
  return clean(ctx.text.slice(ctx.tok.start[from], ctx.tok.end[head]));
}

/** The first token of the role right before the name starting at token `first` (its head is first - 1), or -1. */
export function roleStartBefore(ctx: RoleContext, first: number): number {
  const { tok } = ctx;
  const head = first - 1;
  if (head < 0 || tok.kind[head] !== WORD || !ROLE_HEADS.has(tok.lower[head])) return -1;
  let from = head;
  for (let j = head - 1; j >= 0 && head - j < 7; j--) {
    // "Ukraine’s Foreign Minister": the country or body owning the role is part of it, and starts it.
    if (tok.flags[j] & F_POSSESSIVE) {
      if (j > 0 && ctx.inNamedMention[j - 1]) from = namedMentionStart(ctx, j - 1);
      break;
    }
    if (tok.kind[j] !== WORD && !(tok.kind[j] === PUNCT && ctx.inNamedMention[j])) break;
    const w = tok.lower[j];
    if (ROLE_HEADS.has(w) || ROLE_MODIFIERS.has(w) || ctx.inNamedMention[j]) from = j;
    else break;
  }
  return from;
}

/** The first token of the named mention that token j belongs to. */
function namedMentionStart(ctx: RoleContext, j: number): number {
  while (j > 0 && ctx.inNamedMention[j - 1]) j--;
  return j;
}

/** An appositive role right after the name ending at token `last`: ", professor at Ewha University". */
export function roleAfter(ctx: RoleContext, last: number): string | null {
  const { tok } = ctx;
  let j = last + 1;
  if (j >= tok.count || tok.lower[j] !== COMMA) return null;
  j++;
  if (j < tok.count && DETERMINERS.has(tok.lower[j])) j++;
  const from = j;
  let head = -1;
  for (; j < tok.count && j - from < 6; j++) {
    if (tok.kind[j] !== WORD) break;
    const w = tok.lower[j];
    if (ROLE_HEADS.has(w)) head = j;
    else if (!(ROLE_MODIFIERS.has(w) || ctx.inNamedMention[j])) break;
  }
  if (head < 0) return null;
  let end = head;
  // "… at Ewha University", "… of the Vietnamese Communist Party"
  let k = head + 1;
  if (k < tok.count && POSTNOMINAL_LINKS.has(tok.lower[k])) {
    k++;
    if (k < tok.count && DETERMINERS.has(tok.lower[k])) k++;
    while (k < tok.count && ctx.inNamedMention[k] && k - head < 10) end = k++;
  }
  // An appositive ends the clause; a capitalised word right after it means the "role" was a
  // title of the next person ("… by Putin, National Security Council spokesman John Kirby").
  const after = end + 1;
  if (after < tok.count && tok.kind[after] === WORD && tok.flags[after] & F_CAP) return null;
  return clean(ctx.text.slice(tok.start[from], tok.end[end]));
}
