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
  let head = 0;
  while (head < max && oldText.charCodeAt(head) === newText.charCodeAt(head)) head++;
  let tail = 0;
  while (tail < max - head && oldText.charCodeAt(oldText.length - 1 - tail) === newText.charCodeAt(newText.length - 1 - tail)) tail++;
  return { head, tail, middle: newText.slice(head, newText.length - tail) };
}

/** The new text, from the old one and the edit between them; undefined when the edit does not fit the old text. */
export function applyTextEdit(oldText: string, edit: TextEdit): string | undefined {
  if (edit.head < 0 || edit.tail < 0 || edit.head + edit.tail > oldText.length) return undefined;
  return oldText.slice(0, edit.head) + edit.middle + oldText.slice(oldText.length - edit.tail);
}
