// What the CLI prints to a terminal carries no control characters from the files it read: article
// text, sidecar fields (`article:`, notes, labels) and error messages that quote them.
import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXIT } from '../../src/cli/readArticle';
import { runCli } from './runCli';

/** Raw controls a terminal would act on (LF and TAB are layout; CR only in CRLF). */
// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]|\r(?!\n)/;

function article(text: string): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'news-escape-'));
  const file = join(dir, 'story.txt');
  writeFileSync(file, text);
  return { dir, file };
}

const HOSTILE = 'Mayor \x1b]0;owned\x07promises a bridge\n\n“It will cost \x1b[2J40 million\x9b31m euros\u202e,” Mayor Anna Berg said.\rFAKE\n';

describe('CLI terminal escapes', () => {
  it('analyze shows control characters of the article as escapes, in the headline and in quotes', () => {
    const { file } = article(HOSTILE);
    const r = runCli(['analyze', file]);
    assert.equal(r.code, EXIT.ok, r.stderr);
    assert.doesNotMatch(r.stdout, RAW_CONTROL);
    assert.match(r.stdout, /\\x1b\]0;owned\\x07/, 'the escape is shown, not dropped');
    assert.match(r.stdout, /\\x1b\[2J40 million\\x9b31m/);
  });

  it('analyze --json escapes C1 and bidi characters too (JSON.stringify leaves them raw)', () => {
    const { file } = article(HOSTILE);
    const r = runCli(['analyze', '--json', file]);
    assert.equal(r.code, EXIT.ok, r.stderr);
    assert.doesNotMatch(r.stdout, RAW_CONTROL);
    assert.ok(JSON.parse(r.stdout).quotes.some((q: { text: string }) => q.text.includes('\x9b31m')), 'the value itself is unchanged');
  });

  it("a sidecar's `article:` field with escape sequences is escaped in the error message", () => {
    const { dir, file } = article('The council met on Tuesday.\n');
    writeFileSync(join(dir, 'story.annotations.yaml'), 'version: 1\narticle: "\\e]0;pwned\\a\\e[31mother.txt"\nannotations: []\n');
    const r = runCli(['tag', file, '--text', 'council', '--label', 'verified']);
    assert.equal(r.code, EXIT.input);
    assert.match(r.stderr, /belong to/);
    assert.doesNotMatch(r.stderr, RAW_CONTROL);
    assert.match(r.stderr, /\\x1b\]0;pwned\\x07\\x1b\[31mother\.txt/);
  });

  it('claims shows notes and labels from the sidecar with their controls escaped', () => {
    const { dir, file } = article('The council met on Tuesday.\n');
    writeFileSync(
      join(dir, 'story.annotations.yaml'),
      [
        'version: 1',
        'article: story.txt',
        'annotations:',
        '  - id: a1',
        '    label: "ok\\e[8m"',
        '    note: "hidden\\x9b8m note\\rOVERWRITE"',
        '    reviewer: jane',
        '    created: 2026-01-01T00:00:00Z',
        '    updated: 2026-01-01T00:00:00Z',
        '    target: { exact: council, prefix: "The ", suffix: " met", start: 4, end: 11 }',
        '',
      ].join('\n'),
    );
    const r = runCli(['claims', file]);
    assert.equal(r.code, EXIT.ok, r.stderr);
    assert.doesNotMatch(r.stdout, RAW_CONTROL);
    assert.match(r.stdout, /ok\\x1b\[8m/);
    assert.match(r.stdout, /hidden\\x9b8m note/);
  });

  it('an error quoting the command line escapes it too', () => {
    const r = runCli(['analyze', '/nonexistent/\x1b[31mred.txt']);
    assert.equal(r.code, EXIT.input);
    assert.doesNotMatch(r.stderr, RAW_CONTROL);
    assert.match(r.stderr, /\\x1b\[31mred\.txt: no such file/);
  });
});
