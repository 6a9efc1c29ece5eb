// The result of "Compare Sources" as a News view section on either article: the statements both
// report (each with why it was paired and a word diff), those only this one reports, and those where
// the two disagree (with both wordings).
// Clicking a pair shows this side's statement and its match in the other article's editor.
import * as vscode from 'vscode';
import type { ComparedPair, ComparisonResult, Side } from '../../core/corpus/compactComparison';
import { diffPlain } from '../../core/present/compareText';
import { truncate } from '../../core/present/escape';
import { lazyGroup, paged, PAGE_SIZE, type ViewNode } from '../../core/present/viewTree';
import type { Span } from '../../core/types';
import type { AnalyzedDocument } from '../analysisCache';
import type { NewsViewSection } from '../newsView';
import { revealSpan, selectInEditor } from '../reveal';
import { label } from './corpusHover';

/** Internal command behind the pair items: reveal [uri, start, end] here and [uri, start, end] in the other editor. */
export const REVEAL_COMPARED_PAIR = 'newsAnnotator.revealComparedPair';
/** After the entities (100), quotes (200) and claims. */
const SECTION_ORDER = 400;
const LABEL_LENGTH = 80;

interface ComparedArticles {
  a: string;
  b: string;
  /** Document versions compared: offsets no longer fit an article edited since. */
  versions: Map<string, number>;
  result: ComparisonResult;
}

export class ComparisonSection implements NewsViewSection, vscode.Disposable {
  readonly order = SECTION_ORDER;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private last: ComparedArticles | undefined;
  /**
   * The groups of the latest comparison per side, built once: thousands of pairs on long articles,
   * and any section's change rebuilds the whole tree.
   */
  private groups = new Map<'a' | 'b', ViewNode[]>();
  private readonly command: vscode.Disposable;

  constructor() {
    this.command = vscode.commands.registerCommand(REVEAL_COMPARED_PAIR, (here: RevealArgs, there: RevealArgs) => revealPair(here, there));
  }

  /**
   * Remembers the latest comparison; the section shows it on both articles.
   * @param versions the document versions the comparison was computed on (default: the current ones)
   */
  show(a: vscode.TextDocument, b: vscode.TextDocument, result: ComparisonResult, versions = new Map([[a.uri.toString(), a.version], [b.uri.toString(), b.version]])): void {
    this.last = { a: a.uri.toString(), b: b.uri.toString(), versions, result };
    this.groups = new Map();
    this.changed.fire();
  }

  build(analyzed: AnalyzedDocument): ViewNode | undefined {
    const last = this.last;
    if (!last) return undefined;
    const self = analyzed.document.uri.toString();
    if (self !== last.a && self !== last.b) return undefined;
    const side: 'a' | 'b' = self === last.a ? 'a' : 'b';
    const other = side === 'a' ? last.b : last.a;
    let groups = this.groups.get(side);
    if (!groups) this.groups.set(side, (groups = groupsOf(last, side, self, other)));
    const stale = [last.a, last.b].some((uri) => {
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
      return open !== undefined && open.version !== last.versions.get(uri);
    });
    return {
      id: 'compare',
      label: `Compared with ${label(other)}`,
      description: stale ? 'edited since: compare again' : undefined,
      icon: 'section',
      children: groups,
    };
  }

  dispose(): void {
    this.command.dispose();
    this.changed.dispose();
  }
}

/**
 * In both, only here, in conflict: the three groups of one side of a comparison. A group's items are
 * made when it is first opened (or filtered): thousands on long articles, and the view shows the
 * groups closed.
 */
function groupsOf(last: ComparedArticles, side: Side, self: string, other: string): ViewNode[] {
  const otherSide: Side = side === 'a' ? 'b' : 'a';
  const { result } = last;
  const pairItem = (s: ComparedPair, kind: string): ViewNode => {
    const here = s[side];
    const there = s[otherSide];
    const hereText = result.text(side, here);
    const conflict = s.conflict;
    const wordings = conflict ? (side === 'a' ? [conflict.aText, conflict.bText] : [conflict.bText, conflict.aText]) : undefined;
    return {
      id: `compare/${kind}/${here.start}-${there.start}`,
      label: wordings ? `${conflict!.kind}: “${truncate(wordings[0]!, 40)}” vs “${truncate(wordings[1]!, 40)}”` : truncate(flat(hereText), LABEL_LENGTH),
      // Why the pair was made, in plain words; tooltips are plain text, so article text shows as written.
      description: wordings ? truncate(flat(hereText), LABEL_LENGTH) : truncate(s.reason, LABEL_LENGTH),
      // Built when VS Code asks for the item (its group expanded), not for every pair up front.
      get tooltip() {
        const detail = result.detail(s.index)!;
        return [
          `Here: ${flat(hereText)}`,
          `${label(other)}: ${flat(result.text(otherSide, there))}`,
          `Why (score ${s.score}): ${s.reason}`,
          `Wording, A to B ([-only in A-] {+only in B+}): ${diffPlain(detail.diff)}`,
        ].join('\n');
      },
      target: here,
      icon: wordings ? 'conflict' : 'pair',
      command: { id: REVEAL_COMPARED_PAIR, args: [argsOf(self, here), argsOf(other, there)] },
      children: [],
    };
  };
  const only = (span: Span): ViewNode => {
    const text = result.text(side, span);
    return { id: `compare/only/${span.start}`, label: truncate(flat(text), LABEL_LENGTH), tooltip: text, target: span, icon: 'only', children: [] };
  };
  const agreeing = result.pairs.filter((s) => !s.conflict);
  const conflicting = result.pairs.filter((s) => s.conflict);
  const alone = result.only(side);
  const group = <T>(id: string, name: string, items: readonly T[], item: (x: T) => ViewNode): ViewNode =>
    lazyGroup({ id: `compare/${id}`, label: `${name} (${items.length})`, icon: 'compare-group' }, Math.min(items.length, PAGE_SIZE + 1), () => paged(items, item, `compare/${id}`));
  return [
    group('both', 'In both', agreeing, (s) => pairItem(s, 'both')),
    group('only', 'Only here', alone, only),
    group('conflict', 'In conflict', conflicting, (s) => pairItem(s, 'conflict')),
  ];
}

type RevealArgs = [uri: string, start: number, end: number];

function argsOf(uri: string, span: Span): RevealArgs {
  return [uri, span.start, span.end];
}

/** Selects the statement here, then its match in the other article (beside, without taking focus). */
async function revealPair(here: RevealArgs, there: RevealArgs): Promise<void> {
  const hereEditor = await revealSpan(vscode.Uri.parse(here[0]), here[1], here[2]);
  const otherDoc = await vscode.workspace.openTextDocument(vscode.Uri.parse(there[0]));
  const visible = vscode.window.visibleTextEditors.find((e) => e.document === otherDoc && e !== hereEditor);
  const otherEditor =
    visible ?? (await vscode.window.showTextDocument(otherDoc, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true, preview: false }));
  selectInEditor(otherEditor, new vscode.Range(otherDoc.positionAt(there[1]), otherDoc.positionAt(there[2])));
}

function flat(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
