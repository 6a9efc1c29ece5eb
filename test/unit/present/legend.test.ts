import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { legendEntries, legendPage, legendSection } from '../../../src/core/present/legend';

const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8'));
const defaultVerdicts = manifest.contributes.configuration.properties['newsAnnotator.claimLabels'].default as Array<{ label: string; color: string }>;

describe('colour legend', () => {
  it('names every entity type, the quote, speaker and residue styles and each verdict', () => {
    const names = legendEntries(defaultVerdicts).map((e) => e.name);
    assert.deepEqual(names, ['PERSON', 'ORG', 'PLACE', 'NORP', 'quote', 'speaker', 'residue', 'verified', 'false', 'misleading', 'unverified', 'disputed', 'needs context', 'opinion']);
  });

  it('gives each style a colour the manifest contributes, and custom verdicts their own', () => {
    const contributed = new Set((manifest.contributes.colors as Array<{ id: string }>).map((c) => c.id));
    for (const e of legendEntries(defaultVerdicts)) assert.ok(contributed.has(e.colour), `${e.name}: ${e.colour}`);
    const custom = legendEntries([{ label: 'satire', color: '#ff00ff55' }]).at(-1)!;
    assert.deepEqual([custom.name, custom.colour, custom.style], ['satire', '#ff00ff55', 'verdict:satire']);
  });

  it('lays out a page whose samples sit where they are painted', () => {
    const entries = legendEntries(defaultVerdicts);
    const page = legendPage(entries);
    assert.equal(page.samples.length, entries.length);
    for (const { entry, start, end } of page.samples) {
      assert.equal(page.text.slice(start, end), entry.sample);
      const line = page.text.slice(page.text.lastIndexOf('\n', start) + 1, page.text.indexOf('\n', end));
      assert.ok(line.includes(entry.name) && line.endsWith(entry.meaning), line);
    }
    for (const group of ['Entities', 'Quotes', 'Page', 'Verdicts']) assert.match(page.text, new RegExp(`^${group}$`, 'm'));
  });

  it('builds the News view section with one coloured row per style', () => {
    const entries = legendEntries(defaultVerdicts);
    const section = legendSection(entries, { id: 'newsAnnotator.showLegend', args: [] });
    assert.equal(section.label, 'Legend');
    assert.equal(section.children.length, entries.length);
    const person = section.children[0]!;
    assert.deepEqual([person.label, person.colour, person.command?.id], ['PERSON', 'newsAnnotator.personBackground', 'newsAnnotator.showLegend']);
    assert.equal(new Set(section.children.map((c) => c.id)).size, entries.length, 'row ids are unique');
  });
});
