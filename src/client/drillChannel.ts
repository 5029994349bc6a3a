/**
 * Two windows, one drill: the trainer's window hosts the drill worker (the
 * authoritative session); trainee windows of the same browser follow it
 * over a BroadcastChannel named after the drill (`allweather-drill-<id>`).
 *
 *   trainer ──hello (layout, drill)──────────▶ trainees   on open, and in answer to `join`
 *           ──frame (city snapshot + state)──▶            every drill frame (what the trainee may see)
 *           ──record (scores, action log)────▶            when the drill has ended
 *           ──ping / bye──────────────────────▶            every 1.5 s / when the window closes
 *   trainee ──join────────────────────────────▶ trainer    until a trainer answers
 *           ──act / candidates (request id)───▶            answered by `reply` to that trainee
 *
 * The transport is all this file knows: what the trainee may see is decided
 * by the page (src/app/drill/traineeView.ts) before it is sent. A trainee
 * hears nothing for 5 s (or a `bye`) and goes back to "waiting for the trainer".
 */
import { BehaviorSubject, ReplaySubject, Subject, animationFrameScheduler, type Observable } from 'rxjs';
import { auditTime, shareReplay } from 'rxjs/operators';
import type { CityLayout, Frame } from '../sim/frame.ts';
import type { Action } from '../drill/schema.ts';
import type { ActResult, Candidate, DrillRecord, DrillState } from './drillClient.ts';

export const channelName = (drillId: string) => `allweather-drill-${drillId}`;

/** What the trainee needs to know of the drill to draw it. */
export interface DrillMeta {
  id: string;
  name: { zh: string; en: string };
  description?: { zh: string; en: string };
  traineeSees: 'all' | 'scope';
  scopeGrids: 'all' | string[];
  autoOutside: boolean;
  startHour: number;
  durationMin: number;
}

export interface FinishedDrill {
  record: DrillRecord;
  edited: boolean;
}

export interface Hello {
  layout: CityLayout;
  meta: DrillMeta;
}

type FromTrainer =
  | { t: 'hello'; session: string; hello: Hello }
  | { t: 'frame'; session: string; frame: Frame; state: DrillState }
  | { t: 'record'; session: string; record: DrillRecord; edited: boolean }
  | { t: 'reply'; session: string; to: string; id: number; result: unknown }
  | { t: 'ping'; session: string }
  | { t: 'bye'; session: string };

type FromTrainee =
  | { t: 'join'; from: string }
  | { t: 'act'; from: string; id: number; action: Action }
  | { t: 'candidates'; from: string; id: number; caseId: number };

type Msg = FromTrainer | FromTrainee;

const PING_MS = 1500;
const LOST_MS = 5000;
const REQUEST_MS = 8000;

const newId = () => (typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now()}-${performance.now()}`);

export interface TrainerHandlers {
  /** A trainee asks to apply an action (the trainer applies it through the service). */
  act(action: Action): Promise<ActResult>;
  candidates(caseId: number): Promise<Candidate[]>;
  /** The current hello, frame and record for a trainee that just joined (null before the drill is loaded). */
  snapshot(): { hello: Hello; frame: Frame | null; state: DrillState | null; record: FinishedDrill | null } | null;
}

export interface TrainerChannel {
  sendHello(hello: Hello): void;
  sendFrame(frame: Frame, state: DrillState): void;
  sendRecord(record: DrillRecord, edited: boolean): void;
  /** Another trainer window runs the same drill (two authorities would confuse the trainees). */
  otherTrainer$: Observable<boolean>;
  close(): void;
}

export function openTrainerChannel(drillId: string, h: TrainerHandlers): TrainerChannel {
  const ch = new BroadcastChannel(channelName(drillId));
  const session = newId();
  const post = (m: FromTrainer) => ch.postMessage(m);
  const other = new BehaviorSubject(false);
  ch.onmessage = (e: MessageEvent<Msg>) => {
    const m = e.data;
    switch (m.t) {
      case 'join': {
        const s = h.snapshot();
        if (!s) return;
        post({ t: 'hello', session, hello: s.hello });
        if (s.frame && s.state) post({ t: 'frame', session, frame: s.frame, state: s.state });
        if (s.record) post({ t: 'record', session, record: s.record.record, edited: s.record.edited });
        return;
      }
      case 'act':
        void h.act(m.action).then(
          (result) => post({ t: 'reply', session, to: m.from, id: m.id, result }),
          (err: unknown) => post({ t: 'reply', session, to: m.from, id: m.id, result: { ok: false, zh: `培训师端出错：${String(err)}`, en: `trainer error: ${String(err)}` } }),
        );
        return;
      case 'candidates':
        void h.candidates(m.caseId).then(
          (result) => post({ t: 'reply', session, to: m.from, id: m.id, result }),
          () => post({ t: 'reply', session, to: m.from, id: m.id, result: [] }),
        );
        return;
      case 'hello':
      case 'ping':
        if (m.session !== session) other.next(true);
        return;
      case 'bye':
        other.next(false);
        return;
      default:
        return;
    }
  };
  const ping = setInterval(() => post({ t: 'ping', session }), PING_MS);
  const bye = () => post({ t: 'bye', session });
  addEventListener('pagehide', bye);
  return {
    sendHello: (hello) => post({ t: 'hello', session, hello }),
    sendFrame: (frame, state) => post({ t: 'frame', session, frame, state }),
    sendRecord: (record, edited) => post({ t: 'record', session, record, edited }),
    otherTrainer$: other.asObservable(),
    close() {
      clearInterval(ping);
      removeEventListener('pagehide', bye);
      bye();
      ch.close();
    },
  };
}

export type TraineeStatus = 'waiting' | 'connected';

export interface TraineeChannel {
  status$: BehaviorSubject<TraineeStatus>;
  hello$: BehaviorSubject<Hello | null>;
  /** Every relayed frame with its state. */
  updates$: Observable<{ frame: Frame; state: DrillState }>;
  /** City snapshots for the 3D view: latest per animation frame, the last replayed to late subscribers. */
  frames$: Observable<Frame>;
  /** The finished drill's record (with `edited`: its timeline differs from the drill file's), null until the end. */
  record$: BehaviorSubject<FinishedDrill | null>;
  act(action: Action): Promise<ActResult>;
  candidates(caseId: number): Promise<Candidate[]>;
  close(): void;
}

export function openTraineeChannel(drillId: string): TraineeChannel {
  const ch = new BroadcastChannel(channelName(drillId));
  const me = newId();
  const status$ = new BehaviorSubject<TraineeStatus>('waiting');
  const hello$ = new BehaviorSubject<Hello | null>(null);
  const record$ = new BehaviorSubject<FinishedDrill | null>(null);
  const updates = new Subject<{ frame: Frame; state: DrillState }>();
  const rawFrames = new ReplaySubject<Frame>(1);
  const frames$ = rawFrames.pipe(auditTime(0, animationFrameScheduler), shareReplay({ bufferSize: 1, refCount: false }));
  const pending = new Map<number, { resolve: (v: unknown) => void; timer: ReturnType<typeof setTimeout> }>();
  let nextId = 1;
  let session: string | null = null;
  let lastSeen = 0;

  const seen = (s: string) => {
    if (session !== s) {
      // a new trainer (or the trainer reloaded): forget the previous drill's result
      session = s;
      record$.next(null);
    }
    lastSeen = performance.now();
    if (status$.value !== 'connected') status$.next('connected');
  };
  ch.onmessage = (e: MessageEvent<Msg>) => {
    const m = e.data;
    switch (m.t) {
      case 'hello':
        seen(m.session);
        hello$.next(m.hello);
        return;
      case 'frame':
        if (!hello$.value) { ch.postMessage({ t: 'join', from: me } satisfies FromTrainee); return; }
        seen(m.session);
        rawFrames.next(m.frame);
        updates.next({ frame: m.frame, state: m.state });
        return;
      case 'record':
        seen(m.session);
        record$.next({ record: m.record, edited: m.edited });
        return;
      case 'reply': {
        if (m.to !== me) return;
        const p = pending.get(m.id);
        if (p) { clearTimeout(p.timer); pending.delete(m.id); p.resolve(m.result); }
        return;
      }
      case 'ping':
        if (session === null || m.session === session) seen(m.session);
        if (!hello$.value) ch.postMessage({ t: 'join', from: me } satisfies FromTrainee);
        return;
      case 'bye':
        if (m.session === session) { session = null; status$.next('waiting'); }
        return;
      default:
        return;
    }
  };
  const join = () => ch.postMessage({ t: 'join', from: me } satisfies FromTrainee);
  join();
  const watch = setInterval(() => {
    if (status$.value === 'connected' && performance.now() - lastSeen > LOST_MS) { session = null; status$.next('waiting'); }
    if (status$.value === 'waiting') join();
  }, PING_MS);

  function request<T>(msg: { t: 'act'; action: Action } | { t: 'candidates'; caseId: number }, fallback: T): Promise<T> {
    const id = nextId++;
    return new Promise<T>((resolve) => {
      const timer = setTimeout(() => { pending.delete(id); resolve(fallback); }, REQUEST_MS);
      pending.set(id, { resolve: resolve as (v: unknown) => void, timer });
      ch.postMessage({ ...msg, from: me, id } as FromTrainee);
    });
  }

  return {
    status$,
    hello$,
    updates$: updates.asObservable(),
    frames$,
    record$,
    act: (action) => request<ActResult>({ t: 'act', action }, { ok: false, zh: '培训师窗口无响应', en: 'the trainer window did not answer' }),
    candidates: (caseId) => request<Candidate[]>({ t: 'candidates', caseId }, []),
    close() {
      clearInterval(watch);
      for (const p of pending.values()) clearTimeout(p.timer);
      ch.close();
    },
  };
}
