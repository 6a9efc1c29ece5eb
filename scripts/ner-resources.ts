// Builds the tables the entity tagger's features read, from ../shared/data, for scripts/train-ner.ts:
// - Brown clusters (brown-clusters/brown-turian-rcv1.txt.gz, Apache-2.0 via dlwh/epic): word → path.
// - Name lists, SHIPPABLE ONLY (each folder's README gives the licence; credits in THIRD-PARTY-NOTICES):
//     given   Kantrowitz names (grobid/names/names.male|female) + Wikidata given names (CC0)
//     family  Wikidata family names (CC0)
//     city    GeoNames cities15000 (CC BY) + Factbook capitals (CC0)
//     country Factbook country names (CC0) + Wikidata country aliases (MIT, econandrew/sparql_queries)
//     demonym Factbook nationality words (CC0)
//     party   Party Facts party names (MIT)
// The research-only and GPL lists feed one ablation row only, from scripts/ner-ablation-lists.ts; they
// are never written to assets/.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { exactHash } from '../src/core/text/tokenize';
import { LIST_BITS, ListTable } from '../src/core/entities/gazetteerMatch';

export { ListTable };

const readText = (file: string): string => {
  const raw = readFileSync(file);
  return (file.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8');
};
export const lines = (file: string): string[] => readText(file).split('\n').map((l) => l.trim()).filter(Boolean);

/** Word (exact spelling hash) → path code (1 << length | bits), words seen at least `minFreq` times. */
export function buildClusters(dataDir: string, minFreq: number): Map<number, number> {
  const out = new Map<number, number>();
  for (const line of lines(join(dataDir, 'brown-clusters/brown-turian-rcv1.txt.gz'))) {
    const [path, word, freq] = line.split('\t');
    if (!path || !word || Number(freq) < minFreq) continue;
    const code = (1 << path.length) | parseInt(path, 2);
    out.set(exactHash(word, 0, word.length), code);
  }
  return out;
}

/** RFC 4180 CSV, enough for the Party Facts files. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n') { row.push(field); rows.push(row); row = []; field = ''; }
    else if (c !== '\r') field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows;
}

/** Corpus frequency of each word as written, from the cluster file's third column. */
export function wordFrequencies(dataDir: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of lines(join(dataDir, 'brown-clusters/brown-turian-rcv1.txt.gz'))) {
    const [, word, freq] = line.split('\t');
    if (word) out.set(word, Number(freq));
  }
  return out;
}

/**
 * A ListTable that leaves out one-word entries news mostly writes in lower case ("Voice", "Ring",
 * "Mobile"): as list features they would mark ordinary capitalised words as names.
 */
class NameListTable extends ListTable {
  constructor(private readonly freq: ReadonlyMap<string, number>) {
    super();
  }
  override add(entry: string, bit: number): void {
    const word = entry.trim();
    if (!/\s/.test(word)) {
      const lower = word.toLowerCase();
      if (lower !== word && (this.freq.get(lower) ?? 0) > (this.freq.get(word) ?? 0)) return;
    }
    super.add(entry, bit);
  }
}

export function buildShippableLists(dataDir: string, freq: ReadonlyMap<string, number>): ListTable {
  const g = join(dataDir, 'gazetteers');
  const t = new NameListTable(freq);
  for (const f of ['grobid/names/names.male', 'grobid/names/names.female', 'wikidata/wikidata-names-male.txt.gz', 'wikidata/wikidata-names-female.txt.gz', 'wikidata/wikidata-names-unisex.txt.gz']) {
    for (const n of lines(join(g, f))) t.add(n, LIST_BITS.given);
  }
  for (const n of lines(join(g, 'wikidata/wikidata-names-family.txt.gz'))) t.add(n, LIST_BITS.family);
  // cities15000 mixes scripts and has very short alternate names: Latin, four characters or more.
  for (const n of lines(join(g, 'grobid/places/cities15000.txt.gz'))) if (n.length >= 4) t.add(n, LIST_BITS.city);
  for (const line of lines(join(g, 'countries/factbook-countries.jsonl'))) {
    const c = JSON.parse(line) as { names: string[]; formerNames: string[]; abbreviations: string[]; demonyms: string[]; capital: string | null };
    for (const n of [...c.names, ...c.formerNames, ...c.abbreviations]) t.add(n, LIST_BITS.country);
    for (const n of c.demonyms) t.add(n, LIST_BITS.demonym);
    if (c.capital) t.add(c.capital, LIST_BITS.city);
  }
  for (const line of lines(join(g, 'wikidata/wikidata-country-aliases-en.tsv.gz'))) t.add(line.split('\t')[0]!, LIST_BITS.country);
  const [header, ...rows] = parseCsv(readText(join(g, 'parties/wikidata.csv')));
  const col = (name: string): number => header!.indexOf(name);
  for (const r of rows) {
    t.add(r[col('name')] ?? '', LIST_BITS.party);
    const short = r[col('name_short')] ?? '';
    // Short names are coding abbreviations ("D", "Con"); keep only acronym-like ones of 3+ letters.
    if (/^[A-Z][A-Z0-9-]{2,}$/.test(short)) t.add(short, LIST_BITS.party);
  }
  return t;
}
