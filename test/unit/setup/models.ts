// Loaded by scripts/run-unit.mjs before the test files: the tests analyse with the model assets
// in assets/, read once for the whole run, as the CLI and the editor's worker read them.
import { useModelAssets } from '../../../src/node/modelAssets';

useModelAssets();
