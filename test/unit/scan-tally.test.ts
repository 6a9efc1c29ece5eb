import assert from 'node:assert/strict';
import { ScanTally, type ProgressReporter } from '../../src/vscode/corpus/scanTally';

type Report = Parameters<ProgressReporter['report']>[0];
const recorder = (): { reports: Report[]; reporter: ProgressReporter } => {
  const reports: Report[] = [];
  return { reports, reporter: { report: (v) => reports.push(v) } };
};

describe('workspace scan progress', () => {
  it('a notification opened mid-scan starts at the files already done, then follows each one to 100%', () => {
    const tally = new ScanTally(8);
    for (let i = 0; i < 3; i++) tally.step();
    const { reports, reporter } = recorder();
    tally.attach(reporter);
    assert.deepEqual(reports, [{ message: '3/8 files', increment: 37.5 }]);
    for (let i = 0; i < 5; i++) tally.step();
    assert.equal(reports.at(-1)?.message, '8/8 files');
    assert.equal(reports.reduce((sum, r) => sum + (r.increment ?? 0), 0), 100);
  });

  it('reports nothing before a notification is attached, nor after it is detached', () => {
    const tally = new ScanTally(4);
    const { reports, reporter } = recorder();
    tally.step();
    tally.attach(reporter);
    tally.attach(undefined);
    tally.step();
    assert.equal(reports.length, 1);
    assert.equal(tally.done, 2);
  });

  it('an empty scan reports no increment', () => {
    const { reports, reporter } = recorder();
    new ScanTally(0).attach(reporter);
    assert.deepEqual(reports, [{ message: '0/0 files', increment: 0 }]);
  });
});
