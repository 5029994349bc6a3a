/**
 * Two windows, one drill: the trainer's window hosts the drill worker (the
 * authoritative session); trainee windows of the same browser follow it
 * over a BroadcastChannel named after the drill (`allweather-drill-<id>`).
 *
 *   trainer ──hello (layout, drill)──────────▶ trainees   on open, and in answer to `join`
 *           ──frame (city snapshot + state)──▶ one seat   every drill frame, on that seat's channel
 *           ──record (scores, action log)────▶            when the drill has ended
 *           ──ping / bye──────────────────────▶            every 1.5 s / when the window closes
 *   trainee ──join────────────────────────────▶ trainer    until a trainer answers (with its seat)
 *           ──here────────────────────────────▶            every 1.5 s while connected (the trainer counts seats' windows)
 *           ──act / candidates (request id)───▶            answered by `reply` to that trainee
 *
 * Every message carries the session's token (sessionToken.ts), which the
 * trainer hands to the trainee windows it opens; both sides drop whatever
 * fails the gate of drillProtocol.ts (too large, another token, the wrong
 * side's kind, a trainee asking for an inject, a malformed field), log the
 * first such message with console.warn and count the rest (`rejected()`).
 * A dropped message changes nothing and answers nothing.
 *
 * Frames go to one seat at a time, each on a channel of its own
 * (`seatChannelName`: `allweather-drill-<id>/seat/<seat>`) that only the
 * windows in that seat listen to: a seat's window never receives another
 * seat's cases, not even to drop them. A window that has not chosen a seat
 * listens on the channel of `NO_SEAT`. Everything else (hello, record,
 * requests, replies, pings) travels on the drill's channel.
 *
 * The transport is all this file knows: what each seat may see is decided
 * by the page (src/app/drill/traineeView.ts) before it is sent, and the
 * trainer's service checks every action again before applying it. A trainee
 * hears nothing for 5 s (or a `bye`) and goes back to "waiting for the trainer".
 */
import { BehaviorSubject, ReplaySubject, Subject, animationFrameScheduler, type Observable } from 'rxjs';
import { auditTime, shareReplay } from 'rxjs/operators';
import type { z } from 'zod';
import type { Frame } from '../sim/frame.ts';
import type { TraineeAction } from '../drill/schema.ts';
import type { DrillRecord, DrillState } from '../analysis/drillService.ts';
import {
  ActResultSchema,
  CandidatesSchema,
  createRejectLog,
  decodeAtTrainee,
  decodeAtTrainer,
  type ActResult,
  type Candidate,
  type FromTrainee,
  type FromTrainer,
  type Hello,
  type RejectCounts,
} from './drillProtocol.ts';

export type { DrillMeta, Hello, RejectCounts } from './drillProtocol.ts';

export const channelName = (drillId: string) => `allweather-drill-${drillId}`;

/** The seat key of a window that has not chosen a seat. */
export const NO_SEAT = '-';
/** The channel of one seat's frames (`seat`: a seat id, "all", or NO_SEAT). */
export const seatChannelName = (drillId: string, seat: string | undefined) =>
  `${channelName(drillId)}/seat/${seat ?? NO_SEAT}`;

export interface FinishedDrill {
  record: DrillRecord;
  edited: boolean;
}

const PING_MS = 1500;
const LOST_MS = 5000;
const REQUEST_MS = 8000;

const newId = () =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now()}-${performance.now()}`;

export interface TrainerHandlers {
  /**
   * A trainee asks to apply a dispatching action (the trainer applies it
   * through the service, which checks it). The action carries the seat the
   * request named ("all", the whole scope, when it named none), whatever
   * the action itself said.
   */
  act(action: TraineeAction): Promise<ActResult>;
  /** The free crews for case `caseId`, asked by a window in seat `seat` (undefined: none chosen). */
  candidates(caseId: number, seat: string | undefined): Promise<Candidate[]>;
  /** A trainee window (`from`) was heard, in seat `seat` (undefined: not chosen yet). */
  heard?(from: string, seat: string | undefined): void;
  /** The current hello, record, and seat `seat`'s frame, for a trainee that just joined in that seat (null before the drill is loaded). */
  snapshot(
    seat: string | undefined,
  ): { hello: Hello; frame: Frame | null; state: DrillState | null; record: FinishedDrill | null } | null;
}

export interface TrainerChannel {
  sendHello(hello: Hello): void;
  /** Send seat `seat` (a seat id, "all", or undefined for windows without one) its view of a frame, on that seat's channel only. */
  sendFrame(seat: string | undefined, frame: Frame, state: DrillState): void;
  sendRecord(record: DrillRecord, edited: boolean): void;
  /** Messages dropped so far, by reason. */
  rejected(): RejectCounts;
  close(): void;
}

/** The trainer's end of the channel; `token` is this session's (the trainee windows it opens get it in their link). */
export function openTrainerChannel(drillId: string, token: string, h: TrainerHandlers): TrainerChannel {
  const name = channelName(drillId);
  const ch = new BroadcastChannel(name);
  const log = createRejectLog(`${name}, trainer`);
  const post = (m: FromTrainer) => ch.postMessage(m);
  // one channel per seat, opened when that seat is first sent a frame
  const seatChannels = new Map<string, BroadcastChannel>();
  const postFrame = (seat: string | undefined, frame: Frame, state: DrillState) => {
    const key = seat ?? NO_SEAT;
    let sc = seatChannels.get(key);
    if (!sc) seatChannels.set(key, (sc = new BroadcastChannel(seatChannelName(drillId, seat))));
    const m: FromTrainer = { t: 'frame', token, frame, state };
    sc.postMessage(m);
  };
  const reply = (to: string, id: number, result: unknown) => post({ t: 'reply', token, to, id, result });
  ch.onmessage = (e: MessageEvent<unknown>) => {
    const d = decodeAtTrainer(e.data, token);
    if (!d.ok) {
      log.note(d.reason);
      return;
    }
    const m = d.msg;
    h.heard?.(m.from, m.seat);
    switch (m.t) {
      case 'join': {
        const s = h.snapshot(m.seat);
        if (!s) return;
        post({ t: 'hello', token, hello: s.hello });
        if (s.frame && s.state) postFrame(m.seat, s.frame, s.state);
        if (s.record) post({ t: 'record', token, record: s.record.record, edited: s.record.edited });
        return;
      }
      case 'here':
        return;
      case 'act':
        void h.act({ ...m.action, seat: m.seat ?? 'all' }).then(
          (result) => reply(m.from, m.id, result),
          (err: unknown) =>
            reply(m.from, m.id, { ok: false, zh: `培训师端出错：${String(err)}`, en: `trainer error: ${String(err)}` }),
        );
        return;
      case 'candidates':
        void h.candidates(m.caseId, m.seat).then(
          (result) => reply(m.from, m.id, result),
          () => reply(m.from, m.id, []),
        );
        return;
    }
  };
  // a message that could not even be deserialised here
  ch.onmessageerror = () => log.note('shape');
  const ping = setInterval(() => post({ t: 'ping', token }), PING_MS);
  const bye = () => post({ t: 'bye', token });
  const canListen = typeof addEventListener === 'function';
  if (canListen) addEventListener('pagehide', bye);
  return {
    sendHello: (hello) => post({ t: 'hello', token, hello }),
    sendFrame: postFrame,
    sendRecord: (record, edited) => post({ t: 'record', token, record, edited }),
    rejected: log.counts,
    close() {
      clearInterval(ping);
      if (canListen) removeEventListener('pagehide', bye);
      bye();
      ch.close();
      for (const sc of seatChannels.values()) sc.close();
      seatChannels.clear();
    },
  };
}

export type TraineeStatus = 'waiting' | 'connected';

export interface TraineeChannel {
  status$: BehaviorSubject<TraineeStatus>;
  hello$: BehaviorSubject<Hello | null>;
  /** Every frame relayed to this window's seat, with its state. */
  updates$: Observable<{ frame: Frame; state: DrillState }>;
  /** City snapshots for the 3D view: latest per animation frame, the last replayed to late subscribers. */
  frames$: Observable<Frame>;
  /** The finished drill's record (with `edited`: its timeline differs from the drill file's), null until the end. */
  record$: BehaviorSubject<FinishedDrill | null>;
  act(action: TraineeAction): Promise<ActResult>;
  candidates(caseId: number): Promise<Candidate[]>;
  /** Take seat `seat` (a seat id, or "all"): later requests name it, the window listens to that seat's frames only, and the trainer hears it at once. */
  setSeat(seat: string): void;
  /** Messages dropped so far, by reason. */
  rejected(): RejectCounts;
  close(): void;
}

/** A trainee's end of the channel, bound to the session `token` its link carried, in `seat` (if chosen). */
export function openTraineeChannel(drillId: string, token: string, initialSeat?: string): TraineeChannel {
  const name = channelName(drillId);
  const ch = new BroadcastChannel(name);
  const log = createRejectLog(`${name}, trainee`);
  const me = newId();
  const status$ = new BehaviorSubject<TraineeStatus>('waiting');
  const hello$ = new BehaviorSubject<Hello | null>(null);
  const record$ = new BehaviorSubject<FinishedDrill | null>(null);
  const updates = new Subject<{ frame: Frame; state: DrillState }>();
  const rawFrames = new ReplaySubject<Frame>(1);
  const frames$ = rawFrames.pipe(
    auditTime(0, animationFrameScheduler),
    shareReplay({ bufferSize: 1, refCount: false }),
  );
  /** Requests waiting for their reply, with the schema the reply's result must pass and what to answer otherwise. */
  const pending = new Map<
    number,
    { resolve: (v: unknown) => void; timer: ReturnType<typeof setTimeout>; schema: z.ZodType; fallback: unknown }
  >();
  let nextId = 1;
  let lastSeen = 0;
  let seat = initialSeat;

  const post = (m: FromTrainee) => ch.postMessage(seat === undefined ? m : { ...m, seat });
  const join = () => post({ t: 'join', token, from: me });
  const seen = () => {
    lastSeen = performance.now();
    if (status$.value !== 'connected') status$.next('connected');
  };
  // this seat's frames, on its own channel (the drill's channel carries none)
  const onFrame = (e: MessageEvent<unknown>) => {
    const d = decodeAtTrainee(e.data, token, me);
    if (!d.ok) {
      log.note(d.reason);
      return;
    }
    const m = d.msg;
    if (m.t !== 'frame') return;
    if (!hello$.value) {
      join();
      return;
    }
    seen();
    rawFrames.next(m.frame);
    updates.next({ frame: m.frame, state: m.state });
  };
  const openSeat = () => {
    const sc = new BroadcastChannel(seatChannelName(drillId, seat));
    sc.onmessage = onFrame;
    sc.onmessageerror = () => log.note('shape');
    return sc;
  };
  let seatCh = openSeat();
  ch.onmessage = (e: MessageEvent<unknown>) => {
    const d = decodeAtTrainee(e.data, token, me);
    if (!d.ok) {
      log.note(d.reason);
      return;
    }
    const m = d.msg;
    switch (m.t) {
      case 'hello':
        seen();
        hello$.next(m.hello);
        return;
      case 'frame':
        // frames come on the seat's channel only
        return;
      case 'record':
        seen();
        record$.next({ record: m.record, edited: m.edited });
        return;
      case 'reply': {
        const p = pending.get(m.id);
        if (!p) return;
        clearTimeout(p.timer);
        pending.delete(m.id);
        const r = p.schema.safeParse(m.result);
        if (!r.success) log.note('shape');
        p.resolve(r.success ? r.data : p.fallback);
        return;
      }
      case 'ping':
        seen();
        if (!hello$.value) join();
        return;
      case 'bye':
        status$.next('waiting');
        return;
    }
  };
  ch.onmessageerror = () => log.note('shape');
  join();
  const watch = setInterval(() => {
    if (status$.value === 'connected' && performance.now() - lastSeen > LOST_MS) status$.next('waiting');
    if (status$.value === 'waiting') join();
    else post({ t: 'here', token, from: me });
  }, PING_MS);

  function request<T>(
    msg: { t: 'act'; action: TraineeAction } | { t: 'candidates'; caseId: number },
    schema: z.ZodType<T>,
    fallback: T,
  ): Promise<T> {
    const id = nextId++;
    return new Promise<T>((resolve) => {
      const timer = setTimeout(() => {
        pending.delete(id);
        resolve(fallback);
      }, REQUEST_MS);
      pending.set(id, { resolve: resolve as (v: unknown) => void, timer, schema, fallback });
      post({ ...msg, token, from: me, id });
    });
  }

  return {
    status$,
    hello$,
    updates$: updates.asObservable(),
    frames$,
    record$,
    act: (action) =>
      request<ActResult>({ t: 'act', action }, ActResultSchema, {
        ok: false,
        zh: '培训师窗口无响应',
        en: 'the trainer window did not answer',
      }),
    candidates: (caseId) => request<Candidate[]>({ t: 'candidates', caseId }, CandidatesSchema, []),
    setSeat(s) {
      seat = s;
      seatCh.close();
      seatCh = openSeat();
      join();
    },
    rejected: log.counts,
    close() {
      clearInterval(watch);
      for (const p of pending.values()) clearTimeout(p.timer);
      ch.close();
      seatCh.close();
    },
  };
}
