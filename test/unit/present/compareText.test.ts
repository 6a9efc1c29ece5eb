import { strict as assert } from 'node:assert';
import { compareArticles } from '../../../src/core/corpus/compare';
import { diffMarkdown, diffPlain, pairHoverMarkdown } from '../../../src/core/present/compareText';

describe('present: Compare Sources text', () => {
  it('writes the word diff plainly, with no space before closing punctuation', () => {
    assert.equal(
      diffPlain([
        { op: 'equal', text: 'Putin' },
        { op: 'delete', text: 'will' },
        { op: 'insert', text: 'is set to' },
        { op: 'equal', text: 'visit' },
        { op: 'delete', text: 'North Korea' },
        { op: 'equal', text: '.' },
      ]),
      'Putin [-will-] {+is set to+} visit [-North Korea-].',
    );
  });

  it('escapes article text in the Markdown diff and hover: no link, command or HTML gets through', () => {
    const md = diffMarkdown([
      { op: 'equal', text: 'See' },
      { op: 'insert', text: '[here](command:workbench.action.quit) <img src=x>' },
      { op: 'delete', text: '**bold** ~~x~~' },
    ]);
    assert.ok(!md.includes('](command:'));
    // Every < is escaped, so no tag opens.
    assert.doesNotMatch(md, /(^|[^\\])</);
    assert.match(md, /^See \*\*\\\[here\\\]\\\(command\\:workbench\\\.action\\\.quit\\\) \\<img src=x\\>\*\* ~~\\\*\\\*bold/);
    const a = 'Officials said [click](command:x) the summit in Hanoi ended on Monday without a treaty.';
    const b = 'The summit in Hanoi ended without a treaty on Monday, officials said <b>x</b>.';
    const pair = compareArticles({ text: a }, { text: b }).shared[0]!;
    const hover = pairHoverMarkdown(pair, 'other [x](command:y).txt');
    assert.ok(!/\]\(command:/.test(hover));
    assert.doesNotMatch(hover, /(^|[^\\])</);
    assert.match(hover, /Wording, A to B/);
    assert.match(hover, /Both name Hanoi/);
  });
});
