/**
 * The app controller: the one place where the live client (worker) and the
 * store meet. Panels read the store and call these methods; they never talk
 * to the worker themselves.
 *
 * Frames: every frame (raw) brings the worker's time-series samples (one
 * per 5 simulated minutes, so none is lost however fast the run plays);
 * `client.frames$` delivers at most one frame per animation frame, and
 * that is published to the store at most every 250 ms (500 ms at maximum
 * speed), so React re-renders about four times a second while a run plays.
 * Frames that arrive while paused (load, step, seek, restart) and the final
 * frame are published at once. Publication is always a task of its own
 * (frameGate.ts), never inside the animation frame the scene draws in.
 *
 * Before a scenario that is not a built-in reaches the worker (a file, a
 * share link, the editor's apply, a restored draft) its run size is
 * estimated here (src/sim/runSize.ts): over the app's limits the load waits
 * for an answer (`runSizeQuestion` in the store, the confirmation dialog);
 * declined, the current run is untouched. A text over 20 MB is refused
 * outright. A link asking for ten million cases a day used to freeze the
 * page with no word of why.
 *
 * Opened or dropped files (`openFiles`, fileKinds.ts): a scenario or an
 * exported manifest loads as before; a district's GeoJSON, with or without
 * a case log, is imported in the import worker (src/client/importClient.ts:
 * importDistrict on the default built-in's teams and event types, then
 * calibrate with the log), and a log alone calibrates the running
 * scenario. The result loads like any file (run-size question included)
 * and its notes, figures and calibration report go to `imported` (the
 * import view). Errors, which file they are in and where, show like a
 * broken scenario file's, and the current run goes on.
 */
import type { Subscription } from 'rxjs';
import type { LiveClient } from '../client/liveClient.ts';
import type { Frame, Speed } from '../analysis/liveTypes.ts';
import {
  createStore,
  initialState,
  SPEEDS,
  type AppState,
  type ColorBy,
  type DeltaOverlay,
  type Lang,
  type ScenarioSource,
  type Selection,
  type Store,
  type View,
} from './store.ts';
import { saveLang, saveScenario } from './persist.ts';
import { builtinById } from './scenarios.ts';
import { loadManifest } from '../export/manifest.ts';
import { parseScenario } from '../scenario/load.ts';
import { namesOfDraft } from '../analysis/paramLabels.ts';
import { LIMITS, fileTooLargeMessage } from '../scenario/limits.ts';
import { APP_RUN_LIMITS, checkRunSize, estimateRunSize, runSizeMessage, type RunLimits } from '../sim/runSize.ts';
import type { RunSizeQuestion } from './store.ts';
import { DEFAULT_SCENARIO_ID } from './scenarios.ts';
import { planOpen, type OpenedFile } from './fileKinds.ts';
import { createImportClient, type ImportClient } from '../client/importClient.ts';
import { afterNextFrame, createFrameGate, type FrameTimer } from './frameGate.ts';

export const PUBLISH_MS = 250;
/**
 * At maximum speed frames come as fast as the engine computes them (on a large district, a simulated day in a few
 * seconds): the panels take one every 500 ms, two a second, which still follows the run and keeps the page's work
 * per second in bounds (issue 12).
 */
export const PUBLISH_MAX_MS = 500;

/** How often the panels take a new frame while a run plays at this speed, ms. */
export function publishMs(speed: Speed): number {
  return speed === 'max' ? PUBLISH_MAX_MS : PUBLISH_MS;
}

/** The coverage matrix (1,615 rows on a large district, the page's largest update) at most once a second at maximum speed. */
export const MATRIX_MAX_MS = 1000;

/** How long the coverage matrix waits after its last frame while a run plays at this speed, ms (0: each published frame). */
export function matrixPublishMs(speed: Speed): number {
  return speed === 'max' ? MATRIX_MAX_MS : 0;
}
export const STEP_S = 600;

/** Backlog and SLA attainment over simulated time (hours), sampled from frames. */
export interface Series {
  tH: number[];
  backlog: number[];
  sla: (number | null)[];
}

/** What the browser benchmark and the e2e tests read from `window.__allweather`. */
export interface LiveStats {
  framesReceived: number;
  bytesReceived: number;
  lastFrameT: number;
  layout: AppState['layout'];
}

declare global {
  interface Window {
    __allweather?: LiveStats;
  }
}

export interface Controller {
  store: Store<AppState>;
  client: LiveClient;
  series: Series;
  /** Load a built-in by id. Resolves true when loaded. */
  loadBuiltin(id: string, seed?: number): Promise<boolean>;
  /** Load a scenario file's text; on invalid text the current run is untouched and the errors are shown. */
  loadFile(fileName: string, text: string): Promise<boolean>;
  /**
   * Open files chosen or dropped together: a scenario or manifest (.json), or a district GeoJSON with at most one
   * case log (.csv), or a log alone (calibrates the running scenario). Resolves true when something was loaded.
   */
  openFiles(files: OpenedFile[]): Promise<boolean>;
  /** Where an opened experiments export goes (main.tsx: the saved experiments' import); unset, it is refused. */
  onExperimentsFile?: (file: OpenedFile) => Promise<boolean>;
  /** Load scenario text from the editor or a share link (`label` names it in errors and the picker). */
  loadText(text: string, source: Exclude<ScenarioSource, 'builtin'>, label: string, seed?: number): Promise<boolean>;
  play(): void;
  pause(): void;
  togglePlay(): void;
  step(): void;
  setSpeed(s: Speed): void;
  faster(): void;
  slower(): void;
  restart(seed: number): void;
  /** Jump to a time of day (seconds after midnight) on the current day. */
  seekTimeOfDay(secondsOfDay: number): void;
  setLang(lang: Lang): void;
  setColorBy(c: ColorBy): void;
  setView(v: View): void;
  /** Set (or clear) the per-grid difference the 3D view can be coloured by; clearing leaves 'delta' colouring for land use. */
  setDelta(d: DeltaOverlay | null): void;
  /** A file about to be read: over 20 MB (LIMITS.fileBytes) it is refused with a message in the errors panel (true), before reading it. */
  refuseLargeFile(file: { name: string; size: number }): boolean;
  /** Answer the pending run-size question: true opens and runs the large scenario, false keeps the current run. */
  answerRunSize(go: boolean): void;
  /** Show load errors from elsewhere (a share link) in the errors panel. */
  showErrors(errors: AppState['errors'], source: string): void;
  select(sel: Selection | null): void;
  dismissErrors(): void;
  dispose(): void;
}

/** A JSON object written by an export (it has a manifest), not a scenario. */
function looksLikeManifest(text: string): boolean {
  try {
    const j = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as Record<string, unknown>;
    return (
      typeof j === 'object' &&
      j !== null &&
      (Object.hasOwn(j, 'manifest') || (Object.hasOwn(j, 'scenarioHash') && Object.hasOwn(j, 'scenarioFile')))
    );
  } catch {
    return false;
  }
}

/** The question to ask before running `text`, or null when it parses and fits `limits` (or does not parse: the worker says why). */
export function runSizeQuestionFor(
  text: string,
  label: string,
  limits: RunLimits = APP_RUN_LIMITS,
): RunSizeQuestion | null {
  const parsed = parseScenario(text);
  if (!parsed.ok) return null;
  const est = estimateRunSize(parsed.scenario);
  const verdict = checkRunSize(est, { limits });
  if (verdict.ok) return null;
  return {
    label,
    message: runSizeMessage(est, verdict, 'app'),
    casesPerDay: est.casesPerDay,
    days: est.days,
    events: est.events,
    memoryBytes: est.memoryBytes,
  };
}

function frameBytes(f: Frame): number {
  return (
    f.staffXY.byteLength +
    f.staffState.byteLength +
    f.cases.byteLength +
    f.cellBacklog.byteLength +
    f.coverage.byteLength +
    f.coverageCases.byteLength +
    f.stationQueue.byteLength +
    f.series.byteLength
  );
}

export function createController(
  client: LiveClient,
  lang: Lang,
  /** Starts the import worker on the first import (tests pass an inline one). */
  importer: () => ImportClient = createImportClient,
): Controller {
  let importClient: ImportClient | null = null;
  const store = createStore<AppState>(initialState(lang));
  const series: Series = { tH: [], backlog: [], sla: [] };
  const stats: LiveStats = { framesReceived: 0, bytesReceived: 0, lastFrameT: 0, layout: null };
  if (typeof window !== 'undefined') window.__allweather = stats;
  const subs: Subscription[] = [];
  let seriesDirty = false;
  let lastSampleT = -Infinity;

  const resetSeries = () => {
    series.tH.length = 0;
    series.backlog.length = 0;
    series.sla.length = 0;
    lastSampleT = -Infinity;
    seriesDirty = true;
  };

  /** Append the samples the worker took since its last frame (every 5 simulated minutes, none lost to frame dropping). */
  const sample = (f: Frame) => {
    const s = f.series;
    for (let i = 0; i + 2 < s.length; i += 3) {
      if (s[i] <= lastSampleT) resetSeries(); // time went back: a restart or a jump
      lastSampleT = s[i];
      series.tH.push(s[i] / 3600);
      series.backlog.push(s[i + 1]);
      series.sla.push(Number.isNaN(s[i + 2]) ? null : s[i + 2]);
      seriesDirty = true;
    }
  };

  const publish = (f: Frame) => {
    const patch: Partial<AppState> = { frame: f, done: f.done };
    if (f.done) patch.playing = false;
    if (seriesDirty) {
      patch.seriesVersion = store.getState().seriesVersion + 1;
      seriesDirty = false;
    }
    store.setState(patch);
    matrixGate.offer(f, f.done || !store.getState().playing);
  };

  // the panels take the latest frame in a task of their own, not in the animation frame where the scene draws
  const gate = createFrameGate<Frame>({ publish, intervalMs: () => publishMs(store.getState().speed) });
  // the coverage matrix after that, in a rendered frame of its own (its layout and paint apart from the other
  // panels'), less often at maximum speed
  const matrixGate = createFrameGate<Frame>({
    publish: (f) => store.setState({ matrixFrame: f }),
    intervalMs: () => matrixPublishMs(store.getState().speed),
    schedule: (fn, ms) => afterNextFrame(fn, ms),
    cancel: (h) => (h as FrameTimer).cancel(),
  });

  subs.push(
    client.rawFrames$.subscribe((f) => {
      stats.framesReceived++;
      stats.bytesReceived += frameBytes(f);
      stats.lastFrameT = f.tS;
      sample(f);
    }),
    client.layout$.subscribe((l) => {
      stats.layout = l;
    }),
    client.frames$.subscribe((f) => gate.offer(f, f.done || !store.getState().playing)),
  );

  /** The pending run-size question's answer; asking again declines the earlier one. */
  let answer: ((go: boolean) => void) | null = null;
  const ask = (q: RunSizeQuestion) =>
    new Promise<boolean>((resolve) => {
      answer?.(false);
      answer = resolve;
      store.setState({ runSizeQuestion: q });
    });

  /** The teams and event types of a scenario text that failed to load, to name its errors' fields (null when it is no JSON). */
  const draftNames = (text: string) => {
    try {
      return namesOfDraft(JSON.parse(text) as unknown);
    } catch {
      return null;
    }
  };

  /** Refuse a text over 20 MB (LIMITS.fileBytes) with a message; true when refused. */
  const tooLarge = (text: string, label: string): boolean => {
    if (text.length <= LIMITS.fileBytes) return false;
    store.setState({
      errors: [{ path: '$', code: 'file_too_large', ...fileTooLargeMessage(label, text.length) }],
      errorsSource: label,
      errorsNames: null,
    });
    return true;
  };

  const loadText = async (
    text: string,
    meta: { source: ScenarioSource; fileName: string | null; label: string },
    seed?: number,
  ) => {
    if (tooLarge(text, meta.label)) return false;
    if (meta.source !== 'builtin') {
      const q = runSizeQuestionFor(text, meta.label);
      if (q && !(await ask(q))) return false;
    }
    store.setState({ loading: true });
    let r;
    try {
      r = await client.load(text, seed);
    } catch (e) {
      r = {
        ok: false as const,
        errors: [{ path: '', code: 'load_failed', zh: `加载失败：${String(e)}`, en: `Load failed: ${String(e)}` }],
      };
    }
    if (!r.ok) {
      store.setState({ loading: false, errors: r.errors, errorsSource: meta.label, errorsNames: draftNames(text) });
      return false;
    }
    const layout = r.layout;
    gate.clear(); // a frame of the run before must not follow the new city's
    matrixGate.clear();
    resetSeries();
    // a comparison's per-grid difference belongs to the grids it was run on
    const prev = store.getState();
    const sameGrids = prev.layout !== null && prev.layout.gridIds.join('\n') === layout.gridIds.join('\n');
    store.setState({
      loading: false,
      layout,
      scenarioId: layout.scenarioId,
      scenarioText: text,
      scenarioSource: meta.source,
      fileName: meta.fileName,
      seed: layout.seed,
      playing: false,
      done: false,
      selection: null,
      frame: null,
      matrixFrame: null,
      errors: null,
      errorsSource: null,
      errorsNames: null,
      delta: sameGrids ? prev.delta : null,
      colorBy: !sameGrids && prev.colorBy === 'delta' ? 'landUse' : prev.colorBy,
    });
    saveScenario({ id: layout.scenarioId, text, source: meta.source, fileName: meta.fileName });
    // a fresh frame of the new run (the one sent during load may have been published before the layout)
    void client.pause();
    return true;
  };

  const ctl: Controller = {
    store,
    client,
    series,
    loadBuiltin(id, seed) {
      const b = builtinById(id);
      if (!b) {
        store.setState({
          errors: [
            { path: '', code: 'unknown_scenario', zh: `没有内置场景“${id}”`, en: `No built-in scenario "${id}"` },
          ],
          errorsSource: id,
          errorsNames: null,
        });
        return Promise.resolve(false);
      }
      return loadText(b.text, { source: 'builtin', fileName: null, label: id }, seed);
    },
    loadFile(fileName, text) {
      if (tooLarge(text, fileName)) return Promise.resolve(false);
      // an exported manifest (manifest.json, or a result.json carrying one) opens the scenario it ran, at its seed
      if (looksLikeManifest(text)) {
        const m = loadManifest(text);
        if (!m.ok) {
          store.setState({ errors: m.errors, errorsSource: fileName, errorsNames: null });
          return Promise.resolve(false);
        }
        return loadText(m.scenarioText, { source: 'file', fileName, label: fileName }, m.manifest.seed);
      }
      return loadText(text, { source: 'file', fileName, label: fileName });
    },
    async openFiles(files) {
      const plan = planOpen(files);
      const names = files.map((f) => f.name).join(' + ');
      if (plan.kind === 'error') {
        store.setState({ errors: plan.errors, errorsSource: names, errorsNames: null });
        return false;
      }
      if (plan.kind === 'scenario') return ctl.loadFile(plan.file.name, plan.file.text);
      if (plan.kind === 'experiments') {
        if (ctl.onExperimentsFile) return ctl.onExperimentsFile(plan.file);
        store.setState({
          errors: [
            {
              path: '',
              code: 'experiments_file',
              zh: '此处无法打开实验文件',
              en: 'An experiments file cannot be opened here',
            },
          ],
          errorsSource: names,
          errorsNames: null,
        });
        return false;
      }
      for (const f of files) if (tooLarge(f.text, f.name)) return false;
      const s = store.getState();
      const geojson = plan.kind === 'import' ? plan.geojson : null;
      const csv = plan.csv;
      // an import takes its teams and event types from the default built-in; a log alone fits the running scenario
      const baseText = geojson ? (builtinById(DEFAULT_SCENARIO_ID)?.text ?? s.scenarioText) : s.scenarioText;
      store.setState({ importing: names });
      let r;
      try {
        importClient ??= importer();
        r = await importClient.run({ geojsonText: geojson?.text ?? null, csvText: csv?.text ?? null, baseText });
      } catch (e) {
        r = {
          ok: false as const,
          stage: 'geojson' as const,
          errors: [
            { path: '', code: 'import_failed', zh: `导入失败：${String(e)}`, en: `Import failed: ${String(e)}` },
          ],
        };
      }
      store.setState({ importing: null });
      if (!r.ok) {
        const source = r.stage === 'csv' ? csv?.name : r.stage === 'geojson' ? geojson?.name : s.scenarioId;
        store.setState({ errors: r.errors, errorsSource: source ?? names, errorsNames: null });
        return false;
      }
      const label = geojson?.name ?? `${s.fileName ?? s.scenarioId} + ${csv!.name}`;
      // the report's view first: the canvas takes its new shape before the district's scene frames itself
      const viewBefore = store.getState().view;
      store.setState({ view: 'import' });
      if (!(await loadText(r.scenarioText, { source: 'file', fileName: label, label }))) {
        store.setState({ view: viewBefore });
        return false;
      }
      store.setState({
        imported: {
          fileName: geojson?.name ?? null,
          csvName: csv?.name ?? null,
          scenarioId: store.getState().scenarioId,
          notes: r.notes,
          stats: r.stats,
          report: r.report,
          ms: r.ms,
        },
        view: 'import',
      });
      return true;
    },
    loadText(text, source, label, seed) {
      // a file keeps its name; an edited or shared scenario is named by its id
      return loadText(text, { source, fileName: source === 'file' ? label : null, label }, seed);
    },
    play() {
      const s = store.getState();
      if (!s.layout || s.done) return;
      store.setState({ playing: true });
      void client.play(s.speed);
    },
    pause() {
      store.setState({ playing: false });
      void client.pause();
    },
    togglePlay() {
      if (store.getState().playing) ctl.pause();
      else ctl.play();
    },
    step() {
      const s = store.getState();
      if (!s.layout || s.done) return;
      store.setState({ playing: false });
      void client.step(STEP_S);
    },
    setSpeed(sp) {
      store.setState({ speed: sp });
      if (store.getState().playing) void client.setSpeed(sp);
    },
    faster() {
      const i = SPEEDS.indexOf(store.getState().speed);
      ctl.setSpeed(SPEEDS[Math.min(SPEEDS.length - 1, i + 1)]);
    },
    slower() {
      const i = SPEEDS.indexOf(store.getState().speed);
      ctl.setSpeed(SPEEDS[Math.max(0, i - 1)]);
    },
    restart(seed) {
      if (!store.getState().layout) return;
      resetSeries();
      store.setState({ seed, playing: false, done: false });
      void client.restart(seed);
    },
    seekTimeOfDay(secondsOfDay) {
      const s = store.getState();
      if (!s.layout) return;
      const day = Math.floor((s.frame?.tS ?? 0) / 86400);
      const t = Math.min(s.layout.horizonS, day * 86400 + secondsOfDay);
      resetSeries();
      store.setState({ playing: false, done: false });
      void client.seek(t);
    },
    setLang(lang) {
      store.setState({ lang });
      saveLang(lang);
      if (typeof document !== 'undefined') document.documentElement.lang = lang;
    },
    setColorBy(colorBy) {
      if (colorBy === 'delta' && !store.getState().delta) return;
      store.setState({ colorBy });
    },
    setView(view) {
      store.setState({ view });
    },
    setDelta(delta) {
      store.setState((s) => ({ delta, colorBy: !delta && s.colorBy === 'delta' ? 'landUse' : s.colorBy }));
    },
    refuseLargeFile(file) {
      if (file.size <= LIMITS.fileBytes) return false;
      store.setState({
        errors: [{ path: '$', code: 'file_too_large', ...fileTooLargeMessage(file.name, file.size) }],
        errorsSource: file.name,
        errorsNames: null,
      });
      return true;
    },
    answerRunSize(go) {
      const a = answer;
      answer = null;
      store.setState({ runSizeQuestion: null });
      a?.(go);
    },
    showErrors(errors, source) {
      store.setState({ errors, errorsSource: source, errorsNames: null });
    },
    select(selection) {
      store.setState({ selection });
    },
    dismissErrors() {
      store.setState({ errors: null, errorsSource: null, errorsNames: null });
    },
    dispose() {
      answer?.(false);
      answer = null;
      for (const s of subs) s.unsubscribe();
      gate.clear();
      matrixGate.clear();
      client.dispose();
      importClient?.dispose();
    },
  };
  return ctl;
}
