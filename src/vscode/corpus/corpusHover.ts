// Hover sections drawn from the workspace index: how many other articles name the hovered entity,
// and which other articles report the hovered sentence. Article text is escaped by the caller's
// untrusted Markdown rules; names of files are shown relative to the workspace.
import * as vscode from 'vscode';
import { escapeMarkdown } from '../../core/present/escape';
import type { Entity } from '../../core/types';
import type { WorkspaceCorpus } from './workspaceCorpus';

/** At most this many corroborating statements in one hover. */
const HOVER_MATCH_LIMIT = 3;

export async function corpusHoverSections(corpus: WorkspaceCorpus, doc: vscode.TextDocument, offset: number, entity: Entity | undefined): Promise<string[]> {
  const self = doc.uri.toString();
  const sections: string[] = [];
  // Both questions go to the worker's index at once.
  const [mentioning, matches] = await Promise.all([
    entity ? corpus.articlesMentioning(entity.aliases.length ? entity.aliases : [entity.name]) : Promise.resolve([]),
    // The index holds the saved text: its offsets only fit a document without unsaved edits.
    !doc.isDirty && corpus.has(self) ? corpus.matchesFor(self, { start: offset, end: offset + 1 }, { limit: HOVER_MATCH_LIMIT }) : Promise.resolve([]),
  ]);
  if (entity) {
    const others = new Set(mentioning.filter((path) => path !== self));
    if (others.size > 0) {
      const list = [...others].slice(0, 5).map((p) => escapeMarkdown(label(p))).join(', ');
      sections.push(`**${escapeMarkdown(entity.name)}** in ${others.size} other article${others.size === 1 ? '' : 's'}: ${list}${others.size > 5 ? ', …' : ''}`);
    }
  }
  for (const m of matches) {
    const conflict = m.conflict ? ` — **differs** (${m.conflict.kind}: ${escapeMarkdown(m.conflict.aText)} vs ${escapeMarkdown(m.conflict.bText)})` : '';
    sections.push(`Also reported by ${escapeMarkdown(label(m.path))}: “${escapeMarkdown(clip(m.other.text))}”${conflict}`);
  }
  return sections;
}

/** The file name relative to the workspace folder, for a compact hover line. */
export function label(uriString: string): string {
  const uri = vscode.Uri.parse(uriString);
  return vscode.workspace.asRelativePath(uri, false);
}

function clip(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length <= max ? flat : flat.slice(0, max - 1) + '…';
}
