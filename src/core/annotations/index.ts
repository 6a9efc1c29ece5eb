// Reviewer annotations: the sidecar file, anchoring claims to article text, merging and exports.
// Pure (no vscode, no file system): the sidecar store reads and writes through a SidecarFs that
// each front supplies (Node fs in the CLI, vscode.workspace.fs in the editor).
//
// Typical flow:
//   const sidecars = new SidecarStore(fs, process);
//   const { parsed } = await sidecars.read(sidecarPathFor(articlePath), articlePath);
//   if (parsed.error) show(parsed.error.message)                // read-only, never overwritten
//   const placed = anchorAll(articleText, parsed.annotations);  // exact | moved | fuzzy | orphan (one shared index)
//   on edit: shiftForEdits(annotations, changes) -> re-anchor those with needsReanchor
//   on save: await sidecars.update(path, { articlePath, base: textLastRead, edit: () => ({ upsert, remove }) })
//            -> locked, merged with changes made elsewhere meanwhile, written atomically; conflicts reported

export * from './types';
export { fnv1a64, type TextHasher } from './hash';
export { sidecarPathFor, isSidecarPath, fileNameOf, SIDECAR_SUFFIX } from './paths';
export { idGenerator, freshId, type IdGenerator, type RandomSource } from './ids';
export { parseSidecar, type ParsedSidecar, type SidecarError, type EntryProblem, type CorrectionProblem, type SourcePosition, type ParseOptions, MAX_SIDECAR_CHARS, MAX_ALIAS_COUNT } from './parse';
export { recordEntityCorrection, applyCorrectionChanges, correctionsDiff, entityCorrectionKey, sourceCorrectionKey, checkEntityCorrection, checkSourceCorrection, EMPTY_CORRECTIONS, type CorrectionChanges } from './corrections';
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
export * from './store';
