// Reading a sidecar safely. Every outcome is a value (never an exception): a file that cannot be
// read is reported with its line and column and marked read-only, so a save can never overwrite
// what the reviewer wrote; a schema-invalid entry is reported on its own while the others load.

import { Document, isNode, parseDocument, visit, YAMLError } from 'yaml';
import { checkAnnotationEntry } from './validate';
import { fileNameOf } from './paths';
import { checkEntityCorrection, checkSourceCorrection, EMPTY_CORRECTIONS } from './corrections';
import { Annotation, Corrections, SIDECAR_VERSION, SidecarHeader } from './types';
import { lineAndCharacter, lineStarts } from '../text/lineStarts';

/** Larger sidecars are refused outright (a reviewer's notes on one article are a few KB). */
export const MAX_SIDECAR_CHARS = 5 * 1024 * 1024;
/** Alias expansions allowed when converting to plain values: stops "billion laughs" documents. */
export const MAX_ALIAS_COUNT = 50;

/** Tags a plain YAML file may carry (the core schema). Anything else, e.g. `!!js/function` or `!foo`, is refused. */
const ALLOWED_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'seq', 'map'].map((t) => `tag:yaml.org,2002:${t}`));

export interface SourcePosition {
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
}

/** Why the whole file could not be used. */
export interface SidecarError {
  message: string;
  position: SourcePosition | null;
}

/** One `annotations` entry that failed the schema; the other entries still load. */
export interface EntryProblem {
  /** 0-based index in the `annotations` list. */
  index: number;
  id: string | null;
  problems: string[];
  position: SourcePosition | null;
  /** Human-readable one-liner: "annotation 3 (id k2j9): `label` is missing (line 14, column 5)". */
  message: string;
}

/** One `corrections.entities` or `corrections.sources` entry that failed the schema; the others still apply. */
export interface CorrectionProblem {
  list: 'entities' | 'sources';
  /** 0-based index in that list. */
  index: number;
  problems: string[];
  position: SourcePosition | null;
  /** "correction entities 2: `type` must be one of … (line 30, column 7)". */
  message: string;
}

export interface ParsedSidecar {
  /** False when saving would destroy something: unreadable file, newer schema, or another article's sidecar. */
  readonly writable: boolean;
  /** Set when the file could not be read at all; annotations is then empty. */
  readonly error: SidecarError | null;
  /** Non-fatal findings shown to the reviewer (e.g. sidecar written for another article). */
  readonly warnings: string[];
  readonly entryProblems: EntryProblem[];
  readonly header: SidecarHeader;
  /** Valid annotations, in file order. */
  readonly annotations: Annotation[];
  /** Valid corrections (version 2), in file order; entries that fail the schema are in correctionProblems. */
  readonly corrections: Corrections;
  readonly correctionProblems: CorrectionProblem[];
  /** The parsed document, edited in place (on a clone) by updateSidecar to keep comments and layout. */
  readonly document: Document | null;
  /** The text as read (BOM removed), to tell whether a rewrite changed anything. */
  readonly source: string;
  /** Line ending of the file, kept on rewrite. */
  readonly eol: '\n' | '\r\n';
  readonly hadBom: boolean;
}

export interface ParseOptions {
  /** The article's file name or path; a sidecar naming another article becomes read-only. */
  articlePath?: string;
  maxChars?: number;
}

/** Parses sidecar text. Never throws. An empty or whitespace-only text is a valid empty sidecar. */
export function parseSidecar(text: string, options: ParseOptions = {}): ParsedSidecar {
  const expectedArticle = options.articlePath === undefined ? '' : fileNameOf(options.articlePath);
  const hadBom = text.charCodeAt(0) === 0xfeff;
  const source = hadBom ? text.slice(1) : text;
  const eol: '\n' | '\r\n' = /\r\n/.test(source.slice(0, 4096)) ? '\r\n' : '\n';
  const base = { source, eol, hadBom } as const;
  const positionAt = lineIndex(source);
  const fail = (message: string, position: SourcePosition | null = null): ParsedSidecar => ({
    ...base,
    writable: false,
    error: { message: position ? `${message} (line ${position.line}, column ${position.column})` : message, position },
    warnings: [],
    entryProblems: [],
    header: { version: SIDECAR_VERSION, article: expectedArticle, textHash: '' },
    annotations: [],
    corrections: EMPTY_CORRECTIONS,
    correctionProblems: [],
    document: null,
  });

  const maxChars = options.maxChars ?? MAX_SIDECAR_CHARS;
  if (source.length > maxChars) {
    return fail(`The annotations file is too large (${(source.length / 1048576).toFixed(1)} MB; the limit is ${(maxChars / 1048576).toFixed(1)} MB)`);
  }
  const binaryAt = findBinary(source);
  if (binaryAt >= 0) return fail('The annotations file holds binary data (a NUL or control character), not YAML text', positionAt(binaryAt));

  if (source.trim() === '') {
    return {
      ...base,
      writable: true,
      error: null,
      warnings: [],
      entryProblems: [],
      header: { version: SIDECAR_VERSION, article: expectedArticle, textHash: '' },
      annotations: [],
      corrections: EMPTY_CORRECTIONS,
      correctionProblems: [],
      document: null,
    };
  }

  const document = parseDocument(source, { uniqueKeys: true, strict: true, prettyErrors: true, merge: false, version: '1.2' });
  if (document.errors.length > 0) return fail(...describeYamlError(document.errors[0]!));
  let badTag: SidecarError | null = null;
  visit(document, {
    Node(_key, node) {
      if (isNode(node) && node.tag !== undefined && !ALLOWED_TAGS.has(node.tag)) {
        badTag = { message: `Custom YAML tags are not allowed (found ${node.tag})`, position: node.range ? positionAt(node.range[0]) : null };
        return visit.BREAK;
      }
      return undefined;
    },
  });
  if (badTag !== null) return fail((badTag as SidecarError).message, (badTag as SidecarError).position);
  const tagWarning = document.warnings.find((w) => w.code === 'TAG_RESOLVE_FAILED');
  if (tagWarning) return fail(...describeYamlError(tagWarning));

  let plain: unknown;
  try {
    plain = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return fail(/alias count/i.test(message)
      ? `Too many YAML aliases (more than ${MAX_ALIAS_COUNT} expansions); the file looks like a resource-exhaustion attack`
      : `The annotations file cannot be read: ${message}`);
  }
  if (typeof plain !== 'object' || plain === null || Array.isArray(plain)) {
    return fail('The annotations file must be a mapping with `version`, `article`, `textHash`, `annotations` and optionally `corrections`', positionAt(0));
  }
  const top = plain as Record<string, unknown>;
  const version = top.version ?? SIDECAR_VERSION;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return fail('`version` must be a whole number >= 1', keyPosition(document, positionAt, ['version']));
  const warnings: string[] = [];
  let writable = true;
  if (version > SIDECAR_VERSION) {
    writable = false;
    warnings.push(`The annotations file uses schema version ${version}, newer than this extension understands (${SIDECAR_VERSION}); it is opened read-only`);
  }
  if (top.article !== undefined && top.article !== null && typeof top.article !== 'string') return fail('`article` must be a file name', keyPosition(document, positionAt, ['article']));
  if (top.textHash !== undefined && top.textHash !== null && typeof top.textHash !== 'string') return fail('`textHash` must be text', keyPosition(document, positionAt, ['textHash']));
  const article = typeof top.article === 'string' ? top.article : '';
  if (expectedArticle !== '' && article !== '' && article !== expectedArticle) {
    writable = false;
    warnings.push(`These annotations belong to "${article}", not "${expectedArticle}" (both share the same annotations file); they are opened read-only`);
  }
  const list = top.annotations ?? [];
  if (!Array.isArray(list)) return fail('`annotations` must be a list', keyPosition(document, positionAt, ['annotations']));

  const annotations: Annotation[] = [];
  const entryProblems: EntryProblem[] = [];
  const seen = new Set<string>();
  list.forEach((entry, index) => {
    const check = checkAnnotationEntry(entry);
    const problems = check.ok ? (seen.has(check.annotation.id) ? [`\`id\` ${check.annotation.id} is used by an earlier annotation`] : []) : check.problems;
    if (problems.length === 0 && check.ok) {
      seen.add(check.annotation.id);
      annotations.push(check.annotation);
      return;
    }
    const id = check.ok ? check.annotation.id : check.id;
    const position = keyPosition(document, positionAt, ['annotations', index]);
    const where = position ? ` (line ${position.line}, column ${position.column})` : '';
    entryProblems.push({ index, id, problems, position, message: `annotation ${index + 1}${id ? ` (id ${id})` : ''}: ${problems.join('; ')}${where}` });
  });

  const section = top.corrections ?? {};
  if (!isRecord(section)) return fail('`corrections` must be a mapping with `entities` and `sources` lists', keyPosition(document, positionAt, ['corrections']));
  const corrections: Corrections = { entities: [], sources: [] };
  const correctionProblems: CorrectionProblem[] = [];
  for (const listName of ['entities', 'sources'] as const) {
    const entries = section[listName] ?? [];
    if (!Array.isArray(entries)) return fail(`\`corrections.${listName}\` must be a list`, keyPosition(document, positionAt, ['corrections', listName]));
    entries.forEach((entry, index) => {
      const check = listName === 'entities' ? checkEntityCorrection(entry) : checkSourceCorrection(entry);
      if (check.ok) {
        if (listName === 'entities') corrections.entities.push(check.value as Corrections['entities'][number]);
        else corrections.sources.push(check.value as Corrections['sources'][number]);
        return;
      }
      const position = keyPosition(document, positionAt, ['corrections', listName, index]);
      const where = position ? ` (line ${position.line}, column ${position.column})` : '';
      correctionProblems.push({ list: listName, index, problems: check.problems, position, message: `correction ${listName} ${index + 1}: ${check.problems.join('; ')}${where}` });
    });
  }

  return {
    ...base,
    writable,
    error: null,
    warnings,
    entryProblems,
    header: { version, article: article || expectedArticle, textHash: typeof top.textHash === 'string' ? top.textHash : '' },
    annotations,
    corrections,
    correctionProblems,
    document,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Index of the first NUL or C0 control character other than tab, LF and CR, or -1. */
function findBinary(text: string): number {
  // eslint-disable-next-line no-control-regex
  const match = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.exec(text);
  return match ? match.index : -1;
}

/** Offsets of line starts, built on first use, so each position costs a binary search. */
function lineIndex(text: string): (offset: number) => SourcePosition {
  let starts: number[] | null = null;
  return (offset) => {
    const [line, character] = lineAndCharacter((starts ??= lineStarts(text)), offset);
    return { line: line + 1, column: character + 1 };
  };
}

function keyPosition(document: Document, positionAt: (offset: number) => SourcePosition, path: (string | number)[]): SourcePosition | null {
  const node = document.getIn(path, true);
  return isNode(node) && node.range ? positionAt(node.range[0]) : null;
}

function describeYamlError(error: YAMLError): [string, SourcePosition | null] {
  // The library appends " at line L, column C:" and a source excerpt; keep the first sentence only.
  const first = error.message.split(/ at line \d+, column \d+/)[0]!.trim();
  const pos = error.linePos?.[0];
  return [`The annotations file is not valid YAML: ${first}`, pos ? { line: pos.line, column: pos.col } : null];
}
