import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../src/core/analyze';
import { compareArticles } from '../../src/core/corpus/compare';
import { CorpusIndex, type CorpusDocument } from '../../src/core/corpus/corpusIndex';
import { DEFAULT_WEIGHTS } from '../../src/core/corpus/score';

const root = join(__dirname, '../..');
const seedA = readFileSync(join(root, 'seeds/000_af60520f71ff48c9.txt'), 'utf8');
const seedB = readFileSync(join(root, 'seeds/001_21569e4679d671fa.txt'), 'utf8');

function doc(path: string, text: string): CorpusDocument {
  return { path, text, analysis: analyze(text) };
}

const onlyPutin = 'Putin met the press in Moscow on Friday.\n\nHe said the visit to Hanoi went well, according to the Kremlin.';
const unrelated = 'The city council approved a new budget for public libraries on Monday.\n\nThe mayor said reading rooms would open longer.';

function seededIndex(): CorpusIndex {
  const index = new CorpusIndex();
  index.add(doc('a.txt', seedA));
  index.add(doc('b.txt', seedB));
  index.add(doc('putin.txt', onlyPutin));
  index.add(doc('library.txt', unrelated));
  return index;
}

describe('corpus: workspace index', () => {
  it('finds mentions of an entity across articles, alias-aware both ways', () => {
    const index = seededIndex();
    assert.deepEqual(index.articlesMentioning('Vladimir Putin'), ['a.txt', 'b.txt', 'putin.txt']);
    assert.deepEqual(index.articlesMentioning('Putin'), ['a.txt', 'b.txt', 'putin.txt']);
    const mentions = index.mentionsOf('Putin');
    assert.equal(mentions.filter((m) => m.path === 'a.txt').length, analyze(seedA).entities.find((e) => e.name === 'Vladimir Putin')!.mentions.length);
    for (const m of mentions) {
      const text = m.path === 'a.txt' ? seedA : m.path === 'b.txt' ? seedB : onlyPutin;
      assert.equal(text.slice(m.start, m.end), m.text);
      assert.match(m.text, /Putin/);
    }
    assert.deepEqual(index.articlesMentioning('Stoltenberg'), ['a.txt']);
    assert.deepEqual(index.articlesMentioning('Jens Stoltenberg'), ['a.txt']);
    assert.deepEqual(index.articlesMentioning('Angela Merkel'), []);
  });

  it('finds corroborating statements in other articles only, the same as comparing the pair', () => {
    const index = seededIndex();
    const sentence = seedA.indexOf('Russia is now, along with North Korea');
    const matches = index.matchesFor('a.txt', { start: sentence, end: sentence + 5 });
    assert.ok(matches.length >= 1);
    assert.equal(matches[0]!.path, 'b.txt');
    assert.match(matches[0]!.other.text, /most-sanctioned countries/);
    assert.ok(matches.every((m) => m.path !== 'a.txt'));
    // The pair the two-article comparison makes for this sentence (one at most) the index finds too.
    const pair = compareArticles({ text: seedA }, { text: seedB }, { stats: index, weights: DEFAULT_WEIGHTS });
    const expected = pair.shared.filter((p) => p.a.start === matches[0]!.own.start).map((p) => p.b.start);
    assert.equal(expected.length, 1);
    const found = matches.filter((m) => m.path === 'b.txt').map((m) => m.other.start);
    for (const start of expected) assert.ok(found.includes(start));
  });

  it('updates one document: old postings leave, new ones arrive, others stay', () => {
    const index = seededIndex();
    const before = index.sentenceCount;
    const sanctionsInB = seedB.indexOf('Russia and North Korea are among');
    assert.equal(index.matchesFor('b.txt', { start: sanctionsInB, end: sanctionsInB + 1 })[0]?.path, 'a.txt');
    const edited = seedA.replace(/Russia is now, along with North Korea[^\n]*\n/, '');
    index.update(doc('a.txt', edited));
    assert.equal(index.size, 4);
    assert.equal(index.sentenceCount, before - 1);
    assert.ok(index.matchesFor('b.txt', { start: sanctionsInB, end: sanctionsInB + 1 }).every((m) => !/heavily sanctioned/.test(m.other.text)));
    assert.equal(index.df('ent:jens stoltenberg'), 1);
    index.update(doc('a.txt', unrelated + '\n\nThe council met again.'));
    assert.equal(index.df('ent:jens stoltenberg'), 0);
    assert.deepEqual(index.articlesMentioning('Stoltenberg'), []);
  });

  it('removes and renames documents', () => {
    const index = seededIndex();
    assert.ok(index.rename('putin.txt', 'moved/putin.txt'));
    assert.deepEqual(index.articlesMentioning('Putin'), ['a.txt', 'b.txt', 'moved/putin.txt']);
    assert.equal(index.get('moved/putin.txt')?.path, 'moved/putin.txt');
    assert.equal(index.has('putin.txt'), false);
    const sentenceCount = index.sentenceCount;
    // The index holds statements: B's sentences less its two photo captions.
    const statementsB = index.statements('b.txt').length;
    assert.equal(statementsB, analyze(seedB).sentences.length - 2);
    assert.ok(index.remove('b.txt'));
    assert.equal(index.remove('b.txt'), false);
    assert.equal(index.sentenceCount, sentenceCount - statementsB);
    const lead = seedA.indexOf('Russian President Vladimir Putin will visit');
    assert.deepEqual(index.matchesFor('a.txt', { start: lead, end: lead + 1 }).filter((m) => m.path === 'b.txt'), []);
    assert.deepEqual(index.paths().sort(), ['a.txt', 'library.txt', 'moved/putin.txt']);
  });

  it('an empty index and unknown paths answer with nothing', () => {
    const index = new CorpusIndex();
    assert.deepEqual(index.mentionsOf('Putin'), []);
    assert.deepEqual(index.matchesFor('nowhere.txt', { start: 0, end: 1 }), []);
    assert.equal(index.rename('nowhere.txt', 'x.txt'), false);
  });
});
