import { strict as assert } from 'node:assert';
import { fromWire, toWire } from '../../../src/core/present/wireFormat';
import { ARTICLE, fixtureAnalysis } from './fixture';

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
    assert.equal(fromWire(wire, ARTICLE), analysis);
  });
});
