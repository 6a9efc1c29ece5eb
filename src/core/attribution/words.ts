// Word lists of attribution: verbs of saying and their inflections, function words, determiners.
import { T_WORD, type Tok } from './tokenKinds';

// Verbs of saying and their relatives (writing, naming, praising, accusing), as bare forms: every
// inflection (-s, -ed, -ing) is derived below, irregular past forms are listed with the base.
const CUE_VERBS = `say:said tell:told add write:wrote call dismiss warn ask explain note argue insist state declare claim continue
  reply respond recall announce boast vow urge describe acknowledge admit concede suggest predict promise tweet post observe
  remark conclude caution complain praise criticize criticise wish label dub brand term joke quip shout yell scream whisper
  pledge counter charge allege maintain emphasize emphasise stress reiterate confirm report wonder thunder lament muse testify
  plead chant sing:sang read:read blast slam decry tout hail deride mock proclaim demand opine echo exclaim confess reveal
  thank invite coin cite quote mention characterize recount assert contend retort brag vent rail attack applaud welcome
  denounce condemn reject ridicule deem question beg hope forecast:forecast disclose inform assure remind advise text email
  mutter remember interrupt accuse blame fume scoff snap:snapped sneer predict lash pen:penned repeat agree disagree write:written
  speak:spoke gush rave grumble insist summarize summarise implore estimate calculate answer promise guarantee
  show:shown find:found publish propose support oppose defend imply protest beam boom interject exult gripe bemoan chide
  scold admonish rebuke assail crow enthuse marvel concur clarify portray retaliate exhort riff refer`;

function inflections(base: string, past?: string): string[] {
  const forms = [base];
  const stem = base.endsWith('e') ? base.slice(0, -1) : base;
  forms.push(/(s|sh|ch|x|z|o)$/.test(base) ? base + 'es' : /[^aeiou]y$/.test(base) ? base.slice(0, -1) + 'ies' : base + 's');
  forms.push(stem + 'ing');
  if (past) forms.push(past);
  else forms.push(/[^aeiou]y$/.test(base) ? base.slice(0, -1) + 'ied' : base.endsWith('e') ? base + 'd' : base + 'ed');
  return forms;
}

export const CUE_WORDS = new Set<string>();
for (const entry of CUE_VERBS.split(/\s+/)) {
  const [base, past] = entry.split(':');
  for (const f of inflections(base!, past)) CUE_WORDS.add(f);
}
// Forms the simple rules above get wrong.
for (const f of ['boom', 'beam', 'beaming', 'beams', 'crow', 'gripe', 'emails', 'questions', 'attacks']) CUE_WORDS.delete(f);
for (const f of ['labelled', 'labelling', 'dubbed', 'dubbing', 'slammed', 'slamming', 'snapping', 'penning', 'bragged', 'bragging', 'quipped', 'quipping', 'admitted', 'admitting', 'begged', 'begging', 'riffed', 'riffing', 'referred', 'referring', 'saying', 'telling']) CUE_WORDS.add(f);
for (const f of ['state', 'states', 'post', 'posts', 'note', 'notes', 'report', 'reports', 'quote', 'quotes', 'text', 'email', 'question', 'counter', 'charge', 'charges', 'attack', 'hope', 'welcome', 'forecast', 'answer', 'blast', 'call', 'calls', 'echo', 'read', 'reads', 'remark', 'remarks', 'comment', 'claim', 'claims', 'promise', 'promises', 'wish', 'vow', 'vows', 'brand', 'term', 'label', 'tweet', 'tweets', 'plea', 'lash', 'stress', 'pen', 'thanks', 'estimate', 'praise', 'blame', 'mock']) CUE_WORDS.delete(f);
for (const base of ['show', 'find', 'publish', 'propose', 'support', 'oppose', 'defend', 'imply', 'protest']) {
  // Their bare and -ing forms are nouns or modifiers too often ("to bolster support").
  CUE_WORDS.delete(base);
  CUE_WORDS.delete(base.replace(/e$/, '') + 'ing');
}
CUE_WORDS.delete('protests');
// Bare present forms that are nouns far more often than verbs were removed above; keep the verbs that matter.
for (const f of ['says', 'calls', 'claims', 'tweets', 'reads', 'notes', 'reports']) CUE_WORDS.add(f);

// Words opening an introductory phrase before the subject: "Of Carson, Levine said".
export const INTRO = new Set(['of', 'in', 'at', 'on', 'for', 'with', 'after', 'before', 'during', 'asked', 'speaking', 'reached', 'told', 'like', 'unlike', 'later', 'earlier', 'outside', 'inside', 'near', 'among', 'across', 'until', 'amid', 'despite', 'following', 'according', 'under', 'as', 'while', 'when', 'if', 'although', 'though', 'because']);

export const PUT = new Set(['put', 'puts']);
// A verb never follows these directly.
// "fewer pledged delegates", "no stated reason": a word after one of these modifies a noun.
export const COMPARATIVES = new Set(['fewer', 'more', 'less', 'no', 'any']);
export const NOUN_MARKERS = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its', 'our', 'my', 'your', 'this', 'these', 'those']);
export const RETORT = new Set(['shot', 'shoots', 'fired', 'fires', 'hit', 'hits', 'pushed', 'pushes', 'chimed']);
export const POINT = new Set(['point', 'points', 'pointed', 'pointing']);

export const PRONOUNS = new Set(['he', 'she', 'they', 'i', 'we', 'it', 'you']);

// Words that cannot be inside a speaker mention: clause openers, prepositions, auxiliaries.
export const STOP = new Set(
  `that which who whom whose when while as because but or if after before since though although where so than to in on at
  with from for by into about over under during per not is was were are be been being has had have will would can could
  should may might must did do does against between through without within upon via like unlike among amid despite toward
  towards whether what how why then there here this these those also it its him them me us there's yet`.split(/\s+/),
);

// Words allowed between the speaker and the cue ("Kirby also said", "the ministry has said on Monday").
export const SKIP_BEFORE_CUE = new Set(
  `also has had have was is would will then later previously recently reportedly repeatedly once again further simply flatly
  publicly privately quickly first often always never just already even still initially subsequently bluntly angrily
  today yesterday tonight monday tuesday wednesday thursday friday saturday sunday on earlier last week night morning
  afternoon evening separately similarly likewise herself himself themselves now finally too instead actually
  currently formerly once quickly later openly privately jokingly angrily proudly frankly candidly however both meanwhile since`.split(/\s+/),
);

// Modal verbs between a subject and its verb of saying ("a spokesman could only quip").
const MODALS = new Set(['could', 'can', 'should', 'might', 'must', 'may', 'shall']);

// Nouns ending in -ly, which are never adverbs between a subject and its verb.
export const LY_NOUNS = new Set(['family', 'ally', 'rally', 'assembly', 'supply', 'daily', 'weekly', 'monthly', 'quarterly', 'anomaly', 'homily', 'monopoly', 'bully', 'folly', 'july', 'italy', 'reply']);

/** A word that may stand between a subject and its verb of saying: "also", "has", "could", "increasingly". */
export function skippableBeforeCue(t: Tok): boolean {
  if (t.kind !== T_WORD) return false;
  if (t.cap) return (SKIP_BEFORE_CUE.has(t.lower) && (isWeekday(t.lower) || t.lower === 'on'));
  if (SKIP_BEFORE_CUE.has(t.lower) || MODALS.has(t.lower)) return true;
  return t.lower.length > 3 && t.lower.endsWith('ly') && !LY_NOUNS.has(t.lower);
}

// Relative pronouns that can be the subject of a verb of saying ("Obama, who called …").
export const RELATIVES = new Set(['who', 'which']);

// Prepositions joining a speaker's head noun to a phrase: "a spokesman for the campaign".
export const HEAD_PREPOSITIONS = new Set(['for', 'of', 'at', 'in', 'from', 'with', 'during', 'on']);

export const DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its', 'our', 'my', 'some', 'one', 'two', 'several', 'many', 'other', 'another', 'both', 'each', 'most', 'few']);

// "said a statement by X" / "according to a report from X": the source is X.
export const CARRIERS = new Set(['statement', 'report', 'release', 'memo', 'letter', 'tweet', 'post', 'message', 'note', 'email', 'filing', 'transcript']);

export function isPronoun(t: Tok): boolean {
  return t.kind === T_WORD && PRONOUNS.has(t.lower);
}

/** "won't", "doesn’t": a verb phrase, never part of a speaker mention. */
export function isNegation(w: string): boolean {
  return w.endsWith("n't") || w.endsWith('n’t');
}

export function isWeekday(w: string): boolean {
  return /^(mon|tues|wednes|thurs|fri|satur|sun)day$/.test(w);
}

// Verbs that report speech outright; a sentence led by one of them reports everything after it.
export const SAYING = new Set(['said', 'says', 'say', 'told', 'tells', 'added', 'adds', 'wrote', 'writes', 'stated', 'argued', 'argues', 'explained', 'insisted', 'noted', 'declared', 'announced', 'warned', 'claimed', 'testified', 'assured', 'assures', 'insists', 'claims', 'explains', 'notes', 'warns', 'declares', 'announces', 'acknowledged', 'admitted', 'conceded', 'recalled', 'predicted']);

// Past tenses not ending in -ed.
export const IRREGULAR_PAST = new Set(['wore', 'went', 'came', 'saw', 'took', 'made', 'gave', 'got', 'put', 'set', 'kept', 'saw', 'sent', 'spent', 'left', 'brought', 'thought', 'felt', 'held', 'won', 'lost', 'ran', 'began', 'became', 'struck', 'threw', 'drew', 'hit', 'led', 'meant', 'sought', 'stood']);
// Last words of a short time phrase opening a sentence: "Hours later, …", "Two days ago, …".
export const TIME_TAILS = new Set(['later', 'earlier', 'ago', 'afterward', 'afterwards']);
// Modals and "to": a verb after them is not said yet.
export const FORESEEING = new Set(['will', 'would', 'could', 'should', 'might', 'may', 'must', 'can', 'to']);
