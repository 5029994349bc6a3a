/**
 * Node worker_threads side of the simulation service: the same object the
 * browser worker exposes, over comlink's Node adapter. From sources it is
 * loaded by `sim.node-worker.mjs`, which first teaches Node to import
 * TypeScript; the CLI bundle builds it into dist-cli/sim.node-worker.mjs
 * (scripts/build-cli.mjs), plain JavaScript that needs no loader.
 */
import { parentPort } from 'node:worker_threads';
import { expose } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { createSimService } from '../src/analysis/service.ts';

if (!parentPort) throw new Error('sim.node-service.ts must run inside a worker_threads Worker');
expose(createSimService(), nodeEndpoint(parentPort));
