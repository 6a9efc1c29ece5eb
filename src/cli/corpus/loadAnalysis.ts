// The one place where a CLI process gets its analysis: the main thread with --jobs 1, or each
// worker of the --jobs pool, calls loadAnalysis() once at start and reuses what it returns for
// every article. Loading models from asset files (read once per process) belongs here.
import { analyze } from '../../core/analyze';
import type { Analysis } from '../../core/types';

export type Analyzer = (text: string) => Analysis;

export function loadAnalysis(): Analyzer {
  // The tagger's weights are decoded on first use; one short article decodes them now, so a model
  // that cannot load fails here, at start, rather than once per article.
  analyze('Warm-up, the reporter said.');
  return analyze;
}
