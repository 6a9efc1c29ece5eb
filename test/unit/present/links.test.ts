import { strict as assert } from 'node:assert';
import { evidenceMarkdown, multilineMarkdown, webAddress } from '../../../src/core/present/links';

describe('evidence links and notes in hovers', () => {
  it('links http and https addresses with escaped text', () => {
    assert.equal(evidenceMarkdown('https://example.org/report'), '[https\\://example\\.org/report](https://example.org/report)');
    assert.equal(webAddress('http://example.org/a?b=1&c=2#d'), 'http://example.org/a?b=1&c=2#d');
  });

  it('keeps other schemes as plain escaped text', () => {
    for (const value of ['command:workbench.action.quit', 'javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,<b>x</b>', 'not a url', 'example.org/page']) {
      const md = evidenceMarkdown(value);
      assert.equal(webAddress(value), undefined, value);
      assert.ok(!/\]\(/.test(md), `${value} is not a link: ${md}`);
      assert.ok(!/(^|[^\\])[[(<]/.test(md), `${value} has no unescaped bracket: ${md}`);
    }
  });

  it('encodes what could end the link or start another inside the address', () => {
    const href = webAddress('https://example.org/a_(b)*c?q="x"&r=[y](command:evil)<z>\\')!;
    assert.ok(!/[()[\]<>"'\\* ]/.test(href), href);
    assert.ok(href.startsWith('https://example.org/a'));
    const md = evidenceMarkdown('https://example.org/[x](command:evil)');
    assert.equal(md.match(/\]\(/g)?.length, 1, `one link only: ${md}`);
    assert.ok(md.endsWith('(https://example.org/%5Bx%5D%28command:evil%29)'), md);
  });

  it('keeps the lines of a note, escaped, as hard line breaks and paragraphs', () => {
    assert.equal(multilineMarkdown('First line\nsecond *line*'), 'First line  \nsecond \\*line\\*');
    assert.equal(multilineMarkdown('One\n\nTwo'), 'One\n\nTwo');
    const hostile = multilineMarkdown('# heading\n- item\n<img src=x>\n[x](command:evil)');
    for (const line of hostile.split('\n')) assert.match(line, /^(\\[#\-<[]|$)/, line);
  });
});
