import { strict as assert } from 'node:assert';
import { escapeHtml, sourcesPageHtml } from '../../src/core/present/sourcesPage';
import { sourceRow } from './sourceRowFixture';

const NONCE = 'abcdefghijklmnop0123==';
const row = sourceRow;

describe('sources webview page', () => {
  const rows = [row({}), row({ source: 'officials', named: false, kind: 'anonymous', entity: '', quotedWords: 10, share: 25 }), row({ article: 'b.txt', source: 'Oslo', kind: 'actor-place', quotedWords: 0, quotes: 0 })];
  const html = sourcesPageHtml(rows, ['a.txt', 'b.txt'], { nonce: NONCE });

  it('allows only its own nonce-carrying style and script, and nothing remote', () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)![1]!;
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, new RegExp(`style-src 'nonce-${NONCE}'`));
    assert.match(csp, new RegExp(`script-src 'nonce-${NONCE}'`));
    assert.doesNotMatch(csp, /unsafe|https?:/);
    assert.equal((html.match(/<script/g) ?? []).length, (html.match(new RegExp(`<script nonce="${NONCE}"`, 'g')) ?? []).length);
    assert.equal((html.match(/<style/g) ?? []).length, 1);
    assert.doesNotMatch(html, /https?:\/\/|src=|style="/);
  });

  it('lists every source in the table and draws a bar for each quoted one, theme colours only', () => {
    assert.equal((html.match(/<tr><td>/g) ?? []).length, 3);
    assert.equal((html.match(/<rect class="bar-(named|anonymous)" x="260"/g) ?? []).length, 2);
    assert.match(html, /officials <span class="muted">\(unnamed\)<\/span>/);
    assert.match(html, /named: 2 sources, 30 quoted words \(75%\) · anonymous: 1 source, 10 quoted words/);
    assert.doesNotMatch(html.replace(/<svg[^>]*>/g, ''), /#[0-9a-f]{3,6}\b|rgb\(/i);
  });

  it('escapes article text everywhere it appears', () => {
    const evil = '<img src=x onerror=alert(1)>"\'&';
    const page = sourcesPageHtml([row({ source: evil, article: evil, forms: evil, role: evil, quotedWords: 5 })], [evil], { nonce: NONCE });
    assert.ok(!page.includes('<img'), 'raw tag from article text');
    assert.ok(page.includes(escapeHtml(evil)));
    assert.equal(escapeHtml(evil), '&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;');
  });

  it('says so when there is nothing to show, and refuses a weak nonce', () => {
    assert.match(sourcesPageHtml([], [], { nonce: NONCE }), /No open news article has a source yet/);
    assert.throws(() => sourcesPageHtml([], [], { nonce: 'x"' }), /nonce/);
  });
});
