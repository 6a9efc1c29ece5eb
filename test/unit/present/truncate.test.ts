import { strict as assert } from 'node:assert';
import { truncate } from '../../../src/core/present/escape';
import { seededRandom as random } from '../annotations/editModel';

/** truncate as it reads plainly: flatten the whole text, then cut. */
function truncateWhole(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}

describe('truncate (names in the outline and the views)', () => {
  it('gives what flattening the whole text gives, for texts of every length and spacing', () => {
    const rnd = random(0x7e47);
    const pieces = ['word', 'x', ' ', '  ', '\n', '\n\n   ', '\t', 'Kremlin', '“quote”', 'é'];
    for (let n = 0; n < 3000; n++) {
      let text = '';
      const parts = Math.floor(rnd() * (n % 10 === 0 ? 400 : 60));
      for (let i = 0; i < parts; i++) text += pieces[Math.floor(rnd() * pieces.length)];
      const max = 5 + Math.floor(rnd() * 70);
      assert.equal(truncate(text, max), truncateWhole(text, max), JSON.stringify({ text, max }));
    }
  });

  it('reads only the start of a long paragraph', () => {
    assert.equal(truncate(`${'a '.repeat(40)}${' '.repeat(100_000)}tail`, 20), 'a a a a a a a a a…');
  });
});
