// A compact form of an Analysis for passing it between threads. Copying tens of thousands of small
// mention objects through structured clone costs the receiving thread hundreds of milliseconds on
// a 1 MB article; entity mentions travel instead as one Int32Array of offsets (transferable, no
// copy) and are rebuilt from the text, which the receiver already has. For the same reason the
// texts of quotes, speakers, cues, claims and structure lines (megabytes on a long article, copied
// and collected on the receiving thread) travel empty and are sliced from the text again.
import type { Analysis, Entity, Mention, TextSpan } from '../types';

export interface WireAnalysis {
  analysis: Analysis;
  /** Per entity (same order), start/end pairs of its mentions; absent when sent as plain objects. */
  mentionOffsets?: Int32Array;
  /** Per entity, how many mentions it has (to cut `mentionOffsets`). */
  mentionCounts?: Int32Array;
  /** True when every text span other than mentions travels with an empty text, to be sliced from the source. */
  textsSliced?: boolean;
}

const MENTION_KEYS = 'end,entityId,start,text';

/**
 * Packs mentions when every one is exactly {start, end, text, entityId} with text equal to the
 * source slice and entityId equal to its entity; otherwise (e.g. a mention carrying an extra
 * field) the analysis is sent unchanged so nothing is lost.
 */
export function toWire(analysis: Analysis, text: string): WireAnalysis {
  const sliced = withoutTexts(analysis, text);
  const wire = packMentions(sliced ?? analysis, text);
  return sliced ? { ...wire, textsSliced: true } : wire;
}

function packMentions(analysis: Analysis, text: string): WireAnalysis {
  let total = 0;
  for (const entity of analysis.entities) {
    for (const m of entity.mentions) {
      if (Object.keys(m).sort().join(',') !== MENTION_KEYS || m.entityId !== entity.id || text.slice(m.start, m.end) !== m.text) {
        return { analysis };
      }
    }
    total += entity.mentions.length;
  }
  const mentionOffsets = new Int32Array(total * 2);
  const mentionCounts = new Int32Array(analysis.entities.length);
  let k = 0;
  const entities: Entity[] = analysis.entities.map((entity, i) => {
    mentionCounts[i] = entity.mentions.length;
    for (const m of entity.mentions) {
      mentionOffsets[k++] = m.start;
      mentionOffsets[k++] = m.end;
    }
    return { ...entity, mentions: [] };
  });
  return { analysis: { ...analysis, entities }, mentionOffsets, mentionCounts };
}

/** Rebuilds the Analysis from its wire form and the text it was computed from. */
export function fromWire(wire: WireAnalysis, text: string): Analysis {
  const { analysis, mentionOffsets, mentionCounts } = wire;
  if (wire.textsSliced) for (const s of textSpans(analysis)) s.text = text.slice(s.start, s.end);
  if (!mentionOffsets || !mentionCounts) return analysis;
  let k = 0;
  for (let i = 0; i < analysis.entities.length; i++) {
    const entity = analysis.entities[i];
    const mentions: Mention[] = new Array<Mention>(mentionCounts[i]);
    for (let j = 0; j < mentions.length; j++) {
      const start = mentionOffsets[k++];
      const end = mentionOffsets[k++];
      mentions[j] = { start, end, text: text.slice(start, end), entityId: entity.id };
    }
    entity.mentions = mentions;
  }
  return analysis;
}

/** Every text span of the analysis except entity mentions, in a fixed order. */
function* textSpans(a: Analysis): Generator<TextSpan> {
  const st = a.structure;
  if (st.headline) yield st.headline;
  yield* st.subheadings;
  yield* st.datelines;
  yield* st.bylines;
  yield* st.captions;
  yield* st.residue;
  for (const q of a.quotes) {
    yield q;
    if (q.speaker) yield q.speaker;
    if (q.cue) yield q.cue;
  }
  yield* a.claims;
}

/**
 * A copy of the analysis whose text spans (see textSpans) have empty texts, or undefined when one
 * of them does not hold exactly its slice of the source (then nothing is left out).
 */
function withoutTexts(a: Analysis, text: string): Analysis | undefined {
  for (const s of textSpans(a)) if (s.text.length !== s.end - s.start || text.slice(s.start, s.end) !== s.text) return undefined;
  const blank = <T extends TextSpan>(s: T): T => ({ ...s, text: '' });
  const st = a.structure;
  return {
    ...a,
    structure: {
      ...st,
      headline: st.headline ? blank(st.headline) : null,
      subheadings: st.subheadings.map(blank),
      datelines: st.datelines.map(blank),
      bylines: st.bylines.map(blank),
      captions: st.captions.map(blank),
      residue: st.residue.map(blank),
    },
    quotes: a.quotes.map((q) => ({ ...blank(q), speaker: q.speaker ? blank(q.speaker) : null, cue: q.cue ? blank(q.cue) : null })),
    claims: a.claims.map(blank),
  };
}
