import { strict as assert } from 'node:assert';
import { analyze } from '../../../src/core/analyze';
import { claimantOf, claimantsOf } from '../../../src/core/annotations/export/claimant';
import { toClaimReview } from '../../../src/core/annotations/export/claimReview';
import { csvField, toCsv } from '../../../src/core/annotations/export/csv';
import { exportAnnotations } from '../../../src/core/annotations/export/format';
import { fromWebAnnotation, toWebAnnotation, toWebAnnotationPage } from '../../../src/core/annotations/export/webAnnotation';
import { ARTICLE, annotationOn } from './fixtures';

const a = annotationOn(ARTICLE, 'Trade between the two countries rose to $34 million last year', {
  id: 'k2j9x',
  label: 'half true, per desk', // a team-defined label
  evidence: ['https://example.org/one', 'https://example.org/two'],
  updated: '2026-11-21T10:00:00Z',
  conflict: true,
  extra: { priority: 'high', tags: ['economy', 'trade'] },
});
const ref = { article: 'story.txt', url: 'https://news.example/story' };

describe('exports', () => {
  it('W3C Web Annotation: standard shape, and a lossless round trip', () => {
    const json = toWebAnnotation(a, ref);
    assert.equal(json.type, 'Annotation');
    assert.equal(json.motivation, 'assessing');
    assert.deepEqual((json['@context'] as unknown[])[0], 'http://www.w3.org/ns/anno.jsonld');
    const target = json.target as { source: string; selector: { type: string }[] };
    assert.equal(target.source, 'https://news.example/story');
    assert.deepEqual(target.selector.map((s) => s.type), ['TextQuoteSelector', 'TextPositionSelector']);
    assert.deepEqual(fromWebAnnotation(JSON.parse(JSON.stringify(json))), a);
    const plain = { ...a, note: '', evidence: [] as string[] };
    delete plain.conflict;
    delete plain.extra;
    assert.deepEqual(fromWebAnnotation(toWebAnnotation(plain, { article: 'story.txt' })), plain);
    const page = toWebAnnotationPage([a, plain], ref);
    assert.equal((page.items as unknown[]).length, 2);
  });

  it('schema.org ClaimReview: claim text, verdict, author, date, article', () => {
    assert.deepEqual(toClaimReview(a, ref), {
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      claimReviewed: 'Trade between the two countries rose to $34 million last year',
      reviewRating: { '@type': 'Rating', alternateName: 'half true, per desk' },
      author: { '@type': 'Person', name: 'jane' },
      datePublished: '2026-11-20T09:00:00Z',
      dateModified: '2026-11-21T10:00:00Z',
      reviewBody: 'Figure is from 2019.',
      citation: [
        { '@type': 'CreativeWork', url: 'https://example.org/one' },
        { '@type': 'CreativeWork', url: 'https://example.org/two' },
      ],
      itemReviewed: { '@type': 'Claim', appearance: { '@type': 'CreativeWork', url: 'https://news.example/story', name: 'story.txt' } },
    });
    const local = toClaimReview(a, { article: 'story.txt' });
    assert.deepEqual(local.itemReviewed, { '@type': 'Claim', appearance: { '@type': 'CreativeWork', name: 'story.txt' } });
  });

  it('ClaimReview lists the other articles reporting the claim as appearances, after the reviewed one', () => {
    const elsewhere = [{ article: 'wire/other.txt' }, { article: 'story.txt', url: 'https://news.example/story' }, { article: 'b.txt', url: 'https://b.example/x' }];
    assert.deepEqual(toClaimReview(a, ref, elsewhere).itemReviewed, {
      '@type': 'Claim',
      appearance: [
        { '@type': 'CreativeWork', url: 'https://news.example/story', name: 'story.txt' },
        { '@type': 'CreativeWork', name: 'wire/other.txt' },
        { '@type': 'CreativeWork', url: 'https://b.example/x', name: 'b.txt' },
      ],
    });
    const out = JSON.parse(exportAnnotations('claimreview', [a, { ...a, id: 'other' }], ref, { appearancesOf: (x) => (x.id === 'other' ? [{ article: 'c.txt' }] : []) }));
    assert.deepEqual(out[0].itemReviewed.appearance, { '@type': 'CreativeWork', url: 'https://news.example/story', name: 'story.txt' });
    assert.deepEqual(out[1].itemReviewed.appearance.map((w: { name: string }) => w.name), ['story.txt', 'c.txt']);
  });

  it('CSV: RFC 4180 quoting and formula-injection guard', () => {
    assert.equal(csvField('plain'), 'plain');
    assert.equal(csvField('a,b'), '"a,b"');
    assert.equal(csvField('say "hi"'), '"say ""hi"""');
    assert.equal(csvField('two\nlines'), '"two\nlines"');
    for (const risky of ['=SUM(A1)', '+1', '-2+3', '@cmd', '\tx']) assert.equal(csvField(risky).replace(/^"/, '')[0], "'", risky);
    assert.equal(csvField('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`);

    const evil = { ...a, note: '=cmd|" /C calc"!A0, then "more"', reviewer: '@jane' };
    const csv = toCsv([evil]);
    assert.ok(csv.endsWith('\r\n'));
    const lines = csv.split('\r\n');
    assert.equal(lines[0], 'id,label,claim,note,evidence,reviewer,created,updated,start,end,prefix,suffix,conflict,article,speaker');
    assert.ok(lines[1]!.startsWith(`k2j9x,"half true, per desk",Trade between the two countries rose to $34 million last year,"'=cmd|"" /C calc""!A0, then ""more""",https://example.org/one https://example.org/two,'@jane,`));
    assert.ok(lines[1]!.endsWith(',true,,'));
  });

  it('CSV: a formula after leading white space or line breaks, and the full-width forms, are neutralised too', () => {
    for (const risky of [' =1+1', '   @SUM(A1)', '\n=HYPERLINK("http://x")', '\r\n+1', ' \t-2', '\u3000=1', '＝1+1', '＋1', '－1', '＠cmd', ' ＝1']) {
      assert.equal(csvField(risky).replace(/^"/, '')[0], "'", JSON.stringify(risky));
    }
    for (const fine of ['plain', ' a = b', 'x+1', '1-2', 'e@mail', '']) assert.equal(csvField(fine), fine, JSON.stringify(fine));
  });

  it('CSV: the article as the caller names it and the speaker of the claim, as the last two columns', () => {
    const csv = toCsv([a], { article: 'story.txt', path: 'desk/story.txt' }, (id) => (id === a.id ? { name: 'Anna Berg', type: 'Person' } : null));
    assert.ok(csv.split('\r\n')[1]!.endsWith(',true,desk/story.txt,Anna Berg'));
    assert.ok(toCsv([a], { article: 'story.txt' }).split('\r\n')[1]!.endsWith(',true,story.txt,'));
    const evil = toCsv([a], { article: 'x.txt', path: '=cmd.txt' }, () => ({ name: '@evil', type: 'Person' }));
    assert.ok(evil.split('\r\n')[1]!.endsWith(",'=cmd.txt,'@evil"));
  });

  it('ClaimReview: the claimant as itemReviewed.author, and the file URI as the appearance when no URL is known', () => {
    const review = toClaimReview(a, { article: 'story.txt', fileUri: 'file:///desk/story.txt' }, [], { name: 'European Commission', type: 'Organization' });
    assert.deepEqual(review.itemReviewed, {
      '@type': 'Claim',
      author: { '@type': 'Organization', name: 'European Commission' },
      appearance: { '@type': 'CreativeWork', url: 'file:///desk/story.txt', name: 'story.txt' },
    });
    const withUrl = toClaimReview(a, { ...ref, fileUri: 'file:///desk/story.txt' });
    assert.deepEqual(withUrl.itemReviewed, { '@type': 'Claim', appearance: { '@type': 'CreativeWork', url: 'https://news.example/story', name: 'story.txt' } });
    const out = JSON.parse(exportAnnotations('claimreview', [a], ref, { claimantOf: () => ({ name: 'Anna Berg', type: 'Person' }) }));
    assert.deepEqual(out[0].itemReviewed.author, { '@type': 'Person', name: 'Anna Berg' });
  });
});

describe('claimant of a claim', () => {
  const text = [
    'Mayor promises a bridge',
    '',
    '“The bridge will cost 40 million euros,” Mayor Anna Berg said on Tuesday.',
    '',
    '“Steel prices have risen by half since spring,” the European Commission said in a statement.',
    '',
    '“Nobody asked us,” said a local shopkeeper.',
    '',
    'Critics said the plan was late.',
    '',
  ].join('\n');
  const analysis = analyze(text);
  const span = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length });

  it('is the speaker of the quote the claim falls in, by canonical name and schema.org type', () => {
    assert.deepEqual(claimantOf(span('will cost 40 million euros'), analysis), { name: 'Anna Berg', type: 'Person' });
    assert.deepEqual(claimantOf(span('“Steel prices have risen by half since spring,” the European Commission said'), analysis), { name: 'European Commission', type: 'Organization' });
    assert.deepEqual(claimantOf(span('Nobody asked us'), analysis), { name: 'a local shopkeeper', type: 'Person' });
  });

  it('is nobody for a claim outside every quote, and for an orphan', () => {
    assert.equal(claimantOf(span('Critics said the plan was late.'), analysis), null);
    const of = claimantsOf(new Map([['in', span('40 million')]]), analysis);
    assert.deepEqual(of('in'), { name: 'Anna Berg', type: 'Person' });
    assert.equal(of('orphan'), null);
  });
});
