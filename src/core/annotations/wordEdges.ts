// Word edges, so a re-anchored claim never starts or ends inside a word its own edges did not cut.

const WORD = /[\p{L}\p{N}]/u;

/** Whether s[i] is part of a word: a letter or digit, or an apostrophe between letters (don't, Kremlin’s). */
export function isWordChar(s: string, i: number): boolean {
  const c = s[i];
  if (c === undefined) return false;
  if (WORD.test(c)) return true;
  return (c === "'" || c === '’') && WORD.test(s[i - 1] ?? ' ') && WORD.test(s[i + 1] ?? ' ');
}

/** Whether a boundary at `at` splits a word of `s` in two. */
export function splitsWord(s: string, at: number): boolean {
  return at > 0 && at < s.length && isWordChar(s, at - 1) && isWordChar(s, at);
}
