import { strict as assert } from 'node:assert';
import { findQuotes, type QuoteBlock } from '../../src/core/quotes';
import { splitLines } from '../../src/core/structure';

/** Each non-empty line is a body paragraph. */
function quotesOf(text: string): string[] {
  const blocks: QuoteBlock[] = splitLines(text).map((l) => ({ start: l.start, end: l.end, body: true }));
  return findQuotes(text, blocks).map((q) => text.slice(q.start, q.end));
}

describe('findQuotes', () => {
  it('finds curly and straight double quotes, marks included', () => {
    assert.deepEqual(quotesOf('He said “yes, we can,” and left.'), ['“yes, we can,”']);
    assert.deepEqual(quotesOf('"It is over," she said.'), ['"It is over,"']);
  });

  it('keeps apostrophes out of quotes', () => {
    const text = '“We’re not concerned about Russia’s plans” in the 90s’ style, Putin’s aide said.';
    assert.deepEqual(quotesOf(text), ['“We’re not concerned about Russia’s plans”']);
    assert.deepEqual(quotesOf('It’s the Smiths’ house and O\'Brien\'s car.'), []);
  });

  it('finds single-quoted quotes in headlines, with apostrophes inside', () => {
    assert.deepEqual(quotesOf('North Korea’s Kim boasts of ‘invincible’ ties with Russia'), ['‘invincible’']);
    assert.deepEqual(quotesOf('South Korea says ‘closely watching Putin’s preparations’ to visit'), ['‘closely watching Putin’s preparations’']);
    assert.deepEqual(quotesOf("Trump calls wall 'stupid' and 'useless'"), ["'stupid'", "'useless'"]);
  });

  it('treats single quotes inside a double quote as part of it', () => {
    assert.deepEqual(quotesOf('“They just say, ‘do this,’ and go,” he said.'), ['“They just say, ‘do this,’ and go,”']);
  });

  it('reads an opening mark typed as the closing one', () => {
    assert.deepEqual(quotesOf('He blasted “Frozen“ and the books.'), ['“Frozen“']);
    assert.deepEqual(quotesOf('“It is unusual,“ said Noble. “It is hard.”'), ['“It is unusual,“', '“It is hard.”']);
  });

  it('keeps a quote nested in curly marks of the same kind inside the outer quote', () => {
    assert.deepEqual(quotesOf('She said “the claim that it “has to do with money” is false,” and left.'), ['“the claim that it “has to do with money” is false,”']);
    assert.deepEqual(quotesOf('A “never closed mark and “a real quote,” he said.'), ['“a real quote,”']);
  });

  it('leaves out titles of shows, films, ads and slogans', () => {
    assert.deepEqual(quotesOf('“She is not going to do well,” Trump said on ABC’s “Good Morning America.” “She is flawed.”'), ['“She is not going to do well,”', '“She is flawed.”']);
    assert.deepEqual(quotesOf('He blasted the film “Frozen“ and a memo titled "The Facts on Where the Race Stands."'), []);
    assert.deepEqual(quotesOf('The “Orange is the New Black” star spoke.'), []);
    // Programmes named by where someone appears, stars or works, and by a lower-case broadcaster.
    assert.deepEqual(quotesOf('In an interview with "Fox and Friends," she spoke. Her appearance on “Meet the Press” ran long.'), []);
    assert.deepEqual(quotesOf('Moss stars in “Girls, Girls, Girls” and edits “Eat The Press” for the paper.'), []);
    assert.deepEqual(quotesOf('On the Fox News channel’s “Sunday Morning Futures,” Issa spoke.'), []);
    assert.deepEqual(quotesOf('In an interview, she said “We Will Win.”'), ['“We Will Win.”']);
    // Capitalised words that are speech stay quotes, and so does a lower-case phrase after a possessive.
    assert.deepEqual(quotesOf('Putin’s “We Will Win” speech. Kuleba’s “lonely bromance” line. He said “Stop It Now” twice.'), ['“lonely bromance”', '“Stop It Now”']);
  });

  it('flags partial quotes', () => {
    const text = 'He dismissed the “lonely bromance” between them. “It is over,” she said.';
    const blocks = [{ start: 0, end: text.length, body: true }];
    const qs = findQuotes(text, blocks);
    assert.deepEqual(qs.map((q) => q.partial), [true, false]);
    assert.equal(text.slice(qs[0]!.content.start, qs[0]!.content.end), 'lonely bromance');
  });

  it('joins a quote running over paragraphs that each reopen it', () => {
    const text = 'He said:\n\n“First part of it.\n\n“Second part of it.\n\n“Last part.”\n\nThen he left.';
    const qs = quotesOf(text);
    assert.equal(qs.length, 1);
    assert.ok(qs[0]!.startsWith('“First part') && qs[0]!.endsWith('Last part.”'));
  });

  it('bounds an unbalanced mark at its paragraph', () => {
    const text = 'A stray “mark in this paragraph.\n\nThe next one has a “real quote” in it.';
    assert.deepEqual(quotesOf(text), ['“real quote”']);
    const opener = '“This quote opens the paragraph and never closes\n\nPlain text with “another one” here.';
    assert.deepEqual(quotesOf(opener), ['“This quote opens the paragraph and never closes', '“another one”']);
  });

  it('keeps an unclosed quote that opens a sentence and runs to the end of its paragraph', () => {
    const colon = 'More from Jones: “The partisanship of a state is a starting point. [Gallup.]\n\nNext paragraph.';
    assert.deepEqual(quotesOf(colon), ['“The partisanship of a state is a starting point. [Gallup.]']);
    const sentence = 'Bryant said the choice was clear. “Realistically, this is an opportunity to win.\n\nNext.';
    assert.deepEqual(quotesOf(sentence), ['“Realistically, this is an opportunity to win.']);
    // Inside a sentence, or with the paragraph ending mid-sentence, the mark stays a stray one.
    assert.deepEqual(quotesOf('He called it a “mistake that will cost us all dearly.\n\nNext.'), []);
    assert.deepEqual(quotesOf('It was over. “Nobody expected the result to go this way\n\nNext.'), []);
  });

  it('reads two apostrophes as a double mark, with a single-quoted quote inside', () => {
    assert.deepEqual(quotesOf("''We will win,'' he said."), ["''We will win,''"]);
    assert.deepEqual(quotesOf("''I said, 'The lesson is clear,''' Mr. Hoenlein recalled."), ["''I said, 'The lesson is clear,'''"]);
    const text = "''First part.\n\n''Last part.''";
    const blocks = splitLines(text).map((l) => ({ start: l.start, end: l.end, body: true }));
    const qs = findQuotes(text, blocks);
    assert.equal(qs.length, 1);
    assert.equal(text.slice(qs[0]!.content.start, qs[0]!.content.end), "First part.\n\n''Last part.");
    assert.deepEqual(quotesOf("He is 6'2'' tall."), []);
  });

  it('opens a quote with a closing mark that starts its paragraph, after direction marks too', () => {
    assert.deepEqual(quotesOf('\u202a”Sorry Sarah, you should have said it,” posted a reader.'), ['”Sorry Sarah, you should have said it,”']);
    assert.deepEqual(quotesOf('” … they are so not like him,” she said.'), ['” … they are so not like him,”']);
  });

  it('reads a mark of the wrong hand by where it stands: after a cue’s comma, or ending the paragraph', () => {
    assert.deepEqual(quotesOf('He says,” there are a lot of people who never get listened to.”'), ['” there are a lot of people who never get listened to.”']);
    assert.deepEqual(quotesOf('“They can look at the data,” he said. “They see that. “\nThis story was updated.'), ['“They can look at the data,”', '“They see that. “']);
    // Without a closing mark later in the paragraph, a closing mark after a comma opens nothing.
    assert.deepEqual(quotesOf('He says,” there are a lot of people.'), []);
  });

  it('closes a straight quote after a stray space that follows its last comma', () => {
    assert.deepEqual(quotesOf('"It is a disgrace that he is doing this, " Trump said. "Next."'), ['"It is a disgrace that he is doing this, "', '"Next."']);
  });

  it('does not read inch marks or a lone straight quote as quotes', () => {
    assert.deepEqual(quotesOf('He is 6\'2" tall and she is 5\'8" tall.'), []);
  });

  it('finds no quote in 100k opening marks or in binary junk', () => {
    // Speed on such input is measured by `npm run bench` (adversarial inputs), not here.
    assert.deepEqual(quotesOf('“'.repeat(100_000)), []);
    let junk = '';
    for (let i = 0; i < 200_000; i++) junk += String.fromCharCode((i * 7919) % 65_000);
    for (const q of quotesOf(junk)) assert.ok(q.length >= 2);
  });
});
