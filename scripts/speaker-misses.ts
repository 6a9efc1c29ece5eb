// Error analysis of speaker attribution under the same 5-fold cross-validation as
// scripts/eval-quotes.ts (articles held out whole; each fold's ranker trained on the other four):
// every gold quote with a source whose held-out speaker is wrong, counted by kind (quote not found,
// no speaker, wrong candidate; whether the gold source was among the candidates; whether the rules
// had a pick in the quote's own sentence), by the gold source's kind and position, and by pattern
// (continuation paragraph, "according to", colon introduction, quote chain).
// Usage: nice -n 10 npx tsx scripts/speaker-misses.ts [dataDir] [--list N] [--kind K]
//   --list N   print N sampled misses with their context (default 0)
//   --kind K   only misses of that class (e.g. "wrong/ruleSentence/goldIn") or gold kind (e.g. "pronoun") in the list
import { join, resolve } from 'node:path';
import { compileWeights } from '../src/core/speakers/ranker';
import { pickSpeakers } from '../src/core/speakers/index';
import { linkSpeakers } from '../src/core/pronouns';
import type { Span } from '../src/core/types';
import { EPOCHS, FOLDS, MIN_COUNT, foldOf } from './train-speakers-config';
import { fitRanker, judge, prepare, readDocs, type Judged, type Prepared } from './speaker-data';
import { QuoteTargets, SpeakerAccuracy, goldSpeakerKind, speakerRight } from './quote-targets';

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const positional = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
const dataDir = resolve(positional[0] ?? join(__dirname, '..', '..', 'shared', 'data'));
const listN = Number(flag('--list') ?? 0);
const onlyKind = flag('--kind');

const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;

const counts = new Map<string, number>();
const bump = (k: string): void => {
  counts.set(k, (counts.get(k) ?? 0) + 1);
};
const listed: string[] = [];
let total = 0;
const judged: Judged = { speakers: new SpeakerAccuracy(), targets: new QuoteTargets() };
let wrong = 0;

const docs = readDocs(join(dataDir, 'polnear-train.jsonl'));
const prepared: Prepared[] = docs.map((d) => prepare(d));
for (let fold = 0; fold < FOLDS; fold++) {
  const cw = compileWeights(fitRanker(prepared.filter((_, i) => foldOf(i) !== fold), EPOCHS, MIN_COUNT));
  prepared.forEach((p, di) => {
    if (foldOf(di) !== fold) return;
    const text = p.doc.text;
    const picks = pickSpeakers(p.inputs, p.candidates, cw, true);
    judge(p, picks, judged);
    const linked = linkSpeakers(text, picks.map((r) => r.speaker), p.quotes, p.entities, p.inputs.mentions);
    const byId = new Map(p.entities.map((e) => [e.id, e]));
    const predOf = new Map<number, number>();
    p.goldOf.forEach((gi, qi) => {
      if (gi >= 0 && !predOf.has(gi)) predOf.set(gi, qi);
    });
    (p.doc.quotes ?? []).forEach((g, gi) => {
      if (g.speakerStart === undefined || g.speakerEnd === undefined || g.speakerEnd <= g.speakerStart) return;
      total++;
      const gs = { start: g.speakerStart, end: g.speakerEnd };
      const qi = predOf.get(gi);
      const sp = qi === undefined ? null : linked[qi]!;
      if (speakerRight(sp, gs, byId)) return;
      wrong++;
      const gk = goldSpeakerKind(text.slice(gs.start, gs.end));
      if (qi === undefined) {
        bump('notFound');
        bump('notFound/' + gk);
        return;
      }
      const q = p.quotes[qi]!;
      // Whether the rules had found a speaker in the quote's own sentence (the ranker decides either way).
      const who = p.inputs.raw[qi]!.via === 'sentence' ? 'ruleSentence' : 'ruleOther';
      const cands = p.candidates[qi]!.cands;
      const goldIn = cands.some((c) => c.kind !== 'none' && overlaps(c, gs)) ? 'goldIn' : 'goldOut';
      if (goldIn === 'goldOut') {
        const block = p.inputs.blocks[q.block]!;
        const prevBlock = p.inputs.blocks[q.block - 1];
        const where = gs.start < (prevBlock?.start ?? block.start) ? 'beyondPrevPara' : gs.end <= q.start && q.start - gs.end > 600 ? 'tooFarBefore' : gs.start >= q.end && gs.start - q.end > 300 ? 'tooFarAfter' : 'inWindow';
        bump('goldOut:' + where);
        if (where === 'inWindow') {
          const gt = text.slice(gs.start, gs.end).trim();
          const mi = p.inputs.mentions.firstEndingAfter(gs.start);
          const isMention = mi < p.inputs.mentions.length && p.inputs.mentions.starts[mi]! < gs.end;
          const inQuote = p.quotes.some((o) => o.start < gs.end && gs.start < o.end);
          const why = inQuote ? 'insideAQuote' : /^(his|her|their|its|our|my)$/i.test(gt) ? 'possessive' : isMention ? 'entityMention(cut?)' : /^(he|she|they|it|we|i|who|which|that)$/i.test(gt) ? 'pronounNotCand' : /^[A-Z]/.test(gt.split(/\s+/).pop() ?? '') ? 'nameNotEntity' : 'descriptionNoHead';
          bump('goldOut:inWindow:' + why);
        }
      }
      const outcome = sp ? 'wrong' : 'none';
      const cls = `${outcome}/${who}/${goldIn}`;
      bump(cls);
      bump(`gold:${gk}`);
      if (sp) bump(`pred:${sp.kind}->gold:${gk}`);
      // The prediction names the same entity as gold, but the metric does not see it (a name
      // predicted where gold has a pronoun, or an unresolved description).
      const goldEntity = p.inputs.mentions.firstEndingAfter(gs.start);
      const ge = goldEntity < p.inputs.mentions.length && p.inputs.mentions.starts[goldEntity]! < gs.end ? p.inputs.mentions.owners[goldEntity]!.id : null;
      if (sp && sp.entityId && ge && sp.entityId === ge) bump('sameEntityAsGold');
      const side = gs.end <= q.start ? 'before' : gs.start >= q.end ? 'after' : 'inside';
      bump('goldSide:' + side);
      const block = p.inputs.blocks[q.block]!;
      if (gs.start < block.start) bump('goldInPrevPara');
      if (q.start - block.start < 3) bump('quoteOpensPara');
      const lead = text.slice(Math.max(0, gs.start - 20), gs.start);
      if (/according to\s*$/i.test(lead)) bump('pattern:accordingTo');
      if (side === 'before' && /:\s*$/.test(text.slice(gs.end, q.start)) && q.start - gs.end < 200) bump('pattern:colonIntro');
      const prevQ = p.quotes[qi - 1];
      if (prevQ && q.start - prevQ.end < 40) bump('pattern:chainedQuote');
      if (listed.length < listN && (!onlyKind || cls === onlyKind || gk === onlyKind)) {
        const from = Math.max(block.start - 200, q.start - 400);
        const ctx = text.slice(Math.max(0, from), Math.min(text.length, q.end + 200));
        const mark = (s: string): string => s.replace(/\n/g, ' ⏎ ');
        listed.push(
          `${p.doc.id} [${cls}] gold ${gk} ${JSON.stringify(text.slice(gs.start, gs.end))} pred ${sp ? `${sp.kind} ${JSON.stringify(sp.text)}` : 'none'} via ${p.inputs.raw[qi]!.via ?? '-'}\n` +
            `  quote ${JSON.stringify(text.slice(q.start, Math.min(q.end, q.start + 80)))}\n  ${mark(ctx)}`,
        );
      }
    });
  });
}
console.log(`${wrong} of ${total} gold quotes with a source wrong (accuracy ${(1 - wrong / total).toFixed(3)}); ${judged.speakers.line()}; credited-quote precision ${judged.targets.creditedPrecision.toFixed(3)} (${judged.targets.creditedRight} of ${judged.targets.credited})`);
for (const [k, v] of [...counts].sort((a, b) => (a[0] < b[0] ? -1 : 1))) console.log(`  ${k.padEnd(40)} ${v}`);
if (listed.length) console.log('\n' + listed.join('\n\n'));
