// Worker-thread entry of the editor's service worker (bundled to dist/serviceWorker.js, started by
// serviceWorker.ts): sidecar reads and writes, the anchoring of many claims, and the workspace index.
// A bundle of its own, so the analysis worker (analysisWorker.ts), which every open article waits
// for, loads none of this (the YAML library alone is a third of what it would parse and run).
import { parentPort, workerData } from 'node:worker_threads';
import { defaultAssetsDir, useModelAssets } from '../../node/modelAssets';
import type { WorkerData } from '../workerAnalyzer';
import { isServiceMessage } from './protocol';
import { ServiceHost } from './services';

// The workspace index analyses articles, so this worker reads the same model files.
useModelAssets((workerData as WorkerData | null)?.assetsDir ?? defaultAssetsDir());

// Made on the first call.
let services: ServiceHost | undefined;

parentPort?.on('message', (message: unknown) => {
  if (isServiceMessage(message)) (services ??= new ServiceHost((reply) => parentPort?.postMessage(reply))).handle(message);
});
