// What each highlight style means, as plain data: the News view's Legend section and the
// "Show Colour Legend" page are both built from this list, so they always name the same styles.
import { ENTITY_TYPES, type EntityType } from '../types';
import type { ViewNode } from './viewTree';

export interface LegendEntry {
  /** The decoration style painted on the sample: a built-in style id (`entity.PERSON`, `quote`) or `verdict:<label>`. */
  style: string;
  /** The name the reader sees: PERSON, quote, verified… */
  name: string;
  /** What the style marks, in plain words. */
  meaning: string;
  /** Text painted with the style on the legend page. */
  sample: string;
  /** Theme colour id (or CSS colour, for a verdict configured that way) of the style. */
  colour: string;
  /** Colour of the News view swatch when the style's own is too faint for a small icon. */
  swatch?: string;
  group: 'Entities' | 'Quotes' | 'Page' | 'Verdicts';
}

export interface LegendVerdict {
  label: string;
  color: string;
}

const ENTITY_ENTRIES: Record<EntityType, { meaning: string; sample: string; colour: string }> = {
  PERSON: { meaning: 'a person', sample: 'Vladimir Putin', colour: 'newsAnnotator.personBackground' },
  ORG: { meaning: 'an organisation', sample: 'the Kremlin', colour: 'newsAnnotator.orgBackground' },
  PLACE: { meaning: 'a place', sample: 'North Korea', colour: 'newsAnnotator.placeBackground' },
  NORP: { meaning: 'a nationality, religious or political group', sample: 'Russian', colour: 'newsAnnotator.norpBackground' },
};

/** Every style in the order the legend lists them; verdicts in the order of the labels setting. */
export function legendEntries(verdicts: readonly LegendVerdict[]): LegendEntry[] {
  return [
    ...ENTITY_TYPES.map((type): LegendEntry => ({ style: `entity.${type}`, name: type, group: 'Entities', ...ENTITY_ENTRIES[type] })),
    { style: 'quote', name: 'quote', meaning: 'words in quotation marks', sample: '“Several documents will be signed”', colour: 'newsAnnotator.quoteBackground', swatch: 'newsAnnotator.quoteOverviewRuler', group: 'Quotes' },
    { style: 'speaker', name: 'speaker', meaning: 'who a quote is attributed to', sample: 'Yuri Ushakov', colour: 'newsAnnotator.speakerForeground', group: 'Quotes' },
    { style: 'residue', name: 'residue', meaning: 'page furniture, not article content (never counted)', sample: 'Read more: …', colour: 'newsAnnotator.residueForeground', group: 'Page' },
    ...verdicts.map((v): LegendEntry => ({
      style: `verdict:${v.label}`,
      name: v.label,
      meaning: `a claim you tagged “${v.label}”`,
      sample: 'A claim you checked.',
      colour: v.color,
      group: 'Verdicts',
    })),
  ];
}

/** The News view's Legend section: one row per style, its colour as the icon (the quote's, faint in dark themes, its ruler mark). */
export function legendSection(entries: readonly LegendEntry[], command?: { id: string; args: unknown[] }): ViewNode {
  return {
    id: 'legend',
    label: 'Legend',
    description: 'what each colour marks',
    icon: 'legend',
    children: entries.map((e) => ({
      id: `legend/${e.style}`,
      label: e.name,
      description: e.meaning,
      tooltip: `${e.name}: ${e.meaning}`,
      icon: 'swatch',
      colour: e.swatch ?? e.colour,
      children: [],
      ...(command ? { command } : {}),
    })),
  };
}

export interface LegendPage {
  text: string;
  /** Where each entry's sample is on the page, to paint with its style. */
  samples: Array<{ entry: LegendEntry; start: number; end: number }>;
}

/** The "Show Colour Legend" page: a heading per group, then `name  sample  meaning` per style. */
export function legendPage(entries: readonly LegendEntry[]): LegendPage {
  const width = Math.max(...entries.map((e) => e.name.length)) + 2;
  const sampleWidth = Math.max(...entries.map((e) => e.sample.length)) + 3;
  let text = 'News Annotator: what each colour marks\n';
  const samples: LegendPage['samples'] = [];
  let group = '';
  for (const entry of entries) {
    if (entry.group !== group) {
      group = entry.group;
      text += `\n${group}\n`;
    }
    text += `  ${entry.name.padEnd(width)}`;
    const start = text.length;
    text += entry.sample;
    samples.push({ entry, start, end: text.length });
    text += `${' '.repeat(sampleWidth - entry.sample.length)}${entry.meaning}\n`;
  }
  text += '\nColours follow the theme; change them with workbench.colorCustomizations (newsAnnotator.*) and the verdicts with newsAnnotator.claimLabels.\n';
  return { text, samples };
}
