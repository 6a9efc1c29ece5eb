import { strict as assert } from 'node:assert';
import { DocumentTexts } from '../../../src/vscode/documentTexts';

describe('DocumentTexts (an analysed document’s text, followed through its edits)', () => {
  it('follows single and multi-cursor changes without reading the document again', () => {
    const texts = new DocumentTexts();
    let reads = 0;
    let doc = 'The minister said the bridge will open.\nCritics doubt it.\n';
    const read = () => (reads++, doc);
    assert.equal(texts.textOf('a', 1, read), doc);
    // One keystroke.
    doc = 'The minister said the new bridge will open.\nCritics doubt it.\n';
    texts.applyChanges('a', 2, [{ rangeOffset: 22, rangeLength: 0, text: 'new ' }], doc.length);
    // Two cursors: the editor lists the later change first, each offset into the text before it.
    doc = 'The Minister said the new bridge will open.\nCritics doubted it.\n';
    texts.applyChanges('a', 3, [{ rangeOffset: 52, rangeLength: 5, text: 'doubted' }, { rangeOffset: 4, rangeLength: 1, text: 'M' }], doc.length);
    assert.equal(texts.textOf('a', 3, read), doc);
    assert.equal(reads, 1);
  });

  it('reads the document again when a change does not come out at its length, or for another version', () => {
    const texts = new DocumentTexts();
    let doc = 'abc';
    let reads = 0;
    const read = () => (reads++, doc);
    texts.textOf('a', 1, read);
    doc = 'abXc';
    texts.applyChanges('a', 2, [{ rangeOffset: 2, rangeLength: 0, text: 'X' }], 5);
    assert.equal(texts.textOf('a', 2, read), 'abXc');
    assert.equal(reads, 2);
    assert.equal(texts.textOf('a', 7, () => 'later'), 'later');
    texts.forget('a');
    assert.equal(texts.textOf('a', 7, () => 'read'), 'read');
  });
});
