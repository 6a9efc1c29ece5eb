import { strict as assert } from 'node:assert';
import { fnv1a64 } from '../../../src/core/annotations/hash';
import { MAX_ALIAS_COUNT, parseSidecar } from '../../../src/core/annotations/parse';
import { isSidecarPath, sidecarPathFor } from '../../../src/core/annotations/paths';
import { createSidecar, updateSidecar } from '../../../src/core/annotations/write';
import { SIDECAR_VERSION } from '../../../src/core/annotations/types';
import { ARTICLE, annotationOn } from './fixtures';

const trade = annotationOn(ARTICLE, 'Trade between the two countries rose to $34 million last year');
const visit = annotationOn(ARTICLE, 'will visit North Korea on Tuesday', { id: 'b2', label: 'verified', note: '', evidence: [] });

const HAND_EDITED = `# Reviewer notes for story.txt
version: 1
article: story.txt
textHash: fnv1a64:0000000000000000
annotations:
  # checked against the customs database
  - id: a1
    label: misleading # second opinion pending
    note: Figure is from 2019.
    evidence:
      - https://example.org/trade-2019
    reviewer: jane
    created: 2026-11-20T09:00:00Z
    updated: 2026-11-20T09:00:00Z
    priority: high
    target:
      exact: Trade between the two countries rose to $34 million last year
      prefix: "ons to Moscow, officials said.\\n\\n"
      suffix: ", the Kremlin said.\\n"
      start: ${trade.target.position.start}
      end: ${trade.target.position.end}
  - id: b2
    label: verified
    note: ""
    evidence: []
    reviewer: jane
    created: 2026-11-20T09:00:00Z
    updated: 2026-11-20T09:00:00Z
    target:
      exact: will visit North Korea on Tuesday
      prefix: "ussian President Vladimir Putin "
      suffix: ", the Kremlin said.\\n\\nThe trip co"
      start: ${visit.target.position.start}
      end: ${visit.target.position.end}
`;

describe('sidecar paths and hash', () => {
  it('puts the sidecar beside the article, dropping only the last extension', () => {
    assert.equal(sidecarPathFor('/news/story.txt'), '/news/story.annotations.yaml');
    assert.equal(sidecarPathFor('C:\\news\\story.news.txt'), 'C:\\news\\story.news.annotations.yaml');
    assert.equal(sidecarPathFor('README'), 'README.annotations.yaml');
    assert.equal(sidecarPathFor('dir/.hidden'), 'dir/.hidden.annotations.yaml');
    assert.equal(sidecarPathFor('a.txt'), sidecarPathFor('a.md'));
    assert.equal(isSidecarPath('x/story.annotations.yaml'), true);
    assert.equal(isSidecarPath('x/story.txt'), false);
  });

  it('hashes with FNV-1a 64 over UTF-8 (published test vectors)', () => {
    assert.equal(fnv1a64(''), 'fnv1a64:cbf29ce484222325');
    assert.equal(fnv1a64('a'), 'fnv1a64:af63dc4c8601ec8c');
    assert.equal(fnv1a64('foobar'), 'fnv1a64:85944171f73967e8');
    assert.notEqual(fnv1a64('café'), fnv1a64('cafe'));
  });
});

describe('parseSidecar', () => {
  it('reads a hand-edited file: header, annotations, unknown keys', () => {
    const store = parseSidecar(HAND_EDITED, { articlePath: '/news/story.txt' });
    assert.equal(store.error, null);
    assert.equal(store.writable, true);
    assert.deepEqual(store.header, { version: 1, article: 'story.txt', textHash: 'fnv1a64:0000000000000000' });
    assert.equal(store.annotations.length, 2);
    assert.deepEqual(store.annotations[0], { ...trade, extra: { priority: 'high' } });
    assert.deepEqual(store.annotations[1], visit);
  });

  it('treats an empty file as an empty, writable sidecar', () => {
    const store = parseSidecar('  \n', { articlePath: 'story.txt' });
    assert.equal(store.error, null);
    assert.equal(store.writable, true);
    assert.deepEqual(store.annotations, []);
  });

  const refused: [string, string, RegExp, number | null][] = [
    // The parser notices the missing quote where the file ends.
    ['broken YAML (unclosed quote)', 'version: 1\nannotations:\n  - id: "a1\n', /not valid YAML: Missing closing "quote/, 4],
    ['broken YAML (bad indentation)', 'version: 1\nannotations: [\n- id: a1\n', /not valid YAML/, null],
    ['duplicate keys', 'version: 1\narticle: a.txt\narticle: b.txt\n', /unique/, 3],
    ['a !!js/function tag', 'version: 1\nannotations:\n  - id: !!js/function "function(){}"\n', /tag/i, 3],
    ['a custom !foo tag', 'version: 1\narticle: !foo story.txt\n', /tag/i, 2],
    ['binary content', 'version: 1\narticle: st\u0000ory.txt\n', /binary/, 2],
    ['a list at the top', '- a\n- b\n', /must be a mapping/, 1],
    ['annotations that are not a list', 'version: 1\nannotations: yes please\n', /must be a list/, 2],
  ];
  for (const [what, text, message, line] of refused) {
    it(`refuses ${what} with a clear message, read-only`, () => {
      const store = parseSidecar(text);
      assert.ok(store.error, 'expected an error');
      assert.match(store.error.message, message);
      if (line !== null) {
        assert.equal(store.error.position?.line, line, store.error.message);
        assert.match(store.error.message, new RegExp(`line ${line}, column \\d+`));
      }
      assert.equal(store.writable, false);
      assert.deepEqual(store.annotations, []);
      const update = updateSidecar(store, { upsert: [trade] });
      assert.equal(update.ok, false);
    });
  }

  it('stops alias bombs (billion laughs)', () => {
    const bomb = ['version: 1', 'a: &a [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) bomb.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill('*' + String.fromCharCode(96 + i)).join(', ')}]`);
    const store = parseSidecar(bomb.join('\n') + '\n');
    assert.match(store.error?.message ?? '', new RegExp(`aliases.*${MAX_ALIAS_COUNT}`));
    assert.equal(store.writable, false);
  });

  it('refuses files over the size limit before parsing', () => {
    const store = parseSidecar('version: 1\n' + '#'.repeat(2000) + '\n', { maxChars: 1000 });
    assert.match(store.error?.message ?? '', /too large/);
    assert.equal(store.writable, false);
    const big = parseSidecar('x'.repeat(5 * 1024 * 1024 + 1));
    assert.match(big.error?.message ?? '', /too large.*5\.0 MB/);
  });

  it('handles a BOM and CRLF line ends, and keeps both on rewrite', () => {
    const crlf = '\uFEFF' + HAND_EDITED.replace(/\n/g, '\r\n');
    const store = parseSidecar(crlf, { articlePath: 'story.txt' });
    assert.equal(store.error, null);
    assert.equal(store.annotations.length, 2);
    assert.equal(store.annotations[0]!.target.selector.exact, trade.target.selector.exact);
    const result = updateSidecar(store, { upsert: [{ ...store.annotations[1]!, label: 'disputed' }] });
    assert.ok(result.ok && result.text !== null);
    assert.ok(result.text.startsWith('\uFEFF'));
    assert.equal(result.text.replace(/\r\n/g, '').includes('\n'), false, 'every line ends with CRLF');
    assert.equal(result.text, crlf.replace('label: verified', 'label: disputed'));
  });

  it('reports a schema-invalid entry on its own and loads the valid ones', () => {
    const text = HAND_EDITED.replace('label: verified', 'label: [not, text]').replace(`start: ${visit.target.position.start}`, 'start: -4');
    const store = parseSidecar(text, { articlePath: 'story.txt' });
    assert.equal(store.error, null);
    assert.equal(store.writable, true);
    assert.deepEqual(store.annotations.map((a) => a.id), ['a1']);
    assert.equal(store.entryProblems.length, 1);
    const problem = store.entryProblems[0]!;
    assert.equal(problem.index, 1);
    assert.equal(problem.id, 'b2');
    assert.equal(problem.problems.length, 2);
    assert.match(problem.message, /annotation 2 \(id b2\): `label` must be text.*`target\.start` must be a whole number/);
    assert.match(problem.message, /line 22/);
  });

  it('reports missing fields, bad dates and repeated ids per entry', () => {
    const text = 'version: 1\nannotations:\n  - label: x\n  - id: q\n    label: false\n    created: yesterday\n    target: {exact: a, start: 0, end: 1}\n' +
      '  - id: ok\n    label: "false"\n    target: {exact: a, start: 0, end: 1}\n  - id: ok\n    label: opinion\n    target: {exact: a, start: 3, end: 1}\n';
    const store = parseSidecar(text);
    assert.deepEqual(store.annotations.map((a) => a.label), ['false']);
    assert.deepEqual(store.entryProblems.map((p) => p.index), [0, 1, 3]);
    assert.match(store.entryProblems[0]!.message, /`id` is missing.*`target` is missing/);
    assert.match(store.entryProblems[1]!.message, /`label` must be text, found boolean false.*`created` must be an ISO 8601 date/);
    assert.match(store.entryProblems[2]!.message, /used by an earlier annotation|before `target.start`/);
  });

  it('opens another article\'s sidecar read-only (story.txt and story.md share one)', () => {
    const store = parseSidecar(HAND_EDITED, { articlePath: '/news/story.md' });
    assert.equal(store.writable, false);
    assert.match(store.warnings[0]!, /belong to "story.txt", not "story.md"/);
    assert.equal(store.annotations.length, 2);
    assert.equal(updateSidecar(store, { remove: ['a1'] }).ok, false);
  });

  it('opens a newer schema version read-only', () => {
    const store = parseSidecar(HAND_EDITED.replace('version: 1', `version: ${SIDECAR_VERSION + 1}`), { articlePath: 'story.txt' });
    assert.equal(store.writable, false);
    assert.match(store.warnings[0]!, new RegExp(`version ${SIDECAR_VERSION + 1}`));
  });
});

describe('updateSidecar and createSidecar', () => {
  const store = () => parseSidecar(HAND_EDITED, { articlePath: 'story.txt' });

  it('writes nothing when nothing changed', () => {
    const s = store();
    assert.deepEqual(updateSidecar(s, {}), { ok: true, text: null });
    assert.deepEqual(updateSidecar(s, { upsert: s.annotations, textHash: s.header.textHash }), { ok: true, text: null });
  });

  it('changes one field as a one-line diff, keeping comments, key order and unknown keys', () => {
    const s = store();
    const result = updateSidecar(s, { upsert: [{ ...s.annotations[0]!, label: 'false', updated: '2026-11-21T10:00:00Z' }] });
    assert.ok(result.ok && result.text !== null);
    const before = HAND_EDITED.split('\n');
    const after = result.text.split('\n');
    assert.equal(after.length, before.length);
    const changed = after.map((line, i) => (line === before[i] ? null : [before[i], line])).filter(Boolean);
    assert.deepEqual(changed, [
      // quoted, or it would read back as the boolean false
      ['    label: misleading # second opinion pending', '    label: "false" # second opinion pending'],
      ['    updated: 2026-11-20T09:00:00Z', '    updated: 2026-11-21T10:00:00Z'],
    ]);
    // and it reads back as written
    assert.equal(parseSidecar(result.text).annotations[0]!.label, 'false');
  });

  it('adds and removes whole blocks only', () => {
    const s = store();
    const added = annotationOn(ARTICLE, 'officials said', { id: 'c3', label: 'needs context' });
    const result = updateSidecar(s, { upsert: [added], remove: ['b2'], textHash: fnv1a64(ARTICLE) });
    assert.ok(result.ok && result.text !== null);
    assert.ok(result.text.includes('# checked against the customs database'));
    assert.ok(result.text.includes('priority: high'));
    assert.ok(!result.text.includes('id: b2'));
    const back = parseSidecar(result.text, { articlePath: 'story.txt' });
    assert.deepEqual(back.annotations.map((a) => a.id), ['a1', 'c3']);
    assert.deepEqual(back.annotations[1], added);
    assert.equal(back.header.textHash, fnv1a64(ARTICLE));
  });

  it('round-trips awkward text (quotes, colons, newlines, #, unicode) exactly', () => {
    const awkward = annotationOn(ARTICLE, 'the Kremlin said', {
      id: 'zz9',
      label: 'needs context',
      note: 'He said: "no" # not a comment\n— second line, ‘curly’ quotes, emoji 🙂, key: value',
      evidence: ['https://example.org/a?b=c&d=e#frag', "- not a list"],
      reviewer: '@team: fact-check',
    });
    const text = createSidecar({ article: 'story.txt', textHash: fnv1a64(ARTICLE) }, [awkward]);
    assert.match(text, /^# Reviewer notes for story\.txt/);
    const back = parseSidecar(text, { articlePath: 'story.txt' });
    assert.equal(back.error, null);
    assert.deepEqual(back.annotations, [awkward]);
    assert.deepEqual(updateSidecar(back, { upsert: [awkward] }), { ok: true, text: null });
  });

  it('starts a new file with a header comment when the sidecar was empty', () => {
    const empty = parseSidecar('', { articlePath: 'dir/story.txt' });
    assert.deepEqual(updateSidecar(empty, {}), { ok: true, text: null });
    const result = updateSidecar(empty, { upsert: [trade], textHash: 'fnv1a64:1' });
    assert.ok(result.ok && result.text !== null);
    assert.match(result.text, /^# Reviewer notes for story\.txt, kept by News Annotator\./);
    assert.match(result.text, /\nversion: 1\narticle: story\.txt\ntextHash: fnv1a64:1\nannotations:\n  - id: a1\n    label: misleading\n/);
    assert.deepEqual(parseSidecar(result.text).annotations, [trade]);
  });
});
