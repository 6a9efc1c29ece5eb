import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../src/core/analyze';
import { applySourceCorrections, collectSources } from '../../src/core/sources';

const text = readFileSync(join(__dirname, '../../seeds/001_21569e4679d671fa.txt'), 'utf8');
const base = collectSources(text, analyze(text));
const byName = (r: typeof base, name: string) => r.sources.find((s) => s.name === name)!;

describe('reviewer corrections of sources', () => {
  it('a corrected kind and affiliation win over the analysis; counts stay', () => {
    const { sources, unmatched } = applySourceCorrections(base, [{ source: 'Leif-Eric Easley', affiliation: 'Ewha Womans University' }, { source: 'Kremlin officials', kind: 'organisation' }]);
    assert.deepEqual(unmatched, []);
    const easley = byName(sources, 'Leif-Eric Easley');
    assert.equal(easley.affiliation, 'Ewha Womans University');
    assert.equal(easley.kind, 'person');
    assert.equal(easley.quotes, byName(base, 'Leif-Eric Easley').quotes);
    const officials = byName(sources, 'Kremlin officials');
    assert.equal(officials.kind, 'organisation');
    assert.equal(officials.named, true);
    assert.equal(officials.description, null);
    // The input is left as it was.
    assert.equal(byName(base, 'Kremlin officials').kind, 'anonymous');
  });

  it('matches a source by any form it is written in, ignoring case and spaces', () => {
    const { sources } = applySourceCorrections(base, [{ source: '  russian foreign policy adviser   yuri ushakov', kind: 'anonymous' }]);
    const u = byName(sources, 'Yuri Ushakov');
    assert.equal(u.kind, 'anonymous');
    assert.equal(u.named, false);
    assert.equal(u.description, 'Yuri Ushakov');
  });

  it('the later correction of one source wins; an empty affiliation clears it', () => {
    const { sources } = applySourceCorrections(base, [{ source: 'a U.S. Embassy spokesperson', affiliation: 'State Department' }, { source: 'a U.S. Embassy spokesperson', affiliation: '' }]);
    assert.equal(byName(sources, 'a U.S. Embassy spokesperson').affiliation, null);
  });

  it('keeps corrections that name no source, and ones with an unknown kind, unapplied', () => {
    const bad = { source: 'Leif-Eric Easley', kind: 'alien' } as unknown as { source: string };
    const { sources, unmatched } = applySourceCorrections(base, [{ source: 'Nobody Here', kind: 'person' }, bad]);
    assert.equal(unmatched.length, 2);
    assert.deepEqual(sources.sources, base.sources);
  });
});
