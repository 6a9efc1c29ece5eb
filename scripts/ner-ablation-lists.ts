// The research-only and GPL name lists (Illinois Wiki* lists, known_corporations, twitter_nlp's
// government agencies, countries and names; see ../shared/data/gazetteers/grobid/README.md), for the
// ablation row of scripts/train-ner.ts only: built in memory to measure what they would add, never
// written to assets/ and never read by a shipped model.
import { join } from 'node:path';
import type { ListTable } from './ner-resources';
import { lines } from './ner-resources';

/** Bits above the shippable lists, for the research-only ablation (in memory only). */
export const RESEARCH_BITS = { org: 128, loc: 256, per: 512 } as const;

export function addResearchLists(dataDir: string, t: ListTable): void {
  const g = join(dataDir, 'gazetteers/grobid');
  const clean = (n: string): string => n.replace(/^Category:/, '');
  for (const f of ['organisations/WikiOrganizations.lst.gz', 'organisations/WikiOrganizationsRedirects.lst.gz', 'organisations/known_corporations.lst', 'organisations/government.government_agency']) {
    for (const n of lines(join(g, f))) t.add(clean(n), RESEARCH_BITS.org);
  }
  for (const f of ['places/WikiLocations.lst.gz', 'countries/location.country']) for (const n of lines(join(g, f))) t.add(clean(n), RESEARCH_BITS.loc);
  for (const f of ['names/firstname.5k', 'names/lastname.5k', 'names/people.family_name', 'names/names.family']) {
    for (const n of lines(join(g, f))) t.add(n.charAt(0).toUpperCase() + n.slice(1), RESEARCH_BITS.per);
  }
}
