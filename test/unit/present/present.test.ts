import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../../src/core/analyze';
import type { Entity, Span } from '../../../src/core/types';
import { AnalysisIndex, UNATTRIBUTED_KEY } from '../../../src/core/present/analysisIndex';
import { escapeMarkdown, truncate } from '../../../src/core/present/escape';
import { entityHover, quoteHover } from '../../../src/core/present/hoverContent';
import { buildOutline, outlineWithin, residueBlocks, type OutlineNode } from '../../../src/core/present/outline';
import { entitySection, filterNodes, MORE_ICON, PAGE_SIZE, paged, quoteSection, sourceSection, type ViewNode } from '../../../src/core/present/viewTree';
import type { ArticleSources, Source } from '../../../src/core/sources';
import { ARTICLE, fixtureAnalysis } from './fixture';

const index = () => new AnalysisIndex(fixtureAnalysis());

describe('escapeMarkdown', () => {
  it('neutralises links, HTML and block syntax', () => {
    const out = escapeMarkdown('[x](command:evil) <img src=x>\n# heading *em*');
    assert.equal(out, '\\[x\\]\\(command\\:evil\\) \\<img src=x\\> \\# heading \\*em\\*');
    assert.ok(!/(^|[^\\])[[<]/.test(out), 'no unescaped [ or <');
  });

  it('truncates at a word boundary', () => {
    assert.equal(truncate('one two three four', 12), 'one two…');
    assert.equal(truncate('short', 12), 'short');
  });
});

describe('AnalysisIndex', () => {
  it('finds the mention and entity under an offset, including the end of the mention', () => {
    const idx = index();
    const doe = ARTICLE.indexOf('Jane Doe');
    assert.equal(idx.mentionAt(doe + 2)?.text, 'Jane Doe');
    assert.equal(idx.entityAt(doe + 8)?.id, 'PERSON:Jane Doe');
    assert.equal(idx.entityAt(ARTICLE.indexOf('flooded')), undefined);
  });

  it('lists every span of an entity under all aliases', () => {
    const idx = index();
    const spans = idx.spansOf(idx.entitiesById.get('PERSON:Jane Doe')!);
    assert.deepEqual(spans.map((s) => ARTICLE.slice(s.start, s.end)), ['Jane Doe', 'Doe']);
  });

  it('adds the speakers resolved to an entity once, and only its own, on the seed articles', () => {
    // The plain definition: mentions, then each quote's speaker resolved to the entity unless it
    // overlaps a span already listed; sorted by start.
    const reference = (idx: AnalysisIndex, entity: Entity) => {
      const spans: Span[] = entity.mentions.map(({ start, end }) => ({ start, end }));
      for (const q of idx.quotes) {
        const s = q.speaker;
        if (s?.entityId === entity.id && !spans.some((m) => m.start < s.end && s.start < m.end)) spans.push({ start: s.start, end: s.end });
      }
      return spans.sort((a, b) => a.start - b.start);
    };
    let speakersAdded = 0;
    for (const file of ['000_af60520f71ff48c9.txt', '001_21569e4679d671fa.txt']) {
      const idx = new AnalysisIndex(analyze(readFileSync(join(__dirname, '../../../seeds', file), 'utf8')));
      for (const entity of idx.analysis.entities) {
        const spans = idx.spansOf(entity);
        assert.deepEqual(spans, reference(idx, entity), entity.id);
        speakersAdded += spans.length - entity.mentions.length;
      }
    }
    assert.ok(speakersAdded > 0, 'some speaker (a pronoun or a description) is resolved to an entity it does not name');
  });

  it('groups quotes by speaker, unattributed last, and walks quotes with wrap-around', () => {
    const idx = index();
    const groups = idx.speakerGroups();
    assert.deepEqual(groups.map((g) => [g.label, g.quotes.length]), [['Jane Doe', 2], ['a resident', 1]]);
    assert.ok(!groups.some((g) => g.key === UNATTRIBUTED_KEY));
    const last = idx.quotes[idx.quotes.length - 1];
    assert.equal(idx.nextQuote(last.start), idx.quotes[0]);
    assert.equal(idx.previousQuote(idx.quotes[0].start), last);
    assert.equal(idx.nextQuote(idx.quotes[0].start), idx.quotes[1]);
  });
});

describe('hover content', () => {
  it('describes an entity with type, aliases, role, counts and quotes', () => {
    const idx = index();
    const hover = entityHover(idx.entitiesById.get('PERSON:Jane Doe')!, idx);
    assert.match(hover.markdown, /^\*\*Jane Doe\*\* · PERSON  $/m);
    assert.doesNotMatch(hover.markdown, /Person/, 'the type is said once');
    assert.match(hover.markdown, /Also written: \*Doe\*/);
    assert.match(hover.markdown, /Role: Mayor/);
    assert.match(hover.markdown, /2 mentions · 2 quotes/);
    assert.match(hover.markdown, /We will rebuild,/);
    assert.equal(hover.quoteCount, 2);
  });

  it('names the speaker, how it was written and the cue of a quote, with article text escaped', () => {
    const idx = index();
    const md = quoteHover(idx.quotes[2], idx, ARTICLE);
    assert.match(md, /as written: “a resident”, description/);
    assert.match(md, /Cue: \*told\*/);
    assert.ok(md.includes('\\[x\\]\\(command\\:workbench\\.action\\.quit\\)'), md);
    assert.ok(md.includes('\\<img') && !/(^|[^\\])<img/.test(md), md);
    assert.ok(quoteHover(idx.quotes[0], idx, ARTICLE).includes('Speaker: **Jane Doe**'));
  });
});

describe('outline and residue', () => {
  it('puts the headline first and quote paragraphs under their sub-heading', () => {
    const idx = index();
    const outline = buildOutline(idx.analysis, idx, ARTICLE);
    assert.deepEqual(outline.map((n) => [n.kind, n.name]), [
      ['headline', 'Mayor visits flooded town'],
      ['paragraph', '“We will rebuild,” Mayor Jane Doe said on Monday in…'],
      ['paragraph', 'Doe added that “help is coming” and thanked the Red Cross.'],
      ['section', 'Aftermath'],
    ]);
    const section = outline[3];
    assert.equal(section.children.length, 1);
    assert.equal(section.children[0].children[0].detail, 'a resident');
    assert.equal(outline[1].children[0].detail, 'Jane Doe');
  });

  it('builds the outline of an article with more paragraphs than a function call takes arguments', () => {
    // A long article (tens of megabytes, or short paragraphs) has hundreds of thousands of paragraphs.
    const analysis = fixtureAnalysis();
    const paragraphs = analysis.structure.paragraphs;
    const extra: Span[] = [];
    for (let i = 0; i < 300_000; i++) extra.push({ start: ARTICLE.length + i * 3, end: ARTICLE.length + i * 3 + 2 });
    const many = { ...analysis, structure: { ...analysis.structure, paragraphs: [...paragraphs, ...extra] } };
    const idx = new AnalysisIndex(many);
    const outline = buildOutline(many, idx, ARTICLE + 'a.\n'.repeat(300_000));
    assert.deepEqual(outline.map((n) => n.kind), ['headline', 'paragraph', 'paragraph', 'section']);
  });

  it('cuts an outline over its size to its upper levels, deepest first, never part of a level', () => {
    const idx = index();
    const outline = buildOutline(idx.analysis, idx, ARTICLE);
    const depths = (nodes: OutlineNode[], depth = 0): number[] => nodes.flatMap((n) => [depth, ...depths(n.children, depth + 1)]);
    const full = depths(outline);
    const perLevel = [0, 1, 2].map((d) => full.filter((x) => x === d).length);
    assert.deepEqual(perLevel.map((n) => n > 0), [true, true, true], 'the fixture has three levels');
    assert.equal(outlineWithin(outline, full.length), outline, 'an outline within the size is kept as it is');
    const twoLevels = outlineWithin(outline, full.length - 1);
    assert.deepEqual(depths(twoLevels), full.filter((d) => d < 2));
    assert.deepEqual(twoLevels.map((n) => [n.kind, n.name, n.range]), outline.map((n) => [n.kind, n.name, n.range]));
    assert.deepEqual(depths(outlineWithin(outline, perLevel[0]! + perLevel[1]! - 1)), full.filter((d) => d === 0));
    assert.deepEqual(depths(outlineWithin(outline, 1)), full.filter((d) => d === 0), 'the top level stays whole');
    assert.equal(depths(outline).length, full.length, 'the outline given is not changed');
  });

  it('merges adjacent residue lines into one block', () => {
    const blocks = residueBlocks(fixtureAnalysis(), ARTICLE);
    assert.equal(blocks.length, 1);
    assert.equal(ARTICLE.slice(blocks[0].start, blocks[0].end), 'Share this article\nRead more:');
  });
});

describe('News view tree', () => {
  it('groups entities by type with counts and quotes by speaker', () => {
    const idx = index();
    const entities = entitySection(idx);
    assert.deepEqual(entities.children.map((g) => [g.label, g.description]), [['People', '1'], ['Organisations', '1'], ['Places', '1']]);
    assert.equal(entities.children[0].children[0].description, '2 mentions · also Doe');
    const quotes = quoteSection(idx);
    assert.deepEqual(quotes.children.map((g) => g.label), ['Jane Doe', 'a resident']);
    assert.deepEqual(quotes.children.map((g) => g.description), ['2 quotes', '1 quote']);
    assert.equal(quotes.children[0].children[0].target?.start, idx.quotes[0].start);
  });

  it('filters by text, keeping the groups that lead to matches', () => {
    const idx = index();
    const filtered = filterNodes([entitySection(idx), quoteSection(idx)], 'red');
    assert.deepEqual(filtered.map((s) => s.label), ['Entities']);
    assert.deepEqual(filtered[0].children.map((g) => g.children.map((e) => e.label)), [['Red Cross']]);
  });
});

/** Every item of a paged list, in order, opening the "more" nodes. */
function throughPages(nodes: readonly ViewNode[]): ViewNode[] {
  return nodes.flatMap((n) => (n.icon === MORE_ICON ? throughPages(n.children) : [n]));
}

const leaf = (i: number): ViewNode => ({ id: `item/${i}`, label: `item ${i}`, icon: 'quote', children: [] });

describe('News view pages', () => {
  it('shows a long list a page at a time, every item once and in order', () => {
    const count = 2 * PAGE_SIZE + 37;
    const first = paged(Array.from({ length: count }, (_, i) => i), leaf, 'list');
    assert.equal(first.length, PAGE_SIZE + 1, 'a page and a "more" node');
    const more = first[PAGE_SIZE]!;
    assert.equal(more.icon, MORE_ICON);
    assert.equal(more.label, `${count - PAGE_SIZE} more`);
    assert.equal(more.childCount, PAGE_SIZE + 1, 'the next page and another "more" node');
    const all = throughPages(first);
    assert.deepEqual(all.map((n) => n.id), Array.from({ length: count }, (_, i) => `item/${i}`));
    const ids = [first, more.children, more.children[PAGE_SIZE]!.children].flat().map((n) => n.id);
    assert.equal(new Set(ids).size, ids.length, 'ids are unique across pages');
    assert.equal(more.children[PAGE_SIZE]!.childCount, 37, 'the last page holds the rest, with no "more" node');
  });

  it('makes a page\'s items only when its "more" node is opened', () => {
    const made: number[] = [];
    const page = paged(Array.from({ length: PAGE_SIZE + 5 }, (_, i) => i), (i) => (made.push(i), leaf(i)), 'list');
    assert.equal(made.length, PAGE_SIZE);
    assert.equal(page[PAGE_SIZE]!.children.length, 5);
    assert.equal(made.length, PAGE_SIZE + 5);
  });

  it('keeps a short list whole', () => {
    const page = paged([1, 2, 3], leaf, 'list');
    assert.deepEqual(page.map((n) => n.id), ['item/1', 'item/2', 'item/3']);
  });

  it('lists a filter\'s matches in one run, through the pages', () => {
    const count = 3 * PAGE_SIZE;
    const section: ViewNode = { id: 's', label: 'Section', icon: 'section', children: paged(Array.from({ length: count }, (_, i) => i), leaf, 's') };
    // "item 1", "item 10".."item 19", "item 100".."item 199": matches on every page.
    const [filtered] = filterNodes([section], 'item 1');
    const labels = filtered!.children.map((n) => n.label);
    assert.ok(filtered!.children.every((n) => n.icon !== MORE_ICON), 'no "more" node in a filtered list');
    assert.deepEqual(labels, Array.from({ length: count }, (_, i) => `item ${i}`).filter((l) => l.includes('item 1')));
  });

  it('pages the sources of a long article and gives each source its command', () => {
    const source = (i: number): Source => ({
      key: `s${i}`, name: `Source ${i}`, entityId: null, entityName: null, named: true, description: null, kind: 'person',
      affiliation: null, role: null, forms: [`Source ${i}`], quotes: 0, quotedWords: 0, paraphrases: 1, share: 0,
      statements: [{ kind: 'paraphrase', span: { start: i * 10, end: i * 10 + 5, text: 'said' }, speaker: { start: i * 10, end: i * 10 + 3, text: `Source ${i}` }, cue: null, words: 0 }],
    });
    const sources: ArticleSources = { sources: Array.from({ length: PAGE_SIZE + 20 }, (_, i) => source(i)), totalQuotedWords: 0, unattributedQuotes: 0 };
    const section = sourceSection(sources, (s) => ({ id: 'select', args: [s.key] }));
    assert.equal(section.description, `${PAGE_SIZE + 20} (${PAGE_SIZE + 20} named)`);
    assert.equal(section.children.length, PAGE_SIZE + 1);
    const rows = throughPages(section.children);
    assert.deepEqual(rows.map((n) => n.command?.args[0]), sources.sources.map((s) => s.key), 'each source keeps its own command');
    assert.equal(sourceSection(sources).children[0]!.command, undefined);
  });
});

