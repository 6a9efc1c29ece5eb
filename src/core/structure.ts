// Article structure: which lines are the headline, sub-headings, datelines, bylines, photo captions,
// page residue (navigation, widgets, link lists, footers) and which are body paragraphs.
// Works line by line in one pass; every pattern test looks at a bounded prefix of a short line, so a
// 10 MB single line costs one scan for its end and nothing more.
import type { Span, Structure, TextSpan } from './types';

/** A line of the text without its line break and without surrounding white space. */
export interface Line extends Span {
  /** True when one or more blank lines (or the start of the text) come right before it. */
  afterBlank: boolean;
}

// Lines longer than this are never headings, widgets or datelines: pattern tests only look at short lines.
const SHORT_LINE = 200;

export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let pos = 0;
  let afterBlank = true;
  const n = text.length;
  while (pos <= n) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = n;
    let s = pos;
    let e = nl;
    while (s < e && isBlank(text.charCodeAt(s))) s++;
    while (e > s && isBlank(text.charCodeAt(e - 1))) e--;
    if (e > s) {
      lines.push({ start: s, end: e, afterBlank });
      afterBlank = false;
    } else {
      afterBlank = true;
    }
    pos = nl + 1;
  }
  return lines;
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 13 || c === 0xa0 || c === 0xfeff || c === 11 || c === 12 || c === 0x200b || c === 0x3000;
}

// Widgets, navigation and share bars that news pages leave in copied text. Tested against the whole
// (short) line, case-insensitive.
const RESIDUE_LINE = [
  /^read mode$/i,
  /^\d{1,3}\s*%\s*font size$/i,
  /^font size$/i,
  /^\d{1,3}\s*min(ute)?s?\s+read$/i,
  /^breaking news$/i,
  /^top content\b/i,
  /^skip to (main )?content$/i,
  /^(share|share this( article| story)?|tweet|email|print|comments?|listen|listen to (this )?article)$/i,
  /^(advertisement|sponsored|related( stories| articles| content)?|most read|trending( now)?|more from .{1,40})$/i,
  /^(sign up|subscribe|log ?in|sign in|menu|search|home)\b.{0,40}$/i,
  /^for all the latest\b/i,
  /^follow (us|our)\b/i,
  /^[•·▪►]/,
  /^\d+x\d+ image$/i,
  /^(copyright|©)/i,
  /^click here\b/i,
];

// One combined test per category, anchored once at the line start: a short line is matched once,
// not once per pattern and position. Every pattern in these lists starts with ^.
const combine = (rs: RegExp[]): RegExp => new RegExp('^(?:' + rs.map((r) => `(?:${r.source.replace(/^\^/, '')})`).join('|') + ')', 'iu');
const RESIDUE = combine(RESIDUE_LINE);
// Phrases that mark residue wherever they sit in the line (tested with includes on the lower-cased line).
const RESIDUE_PHRASES = ['accessibility links', 'google news channel', 'all rights reserved'];

// The phrases as one case-insensitive search, which needs no lower-cased copy of the line. It finds
// what includes() finds in the lower-cased line, except where a Kelvin sign (U+212A) lower-cases
// to "k"; no other character lower-cases to an ASCII letter that could sit inside these phrases.
const RESIDUE_PHRASE = new RegExp(RESIDUE_PHRASES.join('|'), 'i');

function isResidue(line: string): boolean {
  if (RESIDUE.test(line)) return true;
  if (line.includes('\u212a')) {
    const lower = line.toLowerCase();
    return RESIDUE_PHRASES.some((p) => lower.includes(p));
  }
  return RESIDUE_PHRASE.test(line);
}

// A heading that opens a list of links: every short title-like line after it is residue too.
const LINK_LIST_HEAD = /^(read more|read also|also read|related|more on this( story)?|see also|more stories|recommended|you may also like)\s*:?$/i;

const DATELINE_LINE = [
  /^(published|updated|posted|last updated|first published)\s*:/i,
  /^(published|updated|posted)\s+(on\s+)?\d/i,
  /^(mon|tues|wednes|thurs|fri|satur|sun)day,?\s+\w+\s+\d{1,2},?\s+\d{4}$/i,
  /^(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}(\s+\d{1,2}:\d{2}.{0,20})?$/i,
  /^\d{1,2}\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+\d{4}(\s+\d{1,2}:\d{2}.{0,20})?$/i,
  /^\d{4}-\d{2}-\d{2}([ t]\d{2}:\d{2}.{0,20})?$/i,
];
const DATELINE = combine(DATELINE_LINE);

const BYLINE_LINE = /^(by|written by|reporting by|words by)\s+\p{Lu}/iu;

// Photo captions as news sites print them: "FILE - ...", "(Photo: ...)", "Photo: ...".
const CAPTION_LINE = /^(file\s*[-–—]\s|\(?(photo|image|picture|credit|pictured)\s*:|\(ap photo|\(reuters)/i;

type Kind = 'headline' | 'subheading' | 'dateline' | 'byline' | 'caption' | 'residue' | 'body';

export interface ClassifiedLine extends Line {
  kind: Kind;
}

/** Classifies every non-empty line. */
export function classifyLines(text: string, lines: Line[]): ClassifiedLine[] {
  const out: ClassifiedLine[] = [];
  let headlineSeen = false;
  let inLinkList = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const len = line.end - line.start;
    const str = len <= SHORT_LINE ? text.slice(line.start, line.end) : '';
    let kind: Kind = 'body';
    if (str) {
      if (inLinkList) {
        if (isTitleLike(str)) kind = 'residue';
        else inLinkList = false;
      }
      // A longer line ending like a sentence is body text, a caption or a widget sentence ("For all the
      // latest headlines …"); the title, dateline and byline patterns are not tried on it.
      const last = str.charCodeAt(str.length - 1);
      const sentenceLike = str.length > 60 && (last === 46 || last === 33 || last === 63 || last === 0x201d || last === 34);
      if (kind === 'body' && sentenceLike) {
        if (isResidue(str)) kind = 'residue';
        else if (CAPTION_LINE.test(str)) kind = 'caption';
        else if (!headlineSeen) kind = 'headline';
      } else if (kind === 'body') {
        if (LINK_LIST_HEAD.test(str)) {
          kind = 'residue';
          inLinkList = true;
        } else if (isResidue(str)) kind = 'residue';
        else if (DATELINE.test(str)) kind = 'dateline';
        else if (BYLINE_LINE.test(str) && str.length < 80 && !/[.!?]$/.test(str)) kind = 'byline';
        else if (CAPTION_LINE.test(str)) kind = 'caption';
        else if (!headlineSeen) kind = 'headline';
        else if (isTitleLike(str) && isolated(lines, i)) kind = 'subheading';
      }
    } else if (!headlineSeen) {
      kind = 'headline';
    }
    if (kind === 'headline') headlineSeen = true;
    out.push({ start: line.start, end: line.end, afterBlank: line.afterBlank, kind });
  }
  markFooters(text, out);
  return out;
}

// "The Voice of America provides news ... Stories with the VOA News byline are ..." and similar
// publisher blurbs close many articles; a short line just before such a blurb is its label.
function markFooters(text: string, lines: ClassifiedLine[]): void {
  for (let i = lines.length - 1; i >= 0 && i >= lines.length - 4; i--) {
    const l = lines[i]!;
    if (l.kind !== 'body' || l.end - l.start > 2000) continue;
    const s = text.slice(l.start, l.end);
    if (/\b(byline|wire service|all rights reserved|provides news and information)\b/i.test(s)) {
      l.kind = 'residue';
      const prev = lines[i - 1];
      if (prev && prev.kind !== 'headline' && prev.end - prev.start < 40 && !/[.!?,:;]$/.test(text.slice(prev.start, prev.end))) prev.kind = 'residue';
    }
  }
}

/** A short line that reads like a title: no closing sentence punctuation, starts upper-case or with a digit. */
function isTitleLike(s: string): boolean {
  if (s.length > 120) return false;
  const words = wordCount(s);
  if (words > 16) return false;
  // Look through closing quotes and brackets: 'Sanders said, “We’ll see.”' ends a sentence.
  let e = s.length - 1;
  while (e > 0 && /[”"’')\]]/.test(s[e]!)) e--;
  const last = s.charCodeAt(e);
  // . ! , ; : close sentences or lists, not titles (a '?' can end a title).
  if (last === 46 || last === 33 || last === 44 || last === 59 || last === 58) return false;
  return /^[\p{Lu}\d‘'“"]/u.test(s);
}

/** s.split(/\s+/).length without the array: one more than the runs of white space. */
function wordCount(s: string): number {
  let runs = 0;
  let inRun = false;
  for (let i = 0; i < s.length; i++) {
    const space = isRegexSpace(s.charCodeAt(i));
    if (space && !inRun) runs++;
    inRun = space;
  }
  return runs + 1;
}

/** White space as a regular expression's \s sees it. */
function isRegexSpace(c: number): boolean {
  return (
    (c >= 9 && c <= 13) || c === 32 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

// A sub-heading stands alone: blank lines around it, and it is short.
function isolated(lines: Line[], i: number): boolean {
  const next = lines[i + 1];
  return lines[i]!.afterBlank && (next === undefined || next.afterBlank);
}

export function findStructure(text: string, lines: ClassifiedLine[] = classifyLines(text, splitLines(text))): Structure {
  const structure: Structure = {
    headline: null,
    subheadings: [],
    datelines: [],
    bylines: [],
    captions: [],
    residue: [],
    paragraphs: [],
  };
  const span = (l: Line): TextSpan => ({ start: l.start, end: l.end, text: text.slice(l.start, l.end) });
  let para: Span | null = null;
  for (const l of lines) {
    if (l.kind === 'body') {
      // A single line break inside a paragraph (hard-wrapped text) continues it; a blank line ends it.
      if (para && !l.afterBlank && !endsSentence(text, para.end)) para.end = l.end;
      else {
        if (para) structure.paragraphs.push(para);
        para = { start: l.start, end: l.end };
      }
      continue;
    }
    if (para) structure.paragraphs.push(para);
    para = null;
    switch (l.kind) {
      case 'headline':
        structure.headline = span(l);
        break;
      case 'subheading':
        structure.subheadings.push(span(l));
        break;
      case 'dateline':
        structure.datelines.push(span(l));
        break;
      case 'byline':
        structure.bylines.push(span(l));
        break;
      case 'caption':
        structure.captions.push(span(l));
        break;
      case 'residue':
        structure.residue.push(span(l));
        break;
    }
  }
  if (para) structure.paragraphs.push(para);
  return structure;
}

function endsSentence(text: string, end: number): boolean {
  let i = end - 1;
  // Skip closing quotes and brackets.
  while (i >= 0 && i > end - 4) {
    const c = text.charCodeAt(i);
    if (c === 0x201d || c === 34 || c === 0x2019 || c === 39 || c === 41) i--;
    else break;
  }
  const c = text.charCodeAt(i);
  return c === 46 || c === 33 || c === 63 || c === 58;
}
