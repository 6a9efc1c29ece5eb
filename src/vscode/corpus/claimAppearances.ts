// Where else a tagged claim appears: the other indexed articles with a statement that reports what
// the claim's sentences report. Feeds the `appearance` list of the ClaimReview export.
import * as vscode from 'vscode';
import type { ArticleRef } from '../../core/annotations/export/webAnnotation';
import type { Span } from '../../core/types';
import { label } from './corpusHover';
import type { WorkspaceCorpus } from './workspaceCorpus';

/** Other articles reporting the claim at `span` of the article at `uri`, best match first. */
export type ClaimAppearances = (uri: vscode.Uri, span: Span) => Promise<ArticleRef[]>;

export function claimAppearances(corpus: WorkspaceCorpus): ClaimAppearances {
  return async (uri, span) => {
    const key = uri.toString();
    // The index holds the saved text: offsets of an article with unsaved edits do not fit it.
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
    if (open?.isDirty || !corpus.has(key)) return [];
    const seen = new Set<string>();
    const refs: ArticleRef[] = [];
    for (const match of await corpus.matchesFor(key, span)) {
      if (match.path === key || seen.has(match.path)) continue;
      seen.add(match.path);
      refs.push({ article: label(match.path), fileUri: match.path });
    }
    return refs;
  };
}
