import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../src/core/analyze';
import { DocumentAnalyses } from '../../src/core/incremental/documents';

const SEED = readFileSync(join(__dirname, '../../seeds/000_af60520f71ff48c9.txt'), 'utf8');

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
