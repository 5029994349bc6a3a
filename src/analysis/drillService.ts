/**
 * The drill service: a drill session on a clock, for the trainer's and the
 * trainee's consoles. It runs in a Web Worker (workers/drill.worker.ts) and,
 * for tests, inline.
 *
 * The clock runs in real time or accelerated (1x..60x) and only the trainer
 * pauses it. Each tick advances the session (firing injects at their exact
 * times) and sends a DrillFrame: the city snapshot the 3D view draws plus
 * the drill's state (clock, inbox, messages, pending injects). Actions are
 * applied at the clock's current time and recorded; `record()` is the whole
 * drill (drill file, scenario hash, seed, actions, scores), and `replayTo`
 * rebuilds it at any time for the after-action review's scrubber.
 */
import { z } from 'zod';
import { parseScenario, scenarioHash } from '../scenario/load.ts';
import type { Scenario } from '../scenario/schema.ts';
import { zodIssuesToErrors, type ScenarioError } from '../scenario/messages.ts';
import { checkInject, parseDrill } from '../drill/validate.ts';
import { DrillSession, type InboxItem, type LogEntry } from '../drill/session.ts';
import type { DrillWeather } from '../drill/weather.ts';
import { DRILL_LIMITS, Inject, type Action, type Drill } from '../drill/schema.ts';
import type { DrillScore, SeatScore } from '../drill/scoring.ts';
import type { CityLayout, Frame } from '../sim/api.ts';

export interface DrillState {
  drillId: string;
  tS: number;
  startS: number;
  endS: number;
  playing: boolean;
  speed: number;
  done: boolean;
  inbox: InboxItem[];
  pending: Inject[];
  timeline: LogEntry[];
  actions: number;
  /** The drill's weather as its header shows it (src/drill/weather.ts): injected rain and announced warning. */
  weather: DrillWeather;
}

export interface DrillFrame {
  frame: Frame;
  state: DrillState;
}

export interface DrillRecord {
  app: 'allweather';
  kind: 'drill-record';
  drill: Drill;
  scenario: Scenario;
  scenarioHash: string;
  seed: number;
  actions: Action[];
  score: DrillScore;
  baseline: DrillScore;
  timeline: LogEntry[];
  /** When the drill ended, by the trainer's clock (ISO 8601; set by the trainer's console, absent in older records). */
  endedAt?: string;
  /** Each seat's score and its baseline's (absent when the drill has no seats). */
  seatScores?: { seat: string; score: DrillScore; baseline: DrillScore }[];
}

export type DrillLoad =
  { ok: true; layout: CityLayout; drill: Drill; state: DrillState } | { ok: false; errors: ScenarioError[] };

export interface DrillServiceOptions {
  now?: () => number;
  later?: (fn: () => void, ms: number) => void;
}

const TICK_MS = 100;
const PendingList = z.array(Inject).max(DRILL_LIMITS.injects);

export function createDrillService(opts: DrillServiceOptions = {}) {
  const now = opts.now ?? (() => performance.now());
  const later = opts.later ?? ((fn, ms) => void setTimeout(fn, ms));
  let session: DrillSession | null = null;
  let scenario: Scenario | null = null;
  let drill: Drill | null = null;
  let onFrame: ((f: DrillFrame) => void) | null = null;
  let playing = false;
  let speed = 10;
  let lastWall = 0;
  let gen = 0;

  const state = (): DrillState => {
    const s = session!;
    return {
      drillId: s.drill.id,
      tS: s.now,
      startS: s.startS,
      endS: s.endS,
      playing,
      speed,
      done: s.done,
      inbox: s.inbox(),
      pending: s.pendingInjects(),
      timeline: s.timeline.slice(),
      actions: s.actions.length,
      weather: s.weather(),
    };
  };
  const emit = () => {
    if (session && onFrame) onFrame({ frame: session.engine.frame(), state: state() });
  };
  const tick = (g: number) => {
    if (g !== gen || !playing || !session) return;
    const t = now();
    session.advanceTo(session.now + ((t - lastWall) / 1000) * speed);
    lastWall = t;
    if (session.done) playing = false;
    emit();
    if (playing) later(() => tick(g), TICK_MS);
  };

  return {
    /** Load a drill and the scenario it names (texts); nothing changes on error. */
    load(drillText: string, scenarioText: string): DrillLoad {
      const sc = parseScenario(scenarioText);
      if (!sc.ok) return { ok: false, errors: sc.errors };
      const d = parseDrill(drillText, sc.scenario);
      if (!d.ok) return { ok: false, errors: d.errors };
      gen++;
      playing = false;
      scenario = sc.scenario;
      drill = d.drill;
      speed = d.drill.speed;
      session = new DrillSession(drill, scenario);
      emit();
      return { ok: true, layout: session.engine.layout(), drill, state: state() };
    },
    subscribe(cb: (f: DrillFrame) => void) {
      onFrame = cb;
    },
    /** Trainer only: start or resume the clock. */
    play(sp?: number) {
      if (!session || session.done) return;
      if (sp) speed = sp;
      if (playing) return;
      playing = true;
      lastWall = now();
      const g = gen;
      later(() => tick(g), TICK_MS);
    },
    /** Trainer only. */
    pause() {
      playing = false;
      emit();
    },
    setSpeed(sp: number) {
      speed = Math.min(60, Math.max(1, sp));
      lastWall = now();
      emit();
    },
    /**
     * A trainee's (or trainer's) action, applied now. The session checks it
     * first (structure, bounds, references: `parseAction`); who may send
     * which action is the caller's business (the trainer's channel lets
     * trainees send dispatching actions only).
     */
    act(action: Action): { ok: true } | { ok: false; zh: string; en: string } {
      if (!session) return { ok: false, zh: '未加载演练', en: 'no drill loaded' };
      const r = session.act(action);
      if (r.ok) emit();
      return r;
    },
    /** Trainer: fire an inject now (checked like the drill file's, at the clock's minute). */
    fire(inject: Inject): { ok: true } | { ok: false; zh: string; en: string } {
      if (!session || !scenario) return { ok: false, zh: '未加载演练', en: 'no drill loaded' };
      const nowMin = (session.now - session.startS) / 60;
      const live = inject !== null && typeof inject === 'object' ? { ...inject, atMin: nowMin } : inject;
      return this.act({ kind: 'inject', tS: session.now, inject: live });
    },
    /** Trainer, while paused: replace the injects still to come (each checked like the drill file's). */
    setPending(list: Inject[]): { ok: true } | { ok: false; errors: ScenarioError[] } {
      if (!session || !scenario) return { ok: false, errors: [] };
      if (playing)
        return {
          ok: false,
          errors: [
            { path: '$', code: 'not_paused', zh: '请先暂停再编辑时间线', en: 'pause before editing the timeline' },
          ],
        };
      const parsed = PendingList.safeParse(list, { reportInput: true });
      if (!parsed.success) return { ok: false, errors: zodIssuesToErrors(parsed.error.issues) };
      const nowMin = (session.now - session.startS) / 60;
      const errors = parsed.data.flatMap((x, i) =>
        x.atMin < nowMin
          ? [
              {
                path: `$[${i}].atMin`,
                code: 'inject_in_past',
                zh: `注入时间早于当前时刻（${nowMin.toFixed(0)} 分钟）`,
                en: `inject time is before now (${nowMin.toFixed(0)} min)`,
              },
            ]
          : checkInject(x, [i], scenario!, session!.drill.durationMin),
      );
      if (errors.length) return { ok: false, errors };
      session.setPendingInjects(parsed.data);
      emit();
      return { ok: true };
    },
    candidates(caseId: number) {
      return session ? session.candidates(caseId) : [];
    },
    state(): DrillState | null {
      return session ? state() : null;
    },
    /** Run to the end of the drill at once (trainer). */
    finish() {
      playing = false;
      session?.finish();
      emit();
    },
    /** The trainee's score so far (cheap: no baseline run). */
    score(): DrillScore | null {
      return session ? session.score() : null;
    },
    /**
     * The whole drill, with the trainee's score and the automatic-dispatch
     * baseline's. The drill carries the schedule that actually ran (timeline
     * edits included); the baseline runs that schedule and the injects fired
     * live, at the same times, with automatic dispatch.
     */
    record(): DrillRecord | null {
      if (!session || !scenario || !drill) return null;
      const ran: Drill = { ...drill, injects: session.schedule() };
      const base = new DrillSession(ran, scenario, { manual: false });
      for (const a of session.actions) {
        if (a.kind !== 'inject') continue;
        base.advanceTo(a.tS);
        base.act(a);
      }
      base.advanceTo(session.now);
      const baseSeats = new Map(base.seatScores().map((x) => [x.seat, x.score]));
      const seatScores = session
        .seatScores()
        .map((x: SeatScore) => ({ seat: x.seat, score: x.score, baseline: baseSeats.get(x.seat)! }));
      return {
        app: 'allweather',
        kind: 'drill-record',
        drill: ran,
        scenario,
        scenarioHash: scenarioHash(scenario),
        seed: drill.seed,
        actions: session.actions.slice(),
        score: session.score(),
        baseline: base.score(),
        timeline: session.timeline.slice(),
        ...(seatScores.length ? { seatScores } : {}),
      };
    },
    /** After-action review: the drill rebuilt from its record up to `tS` (optionally under another staffing plan). */
    replayTo(rec: DrillRecord, tS: number, scenarioOverride?: Scenario): DrillFrame & { score: DrillScore } {
      const s = DrillSession.replay(rec.drill, rec.scenario, rec.actions, { upToS: tS, scenarioOverride });
      return {
        frame: s.engine.frame(),
        state: {
          drillId: s.drill.id,
          tS: s.now,
          startS: s.startS,
          endS: s.endS,
          playing: false,
          speed,
          done: s.done,
          inbox: s.inbox(),
          pending: s.pendingInjects(),
          timeline: s.timeline,
          actions: s.actions.length,
          weather: s.weather(),
        },
        score: s.score(),
      };
    },
  };
}

export type DrillService = ReturnType<typeof createDrillService>;
