// The article outline (headline, sub-headings, paragraphs that carry quotes) and the foldable
// page-residue blocks, computed from an Analysis without any editor types.
import type { Analysis, Quote, Span } from '../types';
import type { AnalysisIndex } from './analysisIndex';
import { truncate } from './escape';

export type OutlineKind = 'headline' | 'standfirst' | 'section' | 'paragraph' | 'quote';

export interface OutlineNode {
  kind: OutlineKind;
  name: string;
  detail: string;
  /** The whole extent of the node (a section runs to the next sub-heading). */
  range: Span;
  /** The part to select and reveal: the heading line, the paragraph, the quote. */
  selection: Span;
  children: OutlineNode[];
}

const NAME_CHARS = 60;

/**
 * Headline first (its standfirst, the summary line the structure reads as a sub-heading before
 * the first paragraph, inside it), then one node per real sub-heading holding the blocks-with-
 * quotes under it; blocks before the first sub-heading sit at the top level. Blocks without quotes
 * are left out so the outline stays a map of who said what. Every quote of the analysis appears
 * exactly once (a quote in the headline or a heading under that node, one in a caption under the
 * caption), so the outline counts what the News view and the status bar count.
 */
export function buildOutline(analysis: Analysis, index: AnalysisIndex, text: string): OutlineNode[] {
  const roots: OutlineNode[] = [];
  const { headline, subheadings, paragraphs, captions, bylines, datelines } = analysis.structure;
  const head = headline ? leaf('headline', headline.text, 'headline', headline, headline) : undefined;
  if (head) roots.push(head);

  // A loop, not Math.min(...): a long article has more paragraphs than a call takes arguments.
  let firstParagraph = analysis.length;
  for (const p of paragraphs) firstParagraph = Math.min(firstParagraph, p.start);
  const sorted = [...subheadings].sort((a, b) => a.start - b.start);
  // A sub-heading before any paragraph, right under the headline, summarises the story: it is the
  // standfirst, not the start of a section.
  const standfirsts = head ? sorted.filter((h) => h.start < firstParagraph) : [];
  const headings = sorted.filter((h) => !standfirsts.includes(h));
  const standfirstNodes = standfirsts.map((h) => leaf('standfirst', h.text, 'standfirst', h, h));
  if (head) {
    head.children.push(...standfirstNodes);
    head.range.end = Math.max(head.range.end, ...standfirstNodes.map((n) => n.range.end));
  }
  const sections: OutlineNode[] = headings.map((h, i) => {
    const end = i + 1 < headings.length ? headings[i + 1]!.start : Math.max(h.end, analysis.length);
    return leaf('section', h.text, 'sub-heading', { start: h.start, end: trimEnd(text, h.start, end) }, h);
  });
  // The last section whose heading starts at or before `offset` (headings are sorted): a binary
  // search, as a long article has thousands of sections and tens of thousands of quoted blocks.
  const sectionFor = (offset: number) => {
    let lo = 0;
    let hi = headings.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (headings[mid]!.start <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 ? sections[lo - 1] : undefined;
  };

  // Containers a quote can sit in, in text order: heading-like nodes hold their quotes directly,
  // blocks (paragraphs, captions, bylines, datelines) become a node of their own when quoted.
  type Holder = { span: Span; node?: OutlineNode; block?: boolean };
  const holders: Holder[] = [
    ...(head && headline ? [{ span: headline, node: head }] : []),
    ...standfirsts.map((h, i) => ({ span: h as Span, node: standfirstNodes[i] })),
    ...headings.map((h, i) => ({ span: h as Span, node: sections[i] })),
    ...[...paragraphs, ...captions, ...bylines, ...datelines].map((b) => ({ span: b, block: true })),
  ].sort((a, b) => a.span.start - b.span.start);
  const blockNodes = new Map<Holder, OutlineNode>();
  const loose: OutlineNode[] = [];
  let h = 0;
  for (const quote of index.quotes) {
    while (h + 1 < holders.length && holders[h + 1]!.span.start <= quote.start) h++;
    const holder = holders[h] && holders[h]!.span.start <= quote.start && quote.start < Math.max(holders[h]!.span.end, holders[h]!.span.start + 1) ? holders[h] : undefined;
    const node = quoteNode(quote, index);
    if (!holder) {
      loose.push(node); // between blocks (should not happen): still listed, at its place
      continue;
    }
    if (holder.node) {
      holder.node.children.push(node);
      holder.node.range.end = Math.max(holder.node.range.end, node.range.end);
      continue;
    }
    let block = blockNodes.get(holder);
    if (!block) {
      block = leaf('paragraph', truncate(text.slice(holder.span.start, holder.span.end), NAME_CHARS), '', holder.span, holder.span);
      blockNodes.set(holder, block);
    }
    block.children.push(node);
    // A quote running over several paragraphs must still lie inside its parent's range.
    block.range.end = Math.max(block.range.end, node.range.end);
  }
  for (const node of [...blockNodes.values(), ...loose]) {
    if (node.kind === 'paragraph') node.detail = plural(node.children.length, 'quote');
    const section = sectionFor(node.range.start);
    if (section) section.range.end = Math.max(section.range.end, node.range.end);
    (section?.children ?? roots).push(node);
  }
  for (const section of sections) {
    section.children.sort((a, b) => a.range.start - b.range.start);
    const count = section.children.reduce((n, c) => n + (c.kind === 'quote' ? 1 : c.children.length), 0);
    section.detail = count ? plural(count, 'quote') : 'sub-heading';
  }
  return [...roots, ...sections].sort((a, b) => a.range.start - b.range.start);
}

/**
 * The outline cut to its upper levels so that it holds at most `maxNodes` nodes: the deepest level
 * goes first (quotes, then the paragraphs holding them), never part of a level. The editor builds
 * its outline, breadcrumbs and sticky scroll from every node it is given, on its own thread; a long
 * article's full outline (tens of thousands of quotes) holds typing up for seconds each time it is
 * sent, and lists more than a reader can use. The top level is always kept whole.
 */
export function outlineWithin(nodes: OutlineNode[], maxNodes: number): OutlineNode[] {
  const perLevel: number[] = [];
  const count = (list: OutlineNode[], depth: number) => {
    for (const node of list) {
      perLevel[depth] = (perLevel[depth] ?? 0) + 1;
      count(node.children, depth + 1);
    }
  };
  count(nodes, 0);
  let levels = perLevel.length;
  let total = perLevel.reduce((a, b) => a + b, 0);
  while (levels > 1 && total > maxNodes) total -= perLevel[--levels]!;
  if (levels === perLevel.length) return nodes;
  const cut = (list: OutlineNode[], depth: number): OutlineNode[] =>
    list.map((node) => ({ ...node, children: depth + 1 < levels ? cut(node.children, depth + 1) : [] }));
  return cut(nodes, 0);
}

function quoteNode(quote: Quote, index: AnalysisIndex): OutlineNode {
  const who = quote.speaker
    ? (quote.speaker.entityId && index.entitiesById.get(quote.speaker.entityId)?.name) || quote.speaker.text
    : 'unattributed';
  return leaf('quote', truncate(quote.text, NAME_CHARS), who, quote, quote);
}

/**
 * Residue spans merged into blocks: consecutive residue lines separated only by whitespace
 * become one block, so a share-widget run or a footer folds as a unit.
 */
export function residueBlocks(analysis: Analysis, text: string): Span[] {
  const blocks: Span[] = [];
  for (const span of [...analysis.structure.residue].sort((a, b) => a.start - b.start)) {
    const last = blocks[blocks.length - 1];
    if (last && /^\s*$/.test(text.slice(last.end, span.start))) last.end = Math.max(last.end, span.end);
    else blocks.push({ start: span.start, end: span.end });
  }
  return blocks;
}

function leaf(kind: OutlineKind, name: string, detail: string, range: Span, selection: Span): OutlineNode {
  return { kind, name: name.trim() || kind, detail, range: { start: range.start, end: range.end }, selection: { start: selection.start, end: selection.end }, children: [] };
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && /\s/.test(text[end - 1])) end--;
  return end;
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
