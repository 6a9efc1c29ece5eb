import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, analyzeWithoutClaims } from '../../src/core/analyze';

describe('analyze', () => {
  it('gives comparing articles the same sentences, entities, quotes and structure without the claim candidates', () => {
    const seeds = join(__dirname, '../../seeds');
    const texts = readdirSync(seeds).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(seeds, f), 'utf8'));
    texts.push('“We will not pay,” the minister said on Tuesday.\n\nRead more:\n“Another story,” he said\n\nBy Jane Roe\n');
    let claims = 0;
    for (const text of texts) {
      const { claims: found, ...rest } = analyze(text);
      claims += found.length;
      assert.deepEqual(analyzeWithoutClaims(text), rest);
    }
    // Texts that have claims, so leaving them out is what was checked.
    assert.ok(claims > 0);
  });

  it('keeps UTF-16 offsets right with a BOM, CRLF line ends, tabs and non-ASCII names', () => {
    const text = '\uFEFFStadt feiert Brücke\r\n\r\n\t“Wir schaffen das,” said Ångela Mérkel-Çelik on Monday.\r\n\r\nThe 😀 mayor “agreed” too, Zoë Brontë said.\r\n';
    const a = analyze(text);
    assert.equal(a.length, text.length);
    assert.equal(a.structure.headline?.text, 'Stadt feiert Brücke');
    const [first, second] = a.quotes;
    assert.equal(text.slice(first!.start, first!.end), '“Wir schaffen das,”');
    assert.equal(first!.speaker?.text, 'Ångela Mérkel-Çelik');
    assert.equal(text.slice(first!.speaker!.start, first!.speaker!.end), 'Ångela Mérkel-Çelik');
    assert.equal(text.slice(second!.start, second!.end), '“agreed”');
    assert.equal(second!.speaker?.text, 'Zoë Brontë');
    for (const s of a.sentences) assert.ok(!/^\s|\s$/.test(text.slice(s.start, s.end)), 'sentences are trimmed');
  });

  it('returns quickly on pathological input: one long line, a run of quote marks, binary junk', () => {
    const inputs = [
      'word and “quote” said he. '.repeat(40_000),
      '“'.repeat(50_000) + '”'.repeat(50_000),
      '"'.repeat(100_000),
      Array.from({ length: 300_000 }, (_, i) => String.fromCharCode((i * 7919) % 65_536)).join(''),
    ];
    for (const text of inputs) {
      // Speed on such input is measured by `npm run bench` (adversarial inputs), not here.
      const a = analyze(text);
      assert.equal(a.length, text.length);
      for (const q of a.quotes) assert.ok(q.start >= 0 && q.end <= text.length && q.start < q.end);
    }
  });

  it('bounds an unclosed quote at its paragraph', () => {
    const text = 'Headline here\n\nHe said “this never closes and goes on.\n\nA second paragraph with “a real quote,” she said.\n\nA third paragraph.';
    const a = analyze(text);
    assert.deepEqual(a.quotes.map((q) => q.text), ['“a real quote,”']);
    assert.equal(a.quotes[0]!.speaker?.text, 'she');
  });

  it('links a speaker written as a role the article named someone with to that person', () => {
    const text = 'Leader to visit\n\nKremlin chief Vladimir Putin will travel to Pyongyang on Tuesday.\n\n“We are ready,” the Kremlin chief said on Monday.\n';
    const a = analyze(text);
    const putin = a.entities.find((e) => e.name === 'Vladimir Putin');
    assert.ok(putin);
    assert.equal(a.quotes[0]!.speaker?.text, 'the Kremlin chief');
    assert.equal(a.quotes[0]!.speaker?.entityId, putin.id);
  });
});
