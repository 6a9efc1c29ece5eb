// Tokenizes real seed articles with the shipped TextMate grammar, using the same engine VS Code
// uses (vscode-textmate + the Oniguruma WASM build), so scope regressions show up without an editor.
import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';

const ROOT = resolve(__dirname, '..', '..');
const GRAMMAR_PATH = join(ROOT, 'syntaxes', 'news.tmLanguage.json');
const SEEDS = join(ROOT, 'seeds');

interface ScopedText {
  text: string;
  scopes: string[];
}

let grammarPromise: Promise<textmate.IGrammar> | undefined;

function loadGrammar(): Promise<textmate.IGrammar> {
  grammarPromise ??= (async () => {
    const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const registry = new textmate.Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (sources: string[]) => new oniguruma.OnigScanner(sources),
        createOnigString: (s: string) => new oniguruma.OnigString(s),
      }),
      loadGrammar: async (scopeName: string) =>
        scopeName === 'text.news' ? textmate.parseRawGrammar(readFileSync(GRAMMAR_PATH, 'utf8'), GRAMMAR_PATH) : null,
    });
    const grammar = await registry.loadGrammar('text.news');
    if (!grammar) throw new Error('grammar text.news did not load');
    return grammar;
  })();
  return grammarPromise;
}

/** Tokenizes a whole document line by line, carrying the rule stack as VS Code does. */
function tokenizeDocument(grammar: textmate.IGrammar, text: string): ScopedText[][] {
  let stack = textmate.INITIAL;
  return text.split(/\r?\n/).map((line) => {
    const result = grammar.tokenizeLine(line, stack);
    stack = result.ruleStack;
    return result.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
  });
}

function scopesOf(tokens: ScopedText[], fragment: string): string[] {
  const hit = tokens.find((t) => t.text.includes(fragment));
  assert.ok(hit, `a token contains ${JSON.stringify(fragment)}`);
  return hit.scopes;
}

function readSeed(prefix: string): string {
  const name = readdirSync(SEEDS).find((f) => f.startsWith(prefix));
  assert.ok(name, `seed ${prefix}* exists`);
  return readFileSync(join(SEEDS, name), 'utf8');
}

describe('news TextMate grammar', () => {
  it('scopes a quotation in a seed article as string.quoted', async () => {
    const grammar = await loadGrammar();
    const text = readSeed('000_');
    const lines = text.split(/\r?\n/);
    const index = lines.findIndex((l) => l.includes('“Several documents will be signed,”'));
    assert.ok(index >= 0, 'seed 000 holds the Ushakov quote');
    const tokens = tokenizeDocument(grammar, text)[index]!;
    assert.ok(scopesOf(tokens, 'Several documents').some((s) => s.startsWith('string.quoted')));
    // The attribution after the closing mark is prose again.
    assert.ok(!scopesOf(tokens, 'Kremlin aide').some((s) => s.startsWith('string.quoted')));
  });

  it('scopes the headline of a seed article as a heading', async () => {
    const grammar = await loadGrammar();
    const text = readSeed('000_');
    const headline = 'Russia’s Putin to visit North Korea, first trip in 24 years';
    assert.equal(text.split(/\r?\n/)[0], headline);
    const tokens = tokenizeDocument(grammar, text)[0]!;
    assert.ok(scopesOf(tokens, 'Putin to visit').some((s) => s.startsWith('markup.heading')));
  });

  it('finds the headline below page residue and dims the residue', async () => {
    const grammar = await loadGrammar();
    const text = readSeed('001_');
    const lines = text.split(/\r?\n/);
    const tokenized = tokenizeDocument(grammar, text);
    assert.equal(lines[0], 'Accessibility links');
    assert.ok(scopesOf(tokenized[0]!, 'Accessibility links').some((s) => s.startsWith('comment')));
    const headlineIndex = lines.findIndex((l, i) => i > 0 && l.trim() !== '' && !/^(Breaking News|Accessibility links)$/.test(l.trim()));
    const headlineTokens = tokenized[headlineIndex]!;
    assert.ok(headlineTokens.some((t) => t.text.trim() && t.scopes.some((s) => s.startsWith('markup.heading'))));
  });

  it('scopes a "Read more:" line of a seed article as a comment', async () => {
    const grammar = await loadGrammar();
    const text = readSeed('000_');
    const index = text.split(/\r?\n/).indexOf('Read more:');
    assert.ok(index > 0, 'seed 000 has a "Read more:" line');
    const tokens = tokenizeDocument(grammar, text)[index]!;
    assert.ok(scopesOf(tokens, 'Read more:').some((s) => s.startsWith('comment')));
  });

  it('leaves ordinary body prose unscoped beyond the document scope', async () => {
    const grammar = await loadGrammar();
    const text = readSeed('000_');
    const lines = text.split(/\r?\n/);
    const index = lines.findIndex((l) => l.startsWith('Russia is now, along with North Korea'));
    assert.ok(index > 0);
    const tokens = tokenizeDocument(grammar, text)[index]!;
    assert.deepEqual(scopesOf(tokens, 'heavily sanctioned'), ['text.news']);
  });

  it('scopes a quote written with doubled apostrophes, and not an inch mark', async () => {
    const grammar = await loadGrammar();
    const text = "Headline\n\n''We will win,'' he said of the 6'2'' player.";
    const tokens = tokenizeDocument(grammar, text)[2]!;
    assert.ok(scopesOf(tokens, 'We will win').some((s) => s.startsWith('string.quoted.double')));
    assert.ok(!scopesOf(tokens, 'player').some((s) => s.startsWith('string.quoted')));
    assert.ok(!scopesOf(tokens, 'he said').some((s) => s.startsWith('string.quoted')));
  });

  it('scopes datelines, bylines and captions with scopes no default theme paints red', async () => {
    const grammar = await loadGrammar();
    const text = ['Headline', '', 'Published: Updated:', 'Updated on: June 18, 2024', 'By Jane Smith and Li Wei', 'FILE - A view of the port, May 2, 2024.', ''].join('\n');
    const tokenized = tokenizeDocument(grammar, text);
    // Scopes the default themes colour red: keyword (2026 Dark and Light), string (Light+),
    // support.type.property-name and entity.other.attribute-name (Light+), invalid (all).
    const red = /^(keyword|string|invalid|support\.type\.property-name|entity\.other\.attribute-name|constant\.character|storage|markup\.deleted|message\.error)\b/;
    for (const line of tokenized.slice(2, 6)) {
      for (const token of line) assert.ok(!token.scopes.some((s) => red.test(s)), `${JSON.stringify(token.text)}: ${token.scopes.join(' ')}`);
    }
    assert.ok(scopesOf(tokenized[2]!, 'Published:').includes('support.type.dateline.news'));
    assert.ok(scopesOf(tokenized[2]!, 'Published:').includes('meta.dateline.news'), 'the line is still a dateline');
    assert.ok(scopesOf(tokenized[4]!, 'By').includes('support.type.byline.news'));
    assert.ok(scopesOf(tokenized[5]!, 'FILE').includes('support.type.caption.news'));
  });
});
