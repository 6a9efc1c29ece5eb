// The built-in decoration styles: what each paints, which setting turns it on, and its render
// options. Colours are theme colours contributed in package.json, so every theme (light, dark,
// high contrast) gets suitable defaults and users can override them in `workbench.colorCustomizations`.
import * as vscode from 'vscode';
import type { AnalysisIndex } from '../../core/present/analysisIndex';
import type { Analysis, EntityType, Mention, Span } from '../../core/types';
import type { HighlightConfig } from '../config';

export interface BuiltInStyle {
  id: string;
  /** The `newsAnnotator.highlight.*` switch that shows or hides this style. */
  setting: Exclude<keyof HighlightConfig, 'overviewRuler'>;
  options(config: HighlightConfig): vscode.DecorationRenderOptions;
  /**
   * The settings the render options depend on, as a string: the decoration type is recreated
   * only when this changes (turning a style off merely clears its ranges).
   */
  optionsKey(config: HighlightConfig): string;
  spans(analysis: Analysis, index: AnalysisIndex): readonly Span[];
  /**
   * The spans that reach into `window` (end >= window.start, start <= window.end), in text order,
   * found without going through the whole article; styles without it are filtered from spans().
   */
  spansIn?(analysis: Analysis, index: AnalysisIndex, window: Span): readonly Span[];
}

const color = (id: string) => new vscode.ThemeColor(`newsAnnotator.${id}`);

function entityStyle(type: EntityType, colorId: string): BuiltInStyle {
  return {
    id: `entity.${type}`,
    setting: 'entities',
    options: () => ({ backgroundColor: color(colorId), borderRadius: '2px' }),
    optionsKey: () => '',
    spans: (_analysis, index) => mentionsByType(index).get(type) ?? [],
    spansIn: (_analysis, index, window) => index.mentionsIn(window).filter((m) => index.entitiesById.get(m.entityId)?.type === type),
  };
}

const byType = new WeakMap<AnalysisIndex, Map<EntityType, Mention[]>>();

/** The index's mentions (in text order) by their entity's type, sorted out in one pass for the four entity styles. */
function mentionsByType(index: AnalysisIndex): Map<EntityType, Mention[]> {
  let types = byType.get(index);
  if (!types) {
    types = new Map();
    for (const m of index.mentions) {
      const type = index.entitiesById.get(m.entityId)?.type;
      if (!type) continue;
      let list = types.get(type);
      if (!list) types.set(type, (list = []));
      list.push(m);
    }
    byType.set(index, types);
  }
  return types;
}

export const BUILT_IN_STYLES: readonly BuiltInStyle[] = [
  {
    id: 'quote',
    setting: 'quotes',
    options: (config) => ({
      backgroundColor: color('quoteBackground'),
      ...(config.overviewRuler ? { overviewRulerColor: color('quoteOverviewRuler'), overviewRulerLane: vscode.OverviewRulerLane.Right } : {}),
    }),
    optionsKey: (config) => `ruler:${config.overviewRuler}`,
    spans: (analysis) => analysis.quotes,
  },
  {
    id: 'speaker',
    setting: 'speakers',
    options: () => ({
      color: color('speakerForeground'),
      fontWeight: 'bold',
      borderWidth: '0 0 1px 0',
      borderStyle: 'solid',
      borderColor: color('speakerForeground'),
    }),
    optionsKey: () => '',
    spans: (analysis) => analysis.quotes.flatMap((q) => (q.speaker ? [q.speaker] : [])),
  },
  entityStyle('PERSON', 'personBackground'),
  entityStyle('ORG', 'orgBackground'),
  entityStyle('PLACE', 'placeBackground'),
  entityStyle('NORP', 'norpBackground'),
  {
    id: 'residue',
    setting: 'residue',
    // The colour alone dims it (no opacity), so its contrast is what the palette test measures.
    options: () => ({ color: color('residueForeground') }),
    optionsKey: () => '',
    spans: (analysis) => analysis.structure.residue,
  },
];
