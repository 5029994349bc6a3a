/**
 * The contract between the live-simulation worker and the page: the
 * service the worker exposes with comlink. The data it sends (CityLayout,
 * Frame) is defined on floor 0 in src/sim/frame.ts.
 */
import type { CityLayout, Frame } from '../sim/frame.ts';
import type { Diagnosis } from './diagnose.ts';

export type { CityLayout, Frame, LiveKpis, Named } from '../sim/frame.ts';

export type Speed = 1 | 60 | 600 | 3600 | 'max';

/** What limits coverage in the run so far (the live run as one replication; see diagnose.ts). */
export interface LiveDiagnosis {
  /** Simulated time of the diagnosis (seconds from the run start). */
  tS: number;
  /** The run is finished: the books are closed, and this is exactly the batch run's diagnosis. */
  final: boolean;
  /** Seed and scenario id of the run it belongs to. */
  seed: number;
  scenarioId: string;
  diagnosis: Diagnosis;
}

export type LoadResult =
  { ok: true; layout: CityLayout } | { ok: false; errors: { path: string; code: string; zh: string; en: string }[] };

/** The worker's service, as the page sees it through comlink. */
export interface LiveService {
  /** Validate and load a scenario; on failure nothing changes (the current run keeps going). */
  load(scenarioText: string, seed?: number): LoadResult;
  /** Register the frame callback (a comlink proxy). */
  subscribe(onFrame: (f: Frame) => void): void;
  play(speed: Speed): void;
  pause(): void;
  setSpeed(speed: Speed): void;
  /** Advance by `seconds` of simulated time, paused. */
  step(seconds: number): void;
  /** Restart from 00:00 with a new seed (paused). */
  restart(seed: number): void;
  /** Jump to a simulated time by re-running from the start (deterministic), paused. */
  seek(tS: number): void;
  /** Send one frame now. */
  requestFrame(): void;
  /** Why late cases are late in the run so far (null before a load). Cheap: no frame, no effect on the run. */
  diagnosis(): LiveDiagnosis | null;
}
