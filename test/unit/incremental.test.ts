import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../src/core/analyze';
import { IncrementalAnalyzer } from '../../src/core/incremental/index';
import { seededRandom as random } from './annotations/editModel';
import { applyEdit as apply, randomEdit } from './randomEdits';

// The two seed articles, whole and mixed: the mixes repeat names and paragraphs across the text,
// which is what the document-wide facts of the tagger (a word seen in lower case anywhere, the
// type a spelling was given before) and the alias groups depend on.
const seedDir = join(__dirname, '../../seeds');
const seeds = readdirSync(seedDir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => readFileSync(join(seedDir, f), 'utf8'));

/** A starting article for sequence `n`: a seed, a stretch of one, or stretches of two mixed (short, to keep the test quick). */
function startText(n: number, rnd: () => number): string {
  const a = seeds[n % seeds.length]!;
  const b = seeds[(n + 1) % seeds.length]!;
  const stretch = (s: string, len: number): string => {
    const from = Math.floor(rnd() * Math.max(0, s.length - len));
    return s.slice(from, from + len);
  };
  switch (n % 8) {
    case 0:
      return a;
    case 1:
    case 2:
    case 3:
      return a.slice(0, 1000 + Math.floor(rnd() * 600));
    case 4:
    case 5:
      return stretch(a, 700 + Math.floor(rnd() * 700));
    default:
      return stretch(a, 600) + '\n\n' + stretch(b, 600) + '\n\n' + stretch(a, 400);
  }
}

describe('incremental analysis', () => {
  it('gives what a full analysis gives, after each edit of 1,000 random edit sequences', function () {
    this.timeout(240_000);
    let edits = 0;
    let reusedLines = 0;
    for (let n = 0; n < 1000; n++) {
      const rnd = random(0x5eed + n);
      let text = startText(n, rnd);
      const inc = new IncrementalAnalyzer();
      assert.deepStrictEqual(inc.analyze(text), analyze(text), `sequence ${n}, before any edit`);
      const steps = 3 + Math.floor(rnd() * 3);
      for (let s = 0; s < steps; s++) {
        const e = randomEdit(text, rnd);
        const before = text;
        text = apply(text, e);
        edits++;
        // Every other edit told as the editor reports it (the analyzer otherwise compares the texts).
        const change = s % 2 ? { from: before, edit: { head: e.at, tail: before.length - e.at - e.remove, middle: e.insert } } : undefined;
        assert.deepStrictEqual(inc.analyze(text, change), analyze(text), `sequence ${n}, edit ${s + 1}: ${JSON.stringify(e)}`);
        reusedLines += inc.stats.reused;
      }
    }
    assert.ok(edits >= 3000);
    // The comparison means something only if earlier work was reused.
    assert.ok(reusedLines > edits * 5, `reused ${reusedLines} lines over ${edits} edits`);
  });

  it('re-tags only the edited line when a typed character changes no document fact', () => {
    const text = seeds[0]!;
    const inc = new IncrementalAnalyzer();
    inc.analyze(text);
    const lines = inc.stats.tagged;
    assert.ok(lines > 10);
    const at = text.indexOf(' ', text.length >> 1);
    const edited = text.slice(0, at) + ' and' + text.slice(at);
    assert.deepStrictEqual(inc.analyze(edited), analyze(edited));
    assert.equal(inc.stats.tagged, 1);
    assert.equal(inc.stats.reused, lines - 1);
  });

  it('re-tags a line elsewhere when a name it met before changes its lower-case sighting', () => {
    // "Said" is scored as a candidate in the headline; "said" lower-case elsewhere is a document fact it consults.
    const text = 'Mayor Said Speaks\n\nThe mayor spoke on Monday.\n\nHe left.';
    const inc = new IncrementalAnalyzer();
    inc.analyze(text);
    const edited = text.replace('He left.', 'He said he left.');
    assert.deepStrictEqual(inc.analyze(edited), analyze(edited));
    // The edited line and the headline, whose word now also occurs in lower case.
    assert.equal(inc.stats.tagged, 2);
  });
});
