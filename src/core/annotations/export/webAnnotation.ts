// W3C Web Annotation (JSON-LD) export and import. Lossless: fromWebAnnotation(toWebAnnotation(a))
// deep-equals `a`, including team-defined labels, conflict flags and unknown keys.

import { Annotation } from '../types';

const NS = 'urn:news-annotator:';

export interface ArticleRef {
  /** File name of the article. */
  article: string;
  /** Public URL of the article, when known; used as the target source instead of the file name. */
  url?: string;
  /** The article's path as the caller names it (the CLI argument, the workspace-relative path): the CSV article column. */
  path?: string;
  /** URI of the article file (file:///…), where ClaimReview says the claim appeared when no public URL is known. */
  fileUri?: string;
}

export type WebAnnotation = Record<string, unknown>;

export function toWebAnnotation(a: Annotation, ref: ArticleRef): WebAnnotation {
  const body: Record<string, unknown>[] = [{ type: 'TextualBody', purpose: 'assessing', value: a.label }];
  if (a.note !== '') body.push({ type: 'TextualBody', purpose: 'commenting', value: a.note, format: 'text/plain' });
  for (const url of a.evidence) body.push({ id: url, purpose: 'linking' });
  const out: WebAnnotation = {
    '@context': ['http://www.w3.org/ns/anno.jsonld', { na: NS }],
    id: `${NS}annotation:${a.id}`,
    type: 'Annotation',
    motivation: 'assessing',
    created: a.created,
    modified: a.updated,
    creator: { type: 'Person', name: a.reviewer },
    body,
    target: {
      source: ref.url ?? ref.article,
      selector: [
        { type: 'TextQuoteSelector', exact: a.target.selector.exact, prefix: a.target.selector.prefix, suffix: a.target.selector.suffix },
        { type: 'TextPositionSelector', start: a.target.position.start, end: a.target.position.end },
      ],
    },
  };
  if (a.conflict) out['na:conflict'] = true;
  if (a.extra && Object.keys(a.extra).length > 0) out['na:extra'] = a.extra;
  return out;
}

/** An AnnotationPage holding every annotation of one article. */
export function toWebAnnotationPage(annotations: readonly Annotation[], ref: ArticleRef): WebAnnotation {
  return {
    '@context': ['http://www.w3.org/ns/anno.jsonld', { na: NS }],
    type: 'AnnotationPage',
    partOf: { type: 'AnnotationCollection', label: ref.article },
    items: annotations.map((a) => {
      const { '@context': _context, ...rest } = toWebAnnotation(a, ref);
      return rest;
    }),
  };
}

/** Reads back an annotation produced by toWebAnnotation. Throws on a shape it did not produce. */
export function fromWebAnnotation(json: WebAnnotation): Annotation {
  const fail = (what: string): never => {
    throw new Error(`Not a News Annotator web annotation: ${what}`);
  };
  const id = typeof json.id === 'string' && json.id.startsWith(`${NS}annotation:`) ? json.id.slice(`${NS}annotation:`.length) : fail('id');
  const body = Array.isArray(json.body) ? (json.body as Record<string, unknown>[]) : fail('body');
  const label = body.find((b) => b.purpose === 'assessing');
  const note = body.find((b) => b.purpose === 'commenting');
  const target = (json.target ?? fail('target')) as { selector?: Record<string, unknown>[] };
  const quote = target.selector?.find((s) => s.type === 'TextQuoteSelector') ?? fail('TextQuoteSelector');
  const position = target.selector?.find((s) => s.type === 'TextPositionSelector') ?? fail('TextPositionSelector');
  const a: Annotation = {
    id,
    label: typeof label?.value === 'string' ? label.value : fail('label'),
    note: typeof note?.value === 'string' ? note.value : '',
    evidence: body.filter((b) => b.purpose === 'linking').map((b) => String(b.id)),
    reviewer: String((json.creator as { name?: unknown } | undefined)?.name ?? ''),
    created: String(json.created ?? ''),
    updated: String(json.modified ?? ''),
    target: {
      selector: { exact: String(quote.exact ?? ''), prefix: String(quote.prefix ?? ''), suffix: String(quote.suffix ?? '') },
      position: { start: Number(position.start), end: Number(position.end) },
    },
  };
  if (json['na:conflict'] === true) a.conflict = true;
  if (json['na:extra'] && typeof json['na:extra'] === 'object') a.extra = json['na:extra'] as Record<string, unknown>;
  return a;
}
