// Settings the whole in-host suite runs with, set once before the first test: a reviewer name,
// so that tagging goes straight to the verdict (reviewerUi.test.ts covers the first-use prompt).
import * as vscode from 'vscode';

export const SUITE_REVIEWER = 'Integration Reviewer';

before(async () => {
  await vscode.workspace.getConfiguration('newsAnnotator').update('reviewer', SUITE_REVIEWER, vscode.ConfigurationTarget.Global);
});
