import assert from 'node:assert/strict';
import { groupAliases, key, type NamedMention } from '../../src/core/entities/aliases';
import type { EntityType } from '../../src/core/types';

/** Mentions in reading order, 10 characters apart. */
function mentions(...specs: [string, EntityType, string[]?][]): NamedMention[] {
  return specs.map(([text, type, roles], i) => ({ start: i * 10, end: i * 10 + text.length, text, type, roles: roles ?? [] }));
}

function groupsOf(ms: NamedMention[]): string[][] {
  return groupAliases(ms).map((g) => [g.name, ...g.mentions.map((m) => m.text)]);
}

describe('groupAliases', () => {
  it('joins a surname to the full name, and a headline surname to the full name named later', () => {
    assert.deepEqual(groupsOf(mentions(['Putin', 'PERSON'], ['Vladimir Putin', 'PERSON'], ['Putin', 'PERSON'])), [['Vladimir Putin', 'Putin', 'Vladimir Putin', 'Putin']]);
  });

  it('keeps people who share a surname apart and gives a bare name to the most mentioned compatible one', () => {
    const ms = mentions(['Kim Jong Un', 'PERSON'], ['Kim', 'PERSON'], ['Kim Jong Il', 'PERSON'], ['Kim', 'PERSON']);
    const groups = groupAliases(ms);
    assert.deepEqual(groups.map((g) => [g.name, g.mentions.map((m) => m.start)]), [['Kim Jong Un', [0, 10, 30]], ['Kim Jong Il', [20]]]);
  });

  it('gives a bare name to the most recent full name when both were mentioned as often', () => {
    const ms = mentions(['Kim Jong Il', 'PERSON'], ['Kim Jong Un', 'PERSON'], ['Kim', 'PERSON']);
    assert.equal(groupAliases(ms).find((g) => g.mentions.some((m) => m.start === 20))!.name, 'Kim Jong Un');
  });

  it('joins a shorter form of a name to the longer one with the same surname', () => {
    assert.deepEqual(groupsOf(mentions(['George Bush', 'PERSON'], ['George W. Bush', 'PERSON'], ['Bush', 'PERSON'])), [['George W. Bush', 'George Bush', 'George W. Bush', 'Bush']]);
  });

  it('resolves known short forms and acronyms to the full name, whichever comes first', () => {
    const groups = groupAliases(
      mentions(['U.S.', 'PLACE'], ['United States', 'PLACE'], ['USSR', 'PLACE'], ['Soviet Union', 'PLACE'], ['NATO', 'ORG'], ['North Atlantic Treaty Organization', 'ORG'], ['U.N.', 'ORG'], ['United Nations', 'ORG'], ['VOA', 'ORG'], ['Voice of America', 'ORG']),
    );
    assert.deepEqual(
      groups.map((g) => [g.type, g.name, g.mentions.length]),
      [['PLACE', 'United States', 2], ['PLACE', 'Soviet Union', 2], ['ORG', 'North Atlantic Treaty Organization', 2], ['ORG', 'United Nations', 2], ['ORG', 'Voice of America', 2]],
    );
  });

  it('types a known country or organisation by what it is, not by the tagger’s guess', () => {
    const groups = groupAliases(mentions(['USSR', 'ORG'], ['Soviet Union', 'ORG'], ['UK', 'ORG'], ['United Nations', 'PLACE'], ['Acme Union', 'ORG']));
    assert.deepEqual(
      groups.map((g) => [g.type, g.name]),
      [['PLACE', 'Soviet Union'], ['PLACE', 'United Kingdom'], ['ORG', 'United Nations'], ['ORG', 'Acme Union']],
    );
  });

  it('ignores periods and a leading "the" when matching organisation names, and keeps roles', () => {
    const groups = groupAliases(mentions(['U.N. Security Council', 'ORG'], ['UN Security Council', 'ORG'], ['the Kremlin', 'ORG'], ['Kremlin', 'ORG']));
    assert.equal(groups.length, 2);
    const people = groupAliases(mentions(['John Kirby', 'PERSON', ['National Security Council spokesman']], ['Kirby', 'PERSON']));
    assert.deepEqual(people[0].roles, ['National Security Council spokesman']);
  });

  it('takes the most frequent type for a name tagged differently in places', () => {
    const groups = groupAliases(mentions(['Kremlin', 'ORG'], ['Kremlin', 'PLACE'], ['Kremlin', 'ORG']));
    assert.deepEqual(groups.map((g) => [g.type, g.mentions.length]), [['ORG', 3]]);
  });

  it('normalises names for matching: case, periods, curly apostrophes, white space and a leading "the"', () => {
    assert.equal(key('The Kremlin'), 'kremlin');
    assert.equal(key('U.S.'), 'us');
    assert.equal(key('O’Brien'), "o'brien");
    assert.equal(key('Kim  Jong\u00a0Un'), 'kim jong un');
    assert.equal(key('the. x'), 'x', 'a period is dropped before "the " is looked for');
    assert.equal(key('Mr. . Smith'), 'mr smith', 'spaces around a dropped period collapse to one');
    assert.equal(key(' the x'), 'the x', 'only a "the" at the very start goes');
    assert.equal(key('THE'), 'the');
  });
});
