// One article of a corpus run, from its source to its output line. The same function runs on the
// main thread (--jobs 1) and in each pool worker, so both give byte-identical lines.
import { readArticle } from '../readArticle';
import type { Analyzer } from './loadAnalysis';
import { analysisLine, errorLine, type Origin } from './jsonl';

/** A file to read, or one line of the JSONL read from stdin (UTF-8, decoded and parsed where it is analysed). */
export type Task =
  | { kind: 'file'; file: string }
  | { kind: 'record'; line: number; json: Uint8Array };

export interface TaskResult {
  /** One JSONL line with its line break: text, or its UTF-8 bytes as a pool worker hands them over. */
  output: string | Uint8Array;
  failed: boolean;
}

export function resultOf(line: string, failed: boolean): TaskResult {
  return { output: line + '\n', failed };
}

export function runTask(task: Task, analyze: Analyzer): TaskResult {
  let origin: Origin;
  let text: string;
  if (task.kind === 'file') {
    origin = { file: task.file };
    try {
      text = readArticle(task.file);
    } catch (err) {
      return failed(errorLine(origin, 'unreadable-file', withoutFilePrefix(task.file, messageOf(err))));
    }
  } else {
    const record = parseRecord(task.json, task.line);
    if ('error' in record) return failed(record.error);
    origin = { id: record.id, line: task.line };
    text = record.text;
  }
  try {
    return resultOf(analysisLine(origin, analyze(text)), false);
  } catch (err) {
    return failed(errorLine(origin, 'analysis-failed', messageOf(err)));
  }
}

/** `{"id": "...", "text": "..."}`: the id a string or a number, echoed as it came; other fields are ignored. */
function parseRecord(bytes: Uint8Array, line: number): { id: string | number; text: string } | { error: string } {
  let value: unknown;
  try {
    value = JSON.parse(utf8.decode(bytes));
  } catch (err) {
    return { error: errorLine({ line }, 'bad-record', `line ${line} is not JSON: ${messageOf(err)}`) };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { error: errorLine({ line }, 'bad-record', `line ${line} is not a JSON object with "id" and "text"`) };
  }
  const { id, text } = value as { id?: unknown; text?: unknown };
  if (!(typeof id === 'string' || (typeof id === 'number' && Number.isFinite(id)))) {
    return { error: errorLine({ line }, 'bad-record', `line ${line} has no "id" (a string or a number)`) };
  }
  if (typeof text !== 'string') {
    return { error: errorLine({ id, line }, 'bad-record', `line ${line} has no "text" (a string)`) };
  }
  return { id, text };
}

const utf8 = new TextDecoder();

function failed(line: string): TaskResult {
  return resultOf(line, true);
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** readArticle's messages start with the file name, which the error line already holds. */
function withoutFilePrefix(file: string, message: string): string {
  return message.startsWith(`${file}: `) ? message.slice(file.length + 2) : message;
}

/** The failure line of a task that never ran to its end (its worker stopped). */
export function taskFailure(task: Task, message: string): TaskResult {
  if (task.kind === 'file') return failed(errorLine({ file: task.file }, 'analysis-failed', message));
  // The record was parsed by the worker that stopped; its id is read again here, if it can be.
  const record = parseRecord(task.json, task.line);
  return failed(errorLine('error' in record ? { line: task.line } : { id: record.id, line: task.line }, 'analysis-failed', message));
}
