import * as assert from 'node:assert/strict';
import { tokenize } from '../../src/core/text/tokenize';
import { HashTable } from '../../src/core/text/hashTable';
import { B, I, L, LIST_BITS, ListTable, U, decodeGazetteer, gazetteerPayload, matchLists } from '../../src/core/entities/gazetteerMatch';
import { clusterPrefix, clustersPayload, decodeClusters } from '../../src/core/entities/wordClusters';
import { exactHash } from '../../src/core/text/tokenize';

function lists(entries: [string, number][]): HashTable {
  const t = new ListTable();
  for (const [e, bit] of entries) t.add(e, bit);
  // Through the asset payload, as the tagger gets it.
  return decodeGazetteer(gazetteerPayload(t.entries), 'test');
}

/** Each token's "text:lists/position" where it matched. */
function matches(text: string, table: HashTable): string[] {
  const tok = tokenize(text);
  const codes = new Uint16Array(tok.count);
  matchLists(tok, table, codes);
  const out: string[] = [];
  for (let i = 0; i < tok.count; i++) if (codes[i]) out.push(`${text.slice(tok.start[i], tok.end[i])}:${codes[i]! >> 3}/${'-BILU'[codes[i]! & 7]}`);
  return out;
}

describe('name-list matches (tagger features)', () => {
  const table = lists([
    ['New York', LIST_BITS.city],
    ['New York City', LIST_BITS.city],
    ['York', LIST_BITS.city],
    ['Boris', LIST_BITS.given],
    ['Johnson', LIST_BITS.family],
    ['Jordan', LIST_BITS.country],
    ['Jordan', LIST_BITS.given],
    ['Democratic Party (United States)', LIST_BITS.party],
  ]);

  it('marks the longest match with BILOU positions, one feature value per list', () => {
    assert.deepEqual(matches('Boris Johnson flew to New York City and Jordan.', table), [
      `Boris:${LIST_BITS.given}/U`, `Johnson:${LIST_BITS.family}/U`,
      `New:${LIST_BITS.city}/B`, `York:${LIST_BITS.city}/I`, `City:${LIST_BITS.city}/L`,
      `Jordan:${LIST_BITS.country | LIST_BITS.given}/U`,
    ]);
    assert.deepEqual([B, I, L, U], [1, 2, 3, 4]);
  });

  it('falls back to a shorter entry when the longer one does not complete, and drops "(…)" from entries', () => {
    assert.deepEqual(matches('New York Times and the Democratic Party', table), [`New:${LIST_BITS.city}/B`, `York:${LIST_BITS.city}/L`, `Democratic:${LIST_BITS.party}/B`, `Party:${LIST_BITS.party}/L`]);
  });

  it('starts matches only at capitalised words', () => {
    assert.deepEqual(matches('the new york office', table), []);
  });
});

describe('word clusters', () => {
  it('takes path prefixes of k bits, keeping shorter paths whole', () => {
    const code = (path: string): number => (1 << path.length) | parseInt(path, 2);
    assert.equal(clusterPrefix(code('1110110011'), 4), code('1110'));
    assert.equal(clusterPrefix(code('1110110011'), 6), code('111011'));
    assert.equal(clusterPrefix(code('10'), 6), code('10'));
    assert.equal(clusterPrefix(0, 4), 0);
    const table = decodeClusters(clustersPayload(new Map([[exactHash('Clinton', 0, 7), code('1110110011')]])), 'test');
    assert.equal(table.get(tokenize('Clinton').exact[0]!), code('1110110011'));
  });
});
