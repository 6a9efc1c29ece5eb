// Composition root: creates the editor services and registers their disposables. No logic here.
import { join } from 'node:path';
import * as vscode from 'vscode';
import { ActivityLog } from './vscode/activityLog';
import { maxArticleBytes } from './core/text/articleSize';
import { ANALYSIS_DEBOUNCE_MS, AnalysisCache } from './vscode/analysisCache';
import { registerReviewerAnnotations } from './vscode/annotations';
import type { NewsAnnotatorApi } from './vscode/api';
import { ConfigWatcher } from './vscode/config';
import { claimAppearances } from './vscode/corpus/claimAppearances';
import { ComparisonSection } from './vscode/corpus/comparisonView';
import { CorpusCommands } from './vscode/corpus/corpusCommands';
import { VerdictHints } from './vscode/corpus/verdictHints';
import { firstAnalysis, WorkspaceCorpus } from './vscode/corpus/workspaceCorpus';
import { WorkspaceEntitiesSection } from './vscode/corpus/workspaceEntitiesSection';
import { NewsDecorator } from './vscode/decorations/decorator';
import { UnattributedQuoteDiagnostics } from './vscode/diagnostics';
import { EditorCommands } from './vscode/editorCommands';
import { NewsHoverProvider } from './vscode/hoverProvider';
import { LanguageDetector, NEWS_LANGUAGE } from './vscode/languageDetection';
import { ColourLegend } from './vscode/legend';
import { NewsMentionProvider } from './vscode/mentionProviders';
import { NewsView, NewsTreeProvider } from './vscode/newsView';
import { NewsFoldingProvider, NewsSymbolProvider } from './vscode/outlineProviders';
import { QuotesBySpeakerCommand } from './vscode/quotesBySpeaker';
import { SourcesPanel } from './vscode/sourcesPanel';
import { SourcesSection } from './vscode/sourcesSection';
import { NewsStatusBar } from './vscode/statusBar';
import { WorkspaceSidecarFs } from './vscode/annotations/workspaceSidecarFs';
import { ServiceWorker } from './vscode/serviceWorker';
import { WorkerAnalyzer, type WorkerReady } from './vscode/workerAnalyzer';
import { WorkerComparer } from './vscode/workerComparer';

/** How long, at most, the service worker's start waits for the analysis worker's (see below). */
const SERVICE_START_WAIT_MS = 2000;

export function activate(context: vscode.ExtensionContext): NewsAnnotatorApi {
  const activationStarted = performance.now();
  /** Registers a disposable the moment it is created. */
  const own = <T extends vscode.Disposable>(disposable: T): T => {
    context.subscriptions.push(disposable);
    return disposable;
  };
  const selector: vscode.DocumentSelector = { language: NEWS_LANGUAGE };

  const config = own(new ConfigWatcher());
  // The model files ship in the extension's own assets/ folder; only the workers read them. The host
  // never analyses: a worker that cannot run is an error the user is shown, not a slow host.
  const assetsDir = join(context.extensionUri.fsPath, 'assets');
  // Three bundles, each holding only its part, so the analysis worker every article waits for starts soonest.
  const analyzer = own(new WorkerAnalyzer(undefined, join(__dirname, 'analysisWorker.js'), { assetsDir }));
  // The worker starts and decodes its models as soon as the window holds an article (at activation,
  // or the moment a plain-text file reads as one), while the editor is still opening it, rather than
  // when its text is first sent. Plain-text files that are not articles start no worker.
  let warmUp: () => void = () => undefined;
  let warming = false;
  const workerReady = new Promise<WorkerReady | undefined>((resolve) => {
    warmUp = () => {
      if (!warming) resolve(analyzer.warmUp());
      warming = true;
    };
  });
  own(new LanguageDetector(config, warmUp));
  if (vscode.workspace.textDocuments.some((doc) => doc.languageId === NEWS_LANGUAGE)) warmUp();
  own(vscode.workspace.onDidOpenTextDocument((doc) => doc.languageId === NEWS_LANGUAGE && warmUp()));
  // The second worker of the pool: sidecar reads and writes, placing claims, the workspace index.
  // It starts once the analysis worker is ready when that one is starting (the article's highlights
  // come first; its sidecar is read a moment later), at most SERVICE_START_WAIT_MS after the first call.
  const serviceStart = () => (warming ? Promise.race([workerReady, new Promise((resolve) => setTimeout(resolve, SERVICE_START_WAIT_MS))]) : undefined);
  const services = own(new ServiceWorker(new WorkspaceSidecarFs(), join(__dirname, 'serviceWorker.js'), { assetsDir }, serviceStart));
  const sizeLimit = {
    maxBytes: () => maxArticleBytes(config.current.maxArticleSizeMB),
    onDidChange: config.onDidChange,
    notify: (message: string) => void vscode.window.showWarningMessage(message),
  };
  const analyses = own(
    new AnalysisCache(analyzer.analyze, ANALYSIS_DEBOUNCE_MS, sizeLimit, (slice, stretch, length, corrections) => analyzer.preview(slice, stretch, length, corrections), (document) => analyzer.forget(document)),
  );
  const decorator = own(new NewsDecorator(analyses, config));
  const newsTree = own(new NewsTreeProvider(analyses));
  own(new NewsView(newsTree));
  own(newsTree.registerSection(own(new SourcesSection())));
  const sourcesPanel = own(new SourcesPanel(analyses));
  const statusBar = own(new NewsStatusBar(analyses));
  const legend = own(new ColourLegend(config, newsTree));
  own(new EditorCommands(analyses, decorator));
  own(new QuotesBySpeakerCommand(analyses));
  own(new UnattributedQuoteDiagnostics(analyses, config));
  const mentions = new NewsMentionProvider(analyses);
  const corpus = own(new WorkspaceCorpus(services, config, firstAnalysis(analyses)));
  const comparisons = own(new ComparisonSection());
  own(newsTree.registerSection(comparisons));
  own(new CorpusCommands(corpus, analyses, comparisons, own(new WorkerComparer(undefined, join(__dirname, 'compareProcess.js'), { assetsDir }))));
  own(newsTree.registerSection(own(new WorkspaceEntitiesSection(corpus))));
  own(vscode.languages.registerHoverProvider(selector, new NewsHoverProvider(analyses, corpus)));
  own(vscode.languages.registerDocumentSymbolProvider(selector, new NewsSymbolProvider(analyses), { label: 'News' }));
  own(vscode.languages.registerFoldingRangeProvider(selector, new NewsFoldingProvider(analyses)));
  own(vscode.languages.registerDocumentHighlightProvider(selector, mentions));
  own(vscode.languages.registerReferenceProvider(selector, mentions));
  own(
    vscode.commands.registerTextEditorCommand('newsAnnotator.openAsNews', (editor) =>
      void vscode.languages.setTextDocumentLanguage(editor.document, NEWS_LANGUAGE),
    ),
  );
  const annotations = registerReviewerAnnotations(own, analyses, decorator, newsTree, services, config, claimAppearances(corpus));
  const verdictHints = own(new VerdictHints(corpus, annotations));
  const activationMs = performance.now() - activationStarted;
  own(new ActivityLog(activationStarted, activationMs, workerReady, decorator.onDidApply));
  return { analyses, decorator, newsTree, statusBar, annotations, verdictHints, legend, sourcesPanel, workerReady, activationMs };
}

export function deactivate(): void {
  // Everything is released through context.subscriptions.
}
