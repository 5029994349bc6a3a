/**
 * A fake simulation service for pool tests, loaded by workers/sim.node-worker.mjs
 * through workerData.service. The "scenario text" is JSON controlling it:
 * { delayMs: { [seed]: ms }, failSeed?: n, exitSeed?: n }.
 */
import { parentPort } from 'node:worker_threads';
import { expose } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { fakeRun } from '../fakeRun.ts';
import type { SimService } from '../service.ts';

interface Control {
  delayMs?: Record<string, number>;
  failSeed?: number;
  exitSeed?: number;
}

const service: SimService = {
  runReplication(text, seed, opts = {}) {
    const c = JSON.parse(text) as Control;
    const ms = c.delayMs?.[String(seed)] ?? 0;
    if (ms > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
    if (seed === c.failSeed) throw new Error(`fake failure at seed ${seed}`);
    if (seed === c.exitSeed) process.exit(3);
    return fakeRun(seed, opts);
  },
};

expose(service, nodeEndpoint(parentPort!));
