// The Markdown shown when hovering an entity mention or a quote. Every piece of article text is
// escaped (see escape.ts); only labels written here are formatted. The caller renders the result
// as untrusted Markdown with HTML off; command links are built separately by the editor front.
import type { Entity, Quote } from '../types';
import type { Source } from '../sources';
import { sourceSummary } from './viewTree';
import type { AnalysisIndex } from './analysisIndex';
import { escapeMarkdown, truncate } from './escape';

/** How many quotes an entity hover lists before pointing to the full list. */
export const HOVER_QUOTE_LIMIT = 3;
const QUOTE_CHARS = 160;

export interface EntityHover {
  markdown: string;
  /** Every quote attributed to the entity (the hover lists the first HOVER_QUOTE_LIMIT). */
  quoteCount: number;
}

export function entityHover(entity: Entity, index: AnalysisIndex): EntityHover {
  const quotes = index.quotesBy(entity.id);
  // The type as the legend names it (PERSON, ORG…), said once.
  const lines: string[] = [`**${escapeMarkdown(entity.name)}** · ${entity.type}`];
  const otherNames = entity.aliases.filter((a) => a !== entity.name);
  if (otherNames.length) lines.push(`Also written: ${otherNames.map((a) => `*${escapeMarkdown(a)}*`).join(', ')}`);
  if (entity.roles.length) lines.push(`Role: ${entity.roles.map(escapeMarkdown).join('; ')}`);
  const mentionCount = index.spansOf(entity).length;
  lines.push(`${plural(mentionCount, 'mention')} · ${plural(quotes.length, 'quote')}`);
  let markdown = lines.join('  \n');
  if (quotes.length) {
    const listed = quotes.slice(0, HOVER_QUOTE_LIMIT).map((q) => `- ${quoteLine(q)}`);
    markdown += `\n\n${listed.join('\n')}`;
    if (quotes.length > HOVER_QUOTE_LIMIT) markdown += `\n- … ${quotes.length - HOVER_QUOTE_LIMIT} more`;
  }
  return { markdown, quoteCount: quotes.length };
}

export function quoteHover(quote: Quote, index: AnalysisIndex, text: string): string {
  const lines: string[] = [quote.partial ? '**Partial quote**' : '**Quote**'];
  const speaker = quote.speaker;
  if (!speaker) lines.push('Speaker: *not attributed*');
  else {
    const entity = speaker.entityId ? index.entitiesById.get(speaker.entityId) : undefined;
    const asWritten = `as written: “${escapeMarkdown(speaker.text)}”, ${speaker.kind}`;
    lines.push(entity ? `Speaker: **${escapeMarkdown(entity.name)}** (${asWritten})` : `Speaker: ${asWritten} (not resolved to a named entity)`);
  }
  lines.push(quote.cue ? `Cue: *${escapeMarkdown(quote.cue.text)}*` : 'Cue: *none found*');
  const content = text.slice(quote.content.start, quote.content.end);
  return `${lines.join('  \n')}\n\n> ${escapeMarkdown(truncate(content, QUOTE_CHARS * 2))}`;
}

function quoteLine(quote: Quote): string {
  return `“${escapeMarkdown(truncate(quote.text.replace(/^[“"‘']|[”"’']$/g, ''), QUOTE_CHARS))}”`;
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/**
 * The line a speaker's hover gives its source: who (unnamed ones say so), role and affiliation, and
 * the space the article gives it. "Source: **Yuri Ushakov** · Kremlin aide · person · 4 quotes · …".
 */
export function sourceHoverLine(s: Source): string {
  const who = s.named ? `**${escapeMarkdown(s.entityName ?? s.name)}**` : `*unnamed:* **${escapeMarkdown(s.name)}**`;
  const about = [s.role, s.affiliation && !(s.role ?? '').includes(s.affiliation) ? s.affiliation : null].filter((x): x is string => !!x).map(escapeMarkdown);
  return `Source: ${[who, ...about, sourceSummary(s)].join(' · ')}`;
}
