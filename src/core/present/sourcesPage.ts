// The page of the sources webview: a table of the sources of several articles and two charts
// (quoted words by source; named versus anonymous share), as one self-contained HTML document. No
// remote content: a Content-Security-Policy allows only this page's own style and script (by
// nonce); colours are the theme's CSS variables; every piece of article text is HTML-escaped.
import { sourceTotals, type SourceRow } from '../sources/table';

export interface PageOptions {
  /** A fresh random value per render: the only style and script allowed to run carry it. */
  nonce: string;
}

const HTML_SPECIAL: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text placed in HTML content or an attribute value, rendered literally. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_SPECIAL[ch]!);
}

// Sources shown in the bar chart, most quoted words first.
const CHART_ROWS = 15;
const KIND_LABELS = { person: 'person', organisation: 'organisation', 'actor-place': 'place/government', anonymous: 'anonymous' } as const;

export function sourcesPageHtml(rows: readonly SourceRow[], articles: readonly string[], o: PageOptions): string {
  if (!/^[A-Za-z0-9+/=]{16,}$/.test(o.nonce)) throw new Error('sourcesPageHtml: the nonce must be 16 or more base64 characters');
  const e = escapeHtml;
  const csp = `default-src 'none'; style-src 'nonce-${o.nonce}'; script-src 'nonce-${o.nonce}'; img-src 'none'; font-src 'none'; connect-src 'none'; form-action 'none'; base-uri 'none'`;
  const body = rows.length === 0 ? '<p class="empty">No open news article has a source yet. Open an article (or several) and run the command again.</p>' : [charts(rows), table(rows)].join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sources across articles</title>
<style nonce="${o.nonce}">
body { color: var(--vscode-foreground); background: var(--vscode-editor-background); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); padding: 0 1em 2em; }
h1 { font-size: 1.3em; } h2 { font-size: 1.1em; margin-top: 1.5em; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 3px 8px; border-bottom: 1px solid var(--vscode-panel-border, var(--vscode-editorWidget-border)); vertical-align: top; }
th { color: var(--vscode-descriptionForeground); font-weight: 600; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
.muted { color: var(--vscode-descriptionForeground); }
button { color: var(--vscode-button-foreground); background: var(--vscode-button-background); border: none; padding: 4px 10px; margin-right: 6px; cursor: pointer; }
button:hover { background: var(--vscode-button-hoverBackground); }
button:focus-visible { outline: 1px solid var(--vscode-focusBorder); outline-offset: 2px; }
svg text { fill: var(--vscode-foreground); font-size: 12px; }
.bar-named { fill: var(--vscode-charts-blue); } .bar-anonymous { fill: var(--vscode-charts-orange); }
.empty { color: var(--vscode-descriptionForeground); }
</style>
</head>
<body>
<h1>Sources across articles</h1>
<p class="muted">${articles.length} article${articles.length === 1 ? '' : 's'}: ${articles.map(e).join(', ') || 'none open'}</p>
<p><button id="csv" type="button">Export CSV…</button><button id="md" type="button">Export Markdown…</button></p>
${body}
<script nonce="${o.nonce}">
const vscode = acquireVsCodeApi();
document.getElementById('csv').addEventListener('click', () => vscode.postMessage({ type: 'export', format: 'csv' }));
document.getElementById('md').addEventListener('click', () => vscode.postMessage({ type: 'export', format: 'markdown' }));
</script>
</body>
</html>
`;
}

function charts(rows: readonly SourceRow[]): string {
  const e = escapeHtml;
  const quoted = rows.filter((r) => r.quotedWords > 0).sort((a, b) => b.quotedWords - a.quotedWords).slice(0, CHART_ROWS);
  const max = Math.max(1, ...quoted.map((r) => r.quotedWords));
  const lineH = 20;
  const labelW = 260;
  const barW = 320;
  const bars = quoted
    .map((r, i) => {
      const y = i * lineH;
      const w = Math.max(1, Math.round((barW * r.quotedWords) / max));
      const label = `${r.source}${rows.some((x) => x.article !== r.article) ? ` (${r.article})` : ''}`;
      return `<text x="0" y="${y + 14}">${e(label.length > 40 ? label.slice(0, 39) + '…' : label)}<title>${e(label)}</title></text><rect class="${r.named ? 'bar-named' : 'bar-anonymous'}" x="${labelW}" y="${y + 3}" width="${w}" height="${lineH - 6}"></rect><text x="${labelW + w + 6}" y="${y + 14}">${r.quotedWords}</text>`;
    })
    .join('');
  const t = sourceTotals(rows);
  const words = t.namedWords + t.anonymousWords;
  const namedShare = words > 0 ? t.namedWords / words : 0;
  const split = Math.round(barW * namedShare);
  const share = `<svg role="img" aria-label="Named ${Math.round(100 * namedShare)}%, anonymous ${Math.round(100 * (1 - namedShare))}% of quoted words" width="${labelW + barW + 60}" height="44">
<rect class="bar-named" x="0" y="0" width="${split}" height="18"></rect><rect class="bar-anonymous" x="${split}" y="0" width="${barW - split}" height="18"></rect>
<text x="0" y="36">named: ${t.named} source${t.named === 1 ? '' : 's'}, ${t.namedWords} quoted words (${Math.round(100 * namedShare)}%) · anonymous: ${t.anonymous} source${t.anonymous === 1 ? '' : 's'}, ${t.anonymousWords} quoted words</text></svg>`;
  return `<h2>Quoted words by source</h2>
${quoted.length ? `<svg role="img" aria-label="Quoted words by source" width="${labelW + barW + 60}" height="${quoted.length * lineH}">${bars}</svg>` : '<p class="muted">No quote is credited to a source.</p>'}
<svg role="img" aria-label="Legend" width="260" height="20"><rect class="bar-named" x="0" y="4" width="12" height="12"></rect><text x="18" y="15">named</text><rect class="bar-anonymous" x="100" y="4" width="12" height="12"></rect><text x="118" y="15">anonymous</text></svg>
<h2>Named and anonymous sources</h2>
${share}`;
}

function table(rows: readonly SourceRow[]): string {
  const e = escapeHtml;
  const head = `<tr><th>Article</th><th>Source</th><th>Kind</th><th>Role</th><th>Affiliation</th><th class="n">Quotes</th><th class="n">Quoted words</th><th class="n">Share</th><th class="n">Paraphrases</th></tr>`;
  const body = rows
    .map((r) => {
      const who = r.named ? e(r.source) : `${e(r.source)} <span class="muted">(unnamed)</span>`;
      const entity = r.entity && r.entity !== r.source ? ` <span class="muted">= ${e(r.entity)}</span>` : '';
      return `<tr><td>${e(r.article)}</td><td title="${e(r.forms)}">${who}${entity}</td><td>${KIND_LABELS[r.kind]}</td><td>${e(r.role)}</td><td>${e(r.affiliation)}</td><td class="n">${r.quotes}</td><td class="n">${r.quotedWords}</td><td class="n">${r.share.toFixed(1)}%</td><td class="n">${r.paraphrases}</td></tr>`;
    })
    .join('\n');
  return `<h2>All sources</h2>\n<table>\n<thead>${head}</thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}
