// Reviewer annotations: the sidecar file, anchoring claims to article text, merging and exports.
// Pure (no vscode, no file system): callers read and write files and pass text in and out.
//
// Typical editor flow:
//   const store = parseSidecar(await read(sidecarPathFor(articlePath)), { articlePath });
//   if (store.error) show(store.error.message)                 // read-only, never overwritten
//   const placed = anchorAll(articleText, store.annotations);  // exact | moved | fuzzy | orphan (one shared index)
//   on edit: shiftForEdits(annotations, changes) -> re-anchor those with needsReanchor
//   on save: const r = updateSidecar(store, { upsert, remove, textHash: fnv1a64(articleText) });
//            if (r.ok && r.text !== null) write(r.text)

export * from './types';
export { fnv1a64, type TextHasher } from './hash';
export { sidecarPathFor, isSidecarPath, fileNameOf, SIDECAR_SUFFIX } from './paths';
export { idGenerator, freshId, type IdGenerator, type RandomSource } from './ids';
export { parseSidecar, type SidecarStore, type SidecarError, type EntryProblem, type SourcePosition, type ParseOptions, MAX_SIDECAR_CHARS, MAX_ALIAS_COUNT } from './parse';
export { createSidecar, updateSidecar, type SidecarChanges, type UpdateResult } from './write';
export { merge, sameAnnotation, type MergeConflict, type MergeResult } from './merge';
export { mergeSidecarTexts, type MergeFilesResult } from './mergeFiles';
export { anchor, anchorAll, createAnchorer, targetFor, type AnchorKind, type AnchorResult, type AnchorOptions, DEFAULT_ANCHOR_OPTIONS, CONTEXT_LENGTH } from './anchor';
export { approxSearch, editDistance, type ApproxMatch } from './approx';
export { shiftForEdits, type TextChange, type ShiftResult } from './shift';
export { createAnnotation, reattach, type NewAnnotation } from './make';
export { toWebAnnotation, toWebAnnotationPage, fromWebAnnotation, type ArticleRef, type WebAnnotation } from './export/webAnnotation';
export { toClaimReview, toClaimReviews, type ClaimReview } from './export/claimReview';
export { toCsv, csvField, csvSafe, CSV_COLUMNS } from './export/csv';
