// The V8 flags of a corpus run: only for the V8 they were measured on (Node 20's V8 11), since a
// V8 that does not know a flag prints an error on stderr (Node 22's V8 12 and later tier up
// differently and have other flags).
import { strict as assert } from 'node:assert';
import { shortRunV8Flags } from '../../src/cli/jitTuning';

describe('CLI corpus run: V8 flags', () => {
  it('tunes the tiering of V8 11 (Node 20)', () => {
    const flags = shortRunV8Flags('11.3.244.8-node.38');
    assert.ok(flags.includes('--no-turbo-inlining'));
    assert.ok(flags.some((f) => f.startsWith('--interrupt-budget=')));
  });

  it('sets no flag under a later V8 (Node 22, Node 24), whose flags differ', () => {
    assert.deepEqual(shortRunV8Flags('12.4.254.21-node.33'), []);
    assert.deepEqual(shortRunV8Flags('13.6.233.17-node.53'), []);
  });
});
