/**
 * Browser Web Worker for the live twin: exposes the live simulation service
 * over comlink, transferring each frame's typed-array buffers to the page
 * instead of copying them.
 */
import { expose, transfer } from 'comlink';
import { createLiveService } from '../src/analysis/liveService.ts';
import type { Frame } from '../src/sim/frame.ts';

const service = createLiveService();

function buffersOf(f: Frame): ArrayBuffer[] {
  return [f.staffXY, f.staffState, f.cases, f.cellBacklog, f.coverage, f.coverageCases, f.stationQueue, f.series].map(
    (a) => a.buffer as ArrayBuffer,
  );
}

expose({
  ...service,
  subscribe(cb: (f: Frame) => void) {
    service.subscribe((f) => cb(transfer(f, buffersOf(f))));
  },
});
