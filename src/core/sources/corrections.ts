// A reviewer's corrections of sources (the `corrections.sources` list of the sidecar): a fixed kind
// or affiliation wins over what the analysis found. Pure; reading and writing the sidecar is the
// caller's.
import type { ArticleSources, Source, SourceKind } from './types';
import { SOURCE_KINDS } from './types';

/** One correction as the sidecar keeps it; `source` is the source's name as written, its key. */
export interface SourceCorrection {
  source: string;
  kind?: SourceKind;
  affiliation?: string;
}

export interface CorrectionResult {
  sources: ArticleSources;
  /** Corrections that named no source of this analysis (the article changed, or a typo): kept, not applied. */
  unmatched: SourceCorrection[];
}

/**
 * Applies the corrections, later ones winning over earlier ones for the same source. A correction
 * matches a source by its name or by any form the article writes it in, ignoring case and runs of
 * white space. Counts and statements stay the analysis's; a source corrected to or from
 * "anonymous" is named or unnamed accordingly.
 */
export function applySourceCorrections(r: ArticleSources, corrections: readonly SourceCorrection[]): CorrectionResult {
  const unmatched: SourceCorrection[] = [];
  const byForm = new Map<string, number>();
  r.sources.forEach((s, i) => {
    for (const f of [s.name, ...s.forms, ...(s.entityName ? [s.entityName] : [])]) if (!byForm.has(norm(f))) byForm.set(norm(f), i);
  });
  const sources = r.sources.slice();
  for (const c of corrections) {
    const i = byForm.get(norm(c.source));
    if (i === undefined || (c.kind !== undefined && !SOURCE_KINDS.includes(c.kind))) {
      unmatched.push(c);
      continue;
    }
    sources[i] = corrected(sources[i]!, c);
  }
  return { sources: { ...r, sources }, unmatched };
}

function corrected(s: Source, c: SourceCorrection): Source {
  const out: Source = { ...s };
  if (c.affiliation !== undefined) out.affiliation = c.affiliation.trim() === '' ? null : c.affiliation;
  if (c.kind !== undefined && c.kind !== s.kind) {
    out.kind = c.kind;
    // Anonymous means unnamed: the description is how the text names it. Any other kind is named.
    out.named = c.kind !== 'anonymous';
    out.description = out.named ? null : s.description ?? s.name;
  }
  return out;
}

function norm(s: string): string {
  return s.replace(/\s+/g, ' ').trim().toLowerCase();
}
