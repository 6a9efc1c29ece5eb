import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SNIFF_BYTES, sniffNewsArticle } from '../../src/core/sniff';

const seed = (name: string) => readFileSync(join(__dirname, '../../seeds', name), 'utf8');

describe('sniffNewsArticle', () => {
  it('recognises both seed articles', () => {
    assert.equal(sniffNewsArticle(seed('000_af60520f71ff48c9.txt')).isArticle, true);
    assert.equal(sniffNewsArticle(seed('001_21569e4679d671fa.txt')).isArticle, true);
  });

  it('recognises a short wire story with a dateline and a quote', () => {
    const text = 'Storm closes schools across the region\n\nLONDON (Reuters) - Schools were shut on Monday as a storm hit the coast, officials said.\n\n' +
      '"We have never seen anything like it," said Mayor Jane Doe, adding that the police were helping families in the worst-hit towns.\n';
    const result = sniffNewsArticle(text);
    assert.equal(result.isArticle, true, result.signals.join(','));
  });

  it('leaves notes, logs and READMEs alone', () => {
    const notes = 'Shopping list\n\n- eggs\n- milk\n- bread\n\nCall the plumber on Tuesday about the kitchen sink, it is leaking again and the cupboard below is wet.\n\nBook tickets for the concert before Friday, the good seats go quickly and prices rise after that.\n';
    const log = '2024-01-01 12:00:00 INFO server started\n2024-01-01 12:00:01 WARN cache miss for key "user:1"\n'.repeat(40);
    const readme = 'My Project\n\nThis tool converts files.\n\nInstall it with npm install my-project and run it with "my-project input.txt". It said nothing when it worked.\n\nOptions are listed below in the table, each with its default value and a short explanation.\n';
    assert.equal(sniffNewsArticle(notes).isArticle, false);
    assert.equal(sniffNewsArticle(log).isArticle, false);
    assert.equal(sniffNewsArticle(readme).isArticle, false);
  });

  it('rejects binary content and tolerates a BOM and CRLF line ends', () => {
    assert.equal(sniffNewsArticle('abc\u0000def said "x"').isArticle, false);
    const crlf = '\uFEFF' + seed('000_af60520f71ff48c9.txt').replace(/\n/g, '\r\n');
    assert.equal(sniffNewsArticle(crlf).isArticle, true);
  });

  it('reads only the first few kilobytes', () => {
    // An article preceded by more than SNIFF_BYTES of other content is not looked at.
    const padded = 'x'.repeat(SNIFF_BYTES) + '\n\n' + seed('000_af60520f71ff48c9.txt');
    assert.equal(sniffNewsArticle(padded).isArticle, false);
    assert.equal(sniffNewsArticle(seed('000_af60520f71ff48c9.txt').slice(0, SNIFF_BYTES)).isArticle, true);
  });
});
