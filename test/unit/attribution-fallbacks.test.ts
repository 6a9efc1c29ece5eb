import { strict as assert } from 'node:assert';
import { attribute, speakerOf } from './attributionFixtures';

describe('attribution fallbacks for quotes without a cue next to them', () => {
  it('credits the subject of a clause ending in a colon before the quote', () => {
    const qs = attribute(
      'On a radio show later that day, Lopez went even further: “If he runs and loses, his career is over.”\n' +
        'Asked which town was his favorite, he demurred: “Whichever one I am in.”\n' +
        'Marsh resisted:\n' +
        '“Mayors do not have that power.”',
    );
    assert.equal(speakerOf(qs, 0), 'Lopez');
    assert.equal(speakerOf(qs, 1), 'he');
    assert.equal(speakerOf(qs, 2), 'Marsh');
  });

  it('credits the source a clause before the colon points to', () => {
    const qs = attribute(
      'From the report: “Samples with longer field periods did better.”\n' +
        'More from Ortiz and Kemp: “Our data show a late shift.”\n' +
        'Here’s Dalton in March 1994: “Our new course must rest on skills.”',
    );
    assert.equal(speakerOf(qs, 0), 'the report');
    assert.equal(speakerOf(qs, 1), 'Ortiz and Kemp');
    assert.equal(speakerOf(qs, 2), 'Dalton');
  });

  it('leaves a colon clause about a topic without a speaker', () => {
    const qs = attribute('The question is simple: “Who pays for the bridge?”\nIt gets better: “The bridge was never built.”');
    assert.equal(speakerOf(qs, 0), null);
    assert.equal(speakerOf(qs, 1), null);
  });

  it('credits a name and a past-tense verb of any kind right after the quote', () => {
    const qs = attribute(
      '“Take your seat, please,” Harlan barked. The room went quiet.\n' +
        '“Would you sign it today?” Mendez pressed.\n' +
        '“The way I see it,” she elaborated, “nobody lost anything.”',
    );
    assert.equal(speakerOf(qs, 0), 'Harlan');
    assert.equal(qs[0]!.cue?.text, 'barked');
    assert.equal(speakerOf(qs, 1), 'Mendez');
    assert.equal(speakerOf(qs, 2), 'she');
    assert.equal(speakerOf(qs, 3), 'she');
    assert.equal(speakerOf(attribute('The hearing ran long.\n“Is this the end?” Todd was shocked.'), 0), null);
  });

  it('credits the speaker after a verb of saying that opens the clause before the quote', () => {
    const qs = attribute(
      'Because of the calendar, explained Weiss, “with the race over by March, nobody sees her ads.”\n' +
        'In other words, explained the moderator Ann Coyle: “What does that have to do with it?”',
    );
    assert.equal(speakerOf(qs, 0), 'Weiss');
    assert.equal(speakerOf(qs, 1), 'the moderator Ann Coyle');
  });

  it('takes people and sources described with a noun as the subject of a clause holding the quote', () => {
    const qs = attribute(
      'A neighbor referred to him as “the kindest man on the street” in a post.\n' +
        'The Baxter ad hits Moreno for taking “more money from banks than from farmers.”\n' +
        'The Ohio senator likes “The Night Shift,” a hospital drama.',
    );
    assert.equal(speakerOf(qs, 0), 'A neighbor');
    assert.equal(speakerOf(qs, 1), 'The Baxter ad');
    // A show someone likes is a title, not their words.
    assert.equal(speakerOf(qs, 2), null);
  });

  it('credits the agent of a passive clause that names or calls something', () => {
    const qs = attribute(
      'The talks will cover ballot access, an option seen by organizers as a “lifeboat” for the party.\n' +
        'The practice has been nicknamed “quiet capture” by Nora Feld, a professor at Tulane.\n' +
        'While the inquiry ran long — often labeled as a “witch hunt” by Democrats — it seems the panel erred.',
    );
    assert.equal(speakerOf(qs, 0), 'organizers');
    assert.equal(speakerOf(qs, 1), 'Nora Feld');
    assert.equal(speakerOf(qs, 2), 'Democrats');
  });

  it('credits the name on a dash line signing the quote above it', () => {
    const qs = attribute('“Nearly all new income goes to the top earners.”\n- Dana Whitfield.\nThe figure is old.\n“Great speech. She is ready.”\n—Governor Ames, writing after the speech.');
    assert.equal(speakerOf(qs, 0), 'Dana Whitfield');
    assert.equal(speakerOf(qs, 1), 'Governor Ames');
  });

  it('credits the speaker of a colon sentence above the quote, inverted or with a described name', () => {
    const qs = attribute(
      'Stated Crane:\n“The stakes are so high that they would do anything.”\n' +
        'After the flood, Democratic state senator Mara Quill issued the following statement:\n“Our prayers are with every family.”',
    );
    assert.equal(speakerOf(qs, 0), 'Crane');
    assert.equal(speakerOf(qs, 1), 'Democratic state senator Mara Quill');
  });

  it('reads a name’s letter or reply, and a short opening phrase before the subject', () => {
    const qs = attribute(
      'Pell’s letter makes a plain case: “We stand together or we lose.”\n' +
        'Moreno’s response was: “Is he from Ohio?”\n' +
        'But back on home soil, he returned to his usual lines: “It is called Ohio First!”\n' +
        'And, yes, NBC renewed “The Night Shift” for a fifth season.',
    );
    assert.equal(speakerOf(qs, 0), 'Pell’s letter');
    assert.equal(speakerOf(qs, 1), 'Moreno’s response');
    assert.equal(speakerOf(qs, 2), 'he');
    assert.equal(speakerOf(qs, 3), null);
  });

  it('gives a verb joined to the clause of the previous quote that quote’s speaker', () => {
    const qs = attribute('In Concord, Alder referred to Voss as “a gifted leader” but described his record as a “work in progress.”\nThe plan remains a “work in progress” and the vote was close.');
    assert.equal(speakerOf(qs, 0), 'Alder');
    assert.equal(speakerOf(qs, 1), 'Alder');
    assert.equal(qs[1]!.cue?.text, 'described');
    assert.equal(speakerOf(qs, 2), null);
  });

  it('reads past an apposition set off by commas between the name and its verb', () => {
    const qs = attribute(
      'Dale Porter, the governor’s former chief of staff, ripped the auditor for acting as “judge and jury” in the case.\n' +
        'Gov. Ruth Amado (D-NM), said, “We are ready to rent a wagon.”\n' +
        'Nina Ruiz, her seat at risk, won in 2008 partly because of a rival’s remark that she was “likable enough.”',
    );
    assert.equal(speakerOf(qs, 0), 'Dale Porter');
    assert.equal(speakerOf(qs, 1), 'Gov. Ruth Amado');
    assert.equal(speakerOf(qs, 2), null);
    const abbreviated = attribute('Senate Leader Rob Tate, R-Ky., delivered a blunt message to the mayor: “It is time to stop.”');
    assert.equal(speakerOf(abbreviated, 0), 'Senate Leader Rob Tate');
  });

  it('credits a source description or an inverted name after the quote, whatever the verb', () => {
    const qs = attribute(
      '“Friend, let me be blunt. I can win this,” the email read. It asked for money.\n' +
        '“Is the mayor profiling?” reacted Delgado.\n' +
        '“Her team took notes on her life,” read the statement, which was sent at 2 a.m.\n' +
        '“Sick Leave,” the document states, begins after a year.',
    );
    assert.equal(speakerOf(qs, 0), 'the email');
    assert.equal(speakerOf(qs, 1), 'Delgado');
    assert.equal(speakerOf(qs, 2), 'the statement');
    assert.equal(speakerOf(qs, 3), 'the document');
  });

  it('takes a short subject-and-verb sentence after a question only in the same paragraph', () => {
    const qs = attribute('The crowd waited.\n“Is this the best we can do?”\n\nHarlow folded.');
    assert.equal(speakerOf(qs, 0), null);
  });

  it('looks past a time phrase that opens the clause of the quote', () => {
    const qs = attribute('Nine years earlier, she had voted for the plan from “the view of a farmer.”');
    assert.equal(speakerOf(qs, 0), 'she');
  });

  it('credits a colon label whose role title is in lower case', () => {
    const qs = attribute('The panel met at noon.\n\nFormer mayor of Easton Paula Grant: “We paid for that road twice.”');
    assert.equal(speakerOf(qs, 0), 'Former mayor of Easton Paula Grant');
  });

  it('carries the speaker of the sentence before across a linking adverb', () => {
    const qs = attribute('“He should be leading the town,” Marsh said. Instead, “he just sits in his office.”');
    assert.equal(speakerOf(qs, 1), 'Marsh');
  });

  it('takes a name and verb after the quote when another clause joins with "and"', () => {
    const qs = attribute('The hall went quiet.\n\n“Sit down, please,” Harlow barked and an usher led the man out.');
    assert.equal(speakerOf(qs, 0), 'Harlow');
  });

  it('credits "it" after a quote only with a verb of writing', () => {
    const qs = attribute('She held up a sign.\n\n“Still here,” it read.\n\nThe rain fell.\n\n“Go home,” it rained.');
    assert.equal(speakerOf(qs, 0), 'it');
    assert.equal(speakerOf(qs, 1), null);
  });

  it('does not take a cue after a question from the next paragraph or from another quote', () => {
    const qs = attribute(
      'The mayor turned to the hall.\n\n“Who is going to pay for the bridge?”\n\n“The county!” the crowd shouted back.\n\n' +
        '“Will you vote for it?” Harlow asked. “Will you?”\n\nThe crowd applauded.',
    );
    assert.equal(speakerOf(qs, 0), null);
    assert.equal(speakerOf(qs, 1), 'the crowd');
    assert.equal(speakerOf(qs, 3), 'Harlow');
  });

  it('does not read the noun after a possessive name as the verb of a clause', () => {
    const qs = attribute('Harlow’s attacks on the board stand out for the claim that it “ought to resign.”');
    assert.equal(speakerOf(qs, 0), null);
  });

  it('takes the subject of a contrasting clause nearest the quote', () => {
    const qs = attribute('Harlow backed the budget, although she made clear that she has “deep doubts” about the roads.');
    assert.equal(speakerOf(qs, 0), 'she');
  });

  it('does not carry a speaker past a sentence that names another person', () => {
    const qs = attribute(
      '“The roads come first,” said Ann Harlow, the county engineer.\n\nPaul Deen, a farmer, agreed. “Nothing moves without them.”\n\n' +
        '“Will it pass?” Harlow asked. “Will anyone vote no?”',
    );
    assert.equal(speakerOf(qs, 1), 'Paul Deen');
    assert.equal(speakerOf(qs, 3), 'Harlow');
  });

  it('carries a speaker across narration in the same paragraph unless it names someone else', () => {
    const qs = attribute(
      '“Those towns are tiny,” Woolsey said. They lie far from any city. “That is hard ground.”\n\n' +
        '“It goes in one ear,” Tom Ebbert said. Betsy Ebbert shook her head. “He listens better than I do.”',
    );
    assert.equal(speakerOf(qs, 1), 'Woolsey');
    assert.equal(speakerOf(qs, 3), null);
  });

  it('takes an article, an adjective and a name after the quote as the speaker', () => {
    const qs = attribute('“The bridge stays open,” Harlow insisted.\n“It will close by June,” a furious Delgado retaliated.');
    assert.equal(speakerOf(qs, 1), 'a furious Delgado');
  });
  it('finds a name with an apposition in the short sentence after a question or exclamation', () => {
    const qs = attribute('“How are you today?” Miller, a retired worker from a plant, said into the phone.\n“Perpetual motion!” Rep. Glenn Tate, R-Pa., said of the week.');
    assert.equal(speakerOf(qs, 0), 'Miller');
    assert.equal(speakerOf(qs, 1), 'Rep. Glenn Tate');
    assert.equal(speakerOf(attribute('“Who knows?” Doubts, a theme of the night, grew.'), 0), null);
  });
  it('takes one capitalised word before a closing verb of saying as a name, even a function word', () => {
    const qs = attribute('Many voters then saw the party as “the party of big government,” From said.\n“The war is a reminder,” Will wrote.');
    assert.equal(speakerOf(qs, 0), 'From');
    assert.equal(speakerOf(qs, 1), 'Will');
    assert.equal(speakerOf(attribute('“It is late,” A said.'), 0), null);
  });
});
