/**
 * A trainee's window: no worker of its own while the drill runs. It draws
 * the frames the trainer's window relays, and sends its actions (assign,
 * reprioritise, escalate, mutual aid) to the trainer, which applies them and
 * answers with the outcome. Opened alone it waits for the trainer. When the
 * drill ends the trainer sends the record; the review then starts a drill
 * worker in this window to rebuild the drill from it.
 *
 * The window belongs to one trainer session: the token in its link's
 * fragment (`#token=…`, see src/client/sessionToken.ts), which the trainer's
 * console puts there. Opened by hand without it, the window connects to
 * nothing and says so, and takes the link (or the token) pasted in
 * (`enterToken`): the page then reloads with the token in its fragment.
 */
import { NEVER, type Observable, type Subscription } from 'rxjs';
import { map } from 'rxjs/operators';
import type { Frame } from '../../sim/frame.ts';
import { createDrillClient, type DrillClient } from '../../client/drillClient.ts';
import { openTraineeChannel } from '../../client/drillChannel.ts';
import { tokenFragment, tokenFromPaste } from '../../client/sessionToken.ts';
import { createConsole, type ConsoleActions } from './console.ts';
import { createReviewController, type ReportRenderer, type ReviewController } from './review.ts';
import type { DrillPageState, Store } from './store.ts';
import type { DrillState } from '../../client/drillClient.ts';
import { urgentArrivals } from './dispatchKeys.ts';
import { beep } from './beep.ts';

/** How long a P1 arrival stays highlighted in the inbox. */
const FRESH_MS = 15_000;

const noSession = {
  ok: false as const,
  zh: '此窗口没有连接到培训师会话',
  en: "this window is not connected to a trainer's session",
};

export interface TraineeController extends ConsoleActions {
  role: 'trainee';
  store: Store<DrillPageState>;
  frames$: Observable<Frame>;
  review: ReviewController;
  /** Take the session token from a pasted trainee link (or the token alone) and reload with it; false when there is none in the text. */
  enterToken(text: string): boolean;
  /** Take a seat ("all": the whole scope); the choice goes into the page's URL (a reload keeps it). */
  chooseSeat(seat: string): void;
  setSound(on: boolean): void;
  dispose(): void;
}

/**
 * Go to this trainee page with the token in its fragment: reload when only
 * the fragment changes; a pasted link of another drill (same origin) opens
 * that drill's trainee page instead.
 */
function openWithToken(text: string, token: string): void {
  const next = new URL(location.href);
  try {
    const pasted = new URL(text.trim(), location.href);
    const drill = pasted.searchParams.get('drill');
    if (pasted.origin === location.origin && drill) next.searchParams.set('drill', drill);
  } catch {
    /* the token alone: stay on this drill */
  }
  next.hash = tokenFragment(token);
  const samePage = next.pathname === location.pathname && next.search === location.search;
  location.assign(next.href);
  if (samePage) location.reload();
}

export function createTrainee(
  drillId: string,
  store: Store<DrillPageState>,
  token: string | null,
  renderReport: ReportRenderer,
  initialSeat: string | null = null,
): TraineeController {
  const enterToken = (text: string) => {
    const t = tokenFromPaste(text);
    if (t) openWithToken(text, t);
    return t !== null;
  };
  let client: DrillClient | null = null;
  const review = createReviewController(() => (client ??= createDrillClient()), renderReport);
  if (token === null) {
    // no session to follow: nothing to hear and nothing to send
    store.setState({ tokenMissing: true });
    const consoleCtl = createConsole(store, {
      updates$: NEVER,
      act: () => Promise.resolve(noSession),
      candidates: () => Promise.resolve([]),
    });
    return {
      ...consoleCtl,
      role: 'trainee',
      store,
      frames$: NEVER,
      review,
      enterToken,
      chooseSeat: () => undefined,
      setSound: (on) => store.setState({ sound: on }),
      dispose: () => consoleCtl.dispose(),
    };
  }
  const link = openTraineeChannel(drillId, token, initialSeat ?? undefined);
  store.setState({ seat: initialSeat });
  // the trainer relays this seat's own view only (its inbox, its cases on the map, its own actions: traineeView.ts)
  const seen = new Set<number>();
  let first = true;
  const freshUntil = new Map<number, number>();
  const noteArrivals = (state: DrillState): DrillState => {
    const st = store.getState();
    const inbox = state.inbox;
    if (st.seat !== null) {
      // P1 arrivals: a beep and a highlight (the cases already waiting when the window took its seat do not beep)
      const urgent = urgentArrivals(seen, inbox);
      const now = performance.now();
      if (!first && urgent.length) {
        for (const id of urgent) freshUntil.set(id, now + FRESH_MS);
        if (st.sound) beep();
        store.setState({ alerts: { fresh: st.alerts.fresh, count: st.alerts.count + 1 } });
      }
      first = false;
      for (const [id, until] of freshUntil)
        if (until < now || !inbox.some((i) => i.caseId === id)) freshUntil.delete(id);
      const fresh = [...freshUntil.keys()];
      if (fresh.join() !== store.getState().alerts.fresh.join())
        store.setState({ alerts: { ...store.getState().alerts, fresh } });
    }
    return state;
  };
  const consoleCtl = createConsole(store, {
    act: (a) => link.act(a),
    candidates: (id) => link.candidates(id),
    updates$: link.updates$.pipe(map(({ frame, state }) => ({ frame, state: noteArrivals(state) }))),
  });
  const subs: Subscription[] = [
    link.status$.subscribe((s) => store.setState(s === 'connected' ? { connected: true } : { connected: false })),
    link.hello$.subscribe((h) => {
      if (h) store.setState({ layout: h.layout, meta: h.meta });
    }),
    link.record$.subscribe((fin) => {
      const record = fin?.record ?? null;
      store.setState({
        record,
        timelineEdited: fin?.edited ?? false,
        liveScore: record
          ? { score: record.score, baseline: record.baseline, tS: store.getState().state?.tS ?? 0 }
          : null,
      });
      if (!fin && store.getState().view === 'review') store.setState({ view: 'console' });
    }),
  ];
  return {
    ...consoleCtl,
    role: 'trainee',
    store,
    frames$: link.frames$,
    review,
    enterToken,
    chooseSeat(seat) {
      seen.clear();
      freshUntil.clear();
      first = true;
      store.setState({ seat, selectedCase: null, candidates: null, alerts: { fresh: [], count: 0 } });
      link.setSeat(seat);
      try {
        const u = new URL(location.href);
        u.searchParams.set('seat', seat);
        history.replaceState(null, '', u.href);
      } catch {
        /* not in a browser page */
      }
    },
    setSound: (on) => store.setState({ sound: on }),
    dispose() {
      consoleCtl.dispose();
      for (const s of subs) s.unsubscribe();
      link.close();
      client?.dispose();
    },
  };
}
