/**
 * Browser Web Worker: exposes the simulation service over comlink.
 * The main thread does `wrap<SimService>(new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module' }))`.
 */
import { expose } from 'comlink';
import { createSimService } from '../src/analysis/service.ts';

expose(createSimService());
