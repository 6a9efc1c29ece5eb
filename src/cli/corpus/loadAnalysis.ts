// The one place where a CLI process gets its analysis: the main thread with --jobs 1, or each
// worker of the --jobs pool, calls loadAnalysis() once at start and reuses what it returns for
// every article. The model files are read here, once per thread.
import { analyze } from '../../core/analyze';
import type { Analysis } from '../../core/types';
import { useModelAssets } from '../../node/modelAssets';

export type Analyzer = (text: string) => Analysis;

export function loadAnalysis(): Analyzer {
  useModelAssets();
  // The tagger's weights are decoded on first use; one short article decodes them now, so a model
  // that cannot load fails here, at start, rather than once per article.
  analyze('Warm-up, the reporter said.');
  return analyze;
}
