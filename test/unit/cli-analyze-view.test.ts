// The CLI's readable view of quotes: speaker and cue in the order the article writes them.
import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAnalyze } from '../../src/cli/commands/analyze';
import { makeStyle } from '../../src/cli/style';

describe('cli analyze: readable view', () => {
  it('writes "according to X", never "X according to", and "X said" for a cue after the speaker', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'news-view-')), 'article.txt');
    writeFileSync(file, 'Sanctions bite.\n\nMOSCOW (AP) — The talks went nowhere, according to Kremlin officials: “We will not move.”\n\n“It was a good meeting,” Yuri Ushakov said.\n');
    let printed = '';
    runAnalyze([file], false, (s) => (printed += s), makeStyle(false));
    assert.match(printed, /^ {2}according to Kremlin officials: “We will not move\.”$/m);
    assert.doesNotMatch(printed, /Kremlin officials according to/);
    assert.match(printed, /^ {2}Yuri Ushakov said: “It was a good meeting,”$/m);
  });
});
