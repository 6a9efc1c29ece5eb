// The outline, the News view and the status bar count the same quotes: the analysis' quotes,
// residue excluded. Checked on both seeds and on an article quoting in its headline and caption.
import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../../src/core/analyze';
import { AnalysisIndex } from '../../../src/core/present/analysisIndex';
import { buildOutline, type OutlineNode } from '../../../src/core/present/outline';
import { quoteSection } from '../../../src/core/present/viewTree';

const SEEDS = join(__dirname, '..', '..', '..', 'seeds');
const quotesIn = (nodes: OutlineNode[]): number => nodes.reduce((n, node) => n + (node.kind === 'quote' ? 1 : 0) + quotesIn(node.children), 0);

function counts(text: string) {
  const analysis = analyze(text);
  const index = new AnalysisIndex(analysis);
  const outline = buildOutline(analysis, index, text);
  return { analysis, outline, statusBar: analysis.quotes.length, view: Number(quoteSection(index).description), outlined: quotesIn(outline) };
}

describe('quote counts agree', () => {
  for (const name of readdirSync(SEEDS).filter((f) => f.endsWith('.txt'))) {
    it(`outline, News view and status bar give one count for ${name}`, () => {
      const c = counts(readFileSync(join(SEEDS, name), 'utf8'));
      assert.equal(c.view, c.statusBar);
      assert.equal(c.outlined, c.statusBar);
    });
  }

  it('counts 15 quotes in seed 000, without the two headlines of its "Read more:" list', () => {
    const c = counts(readFileSync(join(SEEDS, '000_af60520f71ff48c9.txt'), 'utf8'));
    assert.equal(c.statusBar, 15);
  });

  it('does not take the standfirst for a section, and keeps real sub-headings', () => {
    const { outline } = counts(readFileSync(join(SEEDS, '000_af60520f71ff48c9.txt'), 'utf8'));
    const sections = outline.filter((n) => n.kind === 'section').map((n) => n.name);
    assert.deepEqual(sections, ['Soviet-era ties']);
    assert.deepEqual(outline[0]!.children.map((c) => [c.kind, c.name]), [['standfirst', 'Putin will also visit Vietnam this week']]);
  });

  it('lists quotes in the headline, the standfirst and a caption too', () => {
    const text = [
      'Mayor says “we will rebuild” after floods',
      '',
      'Residents call the damage “the worst in memory”',
      '',
      'FILE - A resident shouts “help us” from a roof in Riverton, June 3, 2024.',
      '',
      'The mayor visited the town on Monday. “It will take years,” she said.',
      '',
      'Repairs',
      '',
      'Engineers said the bridge was “unsafe” and closed it.',
      '',
    ].join('\n');
    const c = counts(text);
    assert.ok(c.statusBar >= 5, `quotes: ${c.analysis.quotes.map((q) => q.text).join(' | ')}`);
    assert.equal(c.outlined, c.statusBar);
    assert.equal(c.view, c.statusBar);
    const headline = c.outline[0]!;
    assert.equal(headline.kind, 'headline');
    assert.ok(headline.children.some((n) => n.kind === 'quote' && n.name === '“we will rebuild”'));
    for (const node of c.outline) assert.ok(node.range.start <= node.selection.start && node.selection.end <= node.range.end);
  });
});
