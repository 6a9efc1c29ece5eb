import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../src/core/analyze';
import { entitiesOutside } from '../../src/core/outsideResidue';
import type { Entity } from '../../src/core/types';

describe('entities outside page residue', () => {
  it('drops widget labels and channel names found in residue lines of seed 000', () => {
    const text = readFileSync(join(__dirname, '../../seeds/000_af60520f71ff48c9.txt'), 'utf8');
    const a = analyze(text);
    const names = a.entities.map((e) => e.name);
    assert.ok(!names.includes('Font Size'), 'the font-size widget is not a person');
    assert.ok(!names.includes('Google News'), 'the "follow us" line is residue');
    assert.ok(names.includes('John Kirby'));
    const inResidue = (m: { start: number; end: number }) => a.structure.residue.some((r) => r.start <= m.start && m.end <= r.end);
    for (const e of a.entities) assert.ok(e.mentions.some((m) => !inResidue(m)), `${e.name} is named only in residue`);
  });

  it('keeps an entity the body also names, residue mentions included', () => {
    const mention = (start: number, end: number, text: string) => ({ start, end, text, entityId: 'ORG:Reuters' });
    const entity: Entity = {
      id: 'ORG:Reuters', type: 'ORG', name: 'Reuters', aliases: ['Reuters'], roles: [],
      mentions: [mention(0, 7, 'Reuters'), mention(50, 57, 'Reuters')],
    };
    assert.deepEqual(entitiesOutside([entity], [{ start: 0, end: 20 }]), [entity]);
    assert.deepEqual(entitiesOutside([entity], [{ start: 0, end: 100 }]), []);
    assert.deepEqual(entitiesOutside([entity], []), [entity]);
  });
});
