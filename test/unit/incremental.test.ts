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

/**
 * A starting article for sequence `n`: a seed, a stretch of one, stretches of two mixed (short, to
 * keep the test quick), or both seeds and a stretch again, long enough (11–12 KB) that most quotes
 * lie far from an edit and keep their attribution.
 */
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
    case 7:
      return a + '\n\n' + b + '\n\n' + stretch(a, 2500);
    default:
      return stretch(a, 600) + '\n\n' + stretch(b, 600) + '\n\n' + stretch(a, 400);
  }
}

describe('incremental analysis', () => {
  it('gives what a full analysis gives, after each edit of 1,000 random edit sequences', function () {
    this.timeout(240_000);
    let edits = 0;
    let reusedLines = 0;
    let reusedQuotes = 0;
    let attributedQuotes = 0;
    let reusedGroups = 0;
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
        reusedQuotes += inc.quoteStats.reused;
        attributedQuotes += inc.quoteStats.attributed;
        if (inc.aliasStats.reused) reusedGroups++;
      }
    }
    assert.ok(edits >= 3000);
    assert.ok(reusedGroups > edits / 5 && reusedGroups < edits, `alias groups reused after ${reusedGroups} of ${edits} edits`);
    // The comparison means something only if earlier work was reused.
    assert.ok(reusedLines > edits * 5, `reused ${reusedLines} lines over ${edits} edits`);
    assert.ok(reusedQuotes > attributedQuotes / 4, `reused ${reusedQuotes} quote attributions, attributed ${attributedQuotes} again`);
  });

  it('attributes quotes near an edit again and keeps the others, as a full analysis would', function () {
    // Edits a few hundred characters from a quote, where its attribution reads: cue words, names
    // that join or leave an alias group, pronouns, quote marks and paragraph breaks.
    this.timeout(240_000);
    const NEAR_WORDS = [' said', ' told reporters', ' Putin', ' Vladimir Putin', ' John Smith', ' Smith', ' he', ' she said', ' according to', ':', '“', '”', '"', '\n\n', '\n', '. ', ', who'];
    let reused = 0;
    let attributed = 0;
    for (let n = 0; n < 150; n++) {
      const rnd = random(0x9e0 + n);
      const a = seeds[n % seeds.length]!;
      const b = seeds[(n + 1) % seeds.length]!;
      let text = a + '\n\n' + b + '\n\n' + a.slice(0, 1500 + Math.floor(rnd() * 1500));
      const inc = new IncrementalAnalyzer();
      inc.analyze(text);
      for (let s = 0; s < 4; s++) {
        const marks = [...text.matchAll(/["“”]/g)];
        const mark = marks.length > 0 ? marks[Math.floor(rnd() * marks.length)]!.index : Math.floor(rnd() * text.length);
        const at = Math.max(0, Math.min(text.length, mark + Math.floor((rnd() * 2 - 1) * 900)));
        const remove = rnd() < 0.3 ? Math.min(Math.floor(rnd() * 12), text.length - at) : 0;
        const e = { at, remove, insert: NEAR_WORDS[Math.floor(rnd() * NEAR_WORDS.length)]! };
        const before = text;
        text = apply(text, e);
        const change = { from: before, edit: { head: e.at, tail: before.length - e.at - e.remove, middle: e.insert } };
        assert.deepStrictEqual(inc.analyze(text, change), analyze(text), `sequence ${n}, edit ${s + 1}: ${JSON.stringify(e)}`);
        reused += inc.quoteStats.reused;
        attributed += inc.quoteStats.attributed;
      }
    }
    assert.ok(reused > attributed, `reused ${reused} quote attributions, attributed ${attributed} again`);
  });

  it('attributes a quote again when the paragraph before it changes, though its own does not', () => {
    // The quote opens its paragraph; its speaker comes from the sentence ending in a colon before it.
    const text = `${seeds[0]}\n\nSenator Ted Cruz spoke to the crowd for an hour. Then he continued:\n\n“We will never give up on this fight, not now and not ever.”\n\n${seeds[1]}`;
    const quoteOf = (a: ReturnType<typeof analyze>) => a.quotes.find((q) => q.text.startsWith('“We will never'))!;
    const inc = new IncrementalAnalyzer();
    assert.equal(quoteOf(inc.analyze(text)).speaker?.text, 'he', 'credited through the colon');
    // "he" becomes "we": the same length, the same blocks and sentences, another speaker.
    const at = text.indexOf('he continued:');
    const edited = text.slice(0, at) + 'we' + text.slice(at + 2);
    const result = inc.analyze(edited, { from: text, edit: { head: at, tail: text.length - at - 2, middle: 'we' } });
    assert.equal(quoteOf(result).speaker?.text, 'we');
    assert.deepStrictEqual(result, analyze(edited));
    assert.ok(inc.quoteStats.reused > 0 && inc.quoteStats.attributed > 0, JSON.stringify(inc.quoteStats));
  });

  it('keeps the alias groups while the names stay, and groups again when a name joins or changes', () => {
    const text = `${seeds[0]}\n\n${seeds[1]}`;
    const inc = new IncrementalAnalyzer();
    inc.analyze(text);
    assert.equal(inc.aliasStats.reused, false, 'nothing to reuse at first');
    // A plain word typed in the middle: the same names in the same order, every mention moved.
    const at = text.indexOf(' the ', text.length >> 1) + 1;
    const typed = text.slice(0, at) + 'very ' + text.slice(at);
    assert.deepStrictEqual(inc.analyze(typed), analyze(typed));
    assert.equal(inc.aliasStats.reused, true);
    // A name that joins a group already there ("Putin" with "Vladimir Putin") and one that is new.
    for (const name of ['Vladimir Putin said. ', 'Jacinda Ardern said. ']) {
      const edited = typed.slice(0, at) + name + typed.slice(at);
      const result = inc.analyze(edited);
      assert.deepStrictEqual(result, analyze(edited), name);
      assert.equal(inc.aliasStats.reused, false, name);
      inc.analyze(typed);
    }
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
