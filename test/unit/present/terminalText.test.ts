// Text from files is escaped before it reaches a terminal (src/core/present/terminalText.ts).
import { strict as assert } from 'node:assert';
import { escapeControls, escapeJsonControls, terminalJson, terminalLine } from '../../../src/core/present/terminalText';

describe('terminal escaping', () => {
  it('shows ESC, BEL, other C0 controls, DEL, C1 controls and bidi overrides as visible escapes', () => {
    assert.equal(escapeControls('a\x1b[31mred\x07'), 'a\\x1b[31mred\\x07');
    assert.equal(escapeControls('\x00\x08\x0b\x0c\x7f\x9b\x85'), '\\x00\\x08\\x0b\\x0c\\x7f\\x9b\\x85');
    assert.equal(escapeControls('abc\u202edef\u2066'), 'abc\\u202edef\\u2066');
  });

  it('keeps line breaks, CRLF and tabs as layout, but not a lone CR that would overwrite the line', () => {
    assert.equal(escapeControls('one\n\ttwo\r\nthree'), 'one\n\ttwo\r\nthree');
    assert.equal(escapeControls('safe text\rEVIL'), 'safe text\\x0dEVIL');
  });

  it('leaves ordinary text alone, non-Latin scripts and emoji included', () => {
    const text = 'Путин said “yes” — 金正恩 😀 ‏שלום';
    assert.equal(escapeControls(text), text);
  });

  it('terminalLine folds white space into one line and escapes what is left', () => {
    assert.equal(terminalLine('two\nlines\r\n\tand\x1b]0;title\x07'), 'two lines and\\x1b]0;title\\x07');
  });

  it('terminalJson writes DEL, C1 and bidi characters as \\u escapes: the same JSON value', () => {
    const value = { text: 'a\x1b\x9b\x7f\u202eb' };
    const json = terminalJson(value);
    assert.doesNotMatch(json, /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e]/);
    assert.deepEqual(JSON.parse(json), value);
    assert.equal(escapeJsonControls('"\x9b"'), '"\\u009b"');
  });
});
