import { strict as assert } from 'node:assert';
import { anchor, anchorAll, targetFor } from '../../../src/core/annotations/anchor';
import { approxSearch, editDistance } from '../../../src/core/annotations/approx';
import { shiftForEdits } from '../../../src/core/annotations/shift';
import { seededRandom } from './editModel';
import { ARTICLE, annotationOn } from './fixtures';

const TRADE = 'Trade between the two countries rose to $34 million last year';

describe('approxSearch (Myers bit-vector)', () => {
  it('agrees with a plain dynamic-programming search on random strings, across block sizes', () => {
    const rnd = seededRandom(7);
    const pick = (n: number) => Array.from({ length: n }, () => 'abcd'[Math.floor(rnd() * 4)]).join('');
    for (let t = 0; t < 400; t++) {
      const text = pick(20 + Math.floor(rnd() * 150));
      const pattern = pick(1 + Math.floor(rnd() * 80));
      const k = Math.floor(rnd() * pattern.length * 0.4);
      // best distance of the pattern to any substring, by the textbook semi-global DP
      let row = new Array<number>(text.length + 1).fill(0);
      for (let i = 1; i <= pattern.length; i++) {
        const next = [i];
        for (let j = 1; j <= text.length; j++) next[j] = Math.min(row[j - 1]! + (pattern[i - 1] === text[j - 1] ? 0 : 1), row[j]! + 1, next[j - 1]! + 1);
        row = next;
      }
      const best = Math.min(...row);
      const found = approxSearch(text, pattern, k);
      assert.equal(found.length > 0, best <= k, `${pattern} in ${text}`);
      for (const m of found) assert.equal(editDistance(pattern, text.slice(m.start, m.end)), m.errors);
      if (found.length) assert.equal(Math.min(...found.map((m) => m.errors)), best);
    }
  });
});

describe('anchor: the ladder', () => {
  const trade = annotationOn(ARTICLE, TRADE);

  it('1. exact: same text at the stored position', () => {
    assert.deepEqual(anchor(ARTICLE, trade), { kind: 'exact', start: trade.target.position.start, end: trade.target.position.end, score: 1, errors: 0 });
  });

  it('2. moved: same text elsewhere', () => {
    const edited = 'BREAKING: an update.\n\n' + ARTICLE;
    const result = anchor(edited, trade);
    assert.equal(result.kind, 'moved');
    assert.equal(edited.slice(result.start, result.end), TRADE);
    assert.equal(result.start, trade.target.position.start + 22);
  });

  it('2. moved: among several copies, the one whose context agrees wins, even if farther', () => {
    const said = annotationOn(ARTICLE, 'the Kremlin said', { id: 'k' }); // first occurrence, after "on Tuesday, "
    const ownStart = said.target.position.start;
    // Shift the text so the stored position hits neither copy, then check the context picks the first.
    const edited = 'x'.repeat(5) + ARTICLE;
    const result = anchor(edited, said);
    assert.equal(result.kind, 'moved');
    assert.equal(result.start, ownStart + 5);
    // The second copy, after "$34 million last year, ", is picked when that is its context.
    const second = ARTICLE.lastIndexOf('the Kremlin said');
    const other = { ...said, target: targetFor(ARTICLE, second, second + 16) };
    const r2 = anchor(edited, other);
    assert.ok(r2.kind === 'moved' && r2.start === second + 5);
  });

  it('3. fuzzy: an edited version of the claim in its own place', () => {
    const edited = ARTICLE.replace('rose to $34 million', 'rose to about $35 million');
    const result = anchor(edited, trade);
    assert.equal(result.kind, 'fuzzy');
    assert.ok(result.kind === 'fuzzy');
    assert.equal(edited.slice(result.start, result.end), 'Trade between the two countries rose to about $35 million last year');
    assert.ok(result.score >= 0.8);
    assert.equal(result.errors, 7);
  });

  it('3. fuzzy: a deleted first word is dropped, not replaced by the neighbour', () => {
    const edited = ARTICLE.replace('Trade between', 'between');
    const result = anchor(edited, trade);
    assert.ok(result.kind === 'fuzzy');
    assert.equal(edited.slice(result.start, result.end), TRADE.slice('Trade '.length));
  });

  it('4. orphan: the claim was deleted, even though similar sentences remain', () => {
    const edited = ARTICLE.replace(TRADE + ', the Kremlin said.\n', '');
    assert.equal(anchor(edited, trade).kind, 'orphan');
  });

  it('4. orphan: rewritten beyond the error bound', () => {
    const edited = ARTICLE.replace(TRADE, 'Commerce between both nations climbed to $34m in 2023');
    const result = anchor(edited, trade);
    assert.equal(result.kind, 'orphan');
    assert.ok(result.kind === 'orphan' && result.reason.length > 0);
  });

  it('4. orphan: a similar passage elsewhere with different context is not taken', () => {
    // The claim's paragraph is gone; a near copy survives in a different paragraph.
    const edited = ARTICLE.replace(TRADE + ', the Kremlin said.\n', '') + '\nIn other news, they said trade between the two countries rose to $43 million last year.\n';
    assert.equal(anchor(edited, trade).kind, 'orphan');
  });

  it('4. orphan: a short phrase is never matched fuzzily', () => {
    const phrase = annotationOn(ARTICLE, 'officials said', { id: 'p' });
    const edited = ARTICLE.replace('officials said', 'official says');
    assert.equal(anchor(edited, phrase).kind, 'orphan');
  });

  it('finds a claim moved far away in a long article', () => {
    const filler = 'Other news of the day, unrelated to the claim. '.repeat(400);
    const moved = ARTICLE.replace(TRADE + ', the Kremlin said.\n', '') + filler + '\n\n' + 'Trade between the two countries rose to $34 million last year, the Kremlin said.\n'.replace('$34', '$34.5');
    const result = anchor(moved, trade);
    assert.ok(result.kind === 'fuzzy', result.kind);
    assert.equal(moved.slice(result.start, result.end), TRADE.replace('$34', '$34.5'));
  });
});

describe('anchor: repeated sentences and word edges', () => {
  // Articles repeat a sentence or a quote almost word for word; when the claim's own copy is
  // damaged beyond the bound, the look-alike must not take its place.

  it('a sentence repeated almost word for word: the look-alike is not taken when the own copy is damaged', () => {
    const text = 'Debate night\n\nHe said it was a substantive debate. It was more uplifting. And he did well, but not substantively.\n\n' +
      'One adviser agreed that it was a substantive debate. It was more uplifting” and Rubio was hurt by it.\n';
    const claim = annotationOn(text, 'was more uplifting.');
    const result = anchor(text.replace('was more uplifting. And', 'waplifting. And'), claim);
    assert.equal(result.kind, 'orphan');
  });

  it('a quote repeated in a later paragraph: the later copy is not taken when the own quote is cut', () => {
    const text = 'Mayor defends plan\n\nShe told reporters at the hall: “We will not raise taxes on working families,” and left.\n\n' +
      'Council members were divided over the proposal.\n\nLater she told reporters at the hall: “We will not raise taxes on working families” and the crowd cheered.\n';
    const claim = annotationOn(text, 'We will not raise taxes on working families,”');
    const result = anchor(text.replace('We will not raise taxes on working families,”', 'We will not raise tax,”'), claim);
    assert.equal(result.kind, 'orphan');
  });

  it('a sentence quoted again inside another, without its full stop, is not taken once the own copy is gone', () => {
    const text = 'Debate night\n\nHe said the senator spoke for an hour. It was more uplifting. Then the crowd left the hall quietly.\n\n' +
      'An adviser said the senator spoke for an hour. It was more uplifting” than before, he added.\n';
    const claim = annotationOn(text, 'It was more uplifting.');
    const edited = text.replace('He said the senator spoke for an hour. It was more uplifting. Then the crowd left the hall quietly.', 'Nobody stayed.');
    assert.equal(anchor(edited, claim).kind, 'orphan');
  });

  it('parallel sentences that differ in a figure: the other figure is not taken', () => {
    const text = 'Who voted\n\nAmong Democrats, 61 percent were white, while 17 percent were Latino and 16 percent were black.\n\n' +
      'Among independents, 78 percent were white, while 16 percent were Latino and 3 percent were black.\n';
    const claim = annotationOn(text, 'white, while 17 percent were Latino');
    const edited = text.replace('Among Democrats, 61 percent were white, while 17 percent were Latino and 16 percent were black.\n\n', '');
    assert.equal(anchor(edited, claim).kind, 'orphan');
    // The claim's own sentence with its figure corrected is still found, in its own place.
    const corrected = text.replace('while 17 percent', 'while 18 percent');
    const own = anchor(corrected, claim);
    assert.ok(own.kind === 'fuzzy');
    assert.equal(corrected.slice(own.start, own.end), 'white, while 18 percent were Latino');
  });

  it('never ends a match inside a word', () => {
    const text = 'Polls\n\nThe poll was conducted March 17-20 via landlines and cellphones, the pollster said.\n';
    const claim = annotationOn(text, 'March 17-20 via landlines and cellphones,');
    const edited = text.replace('cellphones, the', 'cellphonessi the');
    const result = anchor(edited, claim);
    assert.ok(result.kind === 'fuzzy', result.kind);
    assert.equal(edited.slice(result.start, result.end), 'March 17-20 via landlines and cellphonessi');
  });

  it('never starts or ends a match inside a word, orphaning the claim rather than cutting one', () => {
    const text = 'Rally\n\nThe senator thanked the crowd in Nevada. Nevada Democrat Lucy Flores, who lost the race, spoke next.\n';
    const claim = annotationOn(text, 'Nevada Democrat Lucy Flores,');
    const edited = text.replace('Flores, who lost', 'Floreswholost');
    const result = anchor(edited, claim);
    if (result.kind !== 'orphan') {
      const isWord = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
      assert.ok(!(isWord(edited[result.start - 1]) && isWord(edited[result.start])), 'starts inside a word');
      assert.ok(!(isWord(edited[result.end - 1]) && isWord(edited[result.end])), `ends inside a word: ${edited.slice(result.start, result.end + 4)}`);
    }
  });

  it('a copy of the quote inside longer words is not a copy', () => {
    const text = 'Vote\n\nThe bill may not be the answer, he said.\n\nIt could not be there on time.\n';
    const claim = annotationOn(text, 'not be the');
    const edited = text.replace('may not be the answer', 'may be an answer');
    assert.equal(anchor(edited, claim).kind, 'orphan');
  });
});

describe('anchorAll on a long article (shared index)', () => {
  it('places claims as anchor() does, one by one, including claims moved far and edited', () => {
    const rnd = seededRandom(11);
    const words = ARTICLE.split(/\s+/).filter(Boolean);
    const paragraphs: string[] = [];
    for (let i = 0; paragraphs.join('\n\n').length < 120_000; i++) {
      paragraphs.push(`Paragraph ${i}: ` + Array.from({ length: 40 }, () => words[Math.floor(rnd() * words.length)]).join(' ') + '.');
    }
    const text = paragraphs.join('\n\n');
    const claims = Array.from({ length: 30 }, (_, i) => {
      const p = paragraphs[Math.floor(rnd() * paragraphs.length)]!;
      const at = text.indexOf(p);
      return { ...annotationOn(text, p.slice(0, 80)), id: `c${i}`, target: targetFor(text, at, at + 80) };
    });
    // Move the first claim's paragraph to the end with one word changed; delete another's.
    const first = claims[0]!.target.selector.exact;
    const firstParagraph = paragraphs.find((p) => p.startsWith(first))!;
    const edited = text.replace(firstParagraph + '\n\n', '') + '\n\n' + firstParagraph.replace(/^(Paragraph \d+:) (\S+)/, '$1 changed');
    const all = anchorAll(edited, claims);
    assert.deepEqual(all, claims.map((c) => anchor(edited, c)));
    const moved = all[0]!;
    assert.ok(moved.kind === 'fuzzy', moved.kind);
    assert.ok(moved.start > edited.length - firstParagraph.length - 20);
  });
});

describe('shiftForEdits', () => {
  const trade = annotationOn(ARTICLE, TRADE);
  const { start, end } = trade.target.position;

  it('moves claims after an edit, leaves claims before it alone', () => {
    const [r] = shiftForEdits([trade], [{ start: 0, end: 6, newLength: 10 }]);
    assert.deepEqual(r!.annotation.target.position, { start: start + 4, end: end + 4 });
    assert.equal(r!.needsReanchor, false);
    const [after] = shiftForEdits([trade], [{ start: end + 3, end: end + 5, newLength: 0 }]);
    assert.equal(after!.annotation, trade);
    assert.equal(after!.needsReanchor, false);
  });

  it('treats insertions at the edges as outside the claim', () => {
    const [atStart] = shiftForEdits([trade], [{ start, end: start, newLength: 3 }]);
    assert.deepEqual(atStart!.annotation.target.position, { start: start + 3, end: end + 3 });
    const [atEnd] = shiftForEdits([trade], [{ start: end, end, newLength: 3 }]);
    assert.deepEqual(atEnd!.annotation.target.position, { start, end });
    assert.equal(atStart!.needsReanchor || atEnd!.needsReanchor, false);
  });

  it('flags an edit inside or across the claim for re-anchoring', () => {
    for (const change of [
      { start: start + 5, end: start + 5, newLength: 4 },
      { start: start - 3, end: start + 2, newLength: 0 },
      { start: end - 1, end: end + 10, newLength: 2 },
      { start: start - 10, end: end + 10, newLength: 0 },
    ]) {
      const [r] = shiftForEdits([trade], [change]);
      assert.equal(r!.needsReanchor, true, JSON.stringify(change));
      const p = r!.annotation.target.position;
      assert.ok(p.start <= p.end);
      assert.equal(r!.annotation.target.selector, trade.target.selector, 'the quote is never rewritten');
    }
  });

  it('applies several changes in sequence', () => {
    const text1 = 'abc ' + ARTICLE; // insert 4 at 0
    const text2 = text1.slice(0, 10) + text1.slice(15); // delete 5 chars at 10
    const [r] = shiftForEdits([trade], [{ start: 0, end: 0, newLength: 4 }, { start: 10, end: 15, newLength: 0 }]);
    const p = r!.annotation.target.position;
    assert.equal(text2.slice(p.start, p.end), TRADE);
  });
});

describe('anchor: near copies and fused words', () => {
  // Each case is one general way a fuzzy re-anchor used to land on other text; the claim must be
  // orphaned (kept for the reviewer) instead.

  it('a deletion that fused the context word with the quote: the match does not take in the context', () => {
    const text = 'Rally\n\nThe crowd was loud. Voters are speaking loud and clear. They want a leader like Mr. Trump; a chief executive.\n';
    const claim = annotationOn(text, 'They want a leader like');
    const edited = text.replace('clear. They want', 'clearwant');
    const result = anchor(edited, claim);
    if (result.kind !== 'orphan') assert.ok(!edited.slice(result.start, result.end).includes('clear'), edited.slice(result.start, result.end));
  });

  it('a claim at the very start of the article: its few characters of context do not vouch for a look-alike further on', () => {
    const text = 'Clinton wins Democratic presidential primary in New York.\n\nNEW YORK (AP) — Hillary Clinton wins the Democratic presidential primary in New York, which she represented for eight years.\n';
    const claim = annotationOn(text, 'wins Democratic presidential');
    const edited = text.replace('Clinton wins Democratic presidential primary in New York.', 'Clintonto.');
    assert.equal(anchor(edited, claim).kind, 'orphan');
  });

  it('a passage that quotes differently (an opening quotation mark lost) is not the claim', () => {
    const text = 'Court\n\nHe warned that if his fellow candidate Donald Trump is president “we will see liberals on the court, and the court will change.”\n\n' +
      'He added: I will tell you this, if Donald Trump becomes president, we will see liberals on the court, and we will regret it.\n';
    const claim = annotationOn(text, 'president “we will');
    const edited = text.replace('He warned that if his fellow candidate Donald Trump is president “we will see liberals on the court, and the court will change.”\n\n', '');
    assert.equal(anchor(edited, claim).kind, 'orphan');
  });

  it('a quotation mark edited out of the claim itself, its context intact on both sides, is still followed', () => {
    const text = 'Court\n\nHe warned that if his fellow candidate Donald Trump is president “we will see liberals on the court,” and left the stage.\n';
    const claim = annotationOn(text, 'Donald Trump is president “we will see liberals');
    const edited = text.replace('president “we will', 'president we will');
    const result = anchor(edited, claim);
    assert.ok(result.kind === 'fuzzy', result.kind);
    assert.equal(edited.slice(result.start, result.end), 'Donald Trump is president we will see liberals');
  });

  it('a match neither starts nor ends on a space the quote does not: the neighbour\'s word is not taken in', () => {
    const text = 'Primary\n\nHe said the superdelegates who back him would be going against the will of the voters, Mook said.\n';
    const claim = annotationOn(text, 'going against the will');
    const edited = text.replace('the will of the voters', 'the voters');
    const result = anchor(edited, claim);
    if (result.kind !== 'orphan') assert.doesNotMatch(edited.slice(result.start, result.end), /^\s|\s$/, JSON.stringify(edited.slice(result.start, result.end)));
  });

  it("a near copy written next to the damaged claim: the claim's context on one side, the copy's text closer, is a tie", () => {
    const text = 'Running mate\n\nThe choice came a day after the Northeast primaries.\n\nIt is also a strategic effort to win over female voters in the 10 remaining primary states.\n\nIn picking Fiorina, the former executive, he gained a voice.\n';
    const claim = annotationOn(text, 'It is also a strategic effort to win over female voters in the 10 remaining primary states.');
    const edited = text.replace('in the 10 remaining', 'in primary, Cruz remaining')
      .replace('primary states.\n\nIn picking', 'primary states.\n\nIt is also a Fiorina effort to win over female voters in the 10 remaining primary states.\n\nIn picking');
    assert.equal(anchor(edited, claim).kind, 'orphan');
  });

  it('two passages with the same edited text: the context alone does not choose between them', () => {
    const text = 'Vote\n\nThe count went on all night.\n\nSupport has been strongest among white voters, who make up most of the shrinking Democratic electorate.\n\nMeanwhile, the loss comes despite a lead.\n';
    const claim = annotationOn(text, 'who make up most of the shrinking Democratic electorate.');
    // The claim's sentence edited, its paragraph moved to the end, and the same edited sentence
    // typed again where it stood: two identical passages, one with the claim's old context.
    const sentence = 'Support has been strongest among white voters, who make up most of the shrinking in Democratic electorate.';
    const edited = `Vote\n\nThe count went on all night.\n\n${sentence}\n\nMeanwhile, the loss comes despite a lead.\n\n${sentence}\n`;
    assert.equal(anchor(edited, claim).kind, 'orphan');
  });

  it('a copy in the claim\'s old place, edited more than the claim\'s own moved text: the context does not outweigh the closer text', () => {
    const para = (edit: string) => `Her friends have mocked his campaign, calling him an orange buffoon, Susan said as she turned around ${edit}and spread her cape.`;
    const text = `Rally\n\nThe crowd waited for hours in the cold.\n\n${para('')}\n\nBut he is our buffoon, she said.\n\nThe speech ended late.\n`;
    const claim = annotationOn(text, para(''));
    // The claim's paragraph, lightly edited, moved to the end; a copy edited more typed where it stood.
    const edited = `Rally\n\nThe crowd waited for hours in the cold.\n\n${para('Wes supporters the ')}\n\nBut he is our buffoon, she said.\n\nThe speech ended late.\n\n${para('Wes ')}\n`;
    assert.equal(anchor(edited, claim).kind, 'orphan');
  });

  it('a passage the article repeats with a variation: the other version is not taken when the own copy is cut short', () => {
    const passage = (verb: string) => `He praised what Islamic State militants are doing. “It’s fine,” Trump ${verb} of waterboarding. “And much tougher than that is fine.”`;
    const text = `Debate\n\n${passage('said')}\n\n${'The crowd cheered and the moderators moved on to the economy. '.repeat(70)}\n\n${passage('says')}\n`;
    const claim = annotationOn(text, '“It’s fine,” Trump said of waterboarding.');
    const edited = text.replace('Trump said of waterboarding.', 'Trump said of');
    assert.equal(anchor(edited, claim).kind, 'orphan');
  });
});
