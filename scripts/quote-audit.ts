// An audited estimate of quote span accuracy on PolNeAR.
//
// PolNeAR's quote spans leave out some quotes that are plainly attributed (a speaker's second
// paragraph, a statement's next sentence) and are cut wrongly where an article mixes straight and
// curly marks. Exact-span F1 against it therefore counts some right answers as wrong. This module
// takes a fixed-rule sample of the disagreements (false positives and misses in body text), looks up
// a hand judgement of each in scripts/audit/polnear-quotes.tsv, and estimates what the figure would
// be if every disagreement were judged the same way. The raw figure is always printed beside it.
//
// The sample is not chosen by hand: it is the disagreements whose FNV-1a hash of
// "id:start:end:side" is lowest, so it is reproducible, and a code change that turns a sampled
// disagreement into an agreement brings the next one by hash into the sample. A sampled item with
// no judgement yet counts against the product (a false positive stays wrong, a miss stays a miss),
// and the eval says how many there were.
import { existsSync, readFileSync } from 'node:fs';
import type { Span } from '../src/core/types';

export interface Disagreement extends Span {
  doc: string;
  side: 'fp' | 'fn';
}

/** What a judge decided about one disagreement. */
export type Verdict =
  // false positives
  | 'quote' // reported words with a source in the text, bounded at their marks: PolNeAR leaves it out
  | 'gold-bounds' // PolNeAR's span for these words is cut wrongly; the product's span is the right one
  | 'not-quote' // a title, a label, a scare quote, a heading: not a quote
  | 'bounds' // the product's span is cut wrongly
  // misses
  | 'missed'; // a quote the product should have found with these bounds

/** Verdicts that make a false positive right, and a miss real. */
const FP_RIGHT: ReadonlySet<Verdict> = new Set(['quote', 'gold-bounds']);
const FN_REAL: ReadonlySet<Verdict> = new Set(['missed']);

export const FP_SAMPLE = 100;
export const FN_SAMPLE = 60;

export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

const keyOf = (d: Disagreement): string => `${d.doc}:${d.start}:${d.end}:${d.side}`;

/** The `n` disagreements with the lowest hash: the audit's sample. */
export function sample(items: readonly Disagreement[], n: number): Disagreement[] {
  return items
    .map((d) => ({ d, h: fnv1a(keyOf(d)) }))
    .sort((a, b) => a.h - b.h || (keyOf(a.d) < keyOf(b.d) ? -1 : 1))
    .slice(0, n)
    .map((x) => x.d);
}

/** Reads the judgements: tab-separated doc id, start, end, side, verdict; `#` starts a comment. */
export function readVerdicts(file: string): Map<string, Verdict> {
  const verdicts = new Map<string, Verdict>();
  if (!existsSync(file)) return verdicts;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [doc, start, end, side, verdict] = line.split('\t');
    verdicts.set(`${doc}:${start}:${end}:${side}`, verdict as Verdict);
  }
  return verdicts;
}

/** A 95% Wilson interval for k successes in n trials. */
export function wilson(k: number, n: number): [number, number] {
  if (n === 0) return [0, 1];
  const z = 1.96;
  const p = k / n;
  const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / (1 + (z * z) / n);
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

export interface AuditEstimate {
  fpJudged: number;
  fpRight: number;
  fnJudged: number;
  fnReal: number;
  unjudged: number;
  p: number;
  r: number;
  f1: number;
  /** F1 with both shares at the pessimistic and at the optimistic end of their 95% intervals. */
  f1Low: number;
  f1High: number;
}

function f1Of(tp: number, fp: number, fn: number, fpRightShare: number, fnRealShare: number): { p: number; r: number; f: number } {
  const tpAdj = tp + fp * fpRightShare;
  const fpAdj = fp * (1 - fpRightShare);
  const fnAdj = fn * fnRealShare;
  const p = tpAdj / Math.max(1, tpAdj + fpAdj);
  const r = tpAdj / Math.max(1, tpAdj + fnAdj);
  return { p, r, f: (2 * p * r) / Math.max(1e-9, p + r) };
}

/** The sampled disagreements with no judgement yet, for a judge to read (`eval-quotes --audit`). */
export function unjudged(fps: readonly Disagreement[], fns: readonly Disagreement[], verdicts: ReadonlyMap<string, Verdict>): Disagreement[] {
  return [...sample(fps, FP_SAMPLE), ...sample(fns, FN_SAMPLE)].filter((d) => !verdicts.has(keyOf(d)));
}

/** Estimates body span P/R/F1 from the raw counts and the judged sample of disagreements. */
export function estimate(tp: number, fps: readonly Disagreement[], fns: readonly Disagreement[], verdicts: ReadonlyMap<string, Verdict>): AuditEstimate {
  let unjudged = 0;
  const judge = (d: Disagreement): Verdict | undefined => {
    const v = verdicts.get(keyOf(d));
    if (!v) unjudged++;
    return v;
  };
  const fpSample = sample(fps, FP_SAMPLE);
  const fnSample = sample(fns, FN_SAMPLE);
  const fpRight = fpSample.filter((d) => FP_RIGHT.has(judge(d) ?? 'not-quote')).length;
  const fnReal = fnSample.filter((d) => FN_REAL.has(judge(d) ?? 'missed')).length;
  const rightShare = fpRight / Math.max(1, fpSample.length);
  const realShare = fnReal / Math.max(1, fnSample.length);
  const [rightLo, rightHi] = wilson(fpRight, fpSample.length);
  const [realLo, realHi] = wilson(fnReal, fnSample.length);
  const point = f1Of(tp, fps.length, fns.length, rightShare, realShare);
  return {
    fpJudged: fpSample.length,
    fpRight,
    fnJudged: fnSample.length,
    fnReal,
    unjudged,
    p: point.p,
    r: point.r,
    f1: point.f,
    f1Low: f1Of(tp, fps.length, fns.length, rightLo, realHi).f,
    f1High: f1Of(tp, fps.length, fns.length, rightHi, realLo).f,
  };
}
