import { strict as assert } from 'node:assert';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseSidecar } from '../../src/core/annotations';
import { runCli } from './runCli';
import { EXIT } from '../../src/cli/readArticle';

const run = runCli;

const ARTICLE = [
  'Mayor promises new bridge by 2027',
  '',
  'The mayor said the bridge would cost 40 million euros, half of last year\'s estimate.',
  'Critics said the cost would double. The council said the cost would double only if steel prices rose.',
  '',
].join('\n');

function freshArticle(text = ARTICLE): { dir: string; file: string; sidecar: string } {
  const dir = mkdtempSync(join(tmpdir(), 'news-claims-'));
  const file = join(dir, 'bridge.txt');
  writeFileSync(file, text);
  return { dir, file, sidecar: join(dir, 'bridge.annotations.yaml') };
}

describe('CLI annotations: tag, claims, export', () => {
  it('tag writes a sidecar beside the article with the claim, verdict, note, evidence and reviewer', () => {
    const { file, sidecar, dir } = freshArticle();
    const r = run(['tag', file, '--text', 'cost 40 million euros', '--label', 'misleading', '--note', 'Budget says 80', '--evidence', 'https://example.org/budget', '--evidence', 'https://example.org/minutes', '--reviewer', 'Ana']);
    assert.equal(r.code, EXIT.ok, r.stderr);
    const store = parseSidecar(readFileSync(sidecar, 'utf8'), { articlePath: file });
    assert.equal(store.error, null);
    assert.equal(store.annotations.length, 1);
    const a = store.annotations[0]!;
    assert.equal(a.label, 'misleading');
    assert.equal(a.note, 'Budget says 80');
    assert.deepEqual(a.evidence, ['https://example.org/budget', 'https://example.org/minutes']);
    assert.equal(a.reviewer, 'Ana');
    assert.equal(ARTICLE.slice(a.target.position.start, a.target.position.end), 'cost 40 million euros');
    assert.ok(!Number.isNaN(Date.parse(a.created)));
    assert.match(store.header.textHash, /^fnv1a64:[0-9a-f]{16}$/);
    // No temp file is left behind by the atomic write.
    assert.deepEqual(readdirSync(dir).sort(), ['bridge.annotations.yaml', 'bridge.txt']);
  });

  it('tag needs --occurrence when the text repeats, and tags the chosen copy', () => {
    const { file, sidecar } = freshArticle();
    const ambiguous = run(['tag', file, '--text', 'the cost would double', '--label', 'disputed']);
    assert.equal(ambiguous.code, EXIT.usage);
    assert.match(ambiguous.stderr, /occurs 2 times/);
    const second = run(['tag', file, '--text', 'the cost would double', '--occurrence', '2', '--label', 'disputed', '--reviewer', 'Ana']);
    assert.equal(second.code, EXIT.ok, second.stderr);
    const a = parseSidecar(readFileSync(sidecar, 'utf8')).annotations[0]!;
    assert.equal(a.target.position.start, ARTICLE.lastIndexOf('the cost would double'));
    assert.equal(run(['tag', file, '--text', 'the cost would double', '--occurrence', '3', '--label', 'x']).code, EXIT.usage);
  });

  it('tag refuses an unparsable sidecar and leaves it byte-identical', () => {
    const { file, sidecar } = freshArticle();
    const broken = 'version: 1\nannotations:\n  - id: a1\n    label: [unclosed\n';
    writeFileSync(sidecar, broken);
    const r = run(['tag', file, '--text', 'Critics said', '--label', 'opinion']);
    assert.equal(r.code, EXIT.input);
    assert.match(r.stderr, /line \d+, column \d+/);
    assert.equal(readFileSync(sidecar, 'utf8'), broken);
  });

  it('tag keeps comments and other entries, and rejects bad input with clear errors', () => {
    const { file, sidecar } = freshArticle();
    assert.equal(run(['tag', file, '--text', 'Critics said', '--label', 'opinion', '--reviewer', 'Ana']).code, EXIT.ok);
    const withComment = readFileSync(sidecar, 'utf8').replace('annotations:', '# checked with the desk\nannotations:');
    writeFileSync(sidecar, withComment);
    assert.equal(run(['tag', file, '--text', 'Mayor promises new bridge', '--label', 'verified', '--reviewer', 'Ana']).code, EXIT.ok);
    const after = readFileSync(sidecar, 'utf8');
    assert.match(after, /# checked with the desk/);
    assert.deepEqual(parseSidecar(after).annotations.map((a) => a.label), ['opinion', 'verified']);
    assert.match(run(['tag', file, '--text', 'not in the article', '--label', 'false']).stderr, /does not occur/);
    assert.equal(run(['tag', file, '--text', 'Critics', '--label', 'false', '--evidence', 'javascript:alert(1)']).code, EXIT.usage);
    assert.equal(run(['tag', file, '--label', 'false']).code, EXIT.usage);
    assert.equal(run(['tag', file, '--text', 'Critics']).code, EXIT.usage);
  });

  it('claims reports exact, moved, fuzzy and orphaned anchors after the article changed', () => {
    const { file } = freshArticle();
    for (const [text, label] of [
      ['Mayor promises new bridge by 2027', 'verified'],
      ['cost 40 million euros, half of last year', 'misleading'],
      ['Critics said', 'opinion'],
      ['only if steel prices rose', 'needs context'],
    ]) assert.equal(run(['tag', file, '--text', text!, '--label', label!, '--reviewer', 'Ana']).code, EXIT.ok);
    const edited = ARTICLE
      .replace('cost 40 million euros, half of last year', 'cost 40 millon euros, half of last year')
      .replace('Critics said', 'Opponents argued')
      .replace('Mayor promises', 'UPDATE: Mayor promises');
    writeFileSync(file, edited);
    const r = run(['claims', file, '--json']);
    assert.equal(r.code, EXIT.findings, 'an orphan needs attention');
    const parsed = JSON.parse(r.stdout) as { claims: { label: string; anchor: { kind: string; start?: number; end?: number; text?: string } }[] };
    const kind = (label: string) => parsed.claims.find((c) => c.label === label)!.anchor;
    assert.equal(kind('verified').kind, 'moved');
    assert.equal(kind('verified').text, 'Mayor promises new bridge by 2027');
    assert.equal(kind('misleading').kind, 'fuzzy');
    assert.equal(kind('misleading').text, 'cost 40 millon euros, half of last year');
    assert.equal(kind('opinion').kind, 'orphan');
    assert.equal(kind('needs context').kind, 'moved');
    const readable = run(['claims', file]);
    assert.match(readable.stdout, /4 claims/);
    assert.match(readable.stdout, /orphan/);
  });

  it('claims exits 0 on an article without a sidecar, 3 on a broken one', () => {
    const { file, sidecar } = freshArticle();
    const empty = run(['claims', file, '--json']);
    assert.equal(empty.code, EXIT.ok, empty.stderr);
    assert.deepEqual(JSON.parse(empty.stdout).claims, []);
    writeFileSync(sidecar, 'annotations: [\n');
    const broken = run(['claims', file]);
    assert.equal(broken.code, EXIT.input);
    assert.match(broken.stderr, /not valid YAML.*line \d+, column \d+/);
  });

  it('export writes W3C, ClaimReview and CSV with the claim text and verdict', () => {
    const { file, dir } = freshArticle();
    assert.equal(run(['tag', file, '--text', 'Critics said the cost would double', '--label', 'disputed', '--note', '=SUM(A1)', '--reviewer', 'Ana']).code, EXIT.ok);
    const w3c = run(['export', file, '--format', 'w3c']);
    assert.equal(w3c.code, EXIT.ok, w3c.stderr);
    const page = JSON.parse(w3c.stdout);
    assert.equal(page.type, 'AnnotationPage');
    assert.equal(page.items[0].target.selector[0].exact, 'Critics said the cost would double');
    const out = join(dir, 'reviews.json');
    assert.equal(run(['export', file, '--format', 'claimreview', '--out', out]).code, EXIT.ok);
    const reviews = JSON.parse(readFileSync(out, 'utf8'));
    assert.equal(reviews[0]['@type'], 'ClaimReview');
    assert.equal(reviews[0].reviewRating.alternateName, 'disputed');
    const csv = run(['export', file, '--format', 'csv']).stdout;
    assert.match(csv, /^id,label,claim/);
    assert.match(csv, /'=SUM\(A1\)/, 'formulas are neutralised');
    const bad = run(['export', file, '--format', 'pdf']);
    assert.equal(bad.code, EXIT.usage);
    assert.match(bad.stderr, /w3c, claimreview, csv/);
  });

  it('tag refreshes the stored positions of claims that moved, and leaves orphans untouched', () => {
    const { file, sidecar } = freshArticle();
    assert.equal(run(['tag', file, '--text', 'Critics said', '--label', 'opinion', '--reviewer', 'Ana']).code, EXIT.ok);
    assert.equal(run(['tag', file, '--text', 'half of last year', '--label', 'unverified', '--reviewer', 'Ana']).code, EXIT.ok);
    const edited = 'BREAKING\n\n' + ARTICLE.replace('half of last year', 'a third of the plan');
    writeFileSync(file, edited);
    assert.equal(run(['tag', file, '--text', 'Mayor promises', '--label', 'verified', '--reviewer', 'Ana']).code, EXIT.ok);
    const byLabel = new Map(parseSidecar(readFileSync(sidecar, 'utf8')).annotations.map((a) => [a.label, a]));
    const moved = byLabel.get('opinion')!;
    assert.equal(moved.target.position.start, edited.indexOf('Critics said'));
    assert.equal(moved.target.selector.prefix, edited.slice(edited.indexOf('Critics said') - moved.target.selector.prefix.length, edited.indexOf('Critics said')));
    const orphan = byLabel.get('unverified')!;
    assert.equal(orphan.target.selector.exact, 'half of last year', 'an orphan keeps its quote for the reviewer');
    assert.equal(orphan.target.position.start, ARTICLE.indexOf('half of last year'));
  });

  it('help lists the annotation commands', () => {
    const help = run(['help']).stdout;
    for (const command of ['claims FILE', 'tag FILE', 'export FILE']) assert.ok(help.includes(command), command);
  });
});
