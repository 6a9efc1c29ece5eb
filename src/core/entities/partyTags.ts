// US news follows a legislator's name with party and state: "Sen. Claire Doe (D-Mo.)", "Rep. John
// Roe, R-Fla., said". The state there is a detail of the person, not a mention of the place: the
// tag becomes a role of the person and never a mention of its own. A state written out elsewhere
// ("voters in Missouri") stays a place.
import { F_POSSESSIVE, PUNCT, type Tokens } from '../text/tokenize';

// AP abbreviations (with or without their period), postal codes, and the names AP leaves whole.
const AP_STATES =
  'Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Kans Ky La Md Mass Mich Minn Miss Mo Mont Neb Nev Okla Ore Pa Penn Tenn Tex Vt Va Wash Wis Wisc Wyo';
const DOTTED_STATES = ['N.H.', 'N.J.', 'N.M.', 'N.Y.', 'N.C.', 'N.D.', 'R.I.', 'S.C.', 'S.D.', 'W.Va.', 'W. Va.', 'D.C.'];
const POSTAL_CODES =
  'AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC';
const STATE_NAMES =
  'Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Georgia Hawaii Idaho Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts Michigan Minnesota Mississippi Missouri Montana Nebraska Nevada Ohio Oklahoma Oregon Pennsylvania Tennessee Texas Utah Vermont Virginia Washington Wisconsin Wyoming';
const TWO_WORD_STATES = 'New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|South Carolina|South Dakota|Rhode Island|West Virginia';

const escape = (s: string): string => s.replace(/\./g, '\\.');
const STATE = [
  TWO_WORD_STATES,
  ...DOTTED_STATES.map(escape),
  STATE_NAMES.split(' ').join('|'),
  `(?:${AP_STATES.split(' ').join('|')})\\.?`,
  POSTAL_CODES.split(' ').join('|'),
].join('|');

// Party initial, then a hyphen ("D-Mo.") or a period and comma ("D., Mo."), then the state, which
// must end there: "R-Pa." but not "R-Paris".
const PARTY_TAG = new RegExp(`[DRI](?:-|\\., ?)(?:${STATE})(?![\\p{L}\\p{N}-])`, 'uy');

const D = 68;
const R = 82;
const I = 73;
const HYPHEN = 45;
const PERIOD = 46;
const OPEN_PAREN = 40;
const COMMA = 44;

/** The end of the party-state tag starting at token i, or -1: only after "(" or ",", as the tag is always set off. */
export function partyTagEnd(text: string, tok: Tokens, i: number): number {
  if (i <= 0 || i >= tok.count || !setOff(tok, i - 1)) return -1;
  const at = tok.start[i]!;
  const c = tok.codes[at];
  if (c !== D && c !== R && c !== I) return -1;
  const next = tok.codes[at + 1];
  if (next !== HYPHEN && next !== PERIOD) return -1;
  PARTY_TAG.lastIndex = at;
  const m = PARTY_TAG.exec(text);
  return m ? at + m[0].length : -1;
}

function setOff(tok: Tokens, j: number): boolean {
  if (tok.kind[j] !== PUNCT) return false;
  const c = tok.codes[tok.start[j]!];
  return c === OPEN_PAREN || c === COMMA;
}

/** The party-state tag right after the name ending at token `last` ("D-Mo.", "Cruz’s (R-Texas)"), or null. */
export function partyTagAfter(text: string, tok: Tokens, last: number): string | null {
  const at = last + 1 < tok.count && tok.flags[last + 1]! & F_POSSESSIVE ? last + 3 : last + 2;
  const end = partyTagEnd(text, tok, at);
  return end < 0 ? null : text.slice(tok.start[at]!, end);
}

/** Whether the span starting at token `first` is inside a party-state tag, which starts at most three tokens earlier ("D-N.Y."). */
export function inPartyTag(text: string, tok: Tokens, first: number): boolean {
  for (let j = first; j >= 1 && first - j <= 3; j--) {
    const end = partyTagEnd(text, tok, j);
    if (end >= 0) return end > tok.start[first]!;
  }
  return false;
}
