import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../src/core/analyze';
import { DocumentAnalyses } from '../../src/core/incremental/documents';
import { analyzeStretch, paragraphStretch } from '../../src/core/incremental/region';

const SEED = readFileSync(join(__dirname, '../../seeds/000_af60520f71ff48c9.txt'), 'utf8');

describe('preview of a stretch', () => {
  it('widens a stretch to whole paragraphs', () => {
    const text = 'One.\n\nTwo two.\n\nThree three three.';
    assert.deepEqual(paragraphStretch(text, 8, 9), { start: 6, end: 14 });
    assert.deepEqual(paragraphStretch(text, 0, 2), { start: 0, end: 4 });
    assert.deepEqual(paragraphStretch(text, 20, 99), { start: 16, end: text.length });
  });

  it('analyses a stretch as its own article, offsets into the whole text', () => {
    const start = SEED.indexOf('\n\n', 1500) + 2;
    const stretch = paragraphStretch(SEED, start, start + 800);
    const preview = analyzeStretch(SEED, stretch);
    const alone = analyze(SEED.slice(stretch.start, stretch.end));
    assert.equal(preview.length, SEED.length);
    assert.ok(alone.quotes.length > 0 && alone.entities.length > 0, 'the stretch has quotes and names');
    assert.deepEqual(preview.quotes.map((q) => q.text), alone.quotes.map((q) => q.text));
    for (const q of preview.quotes) {
      assert.equal(SEED.slice(q.start, q.end), q.text);
      if (q.speaker) assert.equal(SEED.slice(q.speaker.start, q.speaker.end), q.speaker.text);
    }
    for (const e of preview.entities) for (const m of e.mentions) assert.equal(SEED.slice(m.start, m.end), m.text);
    for (const s of preview.sentences) assert.ok(s.start >= stretch.start && s.end <= stretch.end);
  });
});

describe('incremental analyses of open documents', () => {
  it('keeps one per document, drops the least recently analysed, and equals a full analysis', () => {
    const docs = new DocumentAnalyses(2);
    const edited = SEED.replace('said', 'told reporters');
    assert.deepStrictEqual(docs.analyze('a', SEED), analyze(SEED));
    docs.analyze('b', SEED.slice(0, 2000));
    assert.deepStrictEqual(docs.analyze('a', edited), analyze(edited));
    docs.analyze('c', SEED.slice(0, 1000));
    assert.deepEqual(docs.documents, ['a', 'c']);
    docs.forget('a');
    assert.deepEqual(docs.documents, ['c']);
  });
});
