import { strict as assert } from 'node:assert';
import { analyze } from '../../src/core/analyze';
import { workspaceEntities } from '../../src/core/corpus/workspaceEntities';

describe('workspace entities', () => {
  const one = 'Vladimir Putin met Kim Jong Un in Moscow on Monday. Putin said the talks went well.\n';
  const two = 'President Putin left Moscow on Tuesday. Officials in Moscow said Putin would return.\n';

  it('groups one entity across articles by name or alias, with a count and a first mention per article', () => {
    const rows = workspaceEntities([
      { path: 'a.txt', entities: analyze(one).entities },
      { path: 'b.txt', entities: analyze(two).entities },
    ]);
    const putin = rows.find((r) => r.type === 'PERSON' && /Putin/.test(r.name));
    assert.ok(putin, JSON.stringify(rows.map((r) => r.name)));
    assert.equal(putin.name, 'Vladimir Putin');
    assert.deepEqual(putin.articles.map((a) => [a.path, a.count]), [['a.txt', 2], ['b.txt', 2]]);
    assert.equal(putin.total, 4);
    assert.equal(one.slice(putin.articles[0]!.first.start, putin.articles[0]!.first.end), 'Vladimir Putin');
    const moscow = rows.find((r) => r.name === 'Moscow');
    assert.ok(moscow);
    assert.deepEqual(moscow.articles.map((a) => [a.path, a.count]), [['b.txt', 2], ['a.txt', 1]]);
    // Reported in both articles before anything reported in one.
    const lastShared = Math.max(...rows.map((r, i) => (r.articles.length === 2 ? i : -1)));
    const firstSingle = rows.findIndex((r) => r.articles.length === 1);
    assert.ok(firstSingle === -1 || lastShared < firstSingle);
  });

  it('keeps entities of different types apart', () => {
    const rows = workspaceEntities([
      { path: 'a.txt', entities: [{ type: 'PLACE', name: 'Georgia', aliases: ['Georgia'], mentions: [{ start: 0, end: 7, text: 'Georgia', entityId: 'x' }] }] },
      { path: 'b.txt', entities: [{ type: 'PERSON', name: 'Georgia', aliases: ['Georgia'], mentions: [{ start: 3, end: 10, text: 'Georgia', entityId: 'y' }] }] },
    ]);
    assert.equal(rows.length, 2);
  });
});
