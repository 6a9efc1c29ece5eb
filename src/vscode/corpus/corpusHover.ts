// Hover sections drawn from the workspace index: how many other articles name the hovered entity,
// and which other articles report the hovered sentence. Article text is escaped by the caller's
// untrusted Markdown rules; names of files are shown relative to the workspace.
import * as vscode from 'vscode';
import { escapeMarkdown } from '../../core/present/escape';
import type { Entity } from '../../core/types';
import type { WorkspaceCorpus } from './workspaceCorpus';

/** At most this many corroborating statements in one hover. */
const HOVER_MATCH_LIMIT = 3;

export function corpusHoverSections(corpus: WorkspaceCorpus, doc: vscode.TextDocument, offset: number, entity: Entity | undefined): string[] {
  const index = corpus.index;
  const self = doc.uri.toString();
  const sections: string[] = [];
  if (entity) {
    const others = new Set<string>();
    for (const name of entity.aliases.length ? entity.aliases : [entity.name]) {
      for (const path of index.articlesMentioning(name)) if (path !== self) others.add(path);
    }
    if (others.size > 0) {
      const list = [...others].slice(0, 5).map((p) => escapeMarkdown(label(p))).join(', ');
      sections.push(`**${escapeMarkdown(entity.name)}** in ${others.size} other article${others.size === 1 ? '' : 's'}: ${list}${others.size > 5 ? ', …' : ''}`);
    }
  }
  // The index holds the saved text: its offsets only fit a document without unsaved edits.
  if (!doc.isDirty && index.has(self)) {
    const matches = index.matchesFor(self, { start: offset, end: offset + 1 }, { limit: HOVER_MATCH_LIMIT });
    for (const m of matches) {
      const conflict = m.conflict ? ` — **differs** (${m.conflict.kind}: ${escapeMarkdown(m.conflict.aText)} vs ${escapeMarkdown(m.conflict.bText)})` : '';
      sections.push(`Also reported by ${escapeMarkdown(label(m.path))}: “${escapeMarkdown(clip(m.other.text))}”${conflict}`);
    }
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
