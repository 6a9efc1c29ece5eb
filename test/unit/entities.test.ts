import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findEntities } from '../../src/core/entities';
import { partyTagAfter } from '../../src/core/entities/partyTags';
import { tokenize } from '../../src/core/text/tokenize';
import type { Entity } from '../../src/core/types';

const seed = (name: string): string => readFileSync(join(__dirname, '../../seeds', name), 'utf8');
const AFP = seed('000_af60520f71ff48c9.txt');
const VOA = seed('001_21569e4679d671fa.txt');

function byName(entities: Entity[], name: string): Entity {
  const e = entities.find((x) => x.name === name);
  assert.ok(e, `no entity named ${name}; got ${entities.map((x) => x.id).join(', ')}`);
  return e;
}

/** Offsets of every whole-word occurrence of `word` that is not followed by one of `notBefore`. */
function occurrences(text: string, word: string, notBefore: string[] = []): number[] {
  const out: number[] = [];
  const re = new RegExp(`(?<![\\p{L}-])${word}(?![\\p{L}-])`, 'gu');
  for (const m of text.matchAll(re)) {
    const rest = text.slice(m.index + word.length);
    if (!notBefore.some((n) => rest.startsWith(n))) out.push(m.index);
  }
  return out;
}

function assertWellFormed(text: string, entities: Entity[]): void {
  const all = entities.flatMap((e) => e.mentions);
  all.sort((a, b) => a.start - b.start);
  for (let i = 0; i < all.length; i++) {
    const m = all[i];
    assert.equal(text.slice(m.start, m.end), m.text);
    // No trailing punctuation or possessive; a period only as part of an abbreviation (U.S., J., Corp.).
    assert.doesNotMatch(m.text, /[\s,;:!?"“”’'()]$|['’]s$/u);
    if (m.text.endsWith('.')) assert.match(m.text, /(^|[\s.])\p{L}{1,5}\.$/u, m.text);
    assert.match(m.text, /^\S/);
    if (i > 0) assert.ok(all[i - 1].end <= m.start, `overlap: ${all[i - 1].text} / ${m.text}`);
  }
  for (const e of entities) {
    assert.equal(e.id, `${e.type}:${e.name}`);
    assert.equal(e.aliases[0], e.name);
    for (let i = 1; i < e.mentions.length; i++) assert.ok(e.mentions[i - 1].start < e.mentions[i].start);
    for (const m of e.mentions) assert.equal(m.entityId, e.id);
  }
  for (let i = 1; i < entities.length; i++) assert.ok(entities[i - 1].mentions[0].start < entities[i].mentions[0].start, 'entities sorted by first mention');
}

describe('findEntities on the AFP seed (Putin to visit North Korea)', () => {
  const entities = findEntities(AFP);

  it('returns well-formed, sorted, non-overlapping mentions', () => assertWellFormed(AFP, entities));

  it('puts every "Putin" in one person, Vladimir Putin, with the role Russian President', () => {
    const putin = byName(entities, 'Vladimir Putin');
    assert.equal(putin.type, 'PERSON');
    assert.equal(putin.id, 'PERSON:Vladimir Putin');
    for (const at of occurrences(AFP, 'Putin')) assert.ok(putin.mentions.some((m) => m.start <= at && m.end === at + 5), `Putin at ${at} missing`);
    assert.deepEqual(putin.aliases, ['Vladimir Putin', 'Putin']);
    assert.ok(putin.roles.includes('Russian President'));
  });

  it('keeps Kim Jong Un and his father Kim Jong Il apart, and a bare "Kim" goes to Kim Jong Un', () => {
    const un = byName(entities, 'Kim Jong Un');
    const il = byName(entities, 'Kim Jong Il');
    assert.notEqual(un.id, il.id);
    assert.equal(il.mentions.length, 1);
    const unStarts = un.mentions.map((m) => m.start);
    for (const at of occurrences(AFP, 'Kim', [' Jong Il'])) assert.ok(unStarts.includes(at), `Kim at ${at} (${AFP.slice(at, at + 30)}) not with Kim Jong Un`);
    assert.ok(un.roles.includes('North Korean leader'));
  });

  it('finds the officials with their roles, titles outside the name', () => {
    const cases: [string, string, string][] = [
      ['Yuri Ushakov', 'Ushakov', 'Kremlin aide'],
      ['John Kirby', 'Kirby', 'National Security Council spokesman'],
    ];
    for (const [full, surname, role] of cases) {
      const e = byName(entities, full);
      assert.equal(e.type, 'PERSON');
      assert.ok(e.roles.includes(role), `${full}: ${e.roles.join('; ')}`);
      const starts = e.mentions.map((m) => m.start);
      for (const at of occurrences(AFP, surname)) assert.ok(starts.includes(at) || starts.includes(at - full.length + surname.length), `${surname} at ${at}`);
      assert.ok(e.mentions.every((m) => m.text === full || m.text === surname));
    }
    const stoltenberg = byName(entities, 'Jens Stoltenberg');
    assert.deepEqual(stoltenberg.roles, ['NATO chief']);
    assert.equal(stoltenberg.mentions[0].text, 'Jens Stoltenberg');
    const kuleba = byName(entities, 'Dmytro Kuleba');
    assert.ok(kuleba.roles.some((r) => r.endsWith('Foreign Minister')));
  });

  it('groups USSR with the Soviet Union', () => {
    const su = byName(entities, 'Soviet Union');
    assert.ok(su.aliases.includes('USSR'));
    assert.equal(su.mentions.length, occurrences(AFP, 'USSR').length + occurrences(AFP, 'Soviet Union').length);
  });

  it('tags places and nationalities', () => {
    assert.equal(byName(entities, 'North Korea').type, 'PLACE');
    assert.equal(byName(entities, 'Moscow').type, 'PLACE');
    assert.equal(byName(entities, 'Russian').type, 'NORP');
    assert.equal(byName(entities, 'Western').type, 'NORP');
    assert.equal(byName(entities, 'NATO').type, 'ORG');
    // "Russia’s Putin": the possessive stays outside the mention.
    const russia = byName(entities, 'Russia');
    assert.equal(russia.mentions[0].text, 'Russia');
    assert.equal(russia.mentions[0].start, 0);
  });
});

describe('findEntities on the VOA seed (Putin plans to arrive in North Korea)', () => {
  const entities = findEntities(VOA);

  it('returns well-formed, sorted, non-overlapping mentions', () => assertWellFormed(VOA, entities));

  it('finds every named person with one alias group each', () => {
    const putin = byName(entities, 'Vladimir Putin');
    for (const at of occurrences(VOA, 'Putin')) assert.ok(putin.mentions.some((m) => m.start <= at && m.end >= at + 5), `Putin at ${at}`);
    const kim = byName(entities, 'Kim Jong Un');
    for (const at of occurrences(VOA, 'Kim')) assert.ok(kim.mentions.some((m) => m.start === at), `Kim at ${at}`);
    assert.ok(byName(entities, 'Yuri Ushakov').roles.includes('Russian foreign policy adviser'));
    assert.deepEqual(byName(entities, 'Leif-Eric Easley').roles, ['professor at Ewha University']);
    assert.ok(byName(entities, 'Nguyen Phu Trong').roles.includes('General'));
    assert.ok(byName(entities, 'Pham Minh Chinh').roles.includes('Prime Minister'));
    assert.ok(byName(entities, 'Tran Thanh Man').roles.includes('National Assembly Chairman'));
    for (const name of ['Vladimir Putin', 'Kim Jong Un', 'Yuri Ushakov', 'Leif-Eric Easley', 'Nguyen Phu Trong', 'Pham Minh Chinh', 'Tran Thanh Man']) {
      assert.equal(entities.filter((e) => e.type === 'PERSON' && e.name === name).length, 1, name);
    }
  });

  it('resolves U.S. and U.N. to their full names', () => {
    const us = byName(entities, 'United States');
    assert.ok(us.aliases.includes('U.S.'));
    // Every "U.S." is the country, "U.S. Embassy" included (CoNLL-2003 tags the place in "U.S. embassy").
    assert.equal(us.mentions.length, occurrences(VOA, 'United States').length + occurrences(VOA, 'U.S.').length);
    const un = byName(entities, 'United Nations');
    assert.ok(un.aliases.includes('U.N.'));
    assert.equal(byName(entities, 'Voice of America').aliases.includes('VOA'), true);
  });
});

describe('findEntities on small inputs', () => {
  it('keeps titles out of the name and on the entity as a role', () => {
    const text = 'President Putin met Foreign Minister Sergei Lavrov in Moscow. Putin said the talks went well.';
    const es = findEntities(text);
    const putin = byName(es, 'Putin');
    assert.deepEqual(putin.mentions.map((m) => m.text), ['Putin', 'Putin']);
    assert.deepEqual(putin.roles, ['President']);
    const lavrov = byName(es, 'Sergei Lavrov');
    assert.deepEqual(lavrov.roles, ['Foreign Minister']);
  });

  it('handles CRLF line ends, a byte-order mark and tabs with the same offsets', () => {
    const lf = 'Kremlin aide Yuri Ushakov said on Monday.\nUshakov added that Vladimir Putin would travel.\n';
    const crlf = '\uFEFF' + lf.replace(/\n/g, '\r\n').replace(/ said/, '\tsaid');
    for (const text of [lf, crlf]) {
      const es = findEntities(text);
      assertWellFormed(text, es);
      const u = byName(es, 'Yuri Ushakov');
      assert.deepEqual(u.mentions.map((m) => m.text), ['Yuri Ushakov', 'Ushakov']);
      assert.equal(text.slice(u.mentions[1].start, u.mentions[1].end), 'Ushakov');
      assert.deepEqual(u.roles, ['Kremlin aide']);
    }
  });

  it('finds names with letters outside ASCII', () => {
    const text = 'French President François Hollande met Chancellor Angela Merkel in Berlin on Tuesday. Hollande left on Wednesday.';
    const es = findEntities(text);
    const h = byName(es, 'François Hollande');
    assert.deepEqual(h.mentions.map((m) => m.text), ['François Hollande', 'Hollande']);
    assert.ok(h.roles.includes('French President'));
    assert.equal(byName(es, 'Berlin').type, 'PLACE');
  });

  it('never lets a name run across a line break', () => {
    const text = 'Talks in North Korea Tuesday\n\nFILE - Russian President Vladimir Putin arrives.';
    for (const e of findEntities(text)) for (const m of e.mentions) assert.doesNotMatch(m.text, /\n/);
  });

  it('returns nothing for empty or name-free text, and survives hostile input', () => {
    assert.deepEqual(findEntities(''), []);
    assert.deepEqual(findEntities('the cat sat on the mat.'), []);
    let seed = 7;
    const bytes = Array.from({ length: 200_000 }, () => String.fromCharCode((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 24)).join('');
    for (const text of ['"'.repeat(100_000), '“'.repeat(100_000), bytes, 'A. '.repeat(50_000), 'Putin '.repeat(50_000)]) {
      // Speed on such input is measured by `npm run bench` (adversarial inputs), not here.
      assertWellFormed(text, findEntities(text));
    }
  });
});

describe('findEntities: party-state tags after a legislator', () => {
  it('keeps "(D-Mo.)" and ", R-Fla.," as roles of the person, not as places', () => {
    const text = 'Senator Harriet Ames (D-Mo.) and Senator Victor Pell, R-Fla., voted no. Ames later spoke to farmers in Missouri and Florida.';
    const es = findEntities(text);
    assertWellFormed(text, es);
    for (const tag of ['D-Mo', 'R-Fla', 'Mo.', 'Fla.']) assert.ok(!es.some((e) => e.aliases.some((a) => a.startsWith(tag))), `${tag} is a mention`);
    assert.ok(byName(es, 'Harriet Ames').roles.includes('D-Mo.'));
    assert.equal(byName(es, 'Missouri').type, 'PLACE');
    assert.equal(byName(es, 'Florida').type, 'PLACE');
  });

  it('reads dotted, postal and written-out states', () => {
    const text = 'Representative Dana Holt (D-N.Y.) joined Representative Owen Marsh (R-TX) and Lena Cobb, R-Texas, at the hearing.';
    const es = findEntities(text);
    assertWellFormed(text, es);
    assert.ok(byName(es, 'Dana Holt').roles.includes('D-N.Y.'));
    assert.ok(byName(es, 'Owen Marsh').roles.includes('R-TX'));
    assert.ok(byName(es, 'Lena Cobb').roles.includes('R-Texas'));
    assert.ok(!es.some((e) => e.type === 'PLACE'), es.map((e) => e.id).join(', '));
  });
});

describe('findEntities: abbreviated titles', () => {
  it('keeps "Sen." and "Lt. Gov." out of names and off the places, as roles', () => {
    const text = 'Sen. Harriet Ames (D-Mo.) and Sen. Victor Pell, R-Fla., voted no. Lt. Gov. Rita Lowe agreed.';
    const es = findEntities(text);
    assertWellFormed(text, es);
    assert.deepEqual(es.map((e) => e.id), ['PERSON:Harriet Ames', 'PERSON:Victor Pell', 'PERSON:Rita Lowe']);
    assert.deepEqual(byName(es, 'Harriet Ames').roles, ['Sen.', 'D-Mo.']);
    assert.deepEqual(byName(es, 'Rita Lowe').roles, ['Lt. Gov.']);
  });
});

describe('findEntities: roles owned by a country or a body', () => {
  it('keeps the possessive owner in the role before a name', () => {
    const text = 'Norway’s Foreign Minister Petra Lund met NATO\'s Secretary General Alan Berg in Oslo. Lund left on Friday.';
    const es = findEntities(text);
    assertWellFormed(text, es);
    assert.deepEqual(byName(es, 'Petra Lund').roles, ['Norway’s Foreign Minister']);
    assert.deepEqual(byName(es, 'Alan Berg').roles, ["NATO's Secretary General"]);
    assert.equal(byName(es, 'Norway').type, 'PLACE');
  });

  it('leaves a lower-case owner out of the role', () => {
    const es = findEntities('The party’s spokesman Ivo Kral declined to comment.');
    assert.deepEqual(byName(es, 'Ivo Kral').roles, ['spokesman']);
  });
});

describe('findEntities: a description repeating a role', () => {
  it('links "the Kremlin chief" to the one person named with that role, after the naming', () => {
    const text = 'The Kremlin chief was late. Kremlin chief Oleg Varin then met the envoy. Later the Kremlin chief told reporters he was pleased.';
    const es = findEntities(text);
    assertWellFormed(text, es);
    const varin = byName(es, 'Oleg Varin');
    const at = text.lastIndexOf('Kremlin chief');
    assert.deepEqual(varin.mentions.map((m) => [m.start, m.text]), [[text.indexOf('Oleg'), 'Oleg Varin'], [at, 'Kremlin chief']]);
    // The "Kremlin" inside the description is part of it, not a mention of its own.
    assert.ok(!es.some((e) => e !== varin && e.mentions.some((m) => m.start >= at && m.start < at + 13)));
  });

  it('leaves a role held by two people, a one-word role and a role after "the" unlinked', () => {
    const text = 'Kremlin aide Ivan Sokol and Kremlin aide Pavel Dorn arrived. The Kremlin aide said no. President Ada Lind agreed, and the president left. The federal judge Lind named was absent; the federal judge spoke later.';
    const es = findEntities(text);
    assertWellFormed(text, es);
    for (const e of es) if (e.type === 'PERSON') for (const m of e.mentions) assert.match(m.text, /^[A-Z][a-z]+( [A-Z][a-z]+)?$/, `${e.name}: ${m.text}`);
  });
});

describe('partyTagAfter', () => {
  const after = (text: string, name: string): string | null => {
    const tok = tokenize(text);
    let last = 0;
    while (tok.end[last] !== text.indexOf(name) + name.length) last++;
    return partyTagAfter(text, tok, last);
  };

  it('reads a tag only when it is set off by a parenthesis or a comma, and only up to the state', () => {
    assert.equal(after('Jo Ames (D-Mo.) spoke.', 'Ames'), 'D-Mo.');
    assert.equal(after('Jo Ames, D., Mo., spoke.', 'Ames'), 'D., Mo.');
    assert.equal(after('Jo Ames’s (R-Texas) bill passed.', 'Ames'), 'R-Texas');
    assert.equal(after('Jo Ames D-Mo. spoke.', 'Ames'), null);
    assert.equal(after('Jo Ames (R-Paris) spoke.', 'Ames'), null);
    assert.equal(after('Jo Ames (D-Day) spoke.', 'Ames'), null);
  });
});
