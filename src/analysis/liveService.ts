/**
 * The live simulation service: one run that plays in real time, faster, or
 * as fast as the machine allows, and sends frames to whoever subscribed.
 *
 * It runs in a Web Worker (workers/live.worker.ts) and, for tests, inline.
 * Work is done in slices of about 12 ms of wall time, each followed by a
 * yield to the event loop, so control messages (pause, speed, a new
 * scenario) are handled between slices and never wait long.
 *
 * Speeds are simulated seconds per wall second (1x, 60x, 600x, 3600x) or
 * 'max'. Jumping to a time re-runs from 00:00 to it: the engine is
 * deterministic, so the state reached is exactly the one a continuous run
 * would have had there.
 */
import { parseScenario } from '../scenario/load.ts';
import type { Scenario } from '../scenario/schema.ts';
import { Simulation } from '../sim/simulation.ts';
import { frameOf, layoutOf } from '../sim/snapshot.ts';
import type { Frame } from '../sim/frame.ts';
import type { LiveService, LoadResult, Speed } from './liveTypes.ts';

const SLICE_MS = 12;
const FRAME_MS = 30;

export interface LiveServiceOptions {
  now?: () => number;
  /** Schedule the next slice (default: setTimeout). */
  later?: (fn: () => void, ms: number) => void;
}

export function createLiveService(opts: LiveServiceOptions = {}): LiveService {
  const now = opts.now ?? (() => performance.now());
  const later = opts.later ?? ((fn, ms) => void setTimeout(fn, ms));
  let scenario: Scenario | null = null;
  let seed = 1;
  let sim: Simulation | null = null;
  let onFrame: ((f: Frame) => void) | null = null;
  let playing = false;
  let speed: Speed = 'max';
  let lastWall = 0;
  let lastFrame = -Infinity;
  let generation = 0; // bumps on every load/restart so stale slices stop

  const emit = () => {
    if (!sim || !onFrame) return;
    lastFrame = now();
    onFrame(frameOf(sim));
  };

  const slice = (gen: number) => {
    if (gen !== generation || !playing || !sim) return;
    const start = now();
    if (speed === 'max') {
      // as much simulated time as fits in the slice, in 10-minute steps
      do sim.runUntil(sim.now + 600);
      while (sim.now < sim.horizonS && now() - start < SLICE_MS);
    } else {
      sim.runUntil(sim.now + ((start - lastWall) / 1000) * speed);
    }
    lastWall = start;
    const done = sim.now >= sim.horizonS;
    if (done) playing = false;
    if (done || now() - lastFrame >= FRAME_MS) emit();
    if (!done) later(() => slice(gen), speed === 'max' ? 0 : 16);
  };

  const reset = (s: number) => {
    generation++;
    playing = false;
    seed = s;
    sim = scenario ? new Simulation(scenario, seed) : null;
  };

  return {
    load(text: string, s?: number): LoadResult {
      const parsed = parseScenario(text);
      if (!parsed.ok) return { ok: false, errors: parsed.errors };
      scenario = parsed.scenario;
      reset(s ?? scenario.run.seed);
      emit();
      return { ok: true, layout: layoutOf(sim!, seed) };
    },
    subscribe(cb) {
      onFrame = cb;
    },
    play(sp: Speed) {
      if (!sim || sim.now >= sim.horizonS) return;
      speed = sp;
      if (playing) return;
      playing = true;
      lastWall = now();
      const gen = generation;
      later(() => slice(gen), 0);
    },
    pause() {
      playing = false;
      emit();
    },
    setSpeed(sp: Speed) {
      speed = sp;
      lastWall = now();
    },
    step(seconds: number) {
      if (!sim) return;
      playing = false;
      sim.runUntil(sim.now + seconds);
      emit();
    },
    restart(s: number) {
      reset(s);
      emit();
    },
    seek(tS: number) {
      if (!scenario) return;
      reset(seed);
      sim!.runUntil(Math.max(0, tS));
      emit();
    },
    requestFrame() {
      emit();
    },
  };
}
