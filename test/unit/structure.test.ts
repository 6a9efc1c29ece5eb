import { strict as assert } from 'node:assert';
import { findStructure } from '../../src/core/structure';
import { splitSentences } from '../../src/core/sentences';

describe('findStructure', () => {
  const article = [
    'Accessibility links',
    '',
    'Mayor opens new bridge over the river',
    '',
    'Published: Updated:',
    'By Jane Doe',
    'Read Mode',
    '100% Font Size',
    '5 min read',
    '',
    'The mayor opened the bridge on Monday. It cost $4 million.',
    '',
    'FILE - The bridge under construction, April 25, 2019.',
    '',
    'Years of delay',
    '',
    'Work began in 2019 and stopped twice.',
    '',
    'Read more:',
    '',
    'City council approves budget',
    '',
    'Bridge tolls to rise next year',
  ].join('\r\n');

  it('separates headline, datelines, bylines, captions, sub-headings, residue and paragraphs', () => {
    const s = findStructure(article);
    const t = (x: { text: string }) => x.text;
    assert.equal(s.headline?.text, 'Mayor opens new bridge over the river');
    assert.deepEqual(s.datelines.map(t), ['Published: Updated:']);
    assert.deepEqual(s.bylines.map(t), ['By Jane Doe']);
    assert.deepEqual(s.captions.map(t), ['FILE - The bridge under construction, April 25, 2019.']);
    assert.deepEqual(s.subheadings.map(t), ['Years of delay']);
    assert.deepEqual(s.residue.map(t), ['Accessibility links', 'Read Mode', '100% Font Size', '5 min read', 'Read more:', 'City council approves budget', 'Bridge tolls to rise next year']);
    assert.deepEqual(
      s.paragraphs.map((p) => article.slice(p.start, p.end)),
      ['The mayor opened the bridge on Monday. It cost $4 million.', 'Work began in 2019 and stopped twice.'],
    );
  });

  it('takes the first line as headline and handles a BOM', () => {
    const s = findStructure('\uFEFFStorm hits coast\n\nThe storm hit on Monday.');
    assert.equal(s.headline?.text, 'Storm hits coast');
    assert.equal(s.paragraphs.length, 1);
  });

  it('finds residue phrases in any case, including a Kelvin sign that lower-cases to k', () => {
    const text = 'Storm hits coast\n\nThe storm hit on Monday.\n\nNEWS CO. 2024, ALL RIGHTS RESERVED WORLDWIDE.\n\nSee accessibility lin\u212As here\n\nThe end came on Tuesday.';
    const s = findStructure(text);
    assert.deepEqual(s.residue.map((r) => r.text), ['NEWS CO. 2024, ALL RIGHTS RESERVED WORLDWIDE.', 'See accessibility lin\u212As here']);
  });

  it('reads a 10 MB single line as one headline', () => {
    const text = 'word '.repeat(2_000_000);
    const s = findStructure(text);
    assert.equal(s.headline?.end, text.length - 1);
  });
});

describe('splitSentences', () => {
  const split = (text: string) => splitSentences(text, 0, text.length).map((s) => text.slice(s.start, s.end));

  it('does not split after abbreviations and initials', () => {
    assert.deepEqual(split('Mr. Smith met U.S. officials on Jan. 5 in Washington. They talked.'), [
      'Mr. Smith met U.S. officials on Jan. 5 in Washington.',
      'They talked.',
    ]);
    assert.deepEqual(split('George W. Bush spoke. Then he left.'), ['George W. Bush spoke.', 'Then he left.']);
  });

  it('splits after a closing quote and keeps “…,” said X together', () => {
    assert.deepEqual(split('“We are done.” Then he left. “No,” he said.'), ['“We are done.”', 'Then he left.', '“No,” he said.']);
  });
});
