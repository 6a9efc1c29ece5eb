// Which country a place name stands for: a capital ("Pyongyang has denied"), an abbreviation
// ("the DPRK", "U.S."), another name of the country ("Britain"), or a seat of government ("the
// Kremlin said"). News copy uses them all for the country itself, so two reports of one fact meet
// even when one says "North Korea" and the other "Pyongyang". The table is generated from the
// Factbook and Wikidata (countries-data.ts); only the seats of government are listed here by hand.
import { COUNTRY_LINES } from './countries-data';

/** Buildings and addresses that stand for a government, as capitals do. Only the common ones. */
const SEATS: Record<string, string> = {
  kremlin: 'russia',
  'the kremlin': 'russia',
  'white house': 'united states',
  'the white house': 'united states',
  'downing street': 'united kingdom',
  elysee: 'france',
  'élysée': 'france',
  'blue house': 'south korea',
};

let table: Map<string, string> | undefined;

function countryTable(): Map<string, string> {
  if (table) return table;
  table = new Map(Object.entries(SEATS));
  for (const line of COUNTRY_LINES.split('\n')) {
    const [key, capitals, ...names] = line.split('|');
    if (!key) continue;
    for (const c of capitals ? capitals.split(',') : []) table.set(c, key);
    for (const n of names) table.set(n, key);
  }
  return table;
}

/**
 * The country key (a nameKey: "north korea") a name stands for, or undefined when it names no
 * country or is the country's own key already.
 */
export function countryOf(key: string): string | undefined {
  return countryTable().get(key);
}
