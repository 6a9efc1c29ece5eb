// The editor features on a real seed article: decorations per style, hovers (and their escaping
// of hostile article text), outline, mention highlights and references, the News view, settings.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { NewsAnnotatorApi } from '../../src/vscode/api';
import { extension, openInEditor, scratchFile, sleep, waitFor, workspaceUri } from './helpers';

type Applied = Record<string, Array<[number, number]>>;

const SEED = 'seeds/000_af60520f71ff48c9.txt';

async function applied(): Promise<Applied> {
  return (await vscode.commands.executeCommand<Applied>('newsAnnotator.test.decorations')) ?? {};
}

/** Waits until the active editor's decorations satisfy `condition`, then returns them. */
async function appliedWhen(condition: (a: Applied) => boolean, what: string): Promise<Applied> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const last = await applied();
    if (condition(last)) return last;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(Object.fromEntries(Object.entries(last).map(([k, v]) => [k, v.length])))}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n---\n');
}

function positionOf(doc: vscode.TextDocument, needle: string, offsetInNeedle = 0): vscode.Position {
  const at = doc.getText().indexOf(needle);
  assert.ok(at >= 0, `"${needle}" occurs in the document`);
  return doc.positionAt(at + offsetInNeedle);
}

describe('editor features on a seed article', () => {
  let editor: vscode.TextEditor;
  let doc: vscode.TextDocument;
  let api: NewsAnnotatorApi;

  before(async () => {
    editor = await openInEditor(workspaceUri(SEED));
    doc = editor.document;
    await waitFor(() => doc.languageId === 'news' || vscode.window.activeTextEditor?.document.languageId === 'news', 'the seed to be news');
    const ext = extension();
    await waitFor(() => ext.isActive, 'the extension to activate');
    api = ext.exports as NewsAnnotatorApi;
    editor = vscode.window.activeTextEditor!;
    doc = editor.document;
  });

  it('decorates quotes, speakers, entities by type and residue', async () => {
    const a = await appliedWhen((x) => (x.quote?.length ?? 0) > 0, 'quote decorations');
    const text = doc.getText();
    const slice = ([s, e]: [number, number]) => text.slice(s, e);
    assert.ok(a.quote.length >= 5, `quotes: ${a.quote.length}`);
    for (const q of a.quote) assert.match(slice(q), /^[“"‘][\s\S]*[”"’]$/, `a quote range spans its marks: ${slice(q)}`);
    const persons = a['entity.PERSON'].map(slice);
    assert.ok(persons.includes('Vladimir Putin') || persons.includes('Putin'), `PERSON: ${persons.join(', ')}`);
    assert.ok(persons.some((p) => /Kirby/.test(p)), `PERSON: ${persons.join(', ')}`);
    assert.ok(a['entity.PLACE'].map(slice).some((p) => /North Korea|Pyongyang|Ukraine|Moscow/.test(p)), 'a PLACE is decorated');
    assert.ok(a.speaker.map(slice).some((s) => /Kirby|Ushakov/.test(s)), `speakers: ${a.speaker.map(slice).join(', ')}`);
    assert.ok(a.residue.map(slice).some((r) => /Read Mode|Font Size|min read/.test(r)), `residue: ${a.residue.map(slice).join(' | ')}`);
  });

  it('turns one style off through its setting and back on', async () => {
    const settings = vscode.workspace.getConfiguration('newsAnnotator');
    await settings.update('highlight.quotes', false, vscode.ConfigurationTarget.Workspace);
    try {
      const off = await appliedWhen((x) => x.quote?.length === 0, 'quote decorations to clear');
      assert.ok(off['entity.PERSON'].length > 0, 'entity decorations stay');
    } finally {
      await settings.update('highlight.quotes', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await appliedWhen((x) => (x.quote?.length ?? 0) > 0, 'quote decorations to come back');
  });

  it('leaves an article over newsAnnotator.maxArticleSizeMB unanalysed, and analyses it again under a raised limit', async () => {
    const settings = vscode.workspace.getConfiguration('newsAnnotator');
    assert.ok(doc.getText().length > 2048, 'the seed is larger than the limit set below');
    await settings.update('maxArticleSizeMB', 0.001, vscode.ConfigurationTarget.Workspace);
    try {
      await waitFor(() => api.analyses.peek(doc)?.tooLarge === true, 'the article to be over the limit');
      await appliedWhen((x) => Object.values(x).every((r) => r.length === 0), 'decorations to clear over the limit');
      await waitFor(() => /too large/.test(api.statusBar.text), 'the status bar to say the article is too large');
    } finally {
      await settings.update('maxArticleSizeMB', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await appliedWhen((x) => (x.quote?.length ?? 0) > 0, 'decorations to come back under the default limit');
    assert.notEqual(api.analyses.peek(doc)?.tooLarge, true);
  });

  it('toggles every highlight with News: Toggle Highlights', async () => {
    await vscode.commands.executeCommand('newsAnnotator.toggleHighlights');
    try {
      await appliedWhen((x) => Object.values(x).every((r) => r.length === 0), 'all decorations to clear');
    } finally {
      await vscode.commands.executeCommand('newsAnnotator.toggleHighlights');
    }
    await appliedWhen((x) => (x.quote?.length ?? 0) > 0, 'decorations to come back');
  });

  it('decorates both editors of a split view', async () => {
    const left = await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
    const right = await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: false });
    try {
      assert.notEqual(left, right);
      await waitFor(() => (api.decorator.appliedTo(right).quote?.length ?? 0) > 0, 'the new split to be decorated');
      assert.deepEqual(api.decorator.appliedTo(right).quote, api.decorator.appliedTo(left).quote);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    }
    await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
  });

  it('hovers on "Kirby" with his full name, type and quotes', async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, positionOf(doc, 'Kirby said', 2));
    const text = hoverText(hovers);
    assert.match(text, /John Kirby/);
    assert.match(text, /PERSON/);
    assert.match(text, /concerned about the trip|deepening relationship|North Korean ballistic/);
    assert.match(text, /command:newsAnnotator\.showQuotesBySpeaker\?/, 'links to the full list of his quotes');
  });

  it('hovers on a quote with its speaker and cue', async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, positionOf(doc, 'Several documents', 3));
    const text = hoverText(hovers);
    assert.match(text, /Quote/);
    assert.match(text, /Yuri Ushakov|Ushakov/);
    assert.match(text, /Cue: \*[^*]+\*/);
  });

  it('outlines the headline and the paragraphs with quotes', async () => {
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri);
    assert.ok(symbols.length > 1);
    assert.equal(symbols[0].name, 'Russia’s Putin to visit North Korea, first trip in 24 years');
    const all = (list: vscode.DocumentSymbol[]): vscode.DocumentSymbol[] => list.flatMap((s) => [s, ...all(s.children)]);
    const quotes = all(symbols).filter((s) => s.kind === vscode.SymbolKind.Event);
    assert.ok(quotes.length >= 5, `quote symbols: ${quotes.length}`);
    assert.ok(all(symbols).some((s) => s.name === 'Soviet-era ties'), 'the sub-heading is in the outline');
  });

  it('highlights and lists every mention of John Kirby under all aliases', async () => {
    const at = positionOf(doc, 'Kirby said', 1);
    const highlights = await vscode.commands.executeCommand<vscode.DocumentHighlight[]>('vscode.executeDocumentHighlights', doc.uri, at);
    const names = highlights.map((h) => doc.getText(h.range));
    assert.ok(names.includes('John Kirby') && names.includes('Kirby'), names.join(', '));
    const refs = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', doc.uri, at);
    assert.deepEqual(refs.map((r) => doc.getText(r.range)).sort(), [...names].sort());
  });

  it('shows entities by type and quotes by speaker in the News view, with a filter', async () => {
    const tree = api.newsTree;
    await waitFor(() => tree.currentDocument === doc, 'the News view to follow the seed');
    const sections = await tree.getChildren();
    assert.deepEqual(sections.map((s) => s.label).slice(0, 3), ['Legend', 'Entities', 'Quotes']);
    const people = sections[1].children.find((g) => g.label === 'People');
    assert.ok(people?.children.some((e) => e.label === 'John Kirby'), 'John Kirby is listed under People');
    const kirby = sections[2].children.find((g) => g.label === 'John Kirby');
    assert.ok(kirby && kirby.children.length >= 2, 'his quotes are grouped under him');
    const item = tree.getTreeItem(kirby.children[0]);
    assert.equal(item.command?.command, 'newsAnnotator.revealRange');
    await vscode.commands.executeCommand('newsAnnotator.filterView', 'kirby');
    try {
      const filtered = await tree.getChildren();
      assert.ok(filtered.length >= 1);
      const labels = JSON.stringify(filtered.map((s) => s.children.map((g) => g.label)));
      assert.doesNotMatch(labels, /Ushakov/);
    } finally {
      await vscode.commands.executeCommand('newsAnnotator.clearViewFilter');
    }
    assert.match(api.statusBar.text, /\$\(quote\) \d+ \$\(person\) \d+/);
  });

  it('goes to a quote picked from News: Show Quotes by Speaker (as the hover link opens it)', async () => {
    await vscode.window.showTextDocument(doc);
    const analyzed = await api.analyses.whenAnalyzed(doc);
    const kirby = analyzed?.index.speakerGroups().find((g) => g.label === 'John Kirby');
    assert.ok(kirby, 'John Kirby is a speaker');
    const done = vscode.commands.executeCommand('newsAnnotator.showQuotesBySpeaker', { uri: doc.uri.toString(), speaker: kirby.key });
    await sleep(800); // let the quick pick open
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await done;
    const active = vscode.window.activeTextEditor!;
    assert.equal(active.document.getText(active.selection), kirby.quotes[0].text);
  });

  it('steps through quotes with the next / previous commands', async () => {
    await vscode.window.showTextDocument(doc);
    const active = vscode.window.activeTextEditor!;
    active.selection = new vscode.Selection(0, 0, 0, 0);
    await vscode.commands.executeCommand('newsAnnotator.nextQuote');
    const first = active.document.getText(active.selection);
    assert.match(first, /^“/);
    await vscode.commands.executeCommand('newsAnnotator.nextQuote');
    const second = active.selection.start;
    await vscode.commands.executeCommand('newsAnnotator.previousQuote');
    assert.equal(active.document.getText(active.selection), first);
    assert.ok(second.isAfter(active.selection.start));
  });
});

describe('hover escaping of hostile article text', () => {
  it('renders links and HTML from the article as literal text', async () => {
    const content = [
      'Council approves new budget',
      '',
      'The council approved the budget on Monday, officials said.',
      '',
      '“Click [x](command:workbench.action.quit) and <img src=x onerror=alert(1)> now,” said Mayor John Smith.',
      '',
      'John Smith said the vote was close.',
      '',
    ].join('\n');
    const doc = await vscode.workspace.openTextDocument(await scratchFile('hover-escaping', '.news.txt', content));
    await vscode.window.showTextDocument(doc);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, positionOf(doc, 'Click', 2));
    const text = hoverText(hovers);
    assert.ok(hovers.length > 0, 'the quote has a hover');
    assert.ok(text.includes('\\[x\\]\\(command\\:workbench'), text);
    assert.doesNotMatch(text, /(^|[^\\])\[x\]\(command:workbench/, 'no live link from the article');
    assert.doesNotMatch(text, /(^|[^\\])<img/, 'no raw HTML from the article');
    assert.match(text, /John Smith/);
  });
});

describe('unattributed-quote diagnostics', () => {
  it('lists quotes without a speaker in Problems only while the setting is on', async () => {
    const content = [
      'Storm hits coastal towns',
      '',
      'Heavy rain fell across the region on Tuesday, the weather service said.',
      '',
      '“Nobody could have prepared for a storm like this one.”',
      '',
      'Schools will stay closed until Friday.',
      '',
    ].join('\n');
    const doc = await vscode.workspace.openTextDocument(await scratchFile('unattributed', '.news.txt', content));
    await vscode.window.showTextDocument(doc);
    const ours = () => vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'News Annotator');
    const settings = vscode.workspace.getConfiguration('newsAnnotator');
    assert.equal(ours().length, 0, 'off by default');
    await settings.update('diagnostics.unattributedQuotes', true, vscode.ConfigurationTarget.Workspace);
    try {
      await waitFor(() => ours().length === 1, 'one unattributed-quote diagnostic');
      const [d] = ours();
      assert.equal(d.severity, vscode.DiagnosticSeverity.Information);
      assert.equal(doc.getText(d.range), '“Nobody could have prepared for a storm like this one.”');
    } finally {
      await settings.update('diagnostics.unattributedQuotes', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitFor(() => ours().length === 0, 'the diagnostics to go when the setting is off');
  });
});
