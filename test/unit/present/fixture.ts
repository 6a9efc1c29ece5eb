// A small article with its Analysis written out by hand, so the presentation functions are tested
// independently of the analysers. Offsets are computed from the text, never typed in.
import type { Analysis, Entity, Quote } from '../../../src/core/types';

export const ARTICLE = [
  'Mayor visits flooded town',
  '',
  'Share this article',
  'Read more:',
  '',
  '“We will rebuild,” Mayor Jane Doe said on Monday in Riverton.',
  '',
  'Doe added that “help is coming” and thanked the Red Cross.',
  '',
  'Aftermath',
  '',
  '“It was terrifying [x](command:workbench.action.quit) <img src=x onerror=alert(1)>,” a resident told reporters.',
  '',
].join('\n');

const at = (needle: string, from = 0) => {
  const start = ARTICLE.indexOf(needle, from);
  if (start < 0) throw new Error(`fixture text not found: ${needle}`);
  return { start, end: start + needle.length, text: needle };
};

function quote(marked: string, speaker: Quote['speaker'], cue: string | null, partial = false): Quote {
  const span = at(marked);
  return { ...span, content: { start: span.start + 1, end: span.end - 1 }, partial, speaker, cue: cue ? at(cue, ARTICLE.lastIndexOf('\n', span.start) + 1) : null };
}

export function fixtureAnalysis(): Analysis {
  const doe = at('Jane Doe');
  const doeShort = at('Doe added');
  const jane: Entity = {
    id: 'PERSON:Jane Doe',
    type: 'PERSON',
    name: 'Jane Doe',
    aliases: ['Jane Doe', 'Doe'],
    roles: ['Mayor'],
    mentions: [
      { start: doe.start, end: doe.end, text: 'Jane Doe', entityId: 'PERSON:Jane Doe' },
      { start: doeShort.start, end: doeShort.start + 3, text: 'Doe', entityId: 'PERSON:Jane Doe' },
    ],
  };
  const riverton = at('Riverton');
  const redCross = at('Red Cross');
  const entities: Entity[] = [
    jane,
    { id: 'PLACE:Riverton', type: 'PLACE', name: 'Riverton', aliases: ['Riverton'], roles: [], mentions: [{ ...riverton, entityId: 'PLACE:Riverton' }] },
    { id: 'ORG:Red Cross', type: 'ORG', name: 'Red Cross', aliases: ['Red Cross'], roles: [], mentions: [{ ...redCross, entityId: 'ORG:Red Cross' }] },
  ];
  const hostile = '“It was terrifying [x](command:workbench.action.quit) <img src=x onerror=alert(1)>,”';
  const quotes: Quote[] = [
    quote('“We will rebuild,”', { ...doe, entityId: jane.id, kind: 'name' }, 'said'),
    quote('“help is coming”', { start: doeShort.start, end: doeShort.start + 3, text: 'Doe', entityId: jane.id, kind: 'name' }, 'added', true),
    quote(hostile, { ...at('a resident'), entityId: null, kind: 'description' }, 'told'),
  ];
  const para = (first: string) => {
    const s = ARTICLE.indexOf(first);
    return { start: s, end: ARTICLE.indexOf('\n', s) };
  };
  return {
    length: ARTICLE.length,
    structure: {
      headline: at('Mayor visits flooded town'),
      subheadings: [at('Aftermath')],
      datelines: [],
      bylines: [],
      captions: [],
      residue: [at('Share this article'), at('Read more:')],
      paragraphs: [para('“We will'), para('Doe added'), para('“It was')],
    },
    sentences: [],
    quotes,
    entities,
    claims: [],
  };
}
