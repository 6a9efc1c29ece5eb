import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../../src/core/analyze';
import { AnalysisIndex } from '../../../src/core/present/analysisIndex';
import { seededRandom as random } from '../annotations/editModel';

describe('AnalysisIndex.mentionsIn (the mentions a long article decorates around the screen)', () => {
  it('gives the mentions a filter over all of them gives, for windows anywhere', () => {
    const text = readFileSync(join(__dirname, '../../../seeds/000_af60520f71ff48c9.txt'), 'utf8');
    const index = new AnalysisIndex(analyze(text));
    assert.ok(index.mentions.length > 20);
    const rnd = random(0x3e17);
    for (let n = 0; n < 500; n++) {
      const a = Math.floor(rnd() * (text.length + 20)) - 10;
      const b = a + Math.floor(rnd() * (n % 5 === 0 ? text.length : 300));
      const window = { start: a, end: b };
      const expected = index.mentions.filter((m) => m.end >= window.start && m.start <= window.end);
      assert.deepStrictEqual(index.mentionsIn(window), expected, JSON.stringify(window));
    }
    // A window at a mention's very edges still takes it.
    const m = index.mentions[5]!;
    assert.deepStrictEqual(index.mentionsIn({ start: m.end, end: m.end }).includes(m), true);
    assert.deepStrictEqual(index.mentionsIn({ start: m.start, end: m.start }).includes(m), true);
  });
});
