// The verdict labels offered when tagging (`newsAnnotator.claimLabels`) with their colours, and who
// the reviewer is (`newsAnnotator.reviewer`, asked for on the first tag when empty).
import { execFile } from 'node:child_process';
import { userInfo } from 'node:os';
import * as vscode from 'vscode';
import { readConfig, updateUserSetting } from '../config';

export interface ClaimLabel {
  label: string;
  /** A theme colour id (`newsAnnotator.claimFalseBackground`) or a CSS colour (`#e5484d55`). */
  color: string;
}

/** Colour for labels that are in a sidecar but not in the settings. */
export const OTHER_LABEL_COLOR = 'newsAnnotator.claimOtherBackground';

export const DEFAULT_CLAIM_LABELS: readonly ClaimLabel[] = [
  { label: 'verified', color: 'newsAnnotator.claimVerifiedBackground' },
  { label: 'false', color: 'newsAnnotator.claimFalseBackground' },
  { label: 'misleading', color: 'newsAnnotator.claimMisleadingBackground' },
  { label: 'unverified', color: 'newsAnnotator.claimUnverifiedBackground' },
  { label: 'disputed', color: 'newsAnnotator.claimDisputedBackground' },
  { label: 'needs context', color: 'newsAnnotator.claimNeedsContextBackground' },
  { label: 'opinion', color: 'newsAnnotator.claimOpinionBackground' },
];

/** Reads the labels setting: objects `{label, color}` or plain strings; blanks and repeats dropped. */
export function readClaimLabels(): ClaimLabel[] {
  const raw = readConfig().claimLabels;
  const list = Array.isArray(raw) ? raw : DEFAULT_CLAIM_LABELS;
  const seen = new Set<string>();
  const out: ClaimLabel[] = [];
  for (const item of list) {
    const label = typeof item === 'string' ? item : item && typeof item === 'object' && typeof (item as ClaimLabel).label === 'string' ? (item as ClaimLabel).label : '';
    const trimmed = label.trim();
    if (trimmed === '' || seen.has(trimmed)) continue;
    seen.add(trimmed);
    const color = item && typeof item === 'object' && typeof (item as ClaimLabel).color === 'string' && (item as ClaimLabel).color.trim() !== ''
      ? (item as ClaimLabel).color.trim()
      : DEFAULT_CLAIM_LABELS.find((d) => d.label === trimmed)?.color ?? OTHER_LABEL_COLOR;
    out.push({ label: trimmed, color });
  }
  return out.length > 0 ? out : [...DEFAULT_CLAIM_LABELS];
}

/** A decoration colour: theme colour ids become ThemeColors, anything else is used as CSS. */
export function colorOf(color: string): string | vscode.ThemeColor {
  return /^[A-Za-z][\w-]*(\.[\w-]+)+$/.test(color) ? new vscode.ThemeColor(color) : color;
}

export const REVIEWER_PROMPT_TITLE = 'Your name as reviewer';

/**
 * The reviewer's name: `newsAnnotator.reviewer`. When it is empty, the first tag asks for it
 * (suggesting git's user.name, else the operating-system user) and stores the answer in the user
 * settings, so the name on a claim is always one the reviewer chose. Escape keeps the suggestion
 * for this session only and asks again next time.
 */
export class ReviewerName {
  private gitName: Promise<string | undefined> | undefined;
  /** The suggestion accepted with Escape: used until the window closes, never stored. */
  private sessionName: string | undefined;

  /** The name to record, asking for it first when none is set. */
  async current(): Promise<string> {
    const configured = readConfig().reviewer;
    if (configured) return configured;
    if (this.sessionName) return this.sessionName;
    const suggestion = await this.suggestion();
    const answer = await vscode.window.showInputBox({
      title: REVIEWER_PROMPT_TITLE,
      prompt: 'Recorded on every claim you tag, and kept in the newsAnnotator.reviewer setting. Escape uses the suggestion for now.',
      value: suggestion,
      validateInput: (value) => (value.trim() === '' ? 'Enter a name, or press Escape to use the suggestion for now' : undefined),
    });
    const name = answer?.trim();
    if (!name) {
      this.sessionName = suggestion;
      return suggestion;
    }
    await updateUserSetting('reviewer', name);
    return name;
  }

  /** git's user.name, else the OS user name. */
  private async suggestion(): Promise<string> {
    this.gitName ??= this.readGitName();
    const fromGit = await this.gitName;
    if (fromGit) return fromGit;
    try {
      return userInfo().username || 'unknown';
    } catch {
      return 'unknown';
    }
  }

  private readGitName(): Promise<string | undefined> {
    const cwd = vscode.workspace.workspaceFolders?.find((f) => f.uri.scheme === 'file')?.uri.fsPath;
    return new Promise((resolve) => {
      try {
        execFile('git', ['config', 'user.name'], { timeout: 3000, ...(cwd ? { cwd } : {}) }, (err, stdout) => {
          resolve(err ? undefined : String(stdout).trim() || undefined);
        });
      } catch {
        resolve(undefined);
      }
    });
  }
}
