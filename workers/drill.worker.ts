/**
 * Browser Web Worker for drills: exposes the drill service over comlink.
 * Each frame's typed-array buffers are transferred to the page, not copied.
 */
import { expose, transfer } from 'comlink';
import { createDrillService, type DrillFrame } from '../src/analysis/drillService.ts';

const service = createDrillService();

expose({
  ...service,
  subscribe(cb: (f: DrillFrame) => void) {
    service.subscribe((d) => {
      const f = d.frame;
      cb(
        transfer(
          d,
          [f.staffXY, f.staffState, f.cases, f.cellBacklog, f.coverage, f.coverageCases, f.stationQueue, f.series].map(
            (a) => a.buffer as ArrayBuffer,
          ),
        ),
      );
    });
  },
});
