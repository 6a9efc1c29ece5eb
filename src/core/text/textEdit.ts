// The difference between two versions of a text as one replaced stretch: what they share at the
// start and at the end, and what stands between in the new one. Lets a thread that keeps the old
// text be sent only the change (a keystroke) instead of the whole text again.

export interface TextEdit {
  /** Characters the two texts share at the start. */
  head: number;
  /** Characters they share at the end (not overlapping the head in either text). */
  tail: number;
  /** The new text between the two. */
  middle: string;
}

export function editBetween(oldText: string, newText: string): TextEdit {
  const max = Math.min(oldText.length, newText.length);
  const head = sharedHead(oldText, newText, max);
  const tail = sharedTail(oldText, newText, max - head);
  return { head, tail, middle: newText.slice(head, newText.length - tail) };
}

/**
 * Texts are compared a block at a time (comparing two strings is one fast native loop; a
 * character at a time is many times slower), then character by character in the block that differs.
 */
const BLOCK = 4096;

function sharedHead(a: string, b: string, max: number): number {
  let head = 0;
  while (head + BLOCK <= max && a.slice(head, head + BLOCK) === b.slice(head, head + BLOCK)) head += BLOCK;
  while (head < max && a.charCodeAt(head) === b.charCodeAt(head)) head++;
  return head;
}

/** Characters shared at the end, at most `max`. */
function sharedTail(a: string, b: string, max: number): number {
  let tail = 0;
  while (tail + BLOCK <= max && a.slice(a.length - tail - BLOCK, a.length - tail) === b.slice(b.length - tail - BLOCK, b.length - tail)) tail += BLOCK;
  while (tail < max && a.charCodeAt(a.length - 1 - tail) === b.charCodeAt(b.length - 1 - tail)) tail++;
  return tail;
}

/** The new text, from the old one and the edit between them; undefined when the edit does not fit the old text. */
export function applyTextEdit(oldText: string, edit: TextEdit): string | undefined {
  if (edit.head < 0 || edit.tail < 0 || edit.head + edit.tail > oldText.length) return undefined;
  return oldText.slice(0, edit.head) + edit.middle + oldText.slice(oldText.length - edit.tail);
}
