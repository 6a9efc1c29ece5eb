// What the ranker would do to the quotes analyze() leaves to the rules (a speaker found in the
// quote's own sentence, speakers/index.ts ruleIsSure) if it ranked them too, under the same 5-fold
// cross-validation as scripts/eval-quotes.ts: of the picks it would change, how many it would set
// right, how many it would set wrong, and how many would change on quotes PolNeAR gives no source.
// Usage: nice -n 10 npx tsx scripts/speaker-overturns.ts [dataDir]
import { join, resolve } from 'node:path';
import { compileWeights } from '../src/core/speakers/ranker';
import { pickSpeakers, ruleIsSure } from '../src/core/speakers/index';
import { linkSpeakers } from '../src/core/pronouns';
import { EPOCHS, FOLDS, MIN_COUNT, foldOf } from './train-speakers-config';
import { fitRanker, prepare, readDocs, type Prepared } from './speaker-data';
import { speakerRight } from './quote-targets';

const dataDir = resolve(process.argv[2] ?? join(__dirname, '..', '..', 'shared', 'data'));
const prepared: Prepared[] = readDocs(join(dataDir, 'polnear-train.jsonl')).map((d) => prepare(d));
let sure = 0;
let kept = 0;
let fixed = 0;
let broken = 0;
let neutral = 0;
let noSource = 0;
for (let fold = 0; fold < FOLDS; fold++) {
  const cw = compileWeights(fitRanker(prepared.filter((_, i) => foldOf(i) !== fold), EPOCHS, MIN_COUNT));
  prepared.forEach((p, di) => {
    if (foldOf(di) !== fold) return;
    const text = p.doc.text;
    const every = pickSpeakers(p.inputs, p.candidates, cw, false);
    const rules = linkSpeakers(text, p.inputs.raw.map((r) => r.speaker), p.quotes, p.entities, p.inputs.mentions);
    const ranked = linkSpeakers(text, every.map((r) => r.speaker), p.quotes, p.entities, p.inputs.mentions);
    const byId = new Map(p.entities.map((e) => [e.id, e]));
    p.quotes.forEach((_, qi) => {
      const r = p.inputs.raw[qi]!;
      if (!ruleIsSure(r)) return;
      sure++;
      const s = every[qi]!.speaker;
      if (s && r.speaker && s.start === r.speaker.start && s.end === r.speaker.end) {
        kept++;
        return;
      }
      const gi = p.goldOf[qi]!;
      const g = gi >= 0 ? p.doc.quotes![gi]! : null;
      if (!g || g.speakerStart === undefined || g.speakerEnd === undefined || g.speakerEnd <= g.speakerStart) {
        noSource++;
        return;
      }
      const gs = { start: g.speakerStart, end: g.speakerEnd };
      const before = speakerRight(rules[qi], gs, byId);
      const after = speakerRight(ranked[qi], gs, byId);
      if (before === after) neutral++;
      else if (after) fixed++;
      else broken++;
    });
  });
}
console.log(`${sure} quotes the rules credit in their own sentence; ranked too, the ranker keeps ${kept} picks and changes ${sure - kept}:`);
console.log(`  ${fixed} set right, ${broken} set wrong, ${neutral} changed without changing right or wrong, ${noSource} on quotes PolNeAR gives no source`);
