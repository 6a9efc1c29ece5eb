// Why the analysis suggests a sentence as a claim worth checking, in plain words: the reason
// names of a claim candidate (`Claim.reasons`) as a reviewer reads them.

const REASON_WORDS: Record<string, string> = {
  statistic: 'a statistic',
  number: 'a number',
  accusation: 'an accusation',
  denial: 'a denial',
  superlative: 'a superlative (most, largest, first…)',
  causal: 'a cause and its effect',
  attributed: 'it is attributed to a source',
};

/** "has a number and an accusation; it is attributed to a source" for `['number', 'accusation', 'attributed']`. */
export function describeReasons(reasons: readonly string[]): string {
  const has = reasons.filter((r) => r !== 'attributed').map((r) => REASON_WORDS[r] ?? r);
  const parts: string[] = [];
  if (has.length > 0) parts.push(`has ${has.length === 1 ? has[0] : `${has.slice(0, -1).join(', ')} and ${has[has.length - 1]}`}`);
  if (reasons.includes('attributed')) parts.push(REASON_WORDS.attributed!);
  return parts.length > 0 ? parts.join('; ') : 'ranked worth checking';
}
