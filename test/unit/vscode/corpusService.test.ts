// The workspace index as the service worker holds it: articles put in, questions answered with
// plain data (line and character ranges for mentions, so the host needs no article text).
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CorpusMatch } from '../../../src/core/corpus/corpusIndex';
import type { WorkspaceEntity } from '../../../src/core/corpus/workspaceEntities';
import { CorpusService, type PlacedMention } from '../../../src/vscode/worker/corpusService';

const root = join(__dirname, '../../..');
const A = 'file:///w/seeds/000.txt';
const B = 'file:///w/seeds/001.txt';
const textA = readFileSync(join(root, 'seeds/000_af60520f71ff48c9.txt'), 'utf8');
const textB = readFileSync(join(root, 'seeds/001_21569e4679d671fa.txt'), 'utf8');

describe('CorpusService (the workspace index on the worker)', () => {
  it('answers who else names an entity, which other article reports a sentence, and where each mention is', () => {
    const corpus = new CorpusService();
    corpus.handle('corpus.put', { path: A, text: textA });
    corpus.handle('corpus.put', { path: B, text: textB });
    assert.deepEqual((corpus.handle('corpus.articlesMentioning', { names: ['Yuri Ushakov'] }) as string[]).sort(), [A, B]);

    const at = textA.indexOf('Russia is now, along with');
    const matches = corpus.handle('corpus.matchesFor', { path: A, span: { start: at, end: at + 1 }, options: { limit: 3 } }) as CorpusMatch[];
    assert.ok(matches.length >= 1 && matches.every((m) => m.path === B));
    assert.match(matches[0]!.other.text, /most-sanctioned/);

    const mentions = corpus.handle('corpus.mentionsOf', { names: ['Vladimir Putin', 'Putin'] }) as PlacedMention[];
    assert.ok(mentions.some((m) => m.path === A) && mentions.some((m) => m.path === B));
    assert.equal(new Set(mentions.map((m) => `${m.path}#${m.start}`)).size, mentions.length, 'each mention once');
    // Line and character turned back into offsets land on the mention's own ends.
    const offsetOf = (text: string, line: number, character: number) =>
      text.split('\n').slice(0, line).reduce((n, l) => n + l.length + 1, 0) + character;
    for (const m of mentions) {
      const text = m.path === A ? textA : textB;
      const [line, character, endLine, endCharacter] = m.range;
      assert.deepEqual([offsetOf(text, line, character), offsetOf(text, endLine, endCharacter)], [m.start, m.end]);
      assert.match(text.slice(m.start, m.end), /Putin/);
    }
    assert.ok(mentions.some((m) => m.range[0] > 0), 'mentions past the first line');

    const putin = (corpus.handle('corpus.entities', {}) as WorkspaceEntity[]).find((e) => e.name === 'Vladimir Putin');
    assert.deepEqual(putin?.articles.map((a) => a.path).sort(), [A, B]);
  });

  it('follows renames and removals, and clears', () => {
    const corpus = new CorpusService();
    corpus.handle('corpus.put', { path: A, text: textA });
    corpus.handle('corpus.put', { path: B, text: textB });
    const moved = 'file:///w/seeds/renamed.txt';
    assert.equal(corpus.handle('corpus.rename', { from: B, to: moved }), true);
    assert.deepEqual((corpus.handle('corpus.articlesMentioning', { names: ['Yuri Ushakov'] }) as string[]).sort(), [A, moved]);
    assert.equal(corpus.handle('corpus.remove', { path: moved }), true);
    assert.equal(corpus.handle('corpus.remove', { path: moved }), false);
    assert.deepEqual(corpus.handle('corpus.articlesMentioning', { names: ['Yuri Ushakov'] }), [A]);
    corpus.handle('corpus.clear', {});
    assert.deepEqual(corpus.handle('corpus.articlesMentioning', { names: ['Yuri Ushakov'] }), []);
  });
});
