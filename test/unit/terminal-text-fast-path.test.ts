// terminalLine and escapeControls return text that needs no change as it is; whatever the text, the
// result must be what the plain replacements give.
import { strict as assert } from 'node:assert';
import { escapeControls, foldSpaces, terminalLine } from '../../src/core/present/terminalText';
import { seededRandom } from './annotations/editModel';

/** The replacement escapeControls makes, written out here. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|\r(?!\n)/g;
function escapedPlainly(text: string): string {
  return text.replace(CONTROL, (ch) => {
    const code = ch.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

describe('terminal text: lines that need no change', () => {
  it('fold spaces and escape controls as the plain replacements do, over 5,000 random lines', () => {
    const rand = seededRandom(41);
    // Plain spaces often, other white space and controls now and then.
    const pieces = ['word', 'Kim', '“quote”', ' ', ' ', ' ', '  ', '\t', '\n', '\r\n', '\r', '\u00a0', '\u2028', '\u001b[31m', '\u009b', '\u202e', '\u007f', 'é'];
    let unchanged = 0;
    for (let round = 0; round < 5000; round++) {
      const length = Math.floor(rand() * 12);
      const text = Array.from({ length }, () => pieces[Math.floor(rand() * (rand() < 0.7 ? 4 : pieces.length))]!).join('');
      const folded = text.replace(/\s+/g, ' ');
      assert.equal(foldSpaces(text), folded, JSON.stringify(text));
      const escaped = escapedPlainly(folded);
      assert.equal(terminalLine(text), escaped, JSON.stringify(text));
      assert.equal(escapeControls(text), escapedPlainly(text), JSON.stringify(text));
      if (escaped === text) unchanged++;
    }
    // Both kinds of line were met.
    assert.ok(unchanged > 500 && unchanged < 4500, `${unchanged} lines needed no change`);
  });
});
