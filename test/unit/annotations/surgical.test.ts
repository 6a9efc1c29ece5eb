import { strict as assert } from 'node:assert';
import { fnv1a64 } from '../../../src/core/annotations/hash';
import { parseSidecar } from '../../../src/core/annotations/parse';
import { updateSidecar } from '../../../src/core/annotations/write';
import { ARTICLE, annotationOn } from './fixtures';

const trade = annotationOn(ARTICLE, 'Trade between the two countries rose to $34 million last year');
const visit = annotationOn(ARTICLE, 'will visit North Korea on Tuesday', { id: 'b2', label: 'verified', note: '', evidence: [] });

// Written by hand: odd spacing, comments everywhere, blank lines, a flow map, numbers as written.
const HAND = `# Reviewer notes for story.txt

version:   1      # schema
article: story.txt
textHash: 'fnv1a64:0000000000000000'   # refreshed by the tools
budget: 99999999999999999999

annotations:

    # checked against the customs database
    -   id: a1
        label: misleading     # second opinion pending
        note: "Figure is from 2019."
        evidence:
        -   https://example.org/trade-2019
        reviewer: jane
        created: 2026-11-20T09:00:00Z
        updated: 2026-11-20T09:00:00Z
        ticket: 0x1F   # hex, kept as written
        target: {exact: "${trade.target.selector.exact}", prefix: ${JSON.stringify(trade.target.selector.prefix)}, suffix: ${JSON.stringify(trade.target.selector.suffix)}, start: ${trade.target.position.start}, end: ${trade.target.position.end}}

    # the visit itself is confirmed
    -   id: b2
        label: verified
        reviewer: jane
        created: 2026-11-20T09:00:00Z
        updated: 2026-11-20T09:00:00Z
        count: 99999999999999999999
        target:
            exact: will visit North Korea on Tuesday
            prefix: ${JSON.stringify(visit.target.selector.prefix)}
            suffix: ${JSON.stringify(visit.target.selector.suffix)}
            start: ${visit.target.position.start}
            end:   ${visit.target.position.end}

# end of the list
`;

const store = () => {
  const s = parseSidecar(HAND, { articlePath: 'story.txt' });
  assert.equal(s.error, null);
  assert.deepEqual(s.annotations.map((a) => a.id), ['a1', 'b2']);
  return s;
};

/** The text of the entry whose `- id:` line holds `id`, up to the next blank line. */
function entryBounds(text: string, id: string): [number, number] {
  const start = text.lastIndexOf('\n', text.indexOf(`id: ${id}`)) + 1;
  const end = text.indexOf('\n\n', start) + 1;
  return [start, end];
}

describe('surgical sidecar edits', () => {
  it('changing one label replaces only that value; comments, spacing and quoting around it stay', () => {
    const s = store();
    const result = updateSidecar(s, { upsert: [{ ...s.annotations[1]!, label: 'disputed' }] });
    assert.ok(result.ok && result.text !== null);
    assert.equal(result.text, HAND.replace('        label: verified\n', '        label: disputed\n'));
  });

  it('a change in one claim keeps every byte outside its entry, including numbers as written', () => {
    const s = store();
    const a1 = s.annotations[0]!;
    const result = updateSidecar(s, { upsert: [{ ...a1, evidence: [...a1.evidence, 'https://example.org/more'], conflict: true }] });
    assert.ok(result.ok && result.text !== null);
    const [start, end] = entryBounds(HAND, 'a1');
    const [newStart, newEnd] = entryBounds(result.text, 'a1');
    assert.equal(result.text.slice(0, newStart), HAND.slice(0, start));
    assert.equal(result.text.slice(newEnd), HAND.slice(end));
    assert.match(result.text, /budget: 99999999999999999999\n/);
    assert.match(result.text, /count: 99999999999999999999\n/);
    assert.ok(!result.text.includes('1e+20') && !result.text.includes('100000000000000000000'));
    const back = parseSidecar(result.text, { articlePath: 'story.txt' });
    assert.deepEqual(back.annotations[0]!.evidence, ['https://example.org/trade-2019', 'https://example.org/more']);
    assert.equal(back.annotations[0]!.conflict, true);
    assert.deepEqual(back.annotations[1], s.annotations[1]);
  });

  it('a value inside a flow map is replaced in place, quoted so it reads back', () => {
    const s = store();
    const a1 = s.annotations[0]!;
    const moved = { ...a1, target: { selector: { ...a1.target.selector, prefix: 'a, b: {c}' }, position: { start: 3, end: 9 } } };
    const result = updateSidecar(s, { upsert: [moved] });
    assert.ok(result.ok && result.text !== null);
    const lines = (t: string) => t.split('\n');
    const changed = lines(result.text).filter((line, i) => line !== lines(HAND)[i]);
    assert.equal(changed.length, 1);
    assert.match(changed[0]!, /prefix: "a, b: \{c\}", suffix: .*start: 3, end: 9\}$/);
    assert.deepEqual(parseSidecar(result.text).annotations[0], moved);
  });

  it('an added claim is appended after the last one; nothing before it moves', () => {
    const s = store();
    const added = annotationOn(ARTICLE, 'officials said', { id: 'c3', label: 'needs context' });
    const result = updateSidecar(s, { upsert: [added] });
    assert.ok(result.ok && result.text !== null);
    const [, end] = entryBounds(HAND, 'b2');
    assert.equal(result.text.slice(0, end - 1), HAND.slice(0, end - 1));
    assert.ok(result.text.endsWith(HAND.slice(end - 1)));
    assert.match(result.text, /\n {4}- {3}id: c3\n {8}label: needs context\n/);
    assert.deepEqual(parseSidecar(result.text).annotations.map((a) => a.id), ['a1', 'b2', 'c3']);
    assert.deepEqual(parseSidecar(result.text).annotations[2], added);
  });

  it('a removed claim takes only its own lines with it', () => {
    const s = store();
    const result = updateSidecar(s, { remove: ['a1'] });
    assert.ok(result.ok && result.text !== null);
    const start = HAND.lastIndexOf('\n', HAND.indexOf('id: a1')) + 1;
    const end = HAND.indexOf('\n\n', start) + 1;
    assert.equal(result.text, HAND.slice(0, start) + HAND.slice(end));
    assert.deepEqual(parseSidecar(result.text).annotations.map((a) => a.id), ['b2']);
  });

  it('a new textHash replaces the hash only, keeping its quotes and comment', () => {
    const s = store();
    const hash = fnv1a64(ARTICLE);
    const result = updateSidecar(s, { textHash: hash });
    assert.ok(result.ok && result.text !== null);
    assert.equal(result.text, HAND.replace("'fnv1a64:0000000000000000'", `'${hash}'`));
  });

  it('the first claim in `annotations: []` starts a block list; the rest of the file stays', () => {
    const text = '# mine\nversion: 1\narticle: story.txt   # hand-made\ntextHash: ""\nannotations: []  # none yet\nextra:   7\n';
    const s = parseSidecar(text, { articlePath: 'story.txt' });
    const result = updateSidecar(s, { upsert: [trade] });
    assert.ok(result.ok && result.text !== null);
    assert.ok(result.text.startsWith('# mine\nversion: 1\narticle: story.txt   # hand-made\ntextHash: ""\nannotations:\n  - id: a1\n'));
    assert.ok(result.text.endsWith('  # none yet\nextra:   7\n'));
    assert.deepEqual(parseSidecar(result.text).annotations, [trade]);
  });

  it('keeps CRLF line ends in a hand-edited file and adds new lines with CRLF', () => {
    const crlf = HAND.replace(/\n/g, '\r\n');
    const s = parseSidecar(crlf, { articlePath: 'story.txt' });
    const added = annotationOn(ARTICLE, 'officials said', { id: 'c3' });
    const result = updateSidecar(s, { upsert: [{ ...s.annotations[1]!, label: 'disputed' }, added] });
    assert.ok(result.ok && result.text !== null);
    assert.ok(!/[^\r]\n/.test(result.text), 'every line ends with CRLF');
    assert.ok(result.text.startsWith(crlf.slice(0, crlf.indexOf('label: verified'))));
    assert.deepEqual(parseSidecar(result.text).annotations.map((a) => a.label), ['misleading', 'disputed', 'misleading']);
  });
});
