// Opening a long article paints what is on screen from a preview (its stretch analysed on its own)
// before the whole article is analysed, and the whole analysis then replaces the preview: the
// preview's highlights lie inside its stretch, come first, and nothing of them is left once the
// whole analysis is painted.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { NewsAnnotatorApi } from '../../src/vscode/api';
import type { PreviewedDocument } from '../../src/vscode/analysisCache';
import type { AppliedDecorations } from '../../src/vscode/decorations/decorator';
import { extension, scratchFile, seedUris, sleep } from './helpers';

/** Long enough that its whole analysis takes far longer than the preview of a screen. */
const ARTICLE_CHARS = 600_000;

/** The activated extension's API, and an article of ARTICLE_CHARS made of the seeds one after another. */
async function longArticle(): Promise<{ api: NewsAnnotatorApi; content: string }> {
  const ext = extension();
  await ext.activate();
  const seeds = await Promise.all((await seedUris()).map(async (u) => new TextDecoder().decode(await vscode.workspace.fs.readFile(u))));
  let content = '';
  for (let i = 0; content.length < ARTICLE_CHARS; i++) content += seeds[i % seeds.length] + '\n\n';
  return { api: ext.exports as NewsAnnotatorApi, content };
}

describe('first paint of a long article', () => {
  it('paints the preview of the screen first, then the whole analysis in its place', async function () {
    this.timeout(120_000);
    const { api, content } = await longArticle();
    // A log file: VS Code opens it in the Log language, which the article sniffer leaves alone.
    const uri = await scratchFile('first-paint', '.log', content);
    const isArticle = (d: vscode.TextDocument) => d.uri.toString() === uri.toString() && d.languageId === 'news';

    let preview: PreviewedDocument | undefined;
    const passes: { preview: boolean; applied: AppliedDecorations }[] = [];
    const subs = [
      api.analyses.onDidPreview((p) => {
        if (isArticle(p.document)) preview = p;
      }),
      api.decorator.onDidApply((e) => {
        if (isArticle(e.editor.document)) passes.push({ preview: e.preview, applied: structuredClone(api.decorator.appliedTo(e.editor)) });
      }),
    ];
    try {
      // Shown first in another language, then made news: the article is analysed while an editor
      // already shows it, as when a file is opened from the Explorer.
      const plain = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(plain);
      const wholePainted = new Promise<vscode.TextEditor>((resolve) => {
        subs.push(api.decorator.onDidApply((e) => isArticle(e.editor.document) && !e.preview && resolve(e.editor)));
      });
      const doc = await vscode.languages.setTextDocumentLanguage(plain, 'news');
      // Bounded, so that a failure still closes the editor (below) for the tests that follow.
      const editor = await Promise.race([wholePainted, sleep(90_000).then(() => Promise.reject(new Error('the whole analysis was not painted within 90 s')))]);
      assert.equal(editor.document, doc);

      assert.ok(preview, 'a preview of the screen was made');
      const stretch = preview.stretch;
      const visibleEnd = doc.offsetAt(editor.visibleRanges[0]!.end);
      assert.ok(stretch.start === 0 && stretch.end >= visibleEnd && stretch.end < content.length / 10, `the preview covers the screen, not the whole article: ${stretch.start}..${stretch.end}, screen 0..${visibleEnd}`);
      const firstWhole = passes.findIndex((p) => !p.preview);
      const previewPasses = passes.slice(0, firstWhole);
      assert.ok(previewPasses.length > 0 && previewPasses.every((p) => p.preview), 'the preview was painted before the whole analysis');
      assert.ok(passes.slice(firstWhole).every((p) => !p.preview), 'no preview was painted after the whole analysis');

      // The preview painted inside its stretch only, and painted quotes and names there.
      const painted = previewPasses[previewPasses.length - 1]!.applied;
      for (const [style, ranges] of Object.entries(painted)) {
        for (const [start, end] of ranges) assert.ok(start >= stretch.start && end <= stretch.end, `${style} ${start}..${end} lies in the preview's stretch`);
      }
      assert.ok((painted.quote?.length ?? 0) > 0, 'the preview painted quotes');
      assert.ok(Object.keys(painted).some((s) => s.startsWith('entity.') && painted[s]!.length > 0), 'the preview painted names');

      // Once the whole analysis is in, the editor shows it: every quote of the article (the quote
      // style is never windowed), and names only where the whole analysis has them.
      const analyzed = api.analyses.peek(doc);
      assert.ok(analyzed, 'the whole article was analysed');
      const applied = api.decorator.appliedTo(editor);
      assert.deepEqual(applied.quote, analyzed.analysis.quotes.map((q) => [q.start, q.end]));
      // Quotes do not depend on the rest of the article: the preview had the same ones in its stretch.
      assert.deepEqual(painted.quote, applied.quote!.filter(([start, end]) => start >= stretch.start && end <= stretch.end));
      const mentions = new Set(analyzed.index.mentions.map((m) => `${m.start}:${m.end}`));
      for (const [style, ranges] of Object.entries(applied)) {
        if (!style.startsWith('entity.')) continue;
        for (const [start, end] of ranges) assert.ok(mentions.has(`${start}:${end}`), `${style} ${start}..${end} is a mention of the whole analysis`);
      }
      assert.equal(api.analyses.previewOf(doc), undefined, 'the preview is dropped once the whole analysis is in');
    } finally {
      vscode.Disposable.from(...subs).dispose();
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });

  it('analyses a document opened under the URI of one closed while its analysis ran', async function () {
    // A language switch closes the document and opens it again under the same URI (as an untitled
    // name given again does): switched away from news and back while its first analysis runs, the
    // article must still be analysed, not left waiting on the closed one's analysis.
    this.timeout(120_000);
    const { api, content } = await longArticle();
    const first = await vscode.workspace.openTextDocument(await scratchFile('reopened', '.news.txt', content));
    await vscode.window.showTextDocument(first);
    try {
      const other = await vscode.languages.setTextDocumentLanguage(first, 'log');
      const article = await vscode.languages.setTextDocumentLanguage(other, 'news');
      const analyzed = await Promise.race([api.analyses.whenAnalyzed(article), sleep(60_000).then(() => 'none' as const)]);
      assert.ok(analyzed !== 'none' && analyzed, 'the article opened again was analysed');
      assert.equal(analyzed.document, article);
      assert.equal(analyzed.text.length, content.length);
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });
});
