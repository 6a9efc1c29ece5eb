// One row of the sources table for the tests of the table and of the page built from it.
import type { SourceRow } from '../../src/core/sources/table';

export const sourceRow = (over: Partial<SourceRow> = {}): SourceRow => ({
  article: 'a.txt',
  source: 'Jane Roe',
  entity: 'Jane Roe',
  named: true,
  kind: 'person',
  affiliation: 'City Hall',
  role: 'mayor',
  quotes: 2,
  quotedWords: 30,
  share: 75,
  paraphrases: 1,
  forms: 'Jane Roe | she',
  ...over,
});
