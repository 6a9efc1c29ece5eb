// The result of "Compare Sources" as a News view section on either article: the statements both
// report (each with why it was paired and a word diff), those only this one reports, and those where
// the two disagree (with both wordings).
// Clicking a pair shows this side's statement and its match in the other article's editor.
import * as vscode from 'vscode';
import type { Comparison } from '../../core/corpus/compare';
import { diffPlain } from '../../core/present/compareText';
import { truncate } from '../../core/present/escape';
import type { ViewNode } from '../../core/present/viewTree';
import type { TextSpan } from '../../core/types';
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
  comparison: Comparison;
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
  show(a: vscode.TextDocument, b: vscode.TextDocument, comparison: Comparison, versions = new Map([[a.uri.toString(), a.version], [b.uri.toString(), b.version]])): void {
    this.last = { a: a.uri.toString(), b: b.uri.toString(), versions, comparison };
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

/** In both, only here, in conflict: the three groups of one side of a comparison. */
function groupsOf(last: ComparedArticles, side: 'a' | 'b', self: string, other: string): ViewNode[] {
  const otherSide: 'a' | 'b' = side === 'a' ? 'b' : 'a';
  const { shared } = last.comparison;
  const only = side === 'a' ? last.comparison.onlyA : last.comparison.onlyB;
  const pairItem = (s: Comparison['shared'][number], kind: string): ViewNode => {
    const here = s[side];
    const there = s[otherSide];
    const conflict = s.conflict;
    const wordings = conflict ? (side === 'a' ? [conflict.aText, conflict.bText] : [conflict.bText, conflict.aText]) : undefined;
    return {
      id: `compare/${kind}/${here.start}-${there.start}`,
      label: wordings ? `${conflict!.kind}: “${truncate(wordings[0]!, 40)}” vs “${truncate(wordings[1]!, 40)}”` : truncate(flat(here.text), LABEL_LENGTH),
      // Why the pair was made, in plain words; tooltips are plain text, so article text shows as written.
      description: wordings ? truncate(flat(here.text), LABEL_LENGTH) : truncate(s.reason.text, LABEL_LENGTH),
      // Built when VS Code asks for the item (its group expanded), not for every pair up front.
      get tooltip() {
        return [
          `Here: ${flat(here.text)}`,
          `${label(other)}: ${flat(there.text)}`,
          `Why (score ${s.score}): ${s.reason.text}`,
          `Wording, A to B ([-only in A-] {+only in B+}): ${diffPlain(s.diff)}`,
        ].join('\n');
      },
      target: here,
      icon: wordings ? 'conflict' : 'pair',
      command: { id: REVEAL_COMPARED_PAIR, args: [argsOf(self, here), argsOf(other, there)] },
      children: [],
    };
  };
  const agreeing = shared.filter((s) => !s.conflict).map((s) => pairItem(s, 'both'));
  const conflicting = shared.filter((s) => s.conflict).map((s) => pairItem(s, 'conflict'));
  const alone = only.map<ViewNode>((span) => ({
    id: `compare/only/${span.start}`,
    label: truncate(flat(span.text), LABEL_LENGTH),
    tooltip: span.text,
    target: span,
    icon: 'only',
    children: [],
  }));
  const group = (id: string, name: string, children: ViewNode[]): ViewNode => ({ id: `compare/${id}`, label: `${name} (${children.length})`, icon: 'compare-group', children });
  return [group('both', 'In both', agreeing), group('only', 'Only here', alone), group('conflict', 'In conflict', conflicting)];
}

type RevealArgs = [uri: string, start: number, end: number];

function argsOf(uri: string, span: TextSpan): RevealArgs {
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
