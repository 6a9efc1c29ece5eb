import { strict as assert } from 'node:assert';
import { analyze } from '../../src/core/analyze';
import { collectSources } from '../../src/core/sources';
import { verbCandidatesOf } from '../../src/core/sources/statements';
import { scoreVerb } from '../../src/core/sources/verbs';

const text = 'Inquiry\n\nSeveral senators want a new inquiry into the contract.\n';

describe('sources: verb model option', () => {
  it('offers each verb with a subject as a candidate, with its features', () => {
    const cands = verbCandidatesOf(text, analyze(text));
    const want = cands.find((c) => text.slice(c.verb.start, c.verb.end) === 'want');
    assert.ok(want, JSON.stringify(cands.map((c) => text.slice(c.verb.start, c.verb.end))));
    assert.equal(text.slice(want.subject.start, want.subject.end), 'Several senators');
    assert.ok(want.feats.includes('w:want') && want.feats.includes('nx:det') && want.feats.includes('sj:cap'), want.feats.join(' '));
  });

  it('lists the subject of a verb the model scores high enough, and only then', () => {
    const a = analyze(text);
    // The cue rules alone (the verb model extends them; the source tagger is measured on its own).
    assert.deepEqual(collectSources(text, a, { tagger: null }).sources.map((s) => s.name), []);
    const weights = new Map([['w:want', 3]]);
    assert.ok(scoreVerb(weights, ['w:want']) > 0.9);
    const r = collectSources(text, a, { verbModel: { weights, threshold: 0.5 }, tagger: null });
    assert.deepEqual(r.sources.map((s) => [s.name, s.kind, s.paraphrases]), [['Several senators', 'anonymous', 1]]);
    assert.deepEqual(collectSources(text, a, { verbModel: { weights, threshold: 0.99 }, tagger: null }).sources, []);
  });
});
