// The seeded randomized anchoring check. By default a quick run; set ANNOTATION_FUZZ_SEQUENCES
// (e.g. 10000) for the full experiment, ANNOTATION_FUZZ_SEED for another draw. Prints the
// counts of each outcome.

import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runAnchoringFuzz } from './fuzz';

// ANNOTATION_FUZZ_DIR points the experiment at other articles (default: the repository's seeds).
const SEEDS_DIR = process.env.ANNOTATION_FUZZ_DIR ?? join(__dirname, '../../../seeds');

describe('anchoring under random edits (seeded)', () => {
  it('puts every claim on its own text or orphans it, never on wrong text', function () {
    const sequences = Number(process.env.ANNOTATION_FUZZ_SEQUENCES ?? 1500);
    const seed = Number(process.env.ANNOTATION_FUZZ_SEED ?? 1);
    this.timeout(Math.max(20000, sequences * 20));
    const seeds = readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(SEEDS_DIR, f), 'utf8'));
    assert.ok(seeds.length > 0);
    const started = Date.now();
    const c = runAnchoringFuzz(seeds, sequences, seed);
    console.log(
      `      ${c.sequences} edit sequences, ${c.claims} claims in ${Date.now() - started} ms: ` +
        `exact ${c.exact}, moved ${c.moved}, fuzzy ${c.fuzzy}, orphan ${c.orphan}, wrong ${c.wrong}; ` +
        `orphans whose exact text survived ${c.orphanWithTextPresent}, whose edited region was within the fuzzy bound ${c.orphanRecoverable}; ` +
        `live shift kept ${c.shiftTrusted} (wrong ${c.shiftWrong}), flagged ${c.shiftFlagged} for re-anchoring`,
    );
    assert.deepEqual(c.failures, []);
    assert.equal(c.wrong, 0);
    assert.equal(c.shiftWrong, 0);
    assert.equal(c.exact + c.moved + c.fuzzy + c.orphan, c.claims, 'no claim dropped');
    // The experiment must exercise every rung of the ladder.
    for (const kind of ['exact', 'moved', 'fuzzy', 'orphan'] as const) assert.ok(c[kind] > 0, `no ${kind} outcome`);
  });
});
