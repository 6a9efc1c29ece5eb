import { strict as assert } from 'node:assert';
import { fromWire, toWire } from '../../../src/core/present/wireFormat';
import { ARTICLE, fixtureAnalysis } from './fixture';

/** The fixture with one claim candidate (it has none of its own). */
function withClaim() {
  const analysis = fixtureAnalysis();
  const start = ARTICLE.indexOf('Doe added');
  const end = ARTICLE.indexOf('\n', start);
  analysis.claims.push({ start, end, text: ARTICLE.slice(start, end), score: 2, reasons: ['attributed'] });
  return analysis;
}

describe('analysis wire format', () => {
  it('packs mentions into offsets and restores an equal analysis', () => {
    const original = fixtureAnalysis();
    const wire = toWire(structuredClone(original), ARTICLE);
    assert.ok(wire.mentionOffsets, 'mentions are packed');
    assert.equal(wire.mentionOffsets.length, 2 * original.entities.reduce((n, e) => n + e.mentions.length, 0));
    assert.ok(wire.analysis.entities.every((e) => e.mentions.length === 0));
    assert.deepEqual(fromWire(structuredClone(wire), ARTICLE), original);
  });

  it('sends mentions unchanged when one carries something the offsets cannot restore', () => {
    const analysis = fixtureAnalysis();
    (analysis.entities[0].mentions[0] as unknown as Record<string, unknown>).confidence = 0.9;
    const wire = toWire(analysis, ARTICLE);
    assert.equal(wire.mentionOffsets, undefined);
    assert.equal(wire.analysis.entities[0].mentions[0], analysis.entities[0].mentions[0]);
    assert.deepEqual(fromWire(wire, ARTICLE), analysis);
  });

  it('sends quote, speaker, cue, claim and structure texts empty and restores them from the source', () => {
    const original = withClaim();
    assert.ok(original.quotes.some((q) => q.speaker && q.cue) && original.claims.length > 0 && original.structure.headline);
    const wire = toWire(structuredClone(original), ARTICLE);
    assert.equal(wire.textsSliced, true);
    assert.ok(wire.analysis.quotes.every((q) => q.text === '' && (q.speaker?.text ?? '') === '' && (q.cue?.text ?? '') === ''));
    assert.ok(wire.analysis.claims.every((c) => c.text === ''));
    assert.equal(wire.analysis.structure.headline?.text, '');
    assert.deepEqual(fromWire(structuredClone(wire), ARTICLE), original);
  });

  it('sends the texts as they are when one is not its slice of the source', () => {
    const analysis = withClaim();
    analysis.claims[0]!.text = 'rewritten';
    const wire = toWire(analysis, ARTICLE);
    assert.equal(wire.textsSliced, undefined);
    assert.equal(wire.analysis.claims[0]!.text, 'rewritten');
    assert.deepEqual(fromWire(wire, ARTICLE), analysis);
  });
});
