// Three-way merge of sidecar files: merge() on the annotations, and on the corrections what ours
// added and removed since base applied to theirs, written into *their* document so their
// comments and layout survive (used when a save finds the file changed on disk meanwhile).

import { correctionsDiff } from './corrections';
import { IdGenerator } from './ids';
import { merge, MergeConflict } from './merge';
import { parseSidecar } from './parse';
import { updateSidecar } from './write';

export type MergeFilesResult =
  | { ok: true; /** Merged text, or null when theirs already is the result. */ text: string | null; conflicts: MergeConflict[] }
  | { ok: false; error: string };

export function mergeSidecarTexts(baseText: string, mineText: string, theirsText: string, newId: IdGenerator, articlePath?: string): MergeFilesResult {
  const options = articlePath === undefined ? {} : { articlePath };
  const [base, mine, theirs] = [baseText, mineText, theirsText].map((t) => parseSidecar(t, options)) as [ReturnType<typeof parseSidecar>, ReturnType<typeof parseSidecar>, ReturnType<typeof parseSidecar>];
  for (const [name, store] of [['base', base], ['ours', mine], ['theirs', theirs]] as const) {
    if (store.error) return { ok: false, error: `Cannot merge: the ${name} version is unreadable: ${store.error.message}` };
  }
  const result = merge(base.annotations, mine.annotations, theirs.annotations, newId);
  const kept = new Set(result.annotations.map((a) => a.id));
  const update = updateSidecar(theirs, {
    upsert: result.annotations,
    remove: theirs.annotations.filter((a) => !kept.has(a.id)).map((a) => a.id),
    corrections: correctionsDiff(base.corrections, mine.corrections),
  });
  if (!update.ok) return update;
  return { ok: true, text: update.text, conflicts: result.conflicts };
}
