// The models the analysis needs, built from the bytes of the asset files (assets/*.bin). The core
// does no file I/O: a front (the CLI, the editor's worker, scripts, tests) reads the files and
// either passes the bytes here or registers a source once per process (provideModels).
import type { LinearModel } from '../entities/tagger';
import { TAGGER_KIND, TAGGER_VERSION, decodeTagger } from '../entities/model';
import { ModelAssetError, readAsset } from './assetFile';

export { ModelAssetError } from './assetFile';

export interface Models {
  /** The entity tagger's weights. */
  tagger: LinearModel;
}

/** One asset file's bytes and its name (for error messages). */
export interface ModelAsset {
  name: string;
  bytes: Uint8Array;
}

/** The asset file names a front must read, in no particular order. */
export const MODEL_ASSET_FILES = ['tagger.bin'] as const;

/** Checks and decodes the assets; throws ModelAssetError naming the file when one is unusable or missing. */
export function loadModels(...assets: ModelAsset[]): Models {
  let tagger: LinearModel | undefined;
  for (const asset of assets) {
    const { kind, version, payload } = readAsset(asset.bytes, asset.name);
    if (kind !== TAGGER_KIND) throw new ModelAssetError(`model asset ${asset.name} holds "${kind}" data, which this version of News Annotator does not use`);
    if (version !== TAGGER_VERSION) throw new ModelAssetError(`model asset ${asset.name} is format version ${version}; this version of News Annotator reads version ${TAGGER_VERSION}: reinstall News Annotator, or rebuild the assets with \`npm run train\``);
    tagger = decodeTagger(payload, asset.name);
  }
  if (!tagger) throw new ModelAssetError(`no tagger weights among the model assets (${assets.map((a) => a.name).join(', ') || 'none given'}): expected ${MODEL_ASSET_FILES.join(', ')}`);
  return { tagger };
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
