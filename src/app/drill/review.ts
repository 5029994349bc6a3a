/**
 * The after-action review: a finished drill rebuilt at any time from its
 * record (scenario, seed, inject schedule, action log) with the service's
 * `replayTo`, and re-run under another staffing plan ("what would have
 * happened"). Rebuilding takes a moment (the run before the drill is
 * replayed too), so scrubbing is latest-wins: while one rebuild runs, only
 * the last requested time is kept and rebuilt next.
 *
 * The review needs only a record and a drill worker: the trainer's window
 * uses its own worker, a trainee's window or a saved record file start one.
 */
import { ReplaySubject } from 'rxjs';
import type { CityLayout, Frame } from '../../sim/frame.ts';
import type { Scenario } from '../../scenario/schema.ts';
import type { ScenarioError } from '../../scenario/messages.ts';
import { forbiddenKeyErrors, nestingErrors } from '../../scenario/safeKeys.ts';
import { LIMITS, fileTooLargeMessage } from '../../scenario/limits.ts';
import type { DrillScore } from '../../drill/scoring.ts';
import type { DrillClient, DrillRecord, DrillState } from '../../client/drillClient.ts';
import { createStore, type Bilingual, type Lang, type Store } from './store.ts';
import { both } from '../../i18n/drill/index.ts';
import { version as APP_VERSION } from '../../../package.json';

export interface WhatIfState {
  /** Staff added (or removed, negative) to every shift of each team, by team id. */
  deltas: Record<string, number>;
  /** The deltas of the last completed re-run, and its score. */
  ranWith: Record<string, number> | null;
  score: DrillScore | null;
  busy: boolean;
  error: Bilingual | null;
}

export interface ReviewState {
  record: DrillRecord | null;
  /** The timeline ran differently from the drill file (edits, live injects): the baseline ran on the file's. */
  edited: boolean;
  layout: CityLayout | null;
  /** The scrubber's time (seconds from the run start). */
  tS: number;
  /** The drill rebuilt at `shown.tS`. */
  shown: { tS: number; state: DrillState; score: DrillScore; frame: Frame } | null;
  busy: boolean;
  error: Bilingual | null;
  loadErrors: ScenarioError[] | null;
  whatIf: WhatIfState;
}

/** A copy of the scenario with `delta` staff added to every shift of each team (never below 0). */
export function applyStaffDeltas(sc: Scenario, deltas: Record<string, number>): Scenario {
  const out = structuredClone(sc);
  for (const team of out.teams) {
    const d = Math.round(deltas[team.id] ?? 0);
    if (d) for (const sh of team.shifts) sh.staff = Math.max(0, sh.staff + d);
  }
  return out;
}

/** Read an exported record file; a bilingual error when it is not one. */
export function parseRecordFile(
  text: string,
): { ok: true; record: DrillRecord; edited: boolean } | { ok: false; error: Bilingual } {
  let j: unknown;
  try {
    j = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { ok: false, error: both('review.fileNotJson', { msg: (e as Error).message }) };
  }
  // a file from outside: no "__proto__" keys (safeKeys.ts), nothing too deep to copy
  const [bad] = [...forbiddenKeyErrors(j, [], 1), ...nestingErrors(j)];
  if (bad) return { ok: false, error: { zh: `${bad.path}：${bad.zh}`, en: `${bad.path}: ${bad.en}` } };
  const r = j as Partial<DrillRecord> | null;
  if (
    !r ||
    r.app !== 'allweather' ||
    r.kind !== 'drill-record' ||
    !r.drill ||
    !r.scenario ||
    !Array.isArray(r.actions) ||
    !r.score ||
    !r.baseline ||
    !Array.isArray(r.timeline)
  ) {
    return { ok: false, error: both('review.fileNotRecord') };
  }
  const flagged = (j as { timelineEdited?: unknown }).timelineEdited;
  const edited = typeof flagged === 'boolean' ? flagged : r.actions.some((a) => a.kind === 'inject');
  return { ok: true, record: r as DrillRecord, edited };
}

export const drillWindow = (rec: DrillRecord) => ({
  startS: rec.drill.startHour * 3600,
  endS: rec.drill.startHour * 3600 + rec.drill.durationMin * 60,
});

export interface ReportOptions {
  lang: Lang;
  /** The timeline ran differently from the drill file's (the baseline ran on the file's). */
  edited: boolean;
  whatIf: { deltas: Record<string, number>; score: DrillScore } | null;
  appVersion: string;
  /** When the report is made (ISO; shown in local time in the report's language); default now. */
  generatedAt?: string;
}

/**
 * Writes the readable report (one HTML page) of a record. The page is the
 * ui's (src/ui/drill/report.ts); the drill page's entry point hands it to the
 * controllers, so app logic never imports the ui.
 */
export type ReportRenderer = (record: DrillRecord, options: ReportOptions) => string;

export interface ReviewController {
  store: Store<ReviewState>;
  /** The rebuilt city for the 3D view (the last one replayed to late subscribers). */
  frames$: ReplaySubject<Frame>;
  open(record: DrillRecord, edited: boolean, layout: CityLayout | null): Promise<void>;
  /** Open a saved record's text (a text over 20 MB is refused with a message). */
  loadFile(text: string): Promise<void>;
  /** A record file about to be read: over 20 MB it is refused with a message (true), before reading it. */
  refuseLargeFile(file: { name: string; size: number }): boolean;
  seek(tS: number): void;
  setDelta(team: string, delta: number): void;
  runWhatIf(): Promise<void>;
  /** The record as a JSON file (with the what-if, when run). */
  exportJson(): void;
  reportHtml(lang: Lang): string;
  openReport(lang: Lang): void;
}

export function createReviewController(getClient: () => DrillClient, renderReport: ReportRenderer): ReviewController {
  const store = createStore<ReviewState>({
    record: null,
    edited: false,
    layout: null,
    tS: 0,
    shown: null,
    busy: false,
    error: null,
    loadErrors: null,
    whatIf: { deltas: {}, ranWith: null, score: null, busy: false, error: null },
  });
  const frames$ = new ReplaySubject<Frame>(1);
  let running = false;
  let wanted: number | null = null;

  const pump = async () => {
    if (running) return;
    running = true;
    try {
      while (wanted !== null) {
        const tS = wanted;
        wanted = null;
        const rec = store.getState().record;
        if (!rec) break;
        store.setState({ busy: true });
        try {
          const r = await getClient().replayTo(rec, tS);
          frames$.next(r.frame);
          store.setState({ shown: { tS: r.state.tS, state: r.state, score: r.score, frame: r.frame }, error: null });
        } catch (e) {
          store.setState({ error: both('review.replayFailed', { msg: String((e as Error)?.message ?? e) }) });
        }
      }
    } finally {
      running = false;
      store.setState({ busy: false });
    }
  };

  const ctl: ReviewController = {
    store,
    frames$,
    async open(record, edited, layout) {
      const { endS } = drillWindow(record);
      store.setState({
        record,
        edited,
        layout,
        tS: endS,
        shown: null,
        error: null,
        loadErrors: null,
        whatIf: { deltas: {}, ranWith: null, score: null, busy: false, error: null },
      });
      if (!layout) {
        const r = await getClient().load(JSON.stringify(record.drill), JSON.stringify(record.scenario));
        if (!r.ok) {
          store.setState({ loadErrors: r.errors, record: null });
          return;
        }
        store.setState({ layout: r.layout });
      }
      ctl.seek(endS);
    },
    refuseLargeFile(file) {
      if (file.size <= LIMITS.fileBytes) return false;
      store.setState({
        loadErrors: [{ path: '$', code: 'file_too_large', ...fileTooLargeMessage(file.name, file.size) }],
      });
      return true;
    },
    async loadFile(text) {
      if (ctl.refuseLargeFile({ name: 'record', size: text.length })) return;
      const r = parseRecordFile(text);
      if (!r.ok) {
        store.setState({ loadErrors: [{ path: '$', code: 'not_a_record', zh: r.error.zh, en: r.error.en }] });
        return;
      }
      await ctl.open(r.record, r.edited, null);
    },
    seek(tS) {
      const rec = store.getState().record;
      if (!rec) return;
      const { startS, endS } = drillWindow(rec);
      const t = Math.min(endS, Math.max(startS, tS));
      store.setState({ tS: t });
      wanted = t;
      void pump();
    },
    setDelta(team, delta) {
      const w = store.getState().whatIf;
      store.setState({
        whatIf: { ...w, deltas: { ...w.deltas, [team]: Math.max(-20, Math.min(20, Math.round(delta))) } },
      });
    },
    async runWhatIf() {
      const s = store.getState();
      if (!s.record) return;
      const deltas = { ...s.whatIf.deltas };
      store.setState({ whatIf: { ...s.whatIf, busy: true, error: null } });
      try {
        const r = await getClient().replayTo(
          s.record,
          drillWindow(s.record).endS,
          applyStaffDeltas(s.record.scenario, deltas),
        );
        store.setState({ whatIf: { ...store.getState().whatIf, busy: false, ranWith: deltas, score: r.score } });
      } catch (e) {
        store.setState({
          whatIf: {
            ...store.getState().whatIf,
            busy: false,
            error: both('review.replayFailed', { msg: String((e as Error)?.message ?? e) }),
          },
        });
      }
    },
    exportJson() {
      const s = store.getState();
      if (!s.record) return;
      const out = {
        ...s.record,
        exportedBy: { app: 'allweather', version: APP_VERSION },
        timelineEdited: s.edited,
        ...(s.whatIf.score && s.whatIf.ranWith
          ? { whatIf: { staffDeltaPerShift: s.whatIf.ranWith, score: s.whatIf.score } }
          : {}),
      };
      download(`${s.record.drill.id}-record.json`, JSON.stringify(out, null, 2), 'application/json');
    },
    reportHtml(lang) {
      const s = store.getState();
      if (!s.record) return '';
      return renderReport(s.record, {
        lang,
        edited: s.edited,
        whatIf: s.whatIf.score && s.whatIf.ranWith ? { deltas: s.whatIf.ranWith, score: s.whatIf.score } : null,
        appVersion: APP_VERSION,
      });
    },
    openReport(lang) {
      const html = ctl.reportHtml(lang);
      if (!html) return;
      const url = URL.createObjectURL(new Blob([html], { type: 'text/html;charset=utf-8' }));
      const w = window.open(url, '_blank');
      if (!w) download('drill-report.html', html, 'text/html');
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    },
  };
  return ctl;
}

function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
