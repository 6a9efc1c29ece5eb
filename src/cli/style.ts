// ANSI styling for the terminal view: on only when writing to a terminal and NO_COLOR is unset.
export interface Style {
  bold(s: string): string;
  dim(s: string): string;
  quote(s: string): string;
  speaker(s: string): string;
  type(type: string, s: string): string;
}

const wrap = (code: string) => (s: string) => `\x1b[${code}m${s}\x1b[0m`;
const TYPE_CODES: Record<string, string> = { PERSON: '36', ORG: '35', PLACE: '32', NORP: '33' };

export function makeStyle(enabled: boolean): Style {
  if (!enabled) {
    const id = (s: string) => s;
    return { bold: id, dim: id, quote: id, speaker: id, type: (_t, s) => s };
  }
  return {
    bold: wrap('1'),
    dim: wrap('2'),
    quote: wrap('33'),
    speaker: wrap('1;36'),
    type: (t, s) => wrap(TYPE_CODES[t] ?? '0')(s),
  };
}

export function colourWanted(stream: NodeJS.WriteStream): boolean {
  return Boolean(stream.isTTY) && !process.env.NO_COLOR;
}
