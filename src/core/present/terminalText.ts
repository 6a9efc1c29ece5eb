// Escaping of text from files (articles, sidecars, file names) before it reaches a terminal.
// A terminal acts on what it is sent: ESC starts a sequence that can recolour, move the cursor,
// rewrite the window title or, on some terminals, write to the clipboard; BEL rings; a lone CR
// lets later text overwrite earlier text; bidi overrides make text read differently from its bytes.
// Every text-mode printer of the CLI passes such text through here; its own styling is added after.

/**
 * C0 controls except LF and TAB, a CR not followed by LF, DEL, the C1 controls (U+0080–U+009F:
 * CSI U+009B acts like ESC [ on some terminals), and the bidi embeddings, overrides and isolates.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|\r(?!\n)/g;

/** The characters `CONTROL` matches, as JSON writes them (`\u001b`), for JSON printed to a terminal. */
const JSON_RAW_CONTROL = /[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** A control character as a visible escape: `\x1b`, `\x9b`, `\u202e`. */
function visible(ch: string): string {
  const code = ch.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** Whether a text holds any character `CONTROL` matches (without the global flag's lastIndex). */
const HAS_CONTROL = new RegExp(CONTROL.source);

/** White space that foldSpaces changes: any but a plain space, or two in a row. */
const SPACE_TO_FOLD = /[^\S ]| {2}/;

/** Runs of white space (line breaks included) as one space each. */
export function foldSpaces(text: string): string {
  // `compare` prints some ten thousand sentences, nearly all spaced by single spaces already: a test
  // then spares building the same string again.
  return SPACE_TO_FOLD.test(text) ? text.replace(/\s+/g, ' ') : text;
}

/** Keeps the layout (line breaks, CRLF, tabs) and shows every other control character as an escape. */
export function escapeControls(text: string): string {
  // Most text holds none: a test then spares building the same string again.
  return HAS_CONTROL.test(text) ? text.replace(CONTROL, visible) : text;
}

/** One line of terminal output: runs of white space (line breaks included) become one space, controls are escaped. */
export function terminalLine(text: string): string {
  return escapeControls(foldSpaces(text));
}

/**
 * JSON for a terminal. JSON.stringify escapes C0 controls but writes DEL, C1 controls and bidi
 * marks raw; they are written as `\uXXXX` here, which is the same JSON value.
 */
export function terminalJson(value: unknown): string {
  return escapeJsonControls(JSON.stringify(value, null, 2));
}

/** The same for JSON text made elsewhere (an export): the value it stands for is unchanged. */
export function escapeJsonControls(json: string): string {
  return json.replace(JSON_RAW_CONTROL, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
