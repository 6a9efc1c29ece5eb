// The articles of a corpus run, in input order: FILE arguments, a list of paths (--files-from), or
// JSONL records on stdin. A line that is too long becomes its error line here; everything else
// is a task for an executor.
import { errorLine } from './jsonl';
import { isBlank, NEWLINE, readLines } from './lines';
import { resultOf, type Task, type TaskResult } from './task';

/** A task to run, or a line already settled (an input line over the size limit). */
export type WorkItem = { task: Task } | { result: TaskResult };

export async function* fileItems(files: readonly string[]): AsyncGenerator<WorkItem> {
  for (const file of files) yield { task: { kind: 'file', file } };
}

/** Paths, one per line (or per NUL-terminated entry); empty entries are skipped; relative paths are from the working folder. */
export async function* listItems(input: AsyncIterable<Buffer | string>, separator: number, maxBytes: number): AsyncGenerator<WorkItem> {
  for await (const line of readLines(input, separator, maxBytes)) {
    if ('tooLong' in line) yield tooLong(line.number, line.tooLong, maxBytes, 'entry of the file list');
    else if (line.bytes.length > 0) yield { task: { kind: 'file', file: line.bytes.toString('utf8') } };
  }
}

/** JSONL records `{"id": ..., "text": ...}`, one per line; blank lines are skipped. */
export async function* recordItems(input: AsyncIterable<Buffer | string>, maxBytes: number): AsyncGenerator<WorkItem> {
  for await (const line of readLines(input, NEWLINE, maxBytes)) {
    if ('tooLong' in line) yield tooLong(line.number, line.tooLong, maxBytes, 'record');
    // Copied out of the read buffer into bytes of its own, which can be moved to a worker.
    else if (!isBlank(line.bytes)) yield { task: { kind: 'record', line: line.number, json: new Uint8Array(line.bytes) } };
  }
}

function tooLong(number: number, bytes: number, maxBytes: number, what: string): WorkItem {
  const message = `line ${number}: the ${what} is ${bytes} bytes, over the ${maxBytes}-byte limit (--max-line-bytes)`;
  return { result: resultOf(errorLine({ line: number }, 'record-too-long', message), true) };
}
