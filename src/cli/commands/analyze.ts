// `news-annotator analyze FILE... [--json]`
import { correctedAnalysis } from '../correctedAnalysis';
import type { Analysis, Entity } from '../../core/types';
import { readArticle } from '../readArticle';
import { terminalJson, terminalLine } from '../../core/present/terminalText';
import type { Style } from '../style';

export interface AnalyzeJson {
  file: string;
  structure: Analysis['structure'];
  quotes: {
    start: number;
    end: number;
    text: string;
    partial: boolean;
    speaker: { start: number; end: number; text: string; entity: string | null } | null;
    cue: { start: number; end: number; text: string } | null;
  }[];
  entities: { id: string; type: string; name: string; aliases: string[]; roles: string[]; mentions: { start: number; end: number; text: string }[] }[];
  claims: Analysis['claims'];
}

export function analyzeToJson(file: string, a: Analysis): AnalyzeJson {
  return {
    file,
    structure: a.structure,
    quotes: a.quotes.map((q) => ({
      start: q.start,
      end: q.end,
      text: q.text,
      partial: q.partial,
      speaker: q.speaker ? { start: q.speaker.start, end: q.speaker.end, text: q.speaker.text, entity: q.speaker.entityId } : null,
      cue: q.cue ? { start: q.cue.start, end: q.cue.end, text: q.cue.text } : null,
    })),
    entities: a.entities.map((e) => ({
      id: e.id,
      type: e.type,
      name: e.name,
      aliases: e.aliases,
      roles: e.roles,
      mentions: e.mentions.map((m) => ({ start: m.start, end: m.end, text: m.text })),
    })),
    claims: a.claims,
  };
}

export function runAnalyze(files: string[], json: boolean, out: (s: string) => void, style: Style): void {
  // The reviewer's corrections in each article's sidecar win over the model.
  const results = files.map((file) => analyzeToJson(file, correctedAnalysis(file, readArticle(file))));
  if (json) {
    out(terminalJson(results.length === 1 ? results[0] : results));
    return;
  }
  for (const r of results) out(renderReadable(r, style));
}

function renderReadable(r: AnalyzeJson, style: Style): string {
  const lines: string[] = [];
  const t = terminalLine;
  const names = new Map<string, Entity['name']>(r.entities.map((e) => [e.id, e.name]));
  lines.push(style.bold(t(r.file)));
  if (r.structure.headline) lines.push(`  ${style.bold(t(r.structure.headline.text))}`);
  lines.push('', style.bold(`Quotes (${r.quotes.length})`));
  for (const q of r.quotes) {
    const who = q.speaker
      ? style.speaker(t(q.speaker.entity ? names.get(q.speaker.entity) ?? q.speaker.text : q.speaker.text)) +
        (q.speaker.entity && names.get(q.speaker.entity) !== q.speaker.text ? style.dim(` (“${t(q.speaker.text)}”)`) : '')
      : style.dim('unattributed');
    // Speaker and cue in the order the article writes them: "Ushakov said", "according to Kremlin officials".
    const cueFirst = !!q.cue && !!q.speaker && q.cue.start < q.speaker.start;
    const cue = q.cue ? style.dim(t(q.cue.text)) : '';
    const attribution = !q.cue ? who : cueFirst ? `${cue} ${who}` : `${who} ${cue}`;
    lines.push(`  ${attribution}: ${style.quote(t(q.text))}`);
  }
  lines.push('', style.bold(`Entities (${r.entities.length})`));
  for (const e of r.entities) {
    const aliases = e.aliases.filter((a) => a !== e.name);
    const extra = [aliases.length ? `also ${aliases.map(t).join(', ')}` : '', e.roles.length ? e.roles.map(t).join('; ') : '']
      .filter(Boolean)
      .join(' · ');
    lines.push(`  ${style.type(e.type, e.type.padEnd(6))} ${t(e.name)} ${style.dim(`×${e.mentions.length}`)}${extra ? style.dim(`  ${extra}`) : ''}`);
  }
  if (r.claims.length) {
    lines.push('', style.bold(`Claims to check (${r.claims.length}, best first)`));
    for (const c of r.claims.slice(0, 10)) lines.push(`  ${style.dim(c.score.toFixed(2))} ${t(c.text)}`);
  }
  lines.push('');
  return lines.join('\n');
}
