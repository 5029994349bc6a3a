// Node worker_threads entry for the simulation service.
// Plain JavaScript so that `new Worker(url)` can start it without a loader;
// it registers tsx in this thread, then loads the TypeScript service.
// This is the worker of the sources (tests, bench, tsx); the built CLI starts
// its own bundled worker, dist-cli/sim.node-worker.mjs, which needs no tsx.
// An optional workerData.service (a file URL) loads another service module (tests).
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData?.service ?? new URL('./sim.node-service.ts', import.meta.url).href);
