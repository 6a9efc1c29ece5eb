// The content of the News view as plain data: entities grouped by type with counts, quotes grouped
// by speaker, each leaf pointing at a span to reveal; plus a case-insensitive text filter.
import { ENTITY_TYPES, type EntityType, type Quote, type Span } from '../types';
import type { AnalysisIndex } from './analysisIndex';
import { truncate } from './escape';
import type { ArticleSources, Source, SourceKind } from '../sources';

export interface ViewNode {
  /** Unique within one tree, stable across re-analyses of the same text (used to keep expansion). */
  id: string;
  label: string;
  description?: string;
  tooltip?: string;
  /** Where clicking the node takes the reader; absent for pure grouping nodes. */
  target?: Span;
  /** A hint for the icon: entity type, 'quote', 'speaker', 'section'. */
  icon: string;
  /** Theme colour id for the icon (the Legend's swatches). */
  colour?: string;
  children: ViewNode[];
  /** How many children there are, for a node that makes them only when first asked (lazyGroup). */
  childCount?: number;
  /** Run on click instead of revealing `target` in the described article (e.g. to show both sides of a match). */
  command?: { id: string; args: unknown[] };
}

/**
 * A group whose `count` children are made when they are first asked for (the group opened, or the
 * view filtered), then kept: a long article's comparison lists thousands, and groups show closed.
 */
export function lazyGroup(node: Omit<ViewNode, 'children' | 'childCount'>, count: number, make: () => ViewNode[]): ViewNode {
  let children: ViewNode[] | undefined;
  return {
    ...node,
    childCount: count,
    get children() {
      return (children ??= make());
    },
    set children(nodes: ViewNode[]) {
      children = nodes;
    },
  };
}

/**
 * How many nodes a list shows before a "more" node. VS Code fetches an open group's children whole,
 * and again on every refresh of the view; a long article's speakers or sources run to thousands
 * (half a megabyte of items), which held the extension host for a tenth of a second each time.
 */
export const PAGE_SIZE = 100;

/** The icon hint of a "more" node: the rest of a long list, one page at a time. */
export const MORE_ICON = 'more';

/**
 * A long list as its first PAGE_SIZE nodes followed by a "N more" group holding the rest the same
 * way; each page's nodes are made when its group is first opened. `parentId` keeps ids unique.
 */
export function paged<T>(items: readonly T[], make: (item: T) => ViewNode, parentId: string, from = 0): ViewNode[] {
  const end = Math.min(items.length, from + PAGE_SIZE);
  const page: ViewNode[] = [];
  for (let i = from; i < end; i++) page.push(make(items[i]!));
  const rest = items.length - end;
  if (rest > 0) {
    const shown = Math.min(rest, PAGE_SIZE);
    const more = { id: `${parentId}/more/${end}`, label: `${rest} more`, tooltip: `Items ${end + 1}–${end + shown} of ${items.length}`, icon: MORE_ICON };
    page.push(lazyGroup(more, shown + (rest > shown ? 1 : 0), () => paged(items, make, parentId, end)));
  }
  return page;
}

/** Whether a node has children, without making those of a lazy group. */
export function hasChildren(node: ViewNode): boolean {
  return (node.childCount ?? node.children.length) > 0;
}

/** Group names of the News view, each type said once (the legend and hovers call them PERSON, ORG…). */
export const ENTITY_GROUP_LABELS: Record<EntityType, string> = {
  PERSON: 'People',
  ORG: 'Organisations',
  PLACE: 'Places',
  NORP: 'Nationalities and groups',
};

export function entitySection(index: AnalysisIndex): ViewNode {
  const groups: ViewNode[] = [];
  for (const type of ENTITY_TYPES) {
    const entities = index.analysis.entities.filter((e) => e.type === type);
    if (!entities.length) continue;
    const ranked = entities
      .map((entity) => {
        const spans = index.spansOf(entity);
        const others = entity.aliases.filter((a) => a !== entity.name);
        const node: ViewNode = {
          id: `entity/${entity.id}`,
          label: entity.name,
          description: `${plural(spans.length, 'mention')}${others.length ? ` · also ${truncate(others.join(', '), 40)}` : ''}`,
          tooltip: others.length ? `${entity.name} (${type}), also written ${others.join(', ')}` : `${entity.name} (${type})`,
          target: spans[0],
          icon: type,
          children: [],
        };
        return { node, count: spans.length };
      })
      .sort((a, b) => b.count - a.count || a.node.label.localeCompare(b.node.label))
      .map((x) => x.node);
    const id = `type/${type}`;
    groups.push({ id, label: ENTITY_GROUP_LABELS[type], description: `${entities.length}`, tooltip: `${type}: ${plural(entities.length, 'entity', 'entities')}`, icon: type, children: paged(ranked, (n) => n, id) });
  }
  return { id: 'entities', label: 'Entities', description: `${index.analysis.entities.length}`, icon: 'section', children: groups };
}

export function quoteSection(index: AnalysisIndex): ViewNode {
  const groups = paged(index.speakerGroups(), (group) => {
    const id = `speaker/${group.key}`;
    const quoteNode = (quote: Quote): ViewNode => ({
      id: `quote/${quote.start}`,
      label: truncate(quote.text, 60),
      description: quote.cue?.text,
      tooltip: quote.text,
      target: quote,
      icon: 'quote',
      children: [],
    });
    return { id, label: group.label, description: plural(group.quotes.length, 'quote'), target: group.quotes[0], icon: 'speaker', children: paged(group.quotes, quoteNode, id) };
  }, 'quotes');
  return { id: 'quotes', label: 'Quotes', description: `${index.quotes.length}`, icon: 'section', children: groups };
}

/**
 * Keeps the nodes whose label contains `filter` (case-insensitive) and the groups leading to them;
 * a matching group keeps all its children. An empty filter returns the nodes unchanged.
 */
export function filterNodes(nodes: ViewNode[], filter: string): ViewNode[] {
  const needle = filter.trim().toLowerCase();
  if (!needle) return nodes;
  const out: ViewNode[] = [];
  for (const node of nodes) {
    // A filtered list is short: its matches are listed in one run, not behind "more" nodes.
    if (node.icon === MORE_ICON) out.push(...filterNodes(node.children, needle));
    else if (node.label.toLowerCase().includes(needle)) out.push(node);
    else {
      const children = filterNodes(node.children, needle);
      if (children.length) out.push({ ...node, children, childCount: undefined });
    }
  }
  return out;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

const KIND_LABELS: Record<SourceKind, string> = { person: 'person', organisation: 'organisation', 'actor-place': 'place/government', anonymous: 'anonymous' };

/** "person · 3 quotes · 47 words (53%) · 1 paraphrase": a source's kind and the space it gets. */
export function sourceSummary(s: Source): string {
  const parts = [KIND_LABELS[s.kind]];
  if (s.quotes) parts.push(`${plural(s.quotes, 'quote')} · ${plural(s.quotedWords, 'word')} (${Math.round(100 * s.share)}%)`);
  if (s.paraphrases) parts.push(plural(s.paraphrases, 'paraphrase'));
  return parts.join(' · ');
}

/**
 * The Sources section: one node per source (most quoted first) targeting its first statement, with
 * its quotes and paraphrases as children. Unnamed sources say so in their label. `commandOf` gives
 * a source's node the command its click runs (the editor selects all its statements).
 */
export function sourceSection(r: ArticleSources, commandOf?: (s: Source) => ViewNode['command']): ViewNode {
  const children = paged(r.sources, (s): ViewNode => {
    const about = [s.role, s.affiliation && !(s.role ?? '').includes(s.affiliation) ? s.affiliation : null].filter(Boolean).join(', ');
    const tooltip = [
      `${s.named ? s.entityName ?? s.name : `Unnamed: ${s.name}`} (${KIND_LABELS[s.kind]})`,
      about ? `Role: ${about}` : '',
      s.forms.length > 1 || s.forms[0] !== s.name ? `Written as: ${s.forms.join(', ')}` : '',
    ].filter(Boolean).join('\n');
    const id = `source/${s.key}`;
    return {
      id,
      label: s.named ? s.name : `${s.name} (unnamed)`,
      description: sourceSummary(s),
      tooltip,
      target: s.statements[0]!.span,
      icon: s.named ? (s.kind === 'person' ? 'PERSON' : s.kind === 'organisation' ? 'ORG' : 'PLACE') : 'anonymous',
      ...(commandOf ? { command: commandOf(s) } : {}),
      children: paged(s.statements, (st) => ({
        id: `source/${s.key}/${st.kind}/${st.span.start}/${st.speaker.start}`,
        label: truncate(st.span.text, 60),
        description: st.kind === 'quote' ? `quote · ${st.speaker.text}` : `paraphrase · ${st.speaker.text}${st.cue ? ` ${st.cue.text}` : ''}`,
        target: st.span,
        icon: st.kind === 'quote' ? 'quote' : 'paraphrase',
        children: [],
      }), id),
    };
  }, 'sources');
  const named = r.sources.filter((s) => s.named).length;
  return { id: 'sources', label: 'Sources', description: `${r.sources.length} (${named} named)`, icon: 'section', children };
}
