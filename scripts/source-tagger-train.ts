// Training of the source tagger (src/core/sources/tagger.ts) on PolNeAR: every token of a body
// sentence is an example, B or I when it lies in the source of a gold attribution, else O. An
// averaged perceptron over hashed features, the previous tag taken from the gold tags while
// training; shared by scripts/train-source-tagger.ts and scripts/eval-sources.ts (cross-validated).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Analysis, Span } from '../src/core/types';
import type { HashTable } from '../src/core/text/hashTable';
import { eachWindow, findParaphrases } from '../src/core/sources/statements';
import { quoteSpeakers, ruleSpeakersIn } from '../src/core/sources/tagged';
import { T_WORD, type Tok } from '../src/core/attribution/tokens';
import { TAGS, TAG_B, TAG_I, TAG_O, scoreToken, tagFeatures, windowFeatures, type WindowFeatures } from '../src/core/sources/tagger';

export interface TaggedWindow {
  toks: Tok[];
  wf: WindowFeatures;
  gold: Uint8Array;
}

export const TAGGER_BITS = 16;
export const TAGGER_EPOCHS = 10;

export interface PolnearDoc {
  id: string;
  text: string;
  attributions?: { source?: Span & { text: string }; cue?: Span & { text: string } }[];
}

/** The articles of PolNeAR's train split, from the data folder. */
export function readPolnear(dataDir: string): PolnearDoc[] {
  return readFileSync(join(dataDir, 'polnear-train.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as PolnearDoc);
}

/** The source spans of every attribution of an article (with a cue or not: all are sources). */
export function goldSources(d: PolnearDoc): Span[] {
  return (d.attributions ?? []).filter((a) => a.source).map((a) => a.source!);
}

/**
 * The body windows of one article with their gold tags (tokens copied: the tokenizer reuses its
 * buffers), and the cue rules' speakers as features, as the sources list gives them to the tagger.
 */
export function taggedWindows(text: string, analysis: Analysis, sources: readonly Span[], clusters: HashTable | null, bits = TAGGER_BITS): TaggedWindow[] {
  const out: TaggedWindow[] = [];
  const rules = findParaphrases(text, analysis);
  const quoted = quoteSpeakers(analysis);
  const sorted = [...sources].sort((a, b) => a.start - b.start);
  eachWindow(text, analysis, (buf) => {
    const toks = buf.map((t) => ({ ...t }));
    const gold = new Uint8Array(toks.length);
    let inSource: Span | null = null;
    for (let k = 0; k < toks.length; k++) {
      const t = toks[k]!;
      if (t.kind !== T_WORD) {
        inSource = null;
        continue;
      }
      const s = sorted.find((g) => g.start < t.end && t.start < g.end) ?? null;
      gold[k] = s === null ? TAG_O : s === inSource ? TAG_I : TAG_B;
      inSource = s;
    }
    const from = toks[0]?.start ?? 0;
    const to = toks[toks.length - 1]?.end ?? 0;
    out.push({ toks, wf: windowFeatures(text, toks, clusters, bits, ruleSpeakersIn(quoted, rules, from, to)), gold });
  });
  return out;
}

/** Averaged perceptron weights, TAGS per bucket. Windows are visited in a fixed shuffled order each epoch. */
export function trainSourceTagger(windows: readonly TaggedWindow[], bits = TAGGER_BITS, epochs = TAGGER_EPOCHS): Float32Array {
  const size = TAGS << bits;
  const w = new Float64Array(size);
  const u = new Float64Array(size);
  let c = 1;
  const order = windows.map((_, i) => i);
  let seed = 12345;
  const rand = (): number => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const tagIds = new Int32Array(4);
  const scores = new Float64Array(3);
  const wf32 = new Float32Array(size);
  const update = (wf: WindowFeatures, k: number, tag: number, delta: number): void => {
    const base = k * wf.perToken;
    for (let i = 0; i < wf.perToken; i++) {
      const b = wf.ids[base + i]! * TAGS + tag;
      w[b] += delta;
      u[b] += c * delta;
      wf32[b] = w[b]!;
    }
    for (let i = 0; i < tagIds.length; i++) {
      const b = tagIds[i]! * TAGS + tag;
      w[b] += delta;
      u[b] += c * delta;
      wf32[b] = w[b]!;
    }
  };
  for (let e = 0; e < epochs; e++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const wi of order) {
      const win = windows[wi]!;
      for (let k = 0; k < win.toks.length; k++) {
        if (win.toks[k]!.kind !== T_WORD) continue;
        const prev = k > 0 ? win.gold[k - 1]! : TAG_O;
        tagFeatures(win.wf, k, prev, bits, tagIds);
        scoreToken(wf32, win.wf, k, tagIds, scores);
        let best = scores[TAG_O]! >= scores[TAG_B]! ? TAG_O : TAG_B;
        if (prev !== TAG_O && scores[TAG_I]! > scores[best]!) best = TAG_I;
        const gold = win.gold[k]!;
        if (best !== gold) {
          update(win.wf, k, gold, 1);
          update(win.wf, k, best, -1);
        }
        c++;
      }
    }
  }
  const avg = new Float32Array(size);
  for (let i = 0; i < size; i++) avg[i] = w[i]! - u[i]! / c;
  return avg;
}
