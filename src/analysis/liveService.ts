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
 *
 * `diagnosis()` classifies the late cases decided so far by their limiting
 * stage (src/sim/stages.ts) and sums them as one replication
 * (src/analysis/diagnose.ts), without finishing the run; at the end it is
 * exactly the batch run's diagnosis.
 */
import { parseScenario } from '../scenario/load.ts';
import type { Scenario } from '../scenario/schema.ts';
import { createEngine, type Engine, type Frame } from '../sim/api.ts';
import { diagnose } from './diagnose.ts';
import type { LiveDiagnosis, LiveService, LoadResult, Speed } from './liveTypes.ts';

const SLICE_MS = 12;
const FRAME_MS = 30;
/**
 * At maximum speed, a frame at most every 100 ms: the page draws only a few a second there, and each frame costs its
 * main thread a message, fresh buffers and their garbage (issue 12: no task over 50 ms while playing). Frames between
 * are coalesced, never the run: the series samples of every 5 simulated minutes ride on the next frame sent, and the
 * final frame is always sent.
 */
export const FRAME_MAX_MS = 100;
/** The coverage matrix (the bulk of a big city's frame) is sent at most this often while playing. */
const COVERAGE_MS = 250;
/** Time-series samples every 5 simulated minutes. */
const SAMPLE_S = 300;

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
  let sim: Engine | null = null;
  let onFrame: ((f: Frame) => void) | null = null;
  let playing = false;
  let speed: Speed = 'max';
  let lastWall = 0;
  let lastFrame = -Infinity;
  let generation = 0; // bumps on every load/restart so stale slices stop
  let samples: number[] = [];
  let nextSampleS = 0;
  /** Verdict count at the last frame sent (-1: send the coverage matrix next time). */
  let sentDecisions = -1;
  let coverageWall = -Infinity;

  /** Run to `t`, stopping at every sample time on the way to record the series. */
  const advance = (t: number) => {
    if (!sim) return;
    const end = Math.min(t, sim.horizonS);
    while (nextSampleS <= end) {
      sim.runUntil(nextSampleS);
      samples.push(...sim.seriesSample());
      nextSampleS += SAMPLE_S;
    }
    sim.runUntil(end);
  };

  const emit = () => {
    if (!sim || !onFrame) return;
    lastFrame = now();
    const wall = now();
    const sendCoverage = sim.decisions !== sentDecisions && (!playing || wall - coverageWall >= COVERAGE_MS);
    const f = sim.frame({ coverage: sendCoverage });
    if (sendCoverage) {
      sentDecisions = sim.decisions;
      coverageWall = wall;
    }
    f.series = Float64Array.from(samples);
    samples = [];
    onFrame(f);
  };

  const slice = (gen: number) => {
    if (gen !== generation || !playing || !sim) return;
    const start = now();
    if (speed === 'max') {
      // as much simulated time as fits in the slice, in 10-minute steps
      do advance(sim.now + SAMPLE_S);
      while (sim.now < sim.horizonS && now() - start < SLICE_MS);
    } else {
      advance(sim.now + ((start - lastWall) / 1000) * speed);
    }
    lastWall = start;
    const done = sim.now >= sim.horizonS;
    if (done) playing = false;
    if (done || now() - lastFrame >= (speed === 'max' ? FRAME_MAX_MS : FRAME_MS)) emit();
    if (!done) later(() => slice(gen), speed === 'max' ? 0 : 16);
  };

  const reset = (s: number) => {
    generation++;
    playing = false;
    seed = s;
    sim = scenario ? createEngine(scenario, seed) : null;
    samples = [];
    nextSampleS = 0;
    sentDecisions = -1;
  };

  return {
    load(text: string, s?: number): LoadResult {
      const parsed = parseScenario(text);
      if (!parsed.ok) return { ok: false, errors: parsed.errors };
      scenario = parsed.scenario;
      reset(s ?? scenario.run.seed);
      emit();
      return { ok: true, layout: sim!.layout() };
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
      advance(sim.now + seconds);
      emit();
    },
    restart(s: number) {
      reset(s);
      emit();
    },
    seek(tS: number) {
      if (!scenario) return;
      reset(seed);
      advance(Math.max(0, tS));
      emit();
    },
    requestFrame() {
      emit();
    },
    diagnosis(): LiveDiagnosis | null {
      if (!sim || !scenario) return null;
      const run = sim.diagnosis();
      return {
        tS: Math.min(sim.now, sim.horizonS),
        final: sim.finished,
        seed,
        scenarioId: scenario.id,
        diagnosis: diagnose(scenario, [{ diagnosis: run }], sim.gridIds),
      };
    },
  };
}
