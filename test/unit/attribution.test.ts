import { strict as assert } from 'node:assert';
import { analyze } from '../../src/core/analyze';
import { attribute, entitiesFor, speakerOf } from './attributionFixtures';

describe('attributeQuotes', () => {
  it('finds the speaker after the quote, in both orders', () => {
    const qs = attribute('“We will win,” Smith said. “We will lose,” said Jane Doe, a professor at Yale.');
    assert.equal(speakerOf(qs, 0), 'Smith');
    assert.equal(qs[0]!.cue?.text, 'said');
    assert.equal(speakerOf(qs, 1), 'Jane Doe');
  });

  it('finds the speaker before the quote and across a split quote', () => {
    const qs = attribute('Kirby said the worry was that “missiles are still used.”\n“We’re not concerned about the trip” by Putin, spokesman John Kirby told reporters Monday. “What we are concerned about is the relationship.”');
    assert.equal(speakerOf(qs, 0), 'Kirby');
    assert.equal(speakerOf(qs, 1), 'spokesman John Kirby');
    assert.equal(qs[1]!.cue?.text, 'told');
    assert.equal(speakerOf(qs, 2), 'spokesman John Kirby', 'the second half of a split quote keeps the speaker');
  });

  it('handles according to, was quoted as saying and a statement by', () => {
    const qs = attribute(
      'The visit could bring a “strategic partnership treaty,” according to Kremlin officials.\n' +
        '“Several documents will be signed,” Kremlin aide Yuri Ushakov was quoted as saying.\n' +
        '“No country should give him a platform,” said a statement by a U.S. Embassy spokesperson in Vietnam.',
    );
    assert.equal(speakerOf(qs, 0), 'Kremlin officials');
    assert.equal(qs[0]!.cue?.text, 'according to');
    assert.equal(speakerOf(qs, 1), 'Kremlin aide Yuri Ushakov');
    assert.equal(qs[1]!.cue?.text, 'was quoted as saying');
    assert.equal(speakerOf(qs, 2), 'a U.S. Embassy spokesperson');
    assert.equal(qs[2]!.speaker?.kind, 'description');
    assert.equal(qs[2]!.speaker?.entityId, null);
  });

  it('takes the clause subject for participle cues and appositions', () => {
    const qs = attribute('Hillary Clinton posted a comment of her own, saying, “We’re so excited!”\n“Yes, I support Ted Cruz,” Brent Bozell, founder of the center, tells Breitbart News.');
    assert.equal(speakerOf(qs, 0), 'Hillary Clinton');
    assert.equal(speakerOf(qs, 1), 'Brent Bozell');
  });

  it('uses a preceding “X said:” sentence for a quote that fills its paragraph', () => {
    const qs = attribute('The senator said on Monday:\n“We have to act now, before it is too late.”');
    assert.equal(speakerOf(qs, 0), 'The senator');
  });

  it('credits a quote inside a clause with no verb of saying to a named or pronoun subject', () => {
    const qs = attribute('Marlowe referred to the mayor as “a tireless builder.”\nAt the rally, she declared “What a night for us!” to the crowd.\nThe plan remains a “work in progress” for now.');
    assert.equal(speakerOf(qs, 0), 'Marlowe');
    assert.equal(qs[0]!.cue?.text, 'referred');
    assert.equal(speakerOf(qs, 1), 'she');
    assert.equal(speakerOf(qs, 2), null, 'a description as subject is the topic, not the source');
    const none = attribute('Only six delegates backed the “compromise” plan.\nParty elders wrote an “autopsy” about it.');
    assert.equal(speakerOf(none, 0), null, 'a sentence adverb is not a subject');
    assert.equal(speakerOf(none, 1), 'Party elders', 'a verb of writing credits its subject');
  });

  it('credits words in a reported clause to the sentence’s speaker, not to a nested subject', () => {
    const qs = attribute('Okafor said the record has shown the need for a “steady hand.”\nHale said that the rival, whom he called a “fraud,” would lose.\n“We will win,” Smith said, and Jones agreed.');
    assert.equal(speakerOf(qs, 0), 'Okafor');
    assert.equal(qs[0]!.cue?.text, 'said');
    assert.equal(speakerOf(qs, 1), 'Hale');
    assert.equal(speakerOf(qs, 2), 'Smith');
  });

  it('reads past a short aside after the name, phrasal cues and a name label before a colon', () => {
    const qs = attribute('Sen. Ada Brooks (D-Ore.) said the bill is a “proven failure” for towns.\n“Let me talk,” Vance shot back.\nPOLLS TOO EARLY - Dana Reyes: “The surveys simply ended too soon.”');
    assert.equal(speakerOf(qs, 0), 'Sen. Ada Brooks');
    assert.equal(speakerOf(qs, 1), 'Vance');
    assert.equal(qs[1]!.cue?.text, 'shot back');
    assert.equal(speakerOf(qs, 2), 'Dana Reyes');
  });

  it('carries the speaker on to a quote opening the next sentence after a joining word', () => {
    const qs = attribute('“We will win,” Kim said. But “the fight will be long and hard.”');
    assert.equal(speakerOf(qs, 1), 'Kim');
  });

  it('leaves a quote nobody is credited with without a speaker', () => {
    const qs = attribute('Described as a “friendly state visit,” the trip will be his first in 24 years.');
    assert.equal(qs[0]!.speaker, null);
    assert.equal(qs[0]!.cue, null);
  });

  it('links names to entities and resolves pronouns to the last speaker or nearest person', () => {
    const text =
      'Kremlin aide Yuri Ushakov said the deal was “important”. It may include a “partnership” signed when Putin visited in 2000, he said.\n' +
      'Mary Jones met Putin. She called the talks “useful.”';
    const entities = entitiesFor(text, [
      ['PERSON', 'Yuri Ushakov', ['Yuri Ushakov']],
      ['PERSON', 'Vladimir Putin', ['Putin']],
      ['PERSON', 'Mary Jones', ['Mary Jones']],
      ['ORG', 'Kremlin', ['Kremlin']],
    ]);
    const qs = attribute(text, entities);
    assert.equal(qs[0]!.speaker?.entityId, 'PERSON:Yuri Ushakov', 'the head name wins over the Kremlin');
    assert.equal(qs[0]!.speaker?.kind, 'name');
    assert.equal(qs[1]!.speaker?.text, 'he');
    assert.equal(qs[1]!.speaker?.kind, 'pronoun');
    assert.equal(qs[1]!.speaker?.entityId, 'PERSON:Yuri Ushakov', '“he said” after a quote by Ushakov is Ushakov, not the nearer Putin');
    assert.equal(qs[2]!.speaker?.text, 'She');
    assert.equal(qs[2]!.speaker?.entityId, 'PERSON:Mary Jones', 'she skips the last (male) speaker');
  });

  it('credits the quotes on a long line full of quotes and cue words', () => {
    // Speed on such input is measured by `npm run bench` (adversarial inputs), not here.
    const text = '“a,” he said, “b” said '.repeat(10_000);
    const qs = attribute(text);
    assert.ok(qs.length >= 20_000);
    assert.ok(qs.filter((q) => q.speaker?.text === 'he').length >= 10_000, 'each “a,” he said is credited to he');
  });
});

describe('attribution across paragraphs', () => {
  it('does not credit a stand-alone quote paragraph to the sentence of the paragraph before', () => {
    const text = 'Storm hits coastal towns\n\nHeavy rain fell across the region on Tuesday, the weather service said.\n\n“Nobody could have prepared for a storm like this one.”\n\nSchools will stay closed until Friday.\n';
    const [quote] = analyze(text).quotes;
    assert.ok(quote);
    assert.equal(quote.speaker, null);
    assert.equal(quote.cue, null);
  });

  it('still credits a quote that follows the attributing sentence in the same paragraph', () => {
    const text = 'Headline\n\nThe mayor spoke at the rally, Jane Doe said. “We will rebuild every house.”\n';
    const [quote] = analyze(text).quotes;
    assert.ok(quote?.speaker);
    assert.equal(quote.speaker.text, 'Jane Doe');
  });
});
