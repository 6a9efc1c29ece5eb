// The models the analysis needs, built from the bytes of the asset files (assets/*.bin). The core
// does no file I/O: a front (the CLI, the editor's worker, scripts, tests) reads the files and
// either passes the bytes here or registers a source once per process (provideModels).
import type { LinearModel } from '../entities/tagger';
import { TAGGER_KIND, TAGGER_VERSION, decodeTagger } from '../entities/model';
import { CLUSTERS_KIND, CLUSTERS_VERSION, decodeClusters } from '../entities/wordClusters';
import { GAZETTEER_KIND, GAZETTEER_VERSION, decodeGazetteer } from '../entities/gazetteerMatch';
import { FS_CLUSTERS, FS_GAZETTEER } from '../entities/features';
import { SPEAKERS_KIND, SPEAKERS_VERSION, decodeSpeakerWeights } from '../speakers/weightsAsset';
import { SOURCE_TAGGER_KIND, SOURCE_TAGGER_VERSION, decodeSourceTagger } from '../sources/taggerAsset';
import type { SourceTaggerModel } from '../sources/tagger';
import { SOURCE_PAIRS_KIND, SOURCE_PAIRS_VERSION, decodePairModel } from '../sources/pairsAsset';
import type { PairModel } from '../sources/pairs';
import type { HashTable } from '../text/hashTable';
import { ModelAssetError, assetFix, readAsset } from './assetFile';

export { ModelAssetError, assetFix } from './assetFile';

export interface Models {
  /** The entity tagger: its weights and the tables its features read. */
  tagger: LinearModel;
  /** The speaker ranker's weights: feature name → weight. */
  speakers: ReadonlyMap<string, number>;
  /** The source tagger (sources stated without a verb of saying), or null: the sources list then keeps to the cue rules. */
  sources: SourceTaggerModel | null;
  /** The pair scorer (subjects the cue rules and the tagger left out), or null: none is listed then. */
  pairs: PairModel | null;
}

/** One asset file's bytes and its name (for error messages). */
export interface ModelAsset {
  name: string;
  bytes: Uint8Array;
}

/** The asset files: the tagger's weights (always), the tables its features may read, the speaker ranker's weights, the source tagger's. */
export const MODEL_ASSET_FILES = ['tagger.bin', 'clusters.bin', 'gazetteers.bin', 'speakers.bin', 'sources.bin', 'pairs.bin'] as const;
/** The files a front must find; the others are read when present and needed only by some models. */
export const REQUIRED_ASSET_FILES = ['tagger.bin', 'speakers.bin'] as const;

const FORMATS: Record<string, number> = { [TAGGER_KIND]: TAGGER_VERSION, [CLUSTERS_KIND]: CLUSTERS_VERSION, [GAZETTEER_KIND]: GAZETTEER_VERSION, [SPEAKERS_KIND]: SPEAKERS_VERSION, [SOURCE_TAGGER_KIND]: SOURCE_TAGGER_VERSION, [SOURCE_PAIRS_KIND]: SOURCE_PAIRS_VERSION };

/** Checks and decodes the assets; throws ModelAssetError naming the file when one is unusable or missing. */
export function loadModels(...assets: ModelAsset[]): Models {
  let tagger: LinearModel | undefined;
  let taggerName = '';
  let clusters: HashTable | null = null;
  let gazetteer: HashTable | null = null;
  let speakers: ReadonlyMap<string, number> | null = null;
  let sources: SourceTaggerModel | null = null;
  let pairs: PairModel | null = null;
  for (const asset of assets) {
    const { kind, version, payload } = readAsset(asset.bytes, asset.name);
    const reads = FORMATS[kind];
    if (reads === undefined) throw new ModelAssetError(`model asset ${asset.name} holds "${kind}" data, which this version of News Annotator does not use`);
    if (version !== reads) throw new ModelAssetError(`model asset ${asset.name} is format version ${version}; this version of News Annotator reads version ${reads}: ${assetFix(asset.name)}`);
    if (kind === TAGGER_KIND) {
      tagger = decodeTagger(payload, asset.name);
      taggerName = asset.name;
    } else if (kind === CLUSTERS_KIND) clusters = decodeClusters(payload, asset.name);
    else if (kind === SPEAKERS_KIND) speakers = decodeSpeakerWeights(payload, asset.name);
    else if (kind === SOURCE_TAGGER_KIND) sources = decodeSourceTagger(payload, asset.name);
    else if (kind === SOURCE_PAIRS_KIND) pairs = decodePairModel(payload, asset.name);
    else gazetteer = decodeGazetteer(payload, asset.name);
  }
  if (!tagger) throw new ModelAssetError(`no tagger weights among the model assets (${assets.map((a) => a.name).join(', ') || 'none given'}): expected ${REQUIRED_ASSET_FILES.join(', ')}`);
  const needs = (what: string, file: string): ModelAssetError => new ModelAssetError(`model asset ${taggerName} needs ${what} (${file}), which is missing: ${assetFix(file)}`);
  if (tagger.features & FS_CLUSTERS && !clusters) throw needs('the word clusters', 'clusters.bin');
  if (tagger.features & FS_GAZETTEER && !gazetteer) throw needs('the name lists', 'gazetteers.bin');
  if (!speakers) throw new ModelAssetError(`no speaker ranker weights among the model assets (${assets.map((a) => a.name).join(', ')}): expected speakers.bin; ${assetFix('speakers.bin')}`);
  tagger.clusters = clusters;
  tagger.gazetteer = gazetteer;
  return { tagger, speakers, sources, pairs };
}

let source: (() => Models) | undefined;
let loaded: Models | undefined;

/**
 * Registers the models for this process: the models themselves, or a function that loads them on
 * first use (so a process that never analyses never reads the files). Called once by each front.
 */
export function provideModels(models: Models | (() => Models)): void {
  loaded = typeof models === 'function' ? undefined : models;
  source = typeof models === 'function' ? models : undefined;
}

/** The registered models, loaded on first use; a clear error if no front registered any. */
export function currentModels(): Models {
  if (loaded) return loaded;
  if (!source) throw new ModelAssetError('no entity model loaded: the caller must register the model assets (provideModels) before analysing');
  loaded = source();
  source = undefined;
  return loaded;
}
