// Prints how the highlight palette in package.json measures in each default theme: the lowest
// text contrast on each style and the closest pairs of styles (CIEDE2000), then every finding.
// `npx tsx scripts/palette.ts` (the unit test test/unit/palette.test.ts fails on any finding).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkPalette, type ColourContribution } from '../src/core/present/palette';

const manifest = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as { contributes: { colors: ColourContribution[] } };
const { findings, measures } = checkPalette(manifest.contributes.colors);
for (const m of measures) {
  const contrast = Object.entries(m.contrast).sort((a, b) => a[1] - b[1]).slice(0, 4).map(([k, v]) => `${k} ${v.toFixed(2)}`);
  const closest = [...m.distance].sort((a, b) => a.deltaE - b.deltaE).slice(0, 5).map((d) => `${d.a}/${d.b} ${d.deltaE.toFixed(1)}`);
  console.log(`${m.theme}\n  lowest contrast: ${contrast.join(', ')}\n  closest pairs:   ${closest.join(', ')}`);
}
console.log(findings.length === 0 ? 'palette: no findings' : `palette: ${findings.length} findings`);
for (const f of findings) console.log(`  ${f.theme} ${f.kind}: ${f.message}`);
