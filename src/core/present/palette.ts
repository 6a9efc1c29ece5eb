// Checks the highlight palette (the colour defaults contributed in package.json) the way a reader
// meets it: each translucent highlight painted over the default themes' editor background, text
// drawn on top. Text must keep WCAG contrast; entity, quote and verdict colours must stay apart
// (CIEDE2000) so that no two styles read as one. Pure: the colours come in as data.
import { ciede2000, contrastRatio, parseHex, stack, toLab, type Rgba } from './colour';

export type ThemeKind = 'light' | 'dark' | 'highContrast' | 'highContrastLight';

export const THEME_KINDS: readonly ThemeKind[] = ['light', 'dark', 'highContrast', 'highContrastLight'];

/** A colour contribution as package.json declares it. */
export interface ColourContribution {
  id: string;
  defaults: Record<ThemeKind, string>;
}

/**
 * Editor background and text colours of VS Code's default themes of each kind (Light Modern,
 * Light+, 2026 Light; Dark Modern, Dark+, 2026 Dark; Dark High Contrast; Light High Contrast):
 * `text` is plain text, `quoteText` what the themes give `string` scopes (quotes are strings).
 */
export const DEFAULT_THEMES: Record<ThemeKind, { backgrounds: string[]; text: string[]; quoteText: string[] }> = {
  light: { backgrounds: ['#ffffff'], text: ['#3b3b3b', '#000000', '#202020'], quoteText: ['#a31515', '#0a3069'] },
  dark: { backgrounds: ['#1f1f1f', '#1e1e1e'], text: ['#cccccc', '#d4d4d4', '#c9d1d9'], quoteText: ['#ce9178', '#a5d6ff'] },
  highContrast: { backgrounds: ['#000000'], text: ['#ffffff'], quoteText: ['#ce9178'] },
  highContrastLight: { backgrounds: ['#ffffff'], text: ['#292929'], quoteText: ['#0f4a85'] },
};

/** Which contributed colour paints which style. */
export const PALETTE = {
  entities: { PERSON: 'newsAnnotator.personBackground', ORG: 'newsAnnotator.orgBackground', PLACE: 'newsAnnotator.placeBackground', NORP: 'newsAnnotator.norpBackground' },
  quote: 'newsAnnotator.quoteBackground',
  speaker: 'newsAnnotator.speakerForeground',
  residue: 'newsAnnotator.residueForeground',
  verdicts: {
    verified: 'newsAnnotator.claimVerifiedBackground',
    false: 'newsAnnotator.claimFalseBackground',
    misleading: 'newsAnnotator.claimMisleadingBackground',
    unverified: 'newsAnnotator.claimUnverifiedBackground',
    disputed: 'newsAnnotator.claimDisputedBackground',
    'needs context': 'newsAnnotator.claimNeedsContextBackground',
    opinion: 'newsAnnotator.claimOpinionBackground',
  },
} as const;

export const LIMITS = {
  /** WCAG 2 AA for body text, on every highlight and on a name inside a quote. */
  text: 4.5,
  /** Residue is dimmed on purpose; WCAG's minimum for large text and interface marks. */
  residue: 3,
  /**
   * CIEDE2000 between any two highlight styles as painted. About 2 is a just-noticeable
   * difference; at 10 two swatches read as different colours at a glance.
   */
  distinct: 10,
  /** CIEDE2000 between a highlight and the bare background: the highlight must show. */
  visible: 6,
} as const;

export interface PaletteFinding {
  theme: ThemeKind;
  kind: 'contrast' | 'collision' | 'invisible' | 'missing';
  message: string;
  value: number;
  limit: number;
}

export interface PaletteMeasure {
  theme: ThemeKind;
  /** Lowest text contrast on each style. */
  contrast: Record<string, number>;
  /** Smallest CIEDE2000 between each pair of styles over the theme's backgrounds. */
  distance: Array<{ a: string; b: string; deltaE: number }>;
}

/** Measures every theme kind and lists what breaks a limit (empty: the palette is fine). */
export function checkPalette(colours: readonly ColourContribution[]): { findings: PaletteFinding[]; measures: PaletteMeasure[] } {
  const byId = new Map(colours.map((c) => [c.id, c]));
  const findings: PaletteFinding[] = [];
  const measures: PaletteMeasure[] = [];
  const highlights: Array<[string, string]> = [
    ...Object.entries(PALETTE.entities),
    ['quote', PALETTE.quote],
    ...Object.entries(PALETTE.verdicts),
  ];
  for (const id of [...highlights.map(([, id]) => id), PALETTE.speaker, PALETTE.residue]) {
    if (!byId.has(id)) findings.push({ theme: 'light', kind: 'missing', message: `${id} is not contributed`, value: 0, limit: 0 });
  }
  if (findings.length > 0) return { findings, measures };
  for (const theme of THEME_KINDS) {
    const colour = (id: string) => parseHex(byId.get(id)!.defaults[theme]);
    const base = DEFAULT_THEMES[theme];
    const measure: PaletteMeasure = { theme, contrast: {}, distance: [] };
    const quote = colour(PALETTE.quote);
    const lowest = (name: string, texts: string[], limit: number, ...layers: Rgba[]) => {
      let min = Infinity;
      for (const bg of base.backgrounds) {
        const under = stack(parseHex(bg), ...layers);
        for (const t of texts) min = Math.min(min, contrastRatio(parseHex(t), under));
      }
      measure.contrast[name] = min;
      if (min < limit) findings.push({ theme, kind: 'contrast', message: `${name}: text contrast ${min.toFixed(2)} below ${limit}`, value: min, limit });
    };
    for (const [name, id] of highlights) {
      const layer = colour(id);
      lowest(name, name === 'quote' ? [...base.text, ...base.quoteText] : base.text, LIMITS.text, layer);
      // Names are quoted and claims hold quotes: text must stay legible where two highlights meet.
      if (name !== 'quote') lowest(`${name} in a quote`, [...base.text, ...base.quoteText], LIMITS.text, quote, layer);
    }
    for (const [entity, id] of Object.entries(PALETTE.entities)) {
      for (const [verdict, vid] of Object.entries(PALETTE.verdicts)) {
        lowest(`${entity} in a ${verdict} claim`, base.text, LIMITS.text, colour(vid), colour(id));
      }
    }
    lowest('speaker', [byId.get(PALETTE.speaker)!.defaults[theme]], LIMITS.text);
    lowest('speaker on PERSON', [byId.get(PALETTE.speaker)!.defaults[theme]], LIMITS.text, colour(PALETTE.entities.PERSON));
    lowest('residue', [byId.get(PALETTE.residue)!.defaults[theme]], LIMITS.residue);

    for (let i = 0; i < highlights.length; i++) {
      const [a, aid] = highlights[i]!;
      let visible = Infinity;
      for (const bg of base.backgrounds) visible = Math.min(visible, ciede2000(toLab(parseHex(bg)), toLab(stack(parseHex(bg), colour(aid)))));
      if (visible < LIMITS.visible) findings.push({ theme, kind: 'invisible', message: `${a}: ΔE ${visible.toFixed(1)} from the background`, value: visible, limit: LIMITS.visible });
      for (let j = i + 1; j < highlights.length; j++) {
        const [b, bid] = highlights[j]!;
        let deltaE = Infinity;
        for (const bg of base.backgrounds) {
          const paper = parseHex(bg);
          deltaE = Math.min(deltaE, ciede2000(toLab(stack(paper, colour(aid))), toLab(stack(paper, colour(bid)))));
        }
        measure.distance.push({ a, b, deltaE });
        if (deltaE < LIMITS.distinct) findings.push({ theme, kind: 'collision', message: `${a} and ${b}: ΔE ${deltaE.toFixed(1)}`, value: deltaE, limit: LIMITS.distinct });
      }
    }
    measures.push(measure);
  }
  return { findings, measures };
}
