// Speaker mentions in sentences where a nearer word looks like a cue or a subject but is not one.
import { strict as assert } from 'node:assert';
import { analyze } from '../../src/core/analyze';
import { splitSentences } from '../../src/core/sentences';
import { attribute, speakerOf } from './attributionFixtures';

describe('attribution: choosing the right speaker', () => {
  it('reads a pronoun with a contracted auxiliary as the subject', () => {
    const qs = attribute('Marsh at the time said she’d asked her “team” to “look into” the fees.');
    assert.equal(speakerOf(qs, 1), 'Marsh');
  });

  it('takes a word after a possessive as a modifier, not a verb of saying', () => {
    const qs = attribute('Dale then cut in, calling Perez’s proposed tax credit “a handout.”');
    assert.equal(speakerOf(qs, 0), 'Dale');
    assert.equal(qs[0]!.cue?.text, 'calling');
  });

  it('does not take “continue to”, “agreed to” as verbs of saying, but keeps a vow to act', () => {
    const qs = attribute('In a statement, the league said the delays were “not acceptable” and that the board would continue to review them.\nOrtiz vowed to “fight every step of the way.”');
    assert.equal(speakerOf(qs, 0), 'the league');
    assert.equal(speakerOf(qs, 1), 'Ortiz');
  });

  it('skips a time phrase between the subject and its verb', () => {
    const qs = attribute('Lund, who has in the past described the plan as “a fantasy,” voted for it.\nThe mayor in recent weeks called the deal “a steal.”');
    assert.equal(speakerOf(qs, 0), 'who');
    assert.equal(speakerOf(qs, 1), 'The mayor');
  });

  it('credits a speech act the speaker foresees to the sentence’s speaker', () => {
    const qs = attribute('Mayor Lina Ortiz said she expected that voters will say “enough” to the plan.\nHolt assures his donors he will tell the critics to “back off.”');
    assert.equal(speakerOf(qs, 0), 'Mayor Lina Ortiz');
    assert.equal(speakerOf(qs, 1), 'Holt');
  });

  it('keeps a pronoun speaker in a clause of its own after a verb of saying', () => {
    const qs = attribute('In a memo, aide Tom Reyes acknowledged the race was close, which is an outcome, he said, “we expected.”');
    assert.equal(speakerOf(qs, 0), 'he');
  });

  it('reads past an aside set off by commas between the subject and the verb', () => {
    const qs = attribute('The mayor’s tone was softer than that of her aides, who, on a call Friday, accused the council of “stalling.”\nDrake, in Ohio, said the deal was “dead.”');
    assert.equal(speakerOf(qs, 0), 'who');
    assert.equal(speakerOf(qs, 1), 'Drake');
  });

  it('ends a sentence at a line break after a long line with no final period', () => {
    const line = 'Mayor Ana Ruiz kept up her attacks on both of her rivals in the final hours before the city polls closed';
    const text = `${line}\nHolt, in Dayton, said Tuesday that Ruiz was “a lightweight.”`;
    const spans = splitSentences(text, 0, text.length);
    assert.equal(spans.length, 2);
    assert.equal(text.slice(spans[1]!.start, spans[1]!.end).slice(0, 5), 'Holt,');
    assert.equal(analyze(text).quotes[0]!.speaker?.text, 'Holt');
    const wrapped = 'The mayor kept up her attacks on both of her rivals\nHolt and Ruiz in the final hours.';
    assert.equal(splitSentences(wrapped, 0, wrapped.length).length, 1, 'hard-wrapped lines stay one sentence');
  });

  it('goes with the verb of saying whose object a participle describes, past a dated dateline', () => {
    const qs = attribute('DENVER, Aug. 4 (XNA) — A spokesman for Mayor Ana Ruiz called a memo suggesting she knew of the deal “absurd.”');
    assert.equal(speakerOf(qs, 0), 'A spokesman for Mayor Ana Ruiz');
    assert.equal(qs[0]!.cue?.text, 'called');
  });

  it('finds the subject of a verb led in by “started to”, and not of an infinitive after “for X”', () => {
    const qs = attribute('The name was on the radio long before city officials started to portray the fire as a “freak accident.”\nIt has been common for pundits to portray the race as a “landslide.”');
    assert.equal(speakerOf(qs, 0), 'city officials');
    assert.equal(speakerOf(qs, 1), null);
  });

  it('credits a source cited after a reported clause that holds quoted words', () => {
    const qs = attribute('On Monday, Ruiz said she was “glad to see” that Holt had won, according to The Daily Ledger.');
    assert.equal(speakerOf(qs, 0), 'The Daily Ledger');
  });

  it('keeps the main clause’s pronoun speaker after an introductory clause with a verb of saying', () => {
    const qs = attribute('Ever since Ruiz announced her bid last year, she’s said the same thing at every stop: “It is about us.”\n“Your success is up to you,” Lee says, but she cautions that she sees “two sides to it.”');
    assert.equal(speakerOf(qs, 0), 'she');
    assert.equal(speakerOf(qs, 2), 'she');
  });

  it('prefers a closing “…,” X said. over a verb of saying inside the quote’s own clause', () => {
    const qs = attribute('Nothing the mayor said “will calm the fears of parents,” the senator said.\nHolt said he believes the plan was “a mistake,” although he supports parts of it.');
    assert.equal(speakerOf(qs, 0), 'the senator');
    assert.equal(speakerOf(qs, 1), 'Holt');
  });

  it('gives a participle after a parenthetical “X said,” the same subject', () => {
    const qs = attribute('Ruiz and Holt will meet next week, Spicer said, adding, “They need a long talk.”');
    assert.equal(speakerOf(qs, 0), 'Spicer');
  });

  it('reads a relative clause set off by a dash as describing the speaker before it', () => {
    const qs = attribute('Mayor Ana Ruiz - who earlier said she would “fight to the end” - said on Friday that she was done.');
    assert.equal(speakerOf(qs, 0), 'who');
  });

  it('does not credit the subject of a passive verb of saying', () => {
    const qs = attribute('The new mayor has been called the “Iron Lady of the North” for her style.\nIn the video, Ruiz is shown saying: “We will win.”');
    assert.equal(speakerOf(qs, 0), null);
    assert.equal(qs[0]!.cue, null);
    assert.equal(speakerOf(qs, 1), 'Ruiz');
  });

  it('takes a modified “chants of” as a noun, not a verb with the modifier as subject', () => {
    const qs = attribute('The vote drew loud chants of “no” from the floor.\n“It is over,” the actor says of the race.');
    assert.equal(speakerOf(qs, 0), null);
    assert.equal(speakerOf(qs, 1), 'the actor');
  });

  it('does not take a verb of saying that reports a clause of its own as the quote’s attribution', () => {
    const qs = attribute('While Ruiz said there was clear evidence the plan was “badly flawed,” he said there is no case for a recall.\nHolt, up for reelection in 2026, said he voted no because “the bill went too far,” citing rules he said would hurt farmers.');
    assert.equal(speakerOf(qs, 0), 'Ruiz');
    assert.equal(speakerOf(qs, 1), 'Holt');
  });

  it('skips a time phrase ending in “ago” or “later”', () => {
    const qs = attribute('The State Department less than two weeks ago said that “top secret” files were found.\nBut a few days later, Holt reversed himself, telling reporters the plan was “dead.”');
    assert.equal(speakerOf(qs, 0), 'The State Department');
    assert.equal(speakerOf(qs, 1), 'Holt');
  });

  it('ends a sentence at an abbreviation followed by a subject pronoun, but not after a title', () => {
    const text = 'Polls close at 7 p.m. He says “it is close.”';
    assert.equal(splitSentences(text, 0, text.length).length, 2);
    const titled = 'We met Gen. He Yong in Beijing.';
    assert.equal(splitSentences(titled, 0, titled.length).length, 1, 'a title keeps the name after it');
    const qs = attribute('Ruiz says the plan will pass in the U.S. He says opponents need “a reality check.”');
    assert.equal(speakerOf(qs, 0), 'He');
  });
  it('credits the agent of a passive verb of saying, not its subject', () => {
    const qs = attribute('The levy has been called “a stealth tax” by Mayor Ruth Okafor.\nThe council blocked the bill because of “poison pill” clauses added by Republicans.\nHe says the system is “rigged” and maintained by a few donors.');
    assert.equal(speakerOf(qs, 0), 'Mayor Ruth Okafor');
    assert.equal(speakerOf(qs, 1), 'Republicans');
    assert.notEqual(speakerOf(qs, 2), 'a few donors', 'maintaining is not saying');
  });
  it('ends a speaker mention at the noun phrase, before an adverb or a retort', () => {
    const qs = attribute('Hana Lee immediately posted a reply, saying the bill was “a disgrace.”\nRuiz shot back in a statement, saying he had “nothing to hide.”\nOkafor however said the plan was “dead.”\nAccording to the recently released memo, the fund was “empty.”');
    assert.equal(speakerOf(qs, 0), 'Hana Lee');
    assert.equal(speakerOf(qs, 1), 'Ruiz');
    assert.equal(speakerOf(qs, 2), 'Okafor');
    assert.equal(speakerOf(qs, 3), 'the recently released memo');
  });
  it('takes “read” and “states” as verbs of saying next to a quote, not elsewhere', () => {
    const qs = attribute('Outside, one banner read “Save the Pier.”\n“Vote no on Measure B,” a narrator in the ad states.\nThe bill aims to “fix the formula” for the rest of the states.');
    assert.equal(speakerOf(qs, 0), 'one banner');
    assert.equal(speakerOf(qs, 1), 'a narrator in the ad');
    assert.notEqual(qs[2]!.cue?.text, 'states', 'a noun after a quote with no comma is no cue');
  });
  it('joins a name and its verb across a comma after a party tag, after a long opening phrase', () => {
    const qs = attribute('On Monday in Denver, after the final vote, Sen. Mary Holt (D-CO), said, “We are done here.”');
    assert.equal(speakerOf(qs, 0), 'Sen. Mary Holt');
  });
  it('does not take a phrase opening with a verb as the speaker', () => {
    const qs = attribute('Mr. Ruiz issued a statement Tuesday saying, “I regret nothing.”\nWhile those surveyed said the plan was “too costly,” most backed it.\nLena Ortiz, the pollster who founded the survey group tweeted, “It is over.”');
    assert.equal(speakerOf(qs, 0), 'Mr. Ruiz');
    assert.equal(speakerOf(qs, 1), 'those surveyed');
    assert.notEqual(speakerOf(qs, 2), 'founded the survey group');
    const retort = attribute('Ruiz delivered a sharp retort: “No one is leaving.”');
    assert.equal(speakerOf(retort, 0), 'Ruiz');
  });
  it('skips a sentence adverb before the subject, but keeps a name that looks like one', () => {
    const qs = attribute('Now Mayor Ruth Okafor, who won easily, is promising “a new start.”\nInstead, she was back to calling the plan “a scam.”\nEarly described the vote as “a farce.”');
    assert.equal(speakerOf(qs, 0), 'Mayor Ruth Okafor');
    assert.equal(speakerOf(qs, 1), 'she');
    assert.equal(speakerOf(qs, 2), 'Early');
  });
  it('reads a parenthetical “, says X,” with the subject after the verb', () => {
    const qs = attribute('The paradox of the plan, says Carl Olsen, a historian at the library, is that it was “the most popular” of all.\nLena Ortiz, who was on the slate, told reporters, “I like Ruiz the best.”');
    assert.equal(speakerOf(qs, 0), 'Carl Olsen');
    assert.equal(speakerOf(qs, 1), 'Lena Ortiz');
  });

  it('does not take a cue after “and” and a new subject for the quote before it', () => {
    const qs = attribute('Both men issued a statement, Ruiz saying he was “very pleased” and Lee calling it a “great meeting.”');
    assert.equal(speakerOf(qs, 0), 'Ruiz');
    assert.equal(speakerOf(qs, 1), 'Lee');
  });
  it('takes “retaliated” as a verb of saying', () => {
    const qs = attribute('“The town will always be the town,” an angry Okafor retaliated.');
    assert.equal(speakerOf(qs, 0), 'an angry Okafor');
  });
  it('keeps the pronoun subject of a concessive clause after a report', () => {
    const qs = attribute('Okafor said on Monday that she would attend, although she tweeted that she “rejects the premise.”');
    assert.equal(speakerOf(qs, 0), 'she');
  });
  it('finds the subject before an aside such as “, once again,”', () => {
    const qs = attribute('Ruiz spoke for an hour and she, once again, promised “a fair deal.”');
    assert.equal(speakerOf(qs, 0), 'she');
  });
  it('does not take a verb phrase after “to”, a modal or a pronoun as the subject', () => {
    const qs = attribute('An aide who spoke anonymously to discuss strategy said Friday, “There are talks.”\nThe nominee for the Nov. 8 election later said he was “joking.”\nHe trails if he has fewer pledged delegates, which he called “very hard” to overcome.');
    assert.equal(speakerOf(qs, 0), 'An aide');
    assert.equal(speakerOf(qs, 1), 'The nominee for the Nov. 8 election');
    assert.notEqual(speakerOf(qs, 2), 'fewer');
  });
  it('gives a participle the pronoun subject of the nearest coordinated clause', () => {
    const qs = attribute('The plan stalled, and she has fought the council for months, at one point calling the mayor “a coward.”');
    assert.equal(speakerOf(qs, 0), 'she');
  });
  it('takes a verb form after a determiner and an adjective as a noun', () => {
    const qs = attribute('Sen. Ruth Okafor, who is new to the Senate, picked “Frasier” and “Taxi” as her top shows.\nThey would only describe it in the broadest terms, as “a media company.”');
    assert.notEqual(speakerOf(qs, 0), 'her top');
    assert.notEqual(speakerOf(qs, 1), 'her top');
    assert.equal(speakerOf(qs, 2), 'They');
  });
  it('reads past “since” before the verb, and does not take “beaming” as a cue', () => {
    const qs = attribute('Okafor has since apologized for what happened: “It was a mistake.”\nThe crowd cheered a giant poster of a beaming Okafor and the words “Vote Early.”');
    assert.equal(speakerOf(qs, 0), 'Okafor');
    assert.notEqual(speakerOf(qs, 1), 'Okafor');
  });
  it('takes verbs that double their last consonant, and "exhorted" and "riffed", as cues', () => {
    const qs = attribute('Vale admitted “one or two mistakes” in the filing.\n“It is about time,” exhorted the mayor’s introducer, actress Dana Holt.\n“Let me help you out,” the nominee riffed on the question.');
    assert.equal(speakerOf(qs, 0), 'Vale');
    assert.equal(qs[0]!.cue?.text, 'admitted');
    assert.equal(speakerOf(qs, 1), 'the mayor’s introducer');
    assert.equal(speakerOf(qs, 2), 'the nominee');
  });
  it('leaves a verb of saying in a "while" clause after the quote to that clause', () => {
    const qs = attribute('Voss refers to the candidate, who is supposedly his friend, as “Mr. Alder,” while Alder refers to the governor as “Rick.”');
    assert.equal(speakerOf(qs, 0), 'Voss');
    assert.equal(speakerOf(qs, 1), 'Alder');
  });
  it('credits the subject of a subordinate verb of saying, but looks past a pronoun there', () => {
    const qs = attribute(
      '“I never said that,” Alder said, after host Becky Lund said the candidate had referred to Voss as the “personal senator” of a donor.\n' +
        'Voss acknowledged that she had misspoken when she claimed that the director had described as “truthful” all of her statements.',
    );
    assert.equal(speakerOf(qs, 0), 'Alder');
    assert.equal(speakerOf(qs, 1), 'host Becky Lund');
    assert.equal(speakerOf(qs, 2), 'Voss');
  });
  it('takes a verb form after a preposition or a recent-type adjective as a noun', () => {
    const qs = attribute('One of his recent reads, “The Long Winter,” shaped his view.\nThe hall filled with chants for the pair, with signs of “Welcome home!”\nWithin an hour of initial reports of the fire, Facebook had opened its “safety check” page.');
    assert.equal(speakerOf(qs, 0), null);
    assert.equal(speakerOf(qs, 1), null);
    assert.notEqual(qs[2]!.cue?.text, 'reports');
  });
  it('ends a mention before a verb known by its object or infinitive, and skips an opening -ly adverb', () => {
    const qs = attribute(
      'Mr. Alder tries to turn the noise to his advantage, alternately shouting “Get them out” and “Be nice.”\n' +
        'Asked whether he would run, Mrs. Voss shook her head and said, “No.”\n' +
        'Hastily blaming the storm, Alder cast the blame on his rivals and warned of “total chaos.”\n' +
        'Voss and her backers tried to tie Lund to the mayor, with one ad asking, “Is he independent?”',
    );
    assert.equal(speakerOf(qs, 0), 'Mr. Alder');
    assert.equal(speakerOf(qs, 2), 'Mrs. Voss');
    assert.notEqual(speakerOf(qs, 3), 'Hastily');
    assert.notEqual(speakerOf(qs, 4), 'Voss');
  });
  it('does not credit a placeholder "it" before a linking verb, nor take an adjective "telling" as a cue', () => {
    const qs = attribute(
      'It was less than a year ago that Dana Holt, who is weighing a run, said it was “impossible” to win.\n' +
        '“This is a problem,” Lund said. “And the mayor sounds like a banker!” Lund’s metaphor is telling in its own right.\n' +
        'It added, “We want no part in it.”',
    );
    assert.notEqual(speakerOf(qs, 0), 'It');
    assert.equal(speakerOf(qs, 2), 'Lund');
    assert.equal(speakerOf(qs, 3), 'It');
  });
  it('gives no speaker to a title after a naming participle, but keeps a speaker who called something a name', () => {
    const qs = attribute(
      'A troupe of comedians is staging a popular play called “Los Hijos de Lund,” or “Sons of Lund,” in the capital.\n' +
        'The plan led to what Dana Holt, for one, called “a new beginning.”\n' +
        'A blog, called the “Feed,” is run by five writers.',
    );
    assert.equal(speakerOf(qs, 0), null);
    assert.equal(speakerOf(qs, 2), 'Dana Holt');
    assert.equal(speakerOf(qs, 3), null);
  });
  it('gives a verb of saying joined by "and" the subject of the verb before it', () => {
    const qs = attribute('When Dana Holt, the mayor’s campaign manager, was asked about a press conference, he laughed and said, “We’ll see.”\nLund paused and added, “Not yet.”');
    assert.equal(speakerOf(qs, 0), 'he');
    assert.equal(speakerOf(qs, 1), 'Lund');
  });
  it('reads no verb of saying in "so-called" or "easier said than done"', () => {
    const qs = attribute('Ostland firms are the biggest investors, and the so- called “special relationship” has held for decades.\nBut “dumping Lund” is easier said than done in the capital.');
    assert.equal(speakerOf(qs, 0), null);
    assert.equal(speakerOf(qs, 1), null);
  });
  it('reads a capitalised participle opening the sentence as an introductory phrase, not a subject', () => {
    const qs = attribute('The show opens in May. Featuring songs by Lena Ash and Ray Vance, “Girls, Girls, Girls” is a warm celebration.\nReading from a prepared text, Dana Holt pronounced the group’s name “Hamas” with care.');
    assert.equal(speakerOf(qs, 0), null);
    assert.equal(speakerOf(qs, 1), 'Dana Holt');
  });
});
