import { strict as assert } from 'node:assert';
import { DocumentTexts } from '../../../src/vscode/documentTexts';
import { applyTextEdit } from '../../../src/core/text/textEdit';
import { seededRandom as random } from '../annotations/editModel';
import { applyEdit, randomEdit } from '../randomEdits';

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

  it('tells the text as a change to the one last handed on, from the change events alone, over random edits', () => {
    let changes = 0;
    let exact = 0;
    for (let n = 0; n < 300; n++) {
      const rnd = random(0x7e47 + n);
      const texts = new DocumentTexts();
      let doc = 'The minister said the bridge will open.\n\n“It is late,” critics said.\nThe end.\n'.repeat(1 + (n % 4));
      let version = 1;
      texts.textOf('a', version, () => doc);
      assert.equal(texts.editSinceHanded('a'), undefined, 'nothing handed on yet');
      let handed = doc;
      texts.handedOn('a');
      let fresh = true;
      for (let s = 0; s < 12; s++) {
        // One or two changes per event (two cursors: the later change first, offsets into the text before the event).
        const first = randomEdit(doc, rnd);
        const events = [first];
        if (rnd() < 0.3 && first.at > 4) {
          const second = { at: Math.floor(rnd() * (first.at - 2)), remove: 1, insert: 'Q' };
          events.push(second);
        }
        for (const e of events) doc = applyEdit(doc, e);
        texts.applyChanges('a', ++version, events.map((e) => ({ rangeOffset: e.at, rangeLength: e.remove, text: e.insert })), doc.length);
        assert.equal(texts.textOf('a', version, () => assert.fail('read again')), doc);
        const since = texts.editSinceHanded('a')!;
        assert.equal(since.from, handed);
        assert.equal(applyTextEdit(handed, since.edit), doc, `sequence ${n}, step ${s + 1}`);
        // The first change after a hand-on is told exactly as the editor reported it.
        if (fresh && events.length === 1) {
          assert.deepEqual(since.edit, { head: first.at, tail: doc.length - first.at - first.insert.length, middle: first.insert });
          exact++;
        }
        fresh = false;
        changes++;
        if (rnd() < 0.4) {
          texts.handedOn('a');
          handed = doc;
          fresh = true;
          assert.deepEqual(texts.editSinceHanded('a')!.edit, { head: doc.length, tail: 0, middle: '' });
        }
      }
    }
    assert.ok(changes >= 3000);
    assert.ok(exact > 500, `${exact} told exactly`);
  });

  it('forgets the text handed on when the document is read again', () => {
    const texts = new DocumentTexts();
    texts.textOf('a', 1, () => 'abc');
    texts.handedOn('a');
    texts.applyChanges('a', 2, [{ rangeOffset: 1, rangeLength: 0, text: 'X' }], 99); // not the document's length
    texts.textOf('a', 2, () => 'aXbc');
    assert.equal(texts.editSinceHanded('a'), undefined);
  });
});
