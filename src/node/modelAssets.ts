// Reads the model assets (assets/*.bin) from disk for the Node fronts: the CLI, the editor's
// analysis worker and extension host, the scripts and the unit tests. The core checks and decodes
// the bytes (loadModels); this module only finds and reads the files, once per process.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { MODEL_ASSET_FILES, REQUIRED_ASSET_FILES, ModelAssetError, assetFix, loadModels, provideModels, type ModelAsset, type Models } from '../core/models';

/**
 * The assets folder beside the running code: `<root>/assets` where the code runs from
 * `<root>/dist/*.js` (the bundles) or `<root>/src/node/*.ts` (tests and scripts through tsx).
 */
export function defaultAssetsDir(): string {
  const candidates = [resolve(__dirname, '..', 'assets'), resolve(__dirname, '..', '..', 'assets')];
  return candidates.find((dir) => existsSync(join(dir, MODEL_ASSET_FILES[0]))) ?? candidates[0]!;
}

/** Reads and decodes every asset in `dir`; a ModelAssetError naming the file if one is missing or unusable. */
export function readModels(dir: string = defaultAssetsDir()): Models {
  const assets: ModelAsset[] = [];
  for (const name of MODEL_ASSET_FILES) {
    const path = join(dir, name);
    try {
      assets.push({ name: path, bytes: readFileSync(path) });
    } catch (err) {
      const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
      // A table the tagger does not use may be absent; loadModels says so if the tagger needs it.
      if (missing && !(REQUIRED_ASSET_FILES as readonly string[]).includes(name)) continue;
      const why = missing ? 'is missing' : `cannot be read (${(err as Error).message})`;
      throw new ModelAssetError(`model asset ${path} ${why}: ${assetFix(name)}`);
    }
  }
  return loadModels(...assets);
}

let registeredDir: string | undefined;

/**
 * Registers the assets in `dir` as this process's models, read on the first analysis. Calling it
 * again with the same folder keeps the models already read.
 */
export function useModelAssets(dir: string = defaultAssetsDir()): void {
  if (dir === registeredDir) return;
  registeredDir = dir;
  provideModels(() => readModels(dir));
}
