// Composition root: creates the editor services and registers their disposables. No logic here.
import { join } from 'node:path';
import * as vscode from 'vscode';
import { analyze } from './core/analyze';
import { useModelAssets } from './node/modelAssets';
import { AnalysisCache } from './vscode/analysisCache';
import { registerReviewerAnnotations } from './vscode/annotations';
import type { NewsAnnotatorApi } from './vscode/api';
import { ConfigWatcher } from './vscode/config';
import { claimAppearances } from './vscode/corpus/claimAppearances';
import { ComparisonSection } from './vscode/corpus/comparisonView';
import { CorpusCommands } from './vscode/corpus/corpusCommands';
import { VerdictHints } from './vscode/corpus/verdictHints';
import { WorkspaceCorpus } from './vscode/corpus/workspaceCorpus';
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
import { NewsStatusBar } from './vscode/statusBar';
import { WorkerAnalyzer } from './vscode/workerAnalyzer';
import { WorkerComparer } from './vscode/workerComparer';

export function activate(context: vscode.ExtensionContext): NewsAnnotatorApi {
  /** Registers a disposable the moment it is created. */
  const own = <T extends vscode.Disposable>(disposable: T): T => {
    context.subscriptions.push(disposable);
    return disposable;
  };
  const selector: vscode.DocumentSelector = { language: NEWS_LANGUAGE };

  const config = own(new ConfigWatcher());
  own(new LanguageDetector(config));
  // The model files ship in the extension's own assets/ folder. Registered here too (read only if
  // the host ever analyses: the worker fallback, or a comparison of an unopened article).
  const assetsDir = join(context.extensionUri.fsPath, 'assets');
  useModelAssets(assetsDir);
  const analyzer = own(new WorkerAnalyzer(analyze, join(__dirname, 'analysisWorker.js'), { assetsDir }));
  const analyses = own(
    new AnalysisCache(analyzer.analyze, undefined, (text, stretch) => analyzer.preview(text, stretch), (document) => analyzer.forget(document)),
  );
  const decorator = own(new NewsDecorator(analyses, config));
  const newsTree = own(new NewsTreeProvider(analyses));
  own(new NewsView(newsTree));
  const statusBar = own(new NewsStatusBar(analyses));
  const legend = own(new ColourLegend(config, newsTree));
  own(new EditorCommands(analyses, decorator));
  own(new QuotesBySpeakerCommand(analyses));
  own(new UnattributedQuoteDiagnostics(analyses, config));
  const mentions = new NewsMentionProvider(analyses);
  const corpus = own(new WorkspaceCorpus(analyzer.analyze));
  const comparisons = own(new ComparisonSection());
  own(newsTree.registerSection(comparisons));
  own(new CorpusCommands(corpus, analyses, comparisons, own(new WorkerComparer(undefined, undefined, { assetsDir }))));
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
  const annotations = registerReviewerAnnotations(own, analyses, decorator, newsTree, claimAppearances(corpus));
  const verdictHints = own(new VerdictHints(corpus, annotations));
  return { analyses, decorator, newsTree, statusBar, annotations, verdictHints, legend };
}

export function deactivate(): void {
  // Everything is released through context.subscriptions.
}
