// The reviewer's entity corrections in the editor: "News: Correct Entity Type…", "News: Not an
// Entity", "News: Merge Entities…" and "News: Split Entity…" act on the entity under the cursor,
// write the correction into the article's sidecar through the shared store, and the analysis is
// redone with it (highlights, hovers and the News view follow).
import * as vscode from 'vscode';
import { EMPTY_CORRECTIONS, entityCorrectionKey, sourceCorrectionKey } from '../../core/annotations/corrections';
import type { CorrectedType, Corrections, EntityCorrection } from '../../core/annotations/types';
import type { Entity, Mention } from '../../core/types';
import type { AnalysisCache } from '../analysisCache';
import type { ReviewerAnnotations } from './reviewerAnnotations';
import type { ReviewerName } from './settings';

export const CORRECTION_COMMANDS = {
  correctType: 'newsAnnotator.correctEntityType',
  notAnEntity: 'newsAnnotator.notAnEntity',
  merge: 'newsAnnotator.mergeEntities',
  split: 'newsAnnotator.splitEntity',
} as const;

const TYPE_LABELS: Record<CorrectedType, string> = { PERSON: 'Person', ORG: 'Organisation', PLACE: 'Place', NORP: 'Nationality or group', none: 'Not an entity' };

export class EntityCorrectionCommands implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  /** The corrections each document was last analysed with, to redo the analysis only when they change. */
  private readonly applied = new Map<string, string>();

  constructor(private readonly analyses: AnalysisCache, private readonly annotations: ReviewerAnnotations, private readonly reviewer: ReviewerName) {
    analyses.setCorrector((doc) => this.correctionsOf(doc));
    annotations.onDidChange((uri) => {
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      if (!doc) return;
      // Compared with what the last analysis applied, without recording (the analysis does that).
      if ((this.applied.get(uri.toString()) ?? correctionsKey(EMPTY_CORRECTIONS)) !== correctionsKey(this.annotations.peek(doc)?.corrections ?? EMPTY_CORRECTIONS)) analyses.refresh(doc);
    }, undefined, this.disposables);
    const command = (id: string, run: (editor: vscode.TextEditor) => Promise<void>) =>
      this.disposables.push(vscode.commands.registerTextEditorCommand(id, (editor) => void run(editor).catch((err: unknown) => {
        void vscode.window.showErrorMessage(`News Annotator: ${err instanceof Error ? err.message : String(err)}`);
      })));
    command(CORRECTION_COMMANDS.correctType, (e) => this.correctType(e));
    command(CORRECTION_COMMANDS.notAnEntity, (e) => this.notAnEntity(e));
    command(CORRECTION_COMMANDS.merge, (e) => this.merge(e));
    command(CORRECTION_COMMANDS.split, (e) => this.split(e));
  }

  /** The sidecar's corrections (entities and sources), recorded as the ones this analysis applies. */
  private correctionsOf(doc: vscode.TextDocument): Corrections {
    const corrections = this.annotations.peek(doc)?.corrections ?? EMPTY_CORRECTIONS;
    this.applied.set(doc.uri.toString(), correctionsKey(corrections));
    return corrections;
  }

  /** The mention and entity under the cursor, or a message saying there is none. */
  private async target(editor: vscode.TextEditor): Promise<{ entity: Entity; mention: Mention; all: readonly Entity[] } | undefined> {
    const analyzed = await this.analyses.whenAnalyzed(editor.document);
    if (!analyzed) return undefined;
    const offset = editor.document.offsetAt(editor.selection.active);
    const mention = analyzed.index.mentionAt(offset);
    const entity = mention ? analyzed.index.entityAt(offset) : undefined;
    if (!mention || !entity) {
      void vscode.window.showInformationMessage('News Annotator: put the cursor on a highlighted name first.');
      return undefined;
    }
    return { entity, mention, all: analyzed.analysis.entities };
  }

  private async record(editor: vscode.TextEditor, correction: EntityCorrection): Promise<void> {
    const signed = { ...correction, reviewer: await this.reviewer.current(), date: new Date().toISOString() } as EntityCorrection;
    await this.annotations.correct(editor.document, signed);
  }

  private async correctType(editor: vscode.TextEditor): Promise<void> {
    const t = await this.target(editor);
    if (!t) return;
    const items = (Object.keys(TYPE_LABELS) as CorrectedType[]).filter((type) => type !== t.entity.type).map((type) => ({ label: TYPE_LABELS[type], description: type === 'none' ? '' : type, type }));
    const pick = await vscode.window.showQuickPick(items, { title: `Correct the type of “${t.mention.text}” (now ${TYPE_LABELS[t.entity.type]})`, placeHolder: 'Every mention written this way in the article gets the type' });
    if (pick) await this.record(editor, { kind: 'retype', mention: t.mention.text, type: pick.type });
  }

  private async notAnEntity(editor: vscode.TextEditor): Promise<void> {
    const t = await this.target(editor);
    if (t) await this.record(editor, { kind: 'retype', mention: t.mention.text, type: 'none' });
  }

  private async merge(editor: vscode.TextEditor): Promise<void> {
    const t = await this.target(editor);
    if (!t) return;
    const items = t.all.filter((e) => e.id !== t.entity.id).map((e) => ({ label: e.name, description: `${TYPE_LABELS[e.type]} · ${e.mentions.length}×`, detail: e.aliases.length > 1 ? `also ${e.aliases.slice(1).join(', ')}` : undefined, entity: e }));
    if (items.length === 0) return void vscode.window.showInformationMessage('News Annotator: this article names no other entity to merge with.');
    const pick = await vscode.window.showQuickPick(items, { title: `Merge “${t.entity.name}” with…`, placeHolder: 'The entity that names the same person, organisation or place', matchOnDetail: true });
    if (pick) await this.record(editor, { kind: 'merge', names: [t.entity.name, pick.entity.name] });
  }

  private async split(editor: vscode.TextEditor): Promise<void> {
    const t = await this.target(editor);
    if (!t) return;
    const others = [...new Set(t.entity.mentions.map((m) => m.text))].filter((text) => text !== t.mention.text);
    if (others.length === 0) return void vscode.window.showInformationMessage(`News Annotator: “${t.mention.text}” is the only name of its entity; there is nothing to split.`);
    const pick = await vscode.window.showQuickPick(others.map((label) => ({ label })), { title: `Split “${t.mention.text}” from…`, placeHolder: 'A name in the same group that is someone or something else' });
    if (pick) await this.record(editor, { kind: 'split', names: [t.mention.text, pick.label] });
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }
}

/** What decides an analysis: the corrections' keys, in order. */
function correctionsKey(c: Corrections): string {
  return JSON.stringify([c.entities.map(entityCorrectionKey), c.sources.map(sourceCorrectionKey)]);
}
