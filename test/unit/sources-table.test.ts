import { strict as assert } from 'node:assert';
import { sourceTotals, sourcesCsv, sourcesMarkdown, type SourceRow } from '../../src/core/sources/table';
import { sourceRow } from './sourceRowFixture';

/** Rows without an affiliation unless a test gives one. */
const row = (over: Partial<SourceRow>): SourceRow => sourceRow({ affiliation: '', ...over });

describe('sources table', () => {
  it('writes CSV with a header, CRLF rows and quoted fields', () => {
    const csv = sourcesCsv([row({}), row({ source: 'officials, some', named: false, kind: 'anonymous', entity: '', quotedWords: 10, share: 25 })]);
    const lines = csv.split('\r\n');
    assert.equal(lines.length, 4);
    assert.equal(lines[1], 'a.txt,Jane Roe,Jane Roe,yes,person,,mayor,2,30,75.0,1,Jane Roe | she');
    assert.match(lines[2]!, /^a\.txt,"officials, some",,no,anonymous,/);
  });

  it('neutralises cells a spreadsheet would run as formulas', () => {
    const csv = sourcesCsv([row({ article: '=HYPERLINK("http://x")', role: '@SUM(A1)' })]);
    assert.match(csv, /\r\n"'=HYPERLINK\(""http:\/\/x""\)",/);
    assert.match(csv, /,'@SUM\(A1\),/);
  });

  it('escapes article text in the Markdown table', () => {
    const md = sourcesMarkdown([row({ source: 'a | b [x](command:evil) <img>' })]);
    assert.ok(md.includes('a \\| b \\[x\\]\\(command\\:evil\\) \\<img\\>'), md);
    assert.equal(md.split('\n').filter((l) => l.startsWith('|')).length, 3);
  });

  it('totals named and anonymous sources and their quoted words', () => {
    const t = sourceTotals([row({}), row({ named: false, kind: 'anonymous', quotedWords: 10 }), row({ kind: 'actor-place', quotedWords: 0 })]);
    assert.deepEqual([t.named, t.anonymous, t.namedWords, t.anonymousWords], [2, 1, 30, 10]);
    assert.equal(t.byKind['actor-place'], 1);
  });
});
