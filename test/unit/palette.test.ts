// The highlight palette as contributed in package.json: text on every highlight keeps WCAG AA
// contrast in the light, dark and high-contrast default themes, and no two entity, quote or
// verdict colours come within a glance of each other (CIEDE2000).
import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ciede2000, contrastRatio, over, parseHex, toLab } from '../../src/core/present/colour';
import { checkPalette, LIMITS, type ColourContribution } from '../../src/core/present/palette';

const ROOT = resolve(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { contributes: { colors: ColourContribution[]; configuration: { properties: Record<string, { default?: unknown }> } } };
const colours = manifest.contributes.colors;

describe('colour arithmetic', () => {
  it('gives the WCAG contrast ratios of known pairs', () => {
    assert.equal(contrastRatio(parseHex('#000'), parseHex('#fff')).toFixed(2), '21.00');
    // #767676 is the lightest grey with AA contrast on white; #777777 just misses it.
    assert.ok(contrastRatio(parseHex('#767676'), parseHex('#ffffff')) >= 4.5);
    assert.ok(contrastRatio(parseHex('#777777'), parseHex('#ffffff')) < 4.5);
  });

  it('matches the CIEDE2000 test data of Sharma, Wu and Dalal (2005)', () => {
    const pairs: Array<[[number, number, number], [number, number, number], number]> = [
      [[50, 2.6772, -79.7751], [50, 0, -82.7485], 2.0425],
      [[50, 0, 0], [50, -1, 2], 2.3669],
      [[50, 2.5, 0], [73, 25, -18], 27.1492],
      [[60.2574, -34.0099, 36.2677], [60.4626, -34.1751, 39.4387], 1.2644],
      [[22.7233, 20.0904, -46.694], [23.0331, 14.973, -42.5619], 2.0373],
      [[2.0776, 0.0795, -1.135], [0.9033, -0.0636, -0.5514], 0.9082],
    ];
    for (const [[L1, a1, b1], [L2, a2, b2], expected] of pairs) {
      assert.equal(ciede2000({ L: L1, a: a1, b: b1 }, { L: L2, a: a2, b: b2 }).toFixed(4), expected.toFixed(4));
    }
  });

  it('composites a translucent colour and converts to Lab', () => {
    const mid = over(parseHex('#00000080'), parseHex('#ffffff'));
    assert.equal(Math.round(mid.r), 127);
    const white = toLab(parseHex('#ffffff'));
    assert.ok(Math.abs(white.L - 100) < 0.01 && Math.abs(white.a) < 0.01 && Math.abs(white.b) < 0.01);
    assert.throws(() => parseHex('red'), /not a hex colour/);
  });
});

describe('highlight palette', () => {
  it('has legible text and distinct entity, quote and verdict colours in every theme kind', () => {
    const { findings } = checkPalette(colours);
    assert.deepEqual(findings.map((f) => `${f.theme} ${f.kind}: ${f.message}`), []);
  });

  it('catches the collisions of the earlier palette', () => {
    // The colours reported as too close: PLACE and "verified" green, PERSON and "needs context"
    // blue, the quote and "disputed" yellow (light theme).
    const earlier: Record<string, Record<string, string>> = {
      'newsAnnotator.placeBackground': { light: '#27ae6026', dark: '#2ecc7133' },
      'newsAnnotator.claimVerifiedBackground': { light: '#2e9d5a33', dark: '#3fb95033' },
      'newsAnnotator.personBackground': { light: '#4a90e240', dark: '#4a90e233' },
      'newsAnnotator.claimNeedsContextBackground': { light: '#1f6feb33', dark: '#58a6ff33' },
      'newsAnnotator.quoteBackground': { light: '#f5c54248', dark: '#f5c5422b' },
      'newsAnnotator.claimDisputedBackground': { light: '#b0880033', dark: '#d4a72c33' },
    };
    const old = colours.map((c) => (earlier[c.id] ? { ...c, defaults: { ...c.defaults, ...earlier[c.id] } } : c));
    const collisions = checkPalette(old).findings.filter((f) => f.kind === 'collision' && f.theme === 'light').map((f) => f.message);
    for (const pair of ['PLACE and verified', 'PERSON and needs context', 'quote and disputed']) {
      assert.ok(collisions.some((m) => m.startsWith(pair)), `${pair} collide: ${collisions.join('; ')}`);
    }
    assert.ok(checkPalette(old).findings.some((f) => f.kind === 'contrast' && f.theme === 'dark'), 'the earlier dark quote colour was too light for quoted text');
  });

  it('reports low text contrast', () => {
    const darkened = colours.map((c) => (c.id === 'newsAnnotator.orgBackground' ? { ...c, defaults: { ...c.defaults, light: '#000000aa' } } : c));
    assert.ok(checkPalette(darkened).findings.some((f) => f.kind === 'contrast' && f.theme === 'light' && f.message.startsWith('ORG')));
    assert.ok(LIMITS.text >= 4.5);
  });

  it('contributes every theme colour the code and the default verdicts refer to', () => {
    const contributed = new Set(colours.map((c) => c.id));
    const referenced = new Set<string>();
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const full = join(dir, name);
        if (statSync(full).isDirectory()) walk(full);
        else if (name.endsWith('.ts')) for (const m of readFileSync(full, 'utf8').matchAll(/['`"](newsAnnotator\.[a-z]\w*(?:Background|Foreground|Ruler|Border))['`"]/g)) referenced.add(m[1]!);
      }
    };
    walk(join(ROOT, 'src'));
    for (const m of JSON.stringify(manifest.contributes.configuration.properties['newsAnnotator.claimLabels']?.default).matchAll(/newsAnnotator\.\w+/g)) referenced.add(m[0]);
    assert.ok(referenced.size > 5);
    assert.deepEqual([...referenced].filter((id) => !contributed.has(id)), []);
  });
});
