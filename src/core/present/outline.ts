// The article outline (headline, sub-headings, paragraphs that carry quotes) and the foldable
// page-residue blocks, computed from an Analysis without any editor types.
import type { Analysis, Span } from '../types';
import type { AnalysisIndex } from './analysisIndex';
import { truncate } from './escape';

export type OutlineKind = 'headline' | 'section' | 'paragraph' | 'quote';

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
 * Headline first, then one node per sub-heading holding the paragraphs-with-quotes under it;
 * paragraphs before the first sub-heading sit at the top level. Paragraphs without quotes are
 * left out so the outline stays a map of who said what.
 */
export function buildOutline(analysis: Analysis, index: AnalysisIndex, text: string): OutlineNode[] {
  const roots: OutlineNode[] = [];
  const { headline, subheadings, paragraphs } = analysis.structure;
  if (headline) roots.push(leaf('headline', headline.text, 'headline', headline, headline));

  const headings = [...subheadings].sort((a, b) => a.start - b.start);
  const sections: OutlineNode[] = headings.map((h, i) => {
    const end = i + 1 < headings.length ? headings[i + 1].start : Math.max(h.end, analysis.length);
    return leaf('section', h.text, 'sub-heading', { start: h.start, end: trimEnd(text, h.start, end) }, h);
  });

  const sectionFor = (offset: number) => {
    for (let i = sections.length - 1; i >= 0; i--) if (headings[i].start <= offset) return sections[i];
    return undefined;
  };

  let q = 0;
  const quotes = index.quotes;
  for (const para of [...paragraphs].sort((a, b) => a.start - b.start)) {
    while (q < quotes.length && quotes[q].start < para.start) q++;
    const inside: OutlineNode[] = [];
    for (let j = q; j < quotes.length && quotes[j].start < para.end; j++) {
      const quote = quotes[j];
      const who = quote.speaker
        ? (quote.speaker.entityId && index.entitiesById.get(quote.speaker.entityId)?.name) || quote.speaker.text
        : 'unattributed';
      inside.push(leaf('quote', truncate(quote.text, NAME_CHARS), who, quote, quote));
    }
    if (!inside.length) continue;
    const node = leaf('paragraph', truncate(text.slice(para.start, para.end), NAME_CHARS), plural(inside.length, 'quote'), para, para);
    node.children = inside;
    // A quote running over several paragraphs must still lie inside its parent's range.
    node.range.end = Math.max(node.range.end, ...inside.map((c) => c.range.end));
    const section = sectionFor(para.start);
    if (section) section.range.end = Math.max(section.range.end, node.range.end);
    (section?.children ?? roots).push(node);
  }
  for (const section of sections) {
    section.detail = section.children.length ? plural(section.children.reduce((n, p) => n + p.children.length, 0), 'quote') : 'sub-heading';
  }
  return [...roots, ...sections].sort((a, b) => a.range.start - b.range.start);
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
