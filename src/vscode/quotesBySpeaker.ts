// "News: Show Quotes by Speaker": pick a speaker, then one of their quotes, and go to it. Hover
// links open it directly on one speaker.
import * as vscode from 'vscode';
import type { SpeakerGroup } from '../core/present/analysisIndex';
import { truncate } from '../core/present/escape';
import type { AnalysisCache } from './analysisCache';
import { isNewsDocument } from './analysisCache';
import { revealSpan } from './reveal';

export const SHOW_QUOTES_BY_SPEAKER = 'newsAnnotator.showQuotesBySpeaker';

/** Arguments of the hover link: the document and a speaker key from `speakerKey()`. */
export interface ShowQuotesArgs {
  uri: string;
  speaker: string;
}

export class QuotesBySpeakerCommand implements vscode.Disposable {
  private readonly registration: vscode.Disposable;

  constructor(private readonly cache: AnalysisCache) {
    this.registration = vscode.commands.registerCommand(SHOW_QUOTES_BY_SPEAKER, (args?: ShowQuotesArgs) => this.run(args));
  }

  async run(args?: ShowQuotesArgs): Promise<void> {
    const doc = await this.documentFor(args);
    if (!doc) {
      void vscode.window.showInformationMessage('Open a news article to list its quotes by speaker.');
      return;
    }
    const analyzed = await this.cache.whenAnalyzed(doc);
    if (!analyzed) return;
    const groups = analyzed.index.speakerGroups();
    const group = groups.find((g) => g.key === args?.speaker) ?? (await this.pickSpeaker(groups));
    if (!group) return;
    const picked = await vscode.window.showQuickPick(
      group.quotes.map((quote) => ({
        label: truncate(quote.text, 100),
        description: quote.cue?.text,
        detail: `Line ${doc.positionAt(quote.start).line + 1}${quote.partial ? ' · partial quote' : ''}`,
        quote,
      })),
      { title: `Quotes by ${group.label}`, placeHolder: 'Go to a quote', matchOnDetail: true },
    );
    // Offsets belong to the analysed version: if the article changed meanwhile, search again.
    if (picked && doc.version === analyzed.version) await revealSpan(doc.uri, picked.quote.start, picked.quote.end);
  }

  private async documentFor(args?: ShowQuotesArgs): Promise<vscode.TextDocument | undefined> {
    if (args?.uri) {
      const uri = vscode.Uri.parse(args.uri, true);
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      return open ?? (await vscode.workspace.openTextDocument(uri));
    }
    const active = vscode.window.activeTextEditor?.document;
    return active && isNewsDocument(active) ? active : undefined;
  }

  private async pickSpeaker(groups: SpeakerGroup[]): Promise<SpeakerGroup | undefined> {
    if (!groups.length) {
      void vscode.window.showInformationMessage('No quotes found in this article.');
      return undefined;
    }
    const picked = await vscode.window.showQuickPick(
      groups.map((group) => ({
        label: group.label,
        description: `${group.quotes.length} quote${group.quotes.length === 1 ? '' : 's'}`,
        detail: group.entity?.roles.join('; ') || undefined,
        group,
      })),
      { title: 'Quotes by speaker', placeHolder: 'Choose a speaker' },
    );
    return picked?.group;
  }

  dispose(): void {
    this.registration.dispose();
  }
}
