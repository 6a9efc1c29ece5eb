// How claims look: one decoration style per verdict (colours from `newsAnnotator.claimLabels`,
// overview-ruler marks included), a hover with the review, and the News view's Claims section.
// Everything taken from files is escaped before it reaches Markdown.
import * as vscode from 'vscode';
import { escapeMarkdown, truncate } from '../../core/present/escape';
import { evidenceMarkdown, multilineMarkdown } from '../../core/present/links';
import type { ViewNode } from '../../core/present/viewTree';
import type { AnalyzedDocument } from '../analysisCache';
import { readConfig } from '../config';
import type { DecorationSource } from '../decorations/sources';
import type { NewsViewSection } from '../newsView';
import type { PlacedClaim } from './articleClaims';
import type { ReviewerAnnotations } from './reviewerAnnotations';
import { colorOf, OTHER_LABEL_COLOR, readClaimLabels, type ClaimLabel } from './settings';

/** Style name used for labels that the settings do not list. */
export const OTHER_STYLE = '(other)';

/** Style-name prefix of the verdict chips shown after each claim. */
export const CHIP_PREFIX = 'chip:';

/** Whether verdict chips are on (`newsAnnotator.highlight.verdictChips`). */
export function verdictChipsEnabled(): boolean {
  return readConfig().verdictChips;
}

/** A claim's highlight: its verdict colour behind the text, underlined, marked in the overview ruler. */
export function verdictStyle(color: string): vscode.DecorationRenderOptions {
  const c = colorOf(color);
  return {
    backgroundColor: c,
    borderColor: c,
    borderStyle: 'solid',
    borderWidth: '0 0 2px 0',
    overviewRulerColor: c,
    overviewRulerLane: vscode.OverviewRulerLane.Left,
  };
}

/**
 * The verdict chip after a claim: the label in the editor's text colour on the verdict colour,
 * like an inline badge. The label itself is given per claim (`chipOptions`), so one style serves
 * "verified" and "verified · changed".
 */
export function verdictChipStyle(color: string): vscode.DecorationRenderOptions {
  const c = colorOf(color);
  return {
    after: {
      backgroundColor: c,
      border: '1px solid',
      borderColor: c,
      color: new vscode.ThemeColor('editor.foreground'),
      fontStyle: 'normal',
      fontWeight: 'normal',
      margin: '0 0 0 0.6ch',
      // The decoration API has no padding or radius: the usual way in is the CSS after textDecoration.
      textDecoration: 'none; border-radius: 0.6em; padding: 0 0.6ch; font-size: 90%',
    },
  };
}

/** The chip text of a claim: its verdict, and "changed" when its text was reworded since the review. */
export function chipText(label: string, kind: PlacedClaim['kind']): string {
  return kind === 'fuzzy' ? `${label} · changed` : label;
}

export function chipOptions(doc: vscode.TextDocument, c: PlacedClaim): vscode.DecorationOptions {
  const at = doc.positionAt(c.end);
  return { range: new vscode.Range(at, at), renderOptions: { after: { contentText: chipText(c.annotation.label, c.kind) } } };
}

/** Claims painted by verdict, with a chip naming the verdict after each. Styles are read when registered: re-register when the labels or the chip setting change. */
export class ClaimDecorationSource implements DecorationSource {
  readonly id = 'claims';
  private readonly labels: ClaimLabel[] = readClaimLabels();
  private readonly chips = verdictChipsEnabled();
  readonly onDidChange: vscode.Event<vscode.Uri | undefined>;

  constructor(private readonly annotations: ReviewerAnnotations) {
    this.onDidChange = annotations.onDidChange;
  }

  styles(): Record<string, vscode.DecorationRenderOptions> {
    const out: Record<string, vscode.DecorationRenderOptions> = {};
    for (const { label, color } of [...this.labels, { label: OTHER_STYLE, color: OTHER_LABEL_COLOR }]) {
      out[label] = verdictStyle(color);
      if (this.chips) out[`${CHIP_PREFIX}${label}`] = verdictChipStyle(color);
    }
    return out;
  }

  ranges(analyzed: AnalyzedDocument): Record<string, readonly vscode.Range[] | readonly vscode.DecorationOptions[]> {
    const claims = this.annotations.peek(analyzed.document)?.claims ?? [];
    const known = new Set(this.labels.map((l) => l.label));
    const doc = analyzed.document;
    const out: Record<string, vscode.Range[]> = {};
    const chips: Record<string, vscode.DecorationOptions[]> = {};
    for (const c of claims) {
      if (c.kind === 'orphan') continue;
      const style = known.has(c.annotation.label) ? c.annotation.label : OTHER_STYLE;
      (out[style] ??= []).push(new vscode.Range(doc.positionAt(c.start), doc.positionAt(c.end)));
      if (this.chips) (chips[`${CHIP_PREFIX}${style}`] ??= []).push(chipOptions(doc, c));
    }
    return { ...out, ...chips };
  }
}

/** The review of the claim under the pointer. */
export class ClaimHoverProvider implements vscode.HoverProvider {
  constructor(private readonly annotations: ReviewerAnnotations) {}

  provideHover(doc: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const claims = this.annotations.peek(doc)?.claims ?? [];
    const offset = doc.offsetAt(position);
    const here = claims.filter((c) => c.kind !== 'orphan' && c.start <= offset && offset <= c.end);
    if (here.length === 0) return undefined;
    const contents = here.map((c) => {
      const md = new vscode.MarkdownString(claimMarkdown(c));
      md.isTrusted = false;
      md.supportHtml = false;
      return md;
    });
    const first = here[0]!;
    return new vscode.Hover(contents, new vscode.Range(doc.positionAt(first.start), doc.positionAt(first.end)));
  }
}

/** Markdown for one claim; every value from the sidecar is escaped. */
export function claimMarkdown(c: PlacedClaim): string {
  const a = c.annotation;
  const lines = [`**Claim: ${escapeMarkdown(a.label)}**`];
  if (a.note) lines.push('', multilineMarkdown(a.note));
  // http(s) evidence is a link (escaped text, encoded address); anything else stays plain text.
  if (a.evidence.length > 0) lines.push('', 'Evidence:', ...a.evidence.map((url) => `- ${evidenceMarkdown(url)}`));
  const when = a.updated || a.created;
  lines.push('', `*${escapeMarkdown(a.reviewer || 'unknown reviewer')}${when ? `, ${escapeMarkdown(when)}` : ''}*`);
  if (c.kind === 'fuzzy') lines.push('', `Changed: the text was reworded since the review (it read “${escapeMarkdown(truncate(a.target.selector.exact, 80))}”). Check the verdict, then select the new text and run Re-attach Claim to Selection.`);
  if (a.conflict) lines.push('', 'Conflict: this claim was changed in two places; both versions are kept.');
  return lines.join('\n');
}

/** The News view's Claims section: claims grouped by verdict, orphans last. */
export class ClaimsViewSection implements NewsViewSection {
  readonly order = 300;
  readonly onDidChange: vscode.Event<void>;

  constructor(private readonly annotations: ReviewerAnnotations) {
    this.onDidChange = (listener, thisArg, disposables) => annotations.onDidChange(() => { listener.call(thisArg); }, undefined, disposables);
  }

  build(analyzed: AnalyzedDocument): ViewNode | undefined {
    const claims = this.annotations.peek(analyzed.document)?.claims ?? [];
    if (claims.length === 0) return undefined;
    const groups = new Map<string, PlacedClaim[]>();
    const orphans: PlacedClaim[] = [];
    for (const c of [...claims].sort((a, b) => a.start - b.start)) {
      if (c.kind === 'orphan') orphans.push(c);
      else groups.set(c.annotation.label, [...(groups.get(c.annotation.label) ?? []), c]);
    }
    const order = readClaimLabels().map((l) => l.label);
    const rank = (label: string) => (order.includes(label) ? order.indexOf(label) : order.length);
    const children: ViewNode[] = [...groups.entries()]
      .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
      .map(([label, list]) => ({
        id: `claims/${label}`,
        label,
        description: `${list.length}`,
        icon: 'verdict',
        children: list.map((c) => leaf(c)),
      }));
    if (orphans.length > 0) {
      children.push({ id: 'claims/(orphaned)', label: 'Orphaned', description: `${orphans.length}`, tooltip: 'Claims whose text is no longer in the article: select the text and run “Re-attach Claim to Selection”.', icon: 'orphan', children: orphans.map((c) => leaf(c)) });
    }
    return { id: 'claims', label: 'Claims', description: `${claims.length}`, icon: 'section', children };
  }
}

function leaf(c: PlacedClaim): ViewNode {
  const a = c.annotation;
  return {
    id: `claim/${a.id}`,
    label: truncate(a.target.selector.exact, 80),
    description: c.kind === 'orphan' ? `${a.label} · orphaned` : c.kind === 'fuzzy' ? `${a.note ? truncate(a.note, 40) + ' · ' : ''}approximate` : a.note ? truncate(a.note, 40) : undefined,
    tooltip: `${a.label}${a.note ? `: ${a.note}` : ''}${c.reason ? ` (${c.reason})` : ''}`,
    ...(c.kind === 'orphan' ? {} : { target: { start: c.start, end: c.end } }),
    icon: c.kind === 'orphan' ? 'orphan' : 'claim',
    children: [],
  };
}
