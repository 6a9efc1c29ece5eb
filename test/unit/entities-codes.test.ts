import assert from 'node:assert/strict';
import { codeUnits } from '../../src/core/text/codes';
import { tokenize } from '../../src/core/text/tokenize';

describe('codeUnits (the characters scans read)', () => {
  it('holds every UTF-16 code unit of the text, lone surrogates and odd lengths included', () => {
    for (const text of ['', 'a', 'Zoë “quoted” 😀', 'x\ud800', '\udc00A', 'ab'.repeat(5000) + 'c']) {
      const codes = codeUnits(text);
      assert.equal(codes.length, text.length);
      for (let i = 0; i < text.length; i++) assert.equal(codes[i], text.charCodeAt(i), `${JSON.stringify(text.slice(0, 10))} at ${i}`);
    }
  });

  it('works on a slice of a longer string', () => {
    const whole = 'Breaking: ' + 'Kim Jong Un met Putin. '.repeat(100);
    const part = whole.slice(10, 500);
    assert.deepEqual(Array.from(codeUnits(part)), Array.from(part, (ch) => ch.charCodeAt(0)));
    assert.equal(tokenize(part).codes.length, part.length);
  });
});
