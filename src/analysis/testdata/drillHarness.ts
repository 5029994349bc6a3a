/**
 * Test support: the drill service on a fake clock (each reading advances one
 * second) with a hand-cranked scheduler, and the built-in drill's texts.
 */
import { readFileSync } from 'node:fs';
import { createDrillService, type DrillFrame } from '../drillService.ts';

const read = (p: string) => readFileSync(new URL(`../../../${p}`, import.meta.url), 'utf8');
export const drillText = read('scenarios/drills/red-night-drill.json');
export const scenarioText = read('scenarios/rainstorm-red-night.json');

export function drillHarness() {
  let clock = 0;
  const queue: (() => void)[] = [];
  const svc = createDrillService({ now: () => (clock += 1000), later: (fn) => void queue.push(fn) });
  const frames: DrillFrame[] = [];
  svc.subscribe((f) => frames.push(f));
  return {
    svc,
    frames,
    tickN: (n: number) => {
      for (let i = 0; i < n && queue.length; i++) queue.shift()!();
    },
  };
}
