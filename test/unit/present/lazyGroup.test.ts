// A News view group whose items are made only when first asked for: the view can show it closed,
// with its count and as openable, without making thousands of items.
import { strict as assert } from 'node:assert';
import { filterNodes, hasChildren, lazyGroup, type ViewNode } from '../../../src/core/present/viewTree';

function leaf(label: string): ViewNode {
  return { id: `leaf/${label}`, label, icon: 'pair', children: [] };
}

describe('present: lazy News view groups', () => {
  it('says it has children without making them, makes them once when asked', () => {
    let made = 0;
    const group = lazyGroup({ id: 'g', label: 'In both (2)', icon: 'compare-group' }, 2, () => {
      made++;
      return [leaf('first'), leaf('second')];
    });
    assert.equal(hasChildren(group), true);
    assert.equal(group.label, 'In both (2)');
    assert.equal(made, 0, 'nothing made for showing the group closed');
    assert.deepEqual(group.children.map((c) => c.label), ['first', 'second']);
    assert.equal(group.children, group.children);
    assert.equal(made, 1);
  });

  it('tells an empty group from a full one, lazy or not', () => {
    assert.equal(hasChildren(lazyGroup({ id: 'e', label: 'In conflict (0)', icon: 'compare-group' }, 0, () => [])), false);
    assert.equal(hasChildren(leaf('x')), false);
    assert.equal(hasChildren({ ...leaf('y'), children: [leaf('z')] }), true);
  });

  it('is filtered like any group: its matching items are made and kept', () => {
    const group = lazyGroup({ id: 'g', label: 'Only here (3)', icon: 'compare-group' }, 3, () => [leaf('Hanoi summit'), leaf('weather'), leaf('Hanoi talks')]);
    const [filtered] = filterNodes([group], 'hanoi');
    assert.deepEqual(filtered!.children.map((c) => c.label), ['Hanoi summit', 'Hanoi talks']);
    assert.equal(hasChildren(filtered!), true);
    assert.equal(filterNodes([group], 'nothing such').length, 0);
  });
});
