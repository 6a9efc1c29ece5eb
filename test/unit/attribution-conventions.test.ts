import { strict as assert } from 'node:assert';
import { attribute, entitiesFor, speakerOf } from './attributionFixtures';

describe('attribution conventions of news writing', () => {
  it('reads past adverbs and modal verbs between the subject and its verb', () => {
    const qs = attribute('Clinton has increasingly decried “systemic racism” in her speeches.\nA spokesman could only quip: “I guess Christmas Eve was booked.”');
    assert.equal(speakerOf(qs, 0), 'Clinton');
    assert.equal(qs[0]!.cue?.text, 'decried');
    assert.equal(speakerOf(qs, 1), 'A spokesman');
  });

  it('takes the relative pronoun of a clause set off by commas and resolves it to the name before', () => {
    const text = 'The dispute grew. President Barack Obama, who called the nominee “unfit to serve,” spoke in Ohio.';
    const qs = attribute(text, entitiesFor(text, [['PERSON', 'Barack Obama', ['Barack Obama']]]));
    assert.equal(speakerOf(qs, 0), 'who');
    assert.equal(qs[0]!.speaker?.kind, 'pronoun');
    assert.equal(qs[0]!.speaker?.entityId, 'PERSON:Barack Obama');
  });

  it('credits the cited outlet when the writer attributes the words through it', () => {
    const qs = attribute(
      '“I ask you not to protest on the floor,” Sanders said, according to CNN.\n' +
        '“You are no longer welcome,” said Kristen Day, a director of the group, reports USA Today.\n' +
        'According to pool reports, Obama said “there is love” in the city.\n' +
        '“We will win,” Walker said on Monday in Madison.',
    );
    assert.equal(speakerOf(qs, 0), 'CNN');
    assert.equal(qs[0]!.cue?.text, 'according to');
    assert.equal(speakerOf(qs, 1), 'USA Today');
    assert.equal(speakerOf(qs, 2), 'pool reports');
    assert.equal(speakerOf(qs, 3), 'Walker');
  });

  it('gives a participle cue to the subject of its clause, not to an object or to the words after it', () => {
    const qs = attribute(
      'Donald Trump has delivered a defense of “New York values,” saying the city embodied the “heart of America.”\n' +
        'Trump posted a message on Twitter reading “Thank you Georgia” after the polls closed.\n' +
        'The crowd cheered, with Gorka noting the “absurdity” of the plan.',
    );
    assert.equal(speakerOf(qs, 0), 'Donald Trump');
    assert.equal(speakerOf(qs, 1), 'Donald Trump');
    assert.equal(speakerOf(qs, 2), 'Trump');
    assert.equal(speakerOf(qs, 3), 'Gorka');
  });

  it('ends a clause-initial subject at its past-tense verb', () => {
    const qs = attribute('Rick Santorum turned his sights on Cruz, saying he was “not a real conservative.”');
    assert.equal(speakerOf(qs, 0), 'Rick Santorum');
  });

  it('keeps a prepositional phrase after the head noun inside the mention, with the head as the speaker', () => {
    const text = 'A spokesman for Hillary Clinton called the report “outrageous.”\nTrump at the time said he had asked his “people” to look into it.';
    const qs = attribute(text, entitiesFor(text, [['PERSON', 'Hillary Clinton', ['Hillary Clinton']], ['PERSON', 'Donald Trump', ['Trump']]]));
    assert.equal(speakerOf(qs, 0), 'A spokesman for Hillary Clinton');
    assert.equal(qs[0]!.speaker?.kind, 'description', 'the spokesman speaks, not Clinton');
    assert.equal(qs[0]!.speaker?.entityId, null);
    assert.equal(speakerOf(qs, 1), 'Trump', 'a time phrase between subject and verb is not part of the mention');
    assert.equal(qs[1]!.speaker?.entityId, 'PERSON:Donald Trump');
  });

  it('reads past a dateline, a short time phrase and the rest of a place name before the subject', () => {
    const qs = attribute(
      'WASHINGTON (AP) — Hillary Clinton rallied supporters, saying: “We have to be ready.”\n' +
        'Hours later, Trump returned the compliment, telling Reuters, “He is an amazing man.”\n' +
        'Speaking at a town hall in Salem, New Hampshire, Trump went after Bush, calling him “a total stiff.”',
    );
    assert.equal(speakerOf(qs, 0), 'Hillary Clinton');
    assert.equal(speakerOf(qs, 1), 'Trump');
    assert.equal(speakerOf(qs, 2), 'Trump');
  });

  it('does not give a quote to a verb of saying in a later clause', () => {
    const qs = attribute('Trump said he believes Afghanistan was “a terrible mistake,” although he supports keeping troops there.');
    assert.equal(speakerOf(qs, 0), 'Trump');
  });

  it('credits a pronoun’s words inside a reported clause to the sentence’s speaker, across an earlier quote', () => {
    const qs = attribute('Rubio said that he has begun “to unmask the true nature” of Trump, whom he called a “con artist.”');
    assert.equal(speakerOf(qs, 0), 'Rubio');
    assert.equal(speakerOf(qs, 1), 'Rubio');
  });

  it('credits a description of a source that is the subject of the quote’s clause, not a topic', () => {
    const qs = attribute(
      'The ad targets a “corrupt political system that keeps a rigged economy in place.”\n' +
        'In making its point, the Daily News focuses on the “assault weapons” used.\n' +
        'The plan remains a “work in progress” for now.',
    );
    assert.equal(speakerOf(qs, 0), 'The ad');
    assert.equal(speakerOf(qs, 1), 'the Daily News');
    assert.equal(speakerOf(qs, 2), null, 'a plan is what is talked about, not who talks');
  });
});
