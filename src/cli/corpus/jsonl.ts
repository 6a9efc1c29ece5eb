// The JSONL output of `analyze --jsonl`: one JSON object per line, per article, documented in
// docs/jsonl-schema.md. Bump SCHEMA when a field changes meaning or disappears; adding a field
// does not change it.
import type { Analysis } from '../../core/types';
import { analyzeToJson } from '../commands/analyze';

export const SCHEMA = 'news-annotator/analysis@1';

/** Where an output line's article came from: a file, or a record of the JSONL read from stdin. */
export type Origin = { file: string } | { id: string | number; line: number };

/** Stable, documented values of `error.code`. */
export type ErrorCode = 'unreadable-file' | 'bad-record' | 'record-too-long' | 'analysis-failed';

export function analysisLine(origin: Origin, analysis: Analysis): string {
  // The same object `--json` prints, with the record's id in place of the file for stdin records.
  const { file: _file, ...rest } = analyzeToJson('file' in origin ? origin.file : '', analysis);
  return jsonLine({ schema: SCHEMA, ...('file' in origin ? { file: origin.file } : { id: origin.id }), ...rest });
}

/** An article that could not be analysed; for a stdin record whose id could not be read, only its line number. */
export function errorLine(origin: Origin | { line: number }, code: ErrorCode, message: string): string {
  return jsonLine({ schema: SCHEMA, ...origin, error: { code, message } });
}

/**
 * JSON.stringify escapes line feeds and other C0 controls inside strings, but writes U+2028, U+2029
 * and NEL (U+0085) raw, and readers such as Python's str.splitlines() break lines there. Those,
 * the other C1 controls, DEL and the bidi controls are written as \uXXXX: the same JSON value, and
 * a line that is one line for every reader and safe to show on a terminal.
 */
const RAW_SEPARATORS = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export function jsonLine(value: unknown): string {
  return JSON.stringify(value).replace(RAW_SEPARATORS, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
