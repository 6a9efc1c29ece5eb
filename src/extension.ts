// Composition root: creates the editor services and registers their disposables. No logic here.
import * as vscode from 'vscode';
import { ConfigWatcher } from './vscode/config';
import { LanguageDetector, NEWS_LANGUAGE } from './vscode/languageDetection';
import { NewsStatusBar } from './vscode/statusBar';

export function activate(context: vscode.ExtensionContext): void {
  const config = new ConfigWatcher();
  const detector = new LanguageDetector(config);
  const statusBar = new NewsStatusBar();
  context.subscriptions.push(
    config,
    detector,
    statusBar,
    vscode.commands.registerTextEditorCommand('newsAnnotator.openAsNews', (editor) =>
      vscode.languages.setTextDocumentLanguage(editor.document, NEWS_LANGUAGE),
    ),
  );
}

export function deactivate(): void {
  // Everything is released through context.subscriptions.
}
