// The sources measure of scripts/eval-sources.ts, shared with the choice of the tagger's margin
// (scripts/source-tagger-margin.ts): over every attribution that has a cue and a source, a gold source
// counts as found when a listed source mention overlaps it; a listed mention counts as right when it
// overlaps the source of any gold attribution.
import type { Span } from '../src/core/types';

const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;
const pct = (x: number): string => (100 * x).toFixed(1).padStart(5) + '%';

export class Score {
  found = 0;
  gold = 0;
  right = 0;
  listed = 0;
  add(listed: readonly Span[], goldCued: readonly Span[], goldAll: readonly Span[]): void {
    this.gold += goldCued.length;
    for (const g of goldCued) if (listed.some((l) => overlaps(l, g))) this.found++;
    this.listed += listed.length;
    for (const l of listed) if (goldAll.some((g) => overlaps(l, g))) this.right++;
  }
  get recall(): number {
    return this.found / Math.max(1, this.gold);
  }
  get precision(): number {
    return this.right / Math.max(1, this.listed);
  }
  line(name: string): string {
    return `${name.padEnd(44)} recall ${pct(this.recall)} (${this.found}/${this.gold})  precision ${pct(this.precision)} (${this.right}/${this.listed})`;
  }
}

/** Spans with duplicates (same start and end) left out, first kept. */
export function unique(spans: readonly Span[]): Span[] {
  const seen = new Set<string>();
  return spans.filter((s) => (seen.has(`${s.start}:${s.end}`) ? false : (seen.add(`${s.start}:${s.end}`), true)));
}

/** The gold source spans of an article: of the attributions with a cue (for recall) and of all (for precision). */
export function goldSpans(d: { attributions?: { source?: Span; cue?: Span }[] }): { cued: Span[]; all: Span[] } {
  const withSource = (d.attributions ?? []).filter((a) => a.source);
  return { cued: withSource.filter((a) => a.cue).map((a) => a.source!), all: withSource.map((a) => a.source!) };
}
