// Hovers on entity mentions (profile and quotes) and on quotes (speaker and cue), answered from
// the cached analysis. Article text is escaped and rendered untrusted with HTML off; the only
// trusted Markdown is a separate link to our own command with arguments built here.
import * as vscode from 'vscode';
import { speakerKey } from '../core/present/analysisIndex';
import { entityHover, HOVER_QUOTE_LIMIT, quoteHover, sourceHoverLine } from '../core/present/hoverContent';
import { sourceAt } from '../core/sources/lookup';
import { SourcesSuperseded, sourcesOf } from './analysisSources';
import type { AnalysisCache } from './analysisCache';
import { corpusHoverSections } from './corpus/corpusHover';
import type { WorkspaceCorpus } from './corpus/workspaceCorpus';
import { SHOW_QUOTES_BY_SPEAKER, type ShowQuotesArgs } from './quotesBySpeaker';

/** How long a hover waits for the workspace index's sections. */
const INDEX_HOVER_BUDGET_MS = 500;

export class NewsHoverProvider implements vscode.HoverProvider {
  constructor(private readonly cache: AnalysisCache, private readonly corpus?: WorkspaceCorpus) {}

  async provideHover(doc: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    const analyzed = await this.cache.whenAnalyzed(doc, token);
    if (!analyzed || token.isCancellationRequested) return undefined;
    const offset = doc.offsetAt(position);
    const { index } = analyzed;
    const contents: vscode.MarkdownString[] = [];
    let range: vscode.Range | undefined;

    const entity = index.entityAt(offset);
    if (entity) {
      const hover = entityHover(entity, index);
      contents.push(untrusted(hover.markdown));
      if (hover.quoteCount > 0) {
        const label = hover.quoteCount > HOVER_QUOTE_LIMIT ? `Show all ${hover.quoteCount} quotes` : 'Show quotes';
        contents.push(commandLink(label, { uri: doc.uri.toString(), speaker: `entity:${entity.id}` }));
      }
      const span = index.mentionAt(offset) ?? index.quotes.map((q) => q.speaker).find((s) => s && s.start <= offset && offset <= s.end);
      if (span) range = new vscode.Range(doc.positionAt(span.start), doc.positionAt(span.end));
    }

    // On a speaker (of a quote or of a paraphrase): the source it stands for, and its share of voice.
    // None while the reviewer types on in a long article (a newer analysis replaced this one first).
    const sources = await sourcesOf(analyzed.analysis).catch((err: unknown) => {
      if (err instanceof SourcesSuperseded) return undefined;
      throw err;
    });
    const source = sources && sourceAt(sources, offset);
    if (token.isCancellationRequested) return undefined;
    if (source) {
      contents.push(untrusted(sourceHoverLine(source)));
      const st = source.statements.find((x) => x.speaker.start <= offset && offset <= x.speaker.end)!;
      range ??= new vscode.Range(doc.positionAt(st.speaker.start), doc.positionAt(st.speaker.end));
    }

    const quote = index.quoteAt(offset);
    if (quote) {
      contents.push(untrusted(quoteHover(quote, index, analyzed.text)));
      if (quote.speaker && !entity) {
        contents.push(commandLink('Quotes by this speaker', { uri: doc.uri.toString(), speaker: speakerKey(quote) }));
      }
      range ??= new vscode.Range(doc.positionAt(quote.start), doc.positionAt(quote.end));
    }
    // Other articles of the workspace: who else names this entity, who else reports this sentence.
    if (this.corpus) {
      // The index answers from the service worker; while it is busy (indexing an article), the
      // hover shows what this article says rather than wait.
      const sections = await withinBudget(corpusHoverSections(this.corpus, doc, offset, entity), INDEX_HOVER_BUDGET_MS);
      if (token.isCancellationRequested) return undefined;
      for (const section of sections) contents.push(untrusted(section));
    }
    return contents.length ? new vscode.Hover(contents, range) : undefined;
  }
}

/** Article-derived Markdown: not trusted (no command links run), no HTML. */
function untrusted(markdown: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString(markdown);
  md.isTrusted = false;
  md.supportHtml = false;
  return md;
}

/** A trusted link that can run only our own command, with a label and JSON arguments built here. */
function commandLink(label: string, args: ShowQuotesArgs): vscode.MarkdownString {
  const query = encodeURIComponent(JSON.stringify([args]));
  const md = new vscode.MarkdownString(`[$(quote) ${label}](command:${SHOW_QUOTES_BY_SPEAKER}?${query})`, true);
  md.isTrusted = { enabledCommands: [SHOW_QUOTES_BY_SPEAKER] };
  md.supportHtml = false;
  return md;
}

/** The sections when they come within `ms`, else none (a failure is none too). */
function withinBudget(sections: Promise<string[]>, ms: number): Promise<string[]> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<string[]>((resolve) => (timer = setTimeout(() => resolve([]), ms)));
  return Promise.race([sections.catch(() => []), late]).finally(() => clearTimeout(timer));
}
