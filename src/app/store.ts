/**
 * A tiny framework-free store (in the spirit of zustand) and the app's state.
 *
 *     const s = createStore({ n: 0 });
 *     const off = s.subscribe(() => console.log(s.getState().n));
 *     s.setState((st) => ({ n: st.n + 1 }));
 *
 * `setState` merges a partial state and notifies listeners only when some
 * field actually changed (by identity). The React adapter is in useStore.ts.
 *
 * The app state holds what the panels show. Per-frame data is NOT pushed
 * here on every animation frame: the controller publishes the latest frame
 * at most about four times a second (and always the final one), so panels
 * re-render rarely while the 3D scene mutates itself in `useFrame`.
 */
import type { CityLayout, Frame, Speed } from '../analysis/liveTypes.ts';
import type { Lang } from '../i18n/lang.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { ImportStats } from '../importer/geojson.ts';
import type { CalibrationReportData } from '../importer/importService.ts';

export interface Store<T> {
  getState(): T;
  setState(patch: Partial<T> | ((s: T) => Partial<T>)): void;
  subscribe(listener: () => void): () => void;
}

export function createStore<T extends object>(initial: T): Store<T> {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    getState: () => state,
    setState(patch) {
      const p = typeof patch === 'function' ? patch(state) : patch;
      let changed = false;
      for (const k in p) {
        if (!Object.is(p[k], state[k])) {
          changed = true;
          break;
        }
      }
      if (!changed) return;
      state = { ...state, ...p };
      for (const l of [...listeners]) l();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export type { Lang } from '../i18n/lang.ts';
export type ColorBy = 'landUse' | 'backlog' | 'coverageHour' | 'attainment' | 'delta';
/** The workspace beside the 3D view: the live twin's panels, the experiments, the scenario editor, or the last import's report. */
export type View = 'live' | 'experiments' | 'editor' | 'import';
/** Where the running scenario came from. */
export type ScenarioSource = 'builtin' | 'file' | 'edited' | 'link';

/**
 * A per-grid difference to colour the 3D cells by (colorBy 'delta'): an A/B
 * comparison's B − A of each responsibility grid's SLA attainment.
 */
export interface DeltaOverlay {
  /** Per grid of the running layout (layout.gridIds order): B − A; NaN where there is none. */
  values: Float32Array;
  /** 1 where the difference is significant (its 95 % CI excludes 0). */
  significant: Uint8Array;
  /** Half-range of the colour scale (largest |B − A|), > 0. */
  maxAbs: number;
  /**
   * 'diverging' (default): a difference around 0, as above. 'sequential':
   * counts from 0 up to `maxAbs` (late cases of a diagnosis), every grid
   * significant.
   */
  scale?: 'diverging' | 'sequential';
  /** For a diagnosis' late cases: which diagnosis and limit the colours show (see lateOverlay.ts). */
  late?: LateColouring;
}

/** What a 'sequential' overlay of late cases shows. */
export interface LateColouring {
  /** The live run so far, or the Experiments workspace's diagnosis job. */
  source: 'live' | 'experiments';
  /** The limit coloured (limitKey in lateOverlay.ts), or 'all' for every late case. */
  key: string;
  /** What is coloured, in words. */
  label: { zh: string; en: string };
  /** Per replication (a mean over several), or the cases of one run. */
  replications: number;
}
export type PickKind = 'cell' | 'staff' | 'station';
export interface Selection {
  kind: PickKind;
  index: number;
}
export interface LoadError {
  path: string;
  code: string;
  zh: string;
  en: string;
}

/**
 * A scenario waiting to be opened because its run-size estimate is over the
 * app's limits (src/sim/runSize.ts): the dialog shows it and asks.
 */
export interface RunSizeQuestion {
  /** What is being opened: a file name, "share link", a scenario id. */
  label: string;
  /** The estimate, what exceeds the app's limits and what playing it would do, in both languages. */
  message: { zh: string; en: string };
  /** Key figures of the estimate. */
  casesPerDay: number;
  days: number;
  events: number;
  memoryBytes: number;
}

/** What the last district import (or calibration) produced, for its report panel. */
export interface ImportSummary {
  /** The GeoJSON's file name (null for a calibration of the running scenario alone). */
  fileName: string | null;
  /** The case log's file name (null: no calibration). */
  csvName: string | null;
  /** Id of the scenario it produced. */
  scenarioId: string;
  /** The importer's notes (overlaps, small grids, kept properties). */
  notes: string[];
  /** Rasterisation figures (src/importer/geojson.ts ImportStats); null for a calibration alone. */
  stats: ImportStats | null;
  /** The calibration report (src/importer/calibrate.ts); null without a log. */
  report: CalibrationReportData | null;
  /** Wall time of the import and of the calibration in the worker, ms. */
  ms: { import: number; calibrate: number };
}

export interface AppState {
  /** Id of the scenario running (from its file), and its full text. */
  scenarioId: string;
  scenarioText: string;
  /** Where the running scenario came from: a built-in, a file the user opened, the editor, a share link. */
  scenarioSource: ScenarioSource;
  /** File name when opened from disk. */
  fileName: string | null;
  layout: CityLayout | null;
  seed: number;
  lang: Lang;
  speed: Speed;
  playing: boolean;
  colorBy: ColorBy;
  selection: Selection | null;
  /** Latest frame, published at most ~4 times a second (always the final one). */
  frame: Frame | null;
  /**
   * The frame the coverage matrix shows: `frame`, set after the next animation frame has rendered it (so the matrix is
   * laid out and painted in a frame of its own), and at maximum speed at most once a second (its rows are the page's
   * largest update; issue 12). Always the final frame, and without the interval while paused.
   */
  matrixFrame: Frame | null;
  /** The final frame arrived. */
  done: boolean;
  /** Errors of the last failed load (null when none, or dismissed). */
  errors: LoadError[] | null;
  /** File name or scenario id of the failed load. */
  errorsSource: string | null;
  /** The failed scenario's own teams and event types (namesOfDraft), to name its errors' fields; null when not a scenario text. */
  errorsNames: Scenario | null;
  /** A load is in progress. */
  loading: boolean;
  /** Bumped when the time series gained samples or were reset. */
  seriesVersion: number;
  /** The workspace shown beside the 3D view. */
  view: View;
  /** The per-grid difference of the last A/B comparison, for colorBy 'delta' (null: none). */
  delta: DeltaOverlay | null;
  /** A load waiting for the user to confirm a very large run (null: none); the current run is untouched meanwhile. */
  runSizeQuestion: RunSizeQuestion | null;
  /** Files being imported in the import worker (their names), null when none. */
  importing: string | null;
  /** The last successful import or calibration (its report), null when none. */
  imported: ImportSummary | null;
}

export const SPEEDS: readonly Speed[] = [1, 60, 600, 3600, 'max'];

export function initialState(lang: Lang): AppState {
  return {
    scenarioId: '',
    scenarioText: '',
    scenarioSource: 'builtin',
    fileName: null,
    layout: null,
    seed: 1,
    lang,
    speed: 60, // a minute a second: the day unfolds at a pace one can follow; max is one click away
    playing: false,
    colorBy: 'landUse',
    selection: null,
    frame: null,
    matrixFrame: null,
    done: false,
    errors: null,
    errorsSource: null,
    errorsNames: null,
    loading: false,
    seriesVersion: 0,
    view: 'live',
    delta: null,
    runSizeQuestion: null,
    importing: null,
    imported: null,
  };
}
