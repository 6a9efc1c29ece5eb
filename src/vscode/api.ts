// What activate() returns: the services other extensions' code and the integration tests reach
// through `vscode.extensions.getExtension(…).exports`.
import type { AnalysisCache } from './analysisCache';
import type { ReviewerAnnotations } from './annotations/reviewerAnnotations';
import type { VerdictHints } from './corpus/verdictHints';
import type { NewsDecorator } from './decorations/decorator';
import type { ColourLegend } from './legend';
import type { NewsTreeProvider } from './newsView';
import type { SourcesPanel } from './sourcesPanel';
import type { NewsStatusBar } from './statusBar';
import type { WorkerReady } from './workerAnalyzer';

export interface NewsAnnotatorApi {
  readonly analyses: AnalysisCache;
  /** Accepts extra decoration sources (e.g. claims by verdict) through `registerSource`. */
  readonly decorator: NewsDecorator;
  /** The News view's data; accepts extra sections through `registerSection`. */
  readonly newsTree: NewsTreeProvider;
  readonly statusBar: NewsStatusBar;
  /** Reviewers' claims per article (sidecar store, live anchors); `snapshot(uri)` lists them. */
  readonly annotations: ReviewerAnnotations;
  /** Verdicts tagged in one open article, hinted on matching statements of the others; `hintsFor(uri)` lists them. */
  readonly verdictHints: VerdictHints;
  /** The colour legend (News view section and "Show Colour Legend" page); `paintedIn(editor)` lists its samples. */
  readonly legend: ColourLegend;
  /**
   * Time activate() took, from its first line to its return, in milliseconds (the bundle's own
   * loading comes before and is not in it; the analysis worker starts during it and gets ready after).
   */
  readonly activationMs: number;
  /** How long the analysis worker, started on activation, took to get ready (undefined: it could not). */
  readonly workerReady: Promise<WorkerReady | undefined>;
  /** Sources across the open articles (webview and exports); `rows()` lists them. */
  readonly sourcesPanel: SourcesPanel;
}
