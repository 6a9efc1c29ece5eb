import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SNIFF_BYTES, sniffNewsArticle } from '../../src/core/sniff';
import { decodeSniffModel, encodeSniffModel } from '../../src/core/sniff/model';
import { SNIFF_MODEL } from '../../src/core/sniff/model-data';

const seed = (name: string) => readFileSync(join(__dirname, '../../seeds', name), 'utf8');
const SEED_A = '000_af60520f71ff48c9.txt';
const SEED_B = '001_21569e4679d671fa.txt';

const isArticle = (text: string): boolean => sniffNewsArticle(text).isArticle;

describe('sniffNewsArticle', () => {
  it('recognises both seed articles', () => {
    assert.equal(isArticle(seed(SEED_A)), true);
    assert.equal(isArticle(seed(SEED_B)), true);
  });

  it('recognises a short wire story with a dateline and a quote', () => {
    const text = 'Storm closes schools across the region\n\nLONDON (Reuters) - Schools were shut on Monday as a storm hit the coast, officials said.\n\n' +
      '"We have never seen anything like it," said Mayor Jane Doe, adding that the police were helping families in the worst-hit towns.\n';
    const result = sniffNewsArticle(text);
    assert.equal(result.isArticle, true, result.signals.join(','));
    assert.ok(result.signals.includes('dateline') && result.signals.includes('attributed-quote'), result.signals.join(','));
  });

  it('recognises a short wire story that has no headline', () => {
    const text = 'NAIROBI, March 4 (Reuters) - Kenya\'s central bank held its benchmark lending rate at 10.5 percent on Tuesday, ' +
      'saying inflation was within its target range and the shilling had steadied after a volatile year.\n\n' +
      'The bank\'s monetary policy committee said in a statement that growth remained resilient, supported by farm output and tourism. ' +
      '"The committee will continue to monitor developments closely," Governor Kamau Thugge told reporters in Nairobi.\n';
    const result = sniffNewsArticle(text);
    assert.equal(result.isArticle, true, `${result.score} ${result.signals.join(',')}`);
    assert.ok(!result.signals.includes('headline'));
  });

  it('recognises an article laid out one paragraph per line, or hard-wrapped at 72 columns', () => {
    const text = seed(SEED_B);
    const noBlankLines = text.replace(/\n\s*\n/g, '\n');
    assert.equal(isArticle(noBlankLines), true);
    const wrapped = text.split('\n').map((line) => line.replace(/(.{1,72})(?:\s+|$)/g, '$1\n').trimEnd()).join('\n');
    assert.notEqual(wrapped, text);
    assert.equal(isArticle(wrapped), true);
  });

  it('does not take release notes for news (the old rule did: a headline, quotes and reporting words)', () => {
    const notes = 'Widget v3.2 Release Notes\n=========================\n\n' +
      'Updates since v3.1\n------------------\n\n' +
      ' * "widget import" learned the "--dry-run" option, which reports what\n   would be imported without writing anything.\n\n' +
      ' * The "status" command said nothing when the cache was stale; it now\n   reports the age of the cache, as several users requested.\n\n' +
      ' * "widget sync" is now faster on large repositories, according to\n   measurements on the project\'s own history.\n\n' +
      'Fixes since v3.1\n----------------\n\n' +
      ' * A crash when the configuration file was empty has been fixed.\n\n' +
      ' * The president of the foundation, who reported the packaging bug,\n   is now credited in the AUTHORS file.\n';
    const result = sniffNewsArticle(notes);
    assert.equal(result.isArticle, false, `${result.score} ${result.signals.join(',')}`);
  });

  it('does not take a changelog or a licence for news', () => {
    const changelog = 'widget (3.2-1) unstable; urgency=medium\n\n  * New upstream release.\n  * Refresh patches; drop the one applied upstream.\n' +
      '  * Bump Standards-Version to 4.6.2, no changes needed.\n\n -- Jane Smith <jane@example.org>  Tue, 12 Mar 2024 10:00:00 +0100\n\n' +
      'widget (3.1-2) unstable; urgency=low\n\n  * Fix the build with the new compiler (Closes: #1234567).\n\n -- Jane Smith <jane@example.org>  Mon, 04 Dec 2023 09:12:00 +0100\n';
    const licence = 'Copyright 2024 The Widget Authors\n\nRedistribution and use in source and binary forms, with or without modification, are permitted provided ' +
      'that the following conditions are met: redistributions of source code must retain the above copyright notice, this list of conditions ' +
      'and the following disclaimer.\n\nThis software is provided by the copyright holders and contributors "as is" and any express or implied ' +
      'warranties are disclaimed. In no event shall the copyright holder be liable for any damages arising in any way out of the use of this software.\n';
    assert.equal(isArticle(changelog), false);
    assert.equal(isArticle(licence), false);
  });

  it('leaves notes, logs and READMEs alone', () => {
    const notes = 'Shopping list\n\n- eggs\n- milk\n- bread\n\nCall the plumber on Tuesday about the kitchen sink, it is leaking again and the cupboard below is wet.\n\nBook tickets for the concert before Friday, the good seats go quickly and prices rise after that.\n';
    const log = '2024-01-01 12:00:00 INFO server started\n2024-01-01 12:00:01 WARN cache miss for key "user:1"\n'.repeat(40);
    const readme = 'My Project\n\nThis tool converts files.\n\nInstall it with npm install my-project and run it with "my-project input.txt". It said nothing when it worked.\n\nOptions are listed below in the table, each with its default value and a short explanation.\n';
    const csv = 'date,city,headline,source\n' + '2024-03-12,London,"Storm closes schools",wire\n'.repeat(60);
    assert.equal(isArticle(notes), false);
    assert.equal(isArticle(log), false);
    assert.equal(isArticle(readme), false);
    assert.equal(isArticle(csv), false);
  });

  it('rejects empty and binary content and reads the same text alike with a BOM or CRLF or CR line ends', () => {
    assert.equal(isArticle(''), false);
    assert.equal(isArticle('\n\n   \n'), false);
    assert.equal(isArticle('abc\u0000def said "x"'), false);
    const crlf = '\uFEFF' + seed(SEED_A).replace(/\n/g, '\r\n');
    assert.equal(isArticle(crlf), true);
    // A BOM and CRLF or old Mac CR line ends change nothing but where the 4 KB end.
    const short = seed(SEED_B).slice(0, 2000);
    assert.equal(sniffNewsArticle('\uFEFF' + short.replace(/\n/g, '\r\n')).score, sniffNewsArticle(short).score);
    assert.equal(sniffNewsArticle(short.replace(/\n/g, '\r')).score, sniffNewsArticle(short).score);
  });

  it('reads only the first few kilobytes', () => {
    // An article preceded by more than SNIFF_BYTES of other content is not looked at.
    const padded = 'x'.repeat(SNIFF_BYTES) + '\n\n' + seed(SEED_A);
    assert.equal(isArticle(padded), false);
    assert.equal(isArticle(seed(SEED_A).slice(0, SNIFF_BYTES)), true);
    // Whatever follows the head changes nothing.
    const head = (seed(SEED_B) + seed(SEED_A)).slice(0, SNIFF_BYTES);
    assert.equal(sniffNewsArticle(head + 'x'.repeat(10000)).score, sniffNewsArticle(head).score);
  });

  it('reports a score whose sign is the decision', () => {
    for (const text of [seed(SEED_A), 'Shopping list\n\n- eggs\n- milk\n']) {
      const result = sniffNewsArticle(text);
      assert.equal(result.isArticle, result.score >= 0);
    }
  });
});

describe('sniff model table', () => {
  it('ships as a small table with one weight per feature bucket', () => {
    assert.ok(SNIFF_MODEL.weights.length <= 50 * 1024, `${SNIFF_MODEL.weights.length} characters`);
    assert.equal(decodeSniffModel(SNIFF_MODEL).weights.length, 1 << SNIFF_MODEL.bits);
  });

  it('round-trips weights through int8 within half a quantisation step', () => {
    const weights = Float32Array.from({ length: 256 }, (_, i) => Math.sin(i) * (i % 7));
    const decoded = decodeSniffModel(encodeSniffModel(weights, 8, 0.5));
    const step = Math.max(...weights.map(Math.abs)) / 127;
    weights.forEach((w, i) => assert.ok(Math.abs(decoded.weights[i]! - w) <= step / 2 + 1e-6, `weight ${i}`));
    assert.equal(decoded.threshold, 0.5);
  });

  it('refuses a table of the wrong size with a clear message', () => {
    const encoded = encodeSniffModel(new Float32Array(256), 8, 0);
    assert.throws(() => decodeSniffModel({ ...encoded, bits: 9 }), /expected 512 weights, got 256/);
  });
});
