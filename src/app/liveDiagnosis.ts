/**
 * "What limits coverage" in the live twin: the diagnosis of the run so far.
 *
 * The live worker classifies the late cases decided so far by their
 * limiting stage on request (`LiveService.diagnosis`); this controller asks
 * for it now and then, never per frame:
 * - while a run plays, at most every `everyMs` (3 s) of wall time;
 * - at once when the run is paused, stepped, sought, restarted or loaded
 *   (a published frame while not playing), and when it reaches its end.
 * One request at a time; a request asked for while one is out follows it.
 *
 * It can colour the city by the late cases of one limit (or all of them):
 * the overlay (lateOverlay.ts) is rebuilt from every fresher diagnosis while
 * it is on screen, so the colours keep pace with the run.
 */
import type { LiveDiagnosis } from '../analysis/liveTypes.ts';
import type { Controller } from './controller.ts';
import { lateOverlay } from './lateOverlay.ts';
import { createStore, type LateColouring, type Store } from './store.ts';

export const LIVE_DIAGNOSIS_MS = 3000;

export interface LiveDiagnosisState {
  /** The latest diagnosis of the live run (null before the first, and right after a load). */
  live: LiveDiagnosis | null;
}

export interface LiveDiagnosisController {
  store: Store<LiveDiagnosisState>;
  /** Ask the worker now. */
  refresh(): Promise<void>;
  /** Colour the city by a limit's late cases (its key, or ALL_LATE); null turns the colouring off. */
  colour(key: string | null, label?: LateColouring['label']): void;
  dispose(): void;
}

export interface LiveDiagnosisOptions {
  everyMs?: number;
  now?: () => number;
}

export function createLiveDiagnosis(ctl: Controller, opts: LiveDiagnosisOptions = {}): LiveDiagnosisController {
  const everyMs = opts.everyMs ?? LIVE_DIAGNOSIS_MS;
  const now = opts.now ?? (() => performance.now());
  const store = createStore<LiveDiagnosisState>({ live: null });
  let inFlight = false;
  let again = false;
  let lastAsk = -Infinity;
  let disposed = false;

  /** The live colouring on screen, if any. */
  const shownLate = () => {
    const s = ctl.store.getState();
    return s.delta?.late?.source === 'live' ? s.delta.late : null;
  };

  const recolour = () => {
    const late = shownLate();
    const live = store.getState().live;
    const layout = ctl.store.getState().layout;
    if (!late || !live || !layout) return;
    ctl.setDelta(lateOverlay(live.diagnosis, layout.gridIds, late.key, { source: 'live', label: late.label }));
  };

  const refresh = async (): Promise<void> => {
    if (disposed) return;
    if (inFlight) {
      again = true;
      return;
    }
    inFlight = true;
    lastAsk = now();
    try {
      const live = await ctl.client.diagnosis();
      if (disposed) return;
      store.setState({ live });
      recolour();
    } catch (e) {
      console.warn('live diagnosis failed / 实时诊断失败', e);
    } finally {
      inFlight = false;
      if (again && !disposed) {
        again = false;
        void refresh();
      }
    }
  };

  let lastFrame = ctl.store.getState().frame;
  let lastLayout = ctl.store.getState().layout;
  const unsubscribe = ctl.store.subscribe(() => {
    const s = ctl.store.getState();
    if (s.layout !== lastLayout) {
      lastLayout = s.layout;
      store.setState({ live: null });
    }
    if (s.frame === lastFrame) return;
    lastFrame = s.frame;
    if (!s.frame) return;
    if (s.frame.done || !s.playing || now() - lastAsk >= everyMs) void refresh();
  });

  return {
    store,
    refresh,
    colour(key, label) {
      if (key === null) {
        if (shownLate()) ctl.setDelta(null);
        return;
      }
      const live = store.getState().live;
      const layout = ctl.store.getState().layout;
      if (!live || !layout) return;
      ctl.setDelta(
        lateOverlay(live.diagnosis, layout.gridIds, key, { source: 'live', label: label ?? { zh: key, en: key } }),
      );
      ctl.setColorBy('delta');
    },
    dispose() {
      disposed = true;
      unsubscribe();
    },
  };
}
