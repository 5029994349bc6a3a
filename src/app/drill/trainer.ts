/**
 * The trainer's window: it hosts the drill worker (the authoritative
 * session), runs the clock, edits and fires injects, and relays every frame
 * to the trainee windows: to each seat that has a window, that seat's own
 * view (its cases only, see traineeView.ts), on that seat's channel; the
 * crews of a case go only to a seat whose inbox holds it. The trainer
 * itself keeps every seat's inbox and score. Trainee actions arrive over the channel, are applied by
 * the service at the clock's time, and their outcome goes back to the
 * trainee who sent them; the resulting frame reaches everyone.
 *
 * While the clock runs the live score is refreshed every few seconds (the
 * service's `record()` scores the session and the automatic baseline). When
 * the drill ends, the record is taken once, with the inject schedule that
 * really ran (record.ts), and sent to the trainees.
 *
 * The window draws a session token when it starts (sessionToken.ts) and
 * gives it only to the trainee windows it opens (`traineeUrl`, in the
 * link's fragment); the channel drops every message without it, and every
 * trainee request that is not a dispatcher's action (drillProtocol.ts).
 * The token stays in this controller: not in the store, the URL's query, the
 * record or an export.
 */
import type { Subscription } from 'rxjs';
import type { Observable } from 'rxjs';
import type { Frame } from '../../sim/frame.ts';
import type { Inject } from '../../drill/schema.ts';
import { createDrillClient, type DrillClient, type DrillFrame } from '../../client/drillClient.ts';
import { openTrainerChannel, type DrillMeta, type Hello } from '../../client/drillChannel.ts';
import { newSessionToken, tokenFragment } from '../../client/sessionToken.ts';
import { createConsole, type ConsoleActions } from './console.ts';
import { createReviewController, type ReportRenderer, type ReviewController } from './review.ts';
import { effectiveRecord } from './record.ts';
import { seatHoldsCase, seatMask, seatView } from './traineeView.ts';
import { scenarioTextFor, type BuiltinDrill } from './drills.ts';
import type { DrillPageState, Lang, Store } from './store.ts';
import { both } from '../../i18n/drill/index.ts';

const SCORE_EVERY_MS = 5000;
/** A trainee window not heard for this long has left its seat. */
const GONE_MS = 5000;

export interface TrainerController extends ConsoleActions {
  role: 'trainer';
  store: Store<DrillPageState>;
  frames$: Observable<Frame>;
  review: ReviewController;
  play(speed?: number): Promise<void>;
  pause(): Promise<void>;
  setSpeed(speed: number): Promise<void>;
  /** Fire an inject now; false (and the errors shown) when refused. */
  fire(inject: Inject): Promise<boolean>;
  /** Replace the pending injects (paused only); false (and the errors shown) when refused. */
  setPending(list: Inject[]): Promise<boolean>;
  finish(): Promise<void>;
  pickCell(cell: number): void;
  clearTimelineErrors(): void;
  /** The link that opens a trainee window of this session (the token in its fragment), relative to drill.html; with `seat`, in that seat. */
  traineeUrl(lang: Lang, seat?: string): string;
  /** Look at one seat's inbox ("all": every seat's). */
  showSeat(seat: string): void;
  dispose(): void;
}

export function createTrainer(
  drill: BuiltinDrill,
  store: Store<DrillPageState>,
  renderReport: ReportRenderer,
  client: DrillClient = createDrillClient(),
): TrainerController {
  let latest: DrillFrame | null = null;
  let hello: Hello | null = null;
  /** Each seat's map mask (by seat key), made when first needed. */
  const masks = new Map<string, Uint8Array>();
  let recordTaken = false;
  let scoring = false;
  let scoredActions = -1;
  let scoredT = -1;
  let pickSeq = 0;
  let liveSeq = 0;

  const consoleCtl = createConsole(store, {
    updates$: client.drillFrames$,
    act: (a) => client.act(a),
    candidates: (id) => client.candidates(id),
  });
  const review = createReviewController(() => client, renderReport);
  const token = newSessionToken();
  // trainee windows heard lately, and their seats
  const windows = new Map<string, { seat: string; at: number }>();
  const countSeats = () => {
    const now = performance.now();
    const counts: Record<string, number> = {};
    for (const [from, w] of windows) {
      if (now - w.at > GONE_MS) windows.delete(from);
      else counts[w.seat] = (counts[w.seat] ?? 0) + 1;
    }
    const prev = store.getState().seatWindows;
    const same =
      Object.keys(prev).length === Object.keys(counts).length &&
      Object.entries(counts).every(([k, v]) => prev[k] === v);
    if (!same) store.setState({ seatWindows: counts });
  };
  const channel = openTrainerChannel(drill.id, token, {
    act: (a) => client.act(a),
    // a seat hears of the crews for its own cases only
    candidates: (id, seat) =>
      seatHoldsCase(latest?.state ?? null, hello?.meta ?? null, seat, id) ? client.candidates(id) : Promise.resolve([]),
    heard: (from, seat) => {
      const known = windows.get(from);
      windows.set(from, { seat: seat ?? '', at: performance.now() });
      if (!known || known.seat !== (seat ?? '')) countSeats();
    },
    snapshot: (seat) =>
      hello
        ? {
            hello,
            frame: latest ? toSeat(latest, seat).frame : null,
            state: latest ? toSeat(latest, seat).state : null,
            record: store.getState().record
              ? { record: store.getState().record!, edited: store.getState().timelineEdited }
              : null,
          }
        : null,
  });

  /** What seat `seat` (undefined: a window without one) receives of a frame. */
  const toSeat = (d: DrillFrame, seat: string | undefined) => {
    const h = hello!;
    const key = seat ?? '';
    let mask = masks.get(key);
    if (!mask) masks.set(key, (mask = seatMask(h.layout, h.meta, seat)));
    return seatView(d, h.layout, h.meta, seat, mask);
  };
  /** The seats with a window now (undefined: windows that have not chosen one). */
  const seatsHeard = (): (string | undefined)[] => {
    const keys = new Set<string>();
    for (const w of windows.values()) keys.add(w.seat);
    return [...keys].map((k) => (k === '' ? undefined : k));
  };
  const relay = (d: DrillFrame) => {
    for (const seat of seatsHeard()) {
      const v = toSeat(d, seat);
      channel.sendFrame(seat, v.frame, v.state);
    }
  };

  const liveScore = async (force = false) => {
    if (scoring || recordTaken || !latest) return;
    const st = latest.state;
    if (!force && st.actions === scoredActions && st.tS === scoredT) return;
    scoring = true;
    try {
      const rec = await client.record();
      if (rec && !recordTaken)
        store.setState({ liveScore: { score: rec.score, baseline: rec.baseline, seats: rec.seatScores, tS: st.tS } });
      scoredActions = st.actions;
      scoredT = st.tS;
    } finally {
      scoring = false;
    }
  };

  const takeRecord = async (d: DrillFrame) => {
    recordTaken = true;
    const rec = await client.record();
    if (!rec) return;
    const { record: ran, edited } = effectiveRecord(rec, d.state.pending);
    // the drill's real date and time (the report shows it in local time)
    const record = { ...ran, endedAt: new Date().toISOString() };
    store.setState({
      record,
      timelineEdited: edited,
      liveScore: { score: rec.score, baseline: rec.baseline, seats: rec.seatScores, tS: d.state.tS },
    });
    channel.sendRecord(record, edited);
  };

  const frameSub: Subscription = client.drillFrames$.subscribe((d) => {
    latest = d;
    if (hello) relay(d);
    if (d.state.done && !recordTaken) void takeRecord(d);
  });
  const scoreTimer = setInterval(() => {
    if (latest?.state.playing) void liveScore();
  }, SCORE_EVERY_MS);
  const seatTimer = setInterval(countSeats, 1000);

  void (async () => {
    const scText = scenarioTextFor(drill);
    if (!scText) {
      store.setState({
        loadErrors: [
          { path: '$.scenario', code: 'unknown_scenario', ...both('load.noScenario', { id: drill.scenarioId }) },
        ],
      });
      return;
    }
    const r = await client.load(drill.text, scText);
    if (!r.ok) {
      store.setState({ loadErrors: r.errors });
      return;
    }
    const d = r.drill;
    const meta: DrillMeta = {
      id: d.id,
      name: d.name,
      description: d.description,
      traineeSees: d.traineeSees,
      scopeGrids: d.scope.grids,
      autoOutside: d.scope.autoOutside,
      startHour: d.startHour,
      durationMin: d.durationMin,
      seats: d.seats,
    };
    hello = { layout: r.layout, meta };
    masks.clear();
    store.setState({ layout: r.layout, meta, state: r.state, connected: true, loadErrors: null });
    channel.sendHello(hello);
    if (latest) relay(latest);
    void liveScore(true);
  })();

  const setErrors = (errs: { path: string; code: string; zh: string; en: string }[] | null) =>
    store.setState({ timelineErrors: errs });

  return {
    ...consoleCtl,
    role: 'trainer',
    store,
    frames$: client.frames$,
    review,
    async play(speed) {
      await client.play(speed);
    },
    async pause() {
      await client.pause();
      void liveScore();
    },
    setSpeed: (sp) => client.setSpeed(sp),
    async fire(inject) {
      const r = await client.fire({ ...inject, id: inject.id ?? `L${++liveSeq}` });
      if (!r.ok) {
        setErrors([{ path: '$', code: 'inject_refused', zh: r.zh, en: r.en }]);
        return false;
      }
      setErrors(null);
      consoleCtl.notify('ok', both('notice.fired'));
      return true;
    },
    async setPending(list) {
      const r = await client.setPending(list);
      if (!r.ok) {
        setErrors(r.errors);
        return false;
      }
      setErrors(null);
      return true;
    },
    async finish() {
      await client.finish();
    },
    pickCell(cell) {
      const cols = store.getState().layout?.cols ?? 1;
      store.setState({ pickedCell: { x: cell % cols, y: Math.floor(cell / cols), seq: ++pickSeq } });
    },
    clearTimelineErrors: () => setErrors(null),
    traineeUrl: (lang, seat) =>
      `./drill.html?drill=${encodeURIComponent(drill.id)}&role=trainee${seat ? `&seat=${encodeURIComponent(seat)}` : ''}${lang === 'en' ? '&lang=en' : ''}${tokenFragment(token)}`,
    showSeat: (seat) => store.setState({ seatShown: seat }),
    dispose() {
      consoleCtl.dispose();
      frameSub.unsubscribe();
      clearInterval(scoreTimer);
      clearInterval(seatTimer);
      channel.close();
      client.dispose();
    },
  };
}
