// Reviewer annotations in the editor: creates the claim store, its display (decorations by
// verdict, hover, News view section) and commands, and hands back the store for the API.
import * as vscode from 'vscode';
import type { AnalysisCache } from '../analysisCache';
import type { ConfigWatcher } from '../config';
import type { ClaimAppearances } from '../corpus/claimAppearances';
import type { NewsDecorator } from '../decorations/decorator';
import type { NewsTreeProvider } from '../newsView';
import type { ServiceWorker } from '../serviceWorker';
import { NEWS_LANGUAGE } from '../languageDetection';
import { ClaimCommands } from './claimCommands';
import { ClaimNotices } from './claimNotices';
import { EntityCorrectionCommands } from './entityCorrections';
import { ClaimDecorationSource, ClaimHoverProvider, ClaimsViewSection } from './claimDisplay';
import { ReviewerAnnotations } from './reviewerAnnotations';
import { ReviewerName } from './settings';

export { ReviewerAnnotations, type ClaimSnapshot } from './reviewerAnnotations';
export { CLAIM_COMMANDS } from './claimCommands';
export { CORRECTION_COMMANDS } from './entityCorrections';

/** Registers everything; `own` puts each disposable into the extension's subscriptions. */
export function registerReviewerAnnotations(
  own: <T extends vscode.Disposable>(disposable: T) => T,
  analyses: AnalysisCache,
  decorator: NewsDecorator,
  newsTree: NewsTreeProvider,
  worker: ServiceWorker,
  config: ConfigWatcher,
  appearances?: ClaimAppearances,
): ReviewerAnnotations {
  const annotations = own(new ReviewerAnnotations(worker));
  const reviewer = new ReviewerName();
  own(new ClaimCommands(analyses, annotations, reviewer, appearances));
  own(new EntityCorrectionCommands(analyses, annotations, reviewer));
  own(new ClaimNotices(annotations));
  own(vscode.languages.registerHoverProvider({ language: NEWS_LANGUAGE }, new ClaimHoverProvider(annotations)));
  own(newsTree.registerSection(new ClaimsViewSection(annotations)));
  // Decoration styles come from the labels and chip settings: re-register the source when they change.
  let decorations = decorator.registerSource(new ClaimDecorationSource(annotations));
  own({ dispose: () => { decorations.dispose(); } });
  own(config.onDidChangeKeys((e) => {
    if (!e.affects('claimLabels') && !e.affects('highlight.verdictChips')) return;
    decorations.dispose();
    decorations = decorator.registerSource(new ClaimDecorationSource(annotations));
  }));
  return annotations;
}
