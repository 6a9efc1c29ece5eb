// Measures the entity tagger and alias grouping against human-annotated news.
// Usage: npx tsx scripts/eval-entities.ts [dataDir] [--quick] [--assets DIR]   (dataDir defaults to ../shared/data)
//   --quick   our figures only (CoNLL dev and GUM), without compromise and alias groups: a few seconds
//   --assets  read the models from DIR instead of assets/ (a candidate from `npm run train -- --out DIR`)
//  - CoNLL-2003 dev: exact-span typed P/R/F1 per type, micro F1 over PERSON/ORG/PLACE (PLACE = LOC);
//    compromise side by side on a fixed subsample (every 4th document) because it is slow.
//  - GUM news (20 Wikinews articles): PERSON strict (exact span and type); ORG and LOC lenient
//    (exact span, ORG and PLACE interchangeable, since GUM types countries acting politically as ORG).
//  - Alias groups on GUM: gold named coreference mentions (form "name", PERSON/ORG/LOC) that we found
//    (one of our mentions lies inside the gold mention and overlaps its head span); over all pairs of
//    such mentions in a document, precision = pairs we put in one entity that share a gold cluster,
//    recall = pairs sharing a gold cluster that we put in one entity.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import nlp from 'compromise';
import { findEntities } from '../src/core/entities';
import type { EntityType } from '../src/core/types';
import { useModelAssets } from '../src/node/modelAssets';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
if (quick) args.splice(args.indexOf('--quick'), 1);
const assetsAt = args.indexOf('--assets');
const assetsDir = assetsAt >= 0 ? args.splice(assetsAt, 2)[1] : undefined;
useModelAssets(assetsDir);

interface GoldSpan { start: number; end: number; type: string }
interface CorefMention { start: number; end: number; minStart: number; minEnd: number; type: string; form: string; cluster: string }
interface Doc { id: string; text: string; entities: GoldSpan[]; corefMentions?: CorefMention[] }

const dataDir = args[0] ?? join(__dirname, '../../shared/data');
if (!existsSync(dataDir)) {
  console.error(`no data folder at ${dataDir}: pass the folder holding conll2003-dev.jsonl and gum-news-train.jsonl`);
  process.exit(1);
}
const load = (f: string): Doc[] => readFileSync(join(dataDir, f), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Doc);

type Pred = { start: number; end: number; type: string };
const CONLL_TYPE: Record<EntityType, string> = { PERSON: 'PERSON', ORG: 'ORG', PLACE: 'LOC', NORP: 'MISC' };

function ours(text: string): Pred[] {
  const out: Pred[] = [];
  for (const e of findEntities(text)) for (const m of e.mentions) out.push({ start: m.start, end: m.end, type: CONLL_TYPE[e.type] });
  return out;
}

const TRAILING = /[\s.,;:!?"'“”‘’)]+$|['’]s$/;
function theirs(text: string): Pred[] {
  const doc = nlp(text);
  const out: Pred[] = [];
  // Any compromise view: people(), organizations() and places() share json() but not their types.
  const take = (view: { json(opts: object): unknown }, type: string): void => {
    for (const j of view.json({ offset: true }) as { text: string; offset: { start: number; length: number } }[]) {
      let s = text.slice(j.offset.start, j.offset.start + j.offset.length);
      let prev = '';
      while (prev !== s) {
        prev = s;
        s = s.replace(TRAILING, '');
      }
      const lead = s.length - s.trimStart().length;
      out.push({ start: j.offset.start + lead, end: j.offset.start + s.length, type });
    }
  };
  take(doc.people(), 'PERSON');
  take(doc.organizations(), 'ORG');
  take(doc.places(), 'LOC');
  return out;
}

interface Counts { tp: number; fp: number; fn: number }
const zero = (): Counts => ({ tp: 0, fp: 0, fn: 0 });
const f1 = (c: Counts): string => {
  const p = c.tp / (c.tp + c.fp || 1), r = c.tp / (c.tp + c.fn || 1);
  return `P ${p.toFixed(3)}  R ${r.toFixed(3)}  F1 ${(p + r ? (2 * p * r) / (p + r) : 0).toFixed(3)}`;
};

/** Exact-span scoring per type; `same` decides which gold types a predicted type may match. */
function score(docs: Doc[], predict: (t: string) => Pred[], types: string[], same: (a: string, b: string) => boolean, endAligned = false): Map<string, Counts> {
  const byType = new Map<string, Counts>(types.map((t) => [t, zero()]));
  const all = zero();
  for (const d of docs) {
    const gold = d.entities.filter((g) => types.includes(g.type));
    const pred = predict(d.text).filter((p) => types.includes(p.type));
    const used = new Set<number>();
    for (const p of pred) {
      const spanOk = (g: GoldSpan): boolean => (endAligned ? g.end === p.end && g.start <= p.start : g.start === p.start && g.end === p.end);
      const gi = gold.findIndex((g, i) => !used.has(i) && spanOk(g) && same(p.type, g.type));
      if (gi >= 0) {
        used.add(gi);
        byType.get(gold[gi].type)!.tp++;
        all.tp++;
      } else {
        byType.get(p.type)!.fp++;
        all.fp++;
      }
    }
    gold.forEach((g, i) => {
      if (!used.has(i)) {
        byType.get(g.type)!.fn++;
        all.fn++;
      }
    });
  }
  byType.set('micro', all);
  return byType;
}

function table(title: string, rows: [string, Map<string, Counts>][], types: string[]): void {
  console.log(`\n${title}`);
  for (const t of [...types, 'micro']) for (const [who, m] of rows) console.log(`  ${t.padEnd(7)} ${who.padEnd(11)} ${f1(m.get(t)!)}`);
}

const strict = (a: string, b: string): boolean => a === b;
const t0 = Date.now();
const dev = load('conll2003-dev.jsonl');
const three = ['PERSON', 'ORG', 'LOC'];
const oursDev = score(dev, ours, three, strict);
const tOurs = Date.now() - t0;
table(`CoNLL-2003 dev, ${dev.length} documents, exact span and type (PLACE = LOC) [ours ${tOurs} ms]`, [['ours', oursDev]], three);
const gum = load('gum-news-train.jsonl');
const orgLoc = (a: string, b: string): boolean => a === b || ((a === 'ORG' || a === 'LOC') && (b === 'ORG' || b === 'LOC'));
if (quick) {
  table(`GUM news, ${gum.length} documents: PERSON strict, ORG/LOC lenient, exact span`, [['ours', score(gum, ours, three, orgLoc)]], three);
  table('GUM news, same types, end-aligned span', [['ours', score(gum, ours, three, orgLoc, true)]], three);
  process.exit(0);
}
const sub = dev.filter((_, i) => i % 4 === 0);
const t1 = Date.now();
const oursSub = score(sub, ours, three, strict);
const t2 = Date.now();
const theirsSub = score(sub, theirs, three, strict);
const t3 = Date.now();
table(`CoNLL-2003 dev subsample (every 4th document: ${sub.length} docs) [ours ${t2 - t1} ms, compromise ${t3 - t2} ms]`, [['ours', oursSub], ['compromise', theirsSub]], three);
const misc = score(dev, (t) => ours(t).filter((p) => p.type === 'MISC'), ['MISC'], strict);
console.log(`  (NORP vs CoNLL MISC, which also holds events and works: ${f1(misc.get('MISC')!)})`);

const gumOurs = score(gum, ours, three, orgLoc);
const gumTheirs = score(gum, theirs, three, orgLoc);
table(`GUM news, ${gum.length} documents: PERSON strict, ORG/LOC lenient (ORG and PLACE interchangeable), exact span`, [['ours', gumOurs], ['compromise', gumTheirs]], three);
// GUM spans keep titles and determiners ("U.S. President Donald Trump"): also score a mention as
// found when it ends where the gold span ends and lies inside it.
const gumOursEnd = score(gum, ours, three, orgLoc, true);
const gumTheirsEnd = score(gum, theirs, three, orgLoc, true);
table(`GUM news, same types, end-aligned span (prediction inside the gold span, same end)`, [['ours', gumOursEnd], ['compromise', gumTheirsEnd]], three);

// Alias groups.
let pp = 0, gp = 0, both = 0, goldNamed = 0, found = 0;
for (const d of gum) {
  const gold = (d.corefMentions ?? []).filter((m) => m.form === 'name' && three.includes(m.type));
  goldNamed += gold.length;
  const mentions = findEntities(d.text).flatMap((e) => e.mentions);
  const matched: { cluster: string; entity: string }[] = [];
  for (const g of gold) {
    const m = mentions.find((x) => x.start >= g.start && x.end <= g.end && x.start < g.minEnd && x.end > g.minStart);
    if (m) matched.push({ cluster: g.cluster, entity: m.entityId });
  }
  found += matched.length;
  for (let i = 0; i < matched.length; i++) {
    for (let j = i + 1; j < matched.length; j++) {
      const g = matched[i].cluster === matched[j].cluster;
      const p = matched[i].entity === matched[j].entity;
      if (g) gp++;
      if (p) pp++;
      if (g && p) both++;
    }
  }
}
const ap = both / (pp || 1), ar = both / (gp || 1);
console.log(`\nAlias groups on GUM coreference (named mentions, ${found}/${goldNamed} found): pairs gold-same ${gp}, ours-same ${pp}, both ${both}`);
console.log(`  pairwise P ${ap.toFixed(3)}  R ${ar.toFixed(3)}  F1 ${((2 * ap * ar) / (ap + ar || 1)).toFixed(3)}`);
