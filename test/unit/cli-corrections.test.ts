import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './runCli';
import { EXIT } from '../../src/cli/readArticle';
import type { AnalyzeJson } from '../../src/cli/commands/analyze';

const SEED = readFileSync(join(__dirname, '../../seeds/000_af60520f71ff48c9.txt'), 'utf8');

function articleWith(sidecar: string | null): string {
  const dir = mkdtempSync(join(tmpdir(), 'news-corrections-'));
  const file = join(dir, 'story.txt');
  writeFileSync(file, SEED);
  if (sidecar !== null) writeFileSync(join(dir, 'story.annotations.yaml'), sidecar);
  return file;
}

const analyzeJson = (file: string): { json: AnalyzeJson; stderr: string } => {
  const r = runCli(['analyze', file, '--json']);
  assert.equal(r.code, EXIT.ok, r.stderr);
  return { json: JSON.parse(r.stdout) as AnalyzeJson, stderr: r.stderr };
};

describe('CLI: the sidecar corrections win over the model', () => {
  it('analyze retypes, drops and merges entities as the sidecar says', () => {
    const before = analyzeJson(articleWith(null)).json;
    const putin = before.entities.find((e) => e.name === 'Vladimir Putin');
    assert.ok(putin, 'the seed names Vladimir Putin');
    const kim = before.entities.find((e) => e.name.startsWith('Kim Jong Un'));
    assert.ok(kim, 'the seed names Kim Jong Un');
    const sidecar = `version: 2\narticle: story.txt\nannotations: []\ncorrections:\n  entities:\n    - mention: Vladimir Putin\n      type: ORG\n    - mention: Putin\n      type: ORG\n    - mention: ${kim.mentions[0]!.text}\n      type: none\n`;
    const { json: after, stderr } = analyzeJson(articleWith(sidecar));
    assert.equal(stderr, '');
    const corrected = after.entities.find((e) => e.name === 'Vladimir Putin')!;
    assert.equal(corrected.type, 'ORG');
    assert.equal(corrected.id, 'ORG:Vladimir Putin');
    assert.ok(!after.entities.some((e) => e.mentions.some((m) => m.text === kim.mentions[0]!.text)));
    // Quotes credited to Putin now point at the corrected entity.
    const credited = after.quotes.filter((q) => q.speaker?.entity?.endsWith('Vladimir Putin'));
    assert.ok(credited.every((q) => q.speaker!.entity === 'ORG:Vladimir Putin'));
  });

  it('analyze says when the sidecar cannot be read and shows the model\'s analysis', () => {
    const { json, stderr } = analyzeJson(articleWith('version: [1\n'));
    assert.match(stderr, /not valid YAML.*without the reviewer's corrections/);
    assert.ok(json.entities.length > 0);
  });
});
