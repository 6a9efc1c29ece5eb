// `export --out PATH` never writes over the article or its sidecar, however the path is spelled,
// nor over any other existing file without --force; and the export names the article and speaker.
import { strict as assert } from 'node:assert';
import { linkSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { EXIT } from '../../src/cli/readArticle';
import { runCli } from './runCli';

const ARTICLE = [
  'Mayor promises a bridge',
  '',
  '“The bridge will cost 40 million euros,” Mayor Anna Berg said on Tuesday.',
  '',
  'Critics said the plan was late.',
  '',
].join('\n');

function tagged(): { dir: string; file: string; sidecar: string; sidecarText: string } {
  const dir = mkdtempSync(join(tmpdir(), 'news-export-'));
  const file = join(dir, 'bridge.txt');
  writeFileSync(file, ARTICLE);
  const r = runCli(['tag', file, '--text', 'The bridge will cost 40 million euros', '--label', 'misleading', '--reviewer', 'Ana']);
  assert.equal(r.code, EXIT.ok, r.stderr);
  const sidecar = join(dir, 'bridge.annotations.yaml');
  return { dir, file, sidecar, sidecarText: readFileSync(sidecar, 'utf8') };
}

describe('CLI export --out', () => {
  it('refuses the article itself, however the path is written, and writes nothing', () => {
    const { dir, file, sidecar, sidecarText } = tagged();
    symlinkSync(file, join(dir, 'link.txt'));
    linkSync(file, join(dir, 'hard.txt'));
    const spellings = [file, join(dir, '.', 'bridge.txt'), join(dir, '..', basename(dir), 'bridge.txt'), relative(process.cwd(), file), join(dir, 'link.txt'), join(dir, 'hard.txt')];
    for (const out of spellings) {
      for (const extra of [[], ['--force']]) {
        const r = runCli(['export', file, '--format', 'csv', '--out', out, ...extra]);
        assert.equal(r.code, EXIT.usage, `${out} ${extra.join(' ')}: ${r.stderr}`);
        assert.match(r.stderr, /is the article itself; nothing was written/);
      }
    }
    assert.equal(readFileSync(file, 'utf8'), ARTICLE);
    assert.equal(readFileSync(sidecar, 'utf8'), sidecarText);
  });

  it('refuses the sidecar, also through a symlink, and a sidecar path before the sidecar exists', () => {
    const { dir, file, sidecar, sidecarText } = tagged();
    symlinkSync(sidecar, join(dir, 'notes.csv'));
    for (const out of [sidecar, join(dir, '.', 'bridge.annotations.yaml'), join(dir, 'notes.csv')]) {
      const r = runCli(['export', file, '--format', 'w3c', '--out', out, '--force']);
      assert.equal(r.code, EXIT.usage, r.stderr);
      assert.match(r.stderr, /is the article's annotations file/);
    }
    assert.equal(readFileSync(sidecar, 'utf8'), sidecarText);

    const fresh = join(dir, 'fresh.txt');
    writeFileSync(fresh, ARTICLE);
    const r = runCli(['export', fresh, '--format', 'csv', '--out', join(dir, 'fresh.annotations.yaml')]);
    assert.equal(r.code, EXIT.usage);
    assert.match(r.stderr, /annotations file/);
    const other = runCli(['export', fresh, '--format', 'csv', '--out', join(dir, 'someone.annotations.yaml')]);
    assert.equal(other.code, EXIT.usage);
    assert.match(other.stderr, /annotations file \(\*\.annotations\.yaml\) of another article/);
  });

  it('refuses any other existing file unless --force, and a directory even with it', () => {
    const { dir, file } = tagged();
    const existing = join(dir, 'report.csv');
    writeFileSync(existing, 'keep me');
    const refused = runCli(['export', file, '--format', 'csv', '--out', existing]);
    assert.equal(refused.code, EXIT.usage);
    assert.match(refused.stderr, /already exists \(add --force to replace it\)/);
    assert.equal(readFileSync(existing, 'utf8'), 'keep me');
    const forced = runCli(['export', file, '--format', 'csv', '--out', existing, '--force']);
    assert.equal(forced.code, EXIT.ok, forced.stderr);
    assert.match(readFileSync(existing, 'utf8'), /^id,label,claim/);
    mkdirSync(join(dir, 'folder'));
    assert.match(runCli(['export', file, '--format', 'csv', '--out', join(dir, 'folder'), '--force']).stderr, /is a directory/);
    assert.equal(runCli(['export', file, '--format', 'csv', '--force']).code, EXIT.usage, '--force without --out');
    const created = join(dir, 'new.csv');
    assert.equal(runCli(['export', file, '--format', 'csv', '--out', created]).code, EXIT.ok);
    assert.match(readFileSync(created, 'utf8'), /^id,label,claim/);
  });
});

describe('CLI export: article, speaker and claimant', () => {
  it('CSV has the article as given and the speaker of the quote the claim falls in', () => {
    const { file } = tagged();
    const r = runCli(['export', file, '--format', 'csv']);
    assert.equal(r.code, EXIT.ok, r.stderr);
    const [header, row] = r.stdout.split('\r\n');
    assert.ok(header!.endsWith(',article,speaker'));
    assert.ok(row!.endsWith(`,${file},Anna Berg`), row);
  });

  it('ClaimReview names the claimant as itemReviewed.author and the article as its appearance', () => {
    const { file } = tagged();
    const local = JSON.parse(runCli(['export', file, '--format', 'claimreview']).stdout);
    assert.deepEqual(local[0].itemReviewed, {
      '@type': 'Claim',
      author: { '@type': 'Person', name: 'Anna Berg' },
      appearance: { '@type': 'CreativeWork', url: pathToFileURL(file).href, name: 'bridge.txt' },
    });
    const r = runCli(['export', file, '--format', 'claimreview', '--url', 'https://news.example/bridge']);
    assert.equal(JSON.parse(r.stdout)[0].itemReviewed.appearance.url, 'https://news.example/bridge');
    const bad = runCli(['export', file, '--format', 'claimreview', '--url', 'javascript:alert(1)']);
    assert.equal(bad.code, EXIT.usage);
  });
});
