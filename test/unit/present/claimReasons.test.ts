import { strict as assert } from 'node:assert';
import { describeReasons } from '../../../src/core/present/claimReasons';
import { analyze } from '../../../src/core/analyze';

describe('claim candidate reasons in plain words', () => {
  it('lists what the sentence has, then whether it is attributed', () => {
    assert.equal(describeReasons(['number']), 'has a number');
    assert.equal(describeReasons(['statistic', 'number', 'accusation', 'attributed']), 'has a statistic, a number and an accusation; it is attributed to a source');
    assert.equal(describeReasons(['attributed']), 'it is attributed to a source');
    assert.equal(describeReasons(['newkind']), 'has newkind');
    assert.equal(describeReasons([]), 'ranked worth checking');
  });

  it('describes every reason the analysis gives', () => {
    const text = 'Budget plans\n\nThe council said on Monday that costs rose 40 percent, the largest rise since 1990, because of inflation. The mayor denied the accusation that he lied about the 3 million euros.\n';
    const reasons = new Set(analyze(text).claims.flatMap((c) => c.reasons));
    assert.ok(reasons.size >= 3, [...reasons].join());
    for (const r of reasons) assert.doesNotMatch(describeReasons([r]), new RegExp(`has ${r}$`), `${r} has words`);
  });
});
