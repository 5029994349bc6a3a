/**
 * The trainer's relay to the seats, on Node's real BroadcastChannel: the
 * trainer's window (createTrainer, the drill service inline instead of in a
 * worker) and three trainee ends of the channel, in Yuyuan, in Nanjing East
 * Road and without a seat. Every frame a window receives holds its own
 * seat's cases only (inbox and feed); the window without a seat receives
 * no case; a seat asking for the crews of another seat's case hears none;
 * the trainer still holds every seat's inbox.
 */
import { describe, it, expect, afterEach } from 'vitest';
import { Subject } from 'rxjs';
import { map } from 'rxjs/operators';
import { createDrillService, type DrillFrame, type DrillState } from '../../analysis/drillService.ts';
import { drillText } from '../../analysis/testdata/drillHarness.ts';
import type { DrillClient } from '../../client/drillClient.ts';
import { openTraineeChannel, seatChannelName, type TraineeChannel } from '../../client/drillChannel.ts';
import { tokenFromHash } from '../../client/sessionToken.ts';
import { createTrainer, type TrainerController } from './trainer.ts';
import { drillById } from './drills.ts';
import { createStore, initialPageState } from './store.ts';

/** The drill service inline, on a hand-cranked clock (each tick: 10 simulated minutes at 60x). */
function inlineClient() {
  let clock = 0;
  const queue: (() => void)[] = [];
  const svc = createDrillService({ now: () => (clock += 10_000), later: (fn) => void queue.push(fn) });
  const raw = new Subject<DrillFrame>();
  svc.subscribe((f) => raw.next(f));
  const client: DrillClient = {
    drillFrames$: raw.asObservable(),
    frames$: raw.pipe(map((d) => d.frame)),
    load: async (d, s) => svc.load(d, s),
    play: async (sp) => svc.play(sp),
    pause: async () => svc.pause(),
    setSpeed: async (sp) => svc.setSpeed(sp),
    act: async (a) => svc.act(a),
    fire: async (i) => svc.fire(i),
    setPending: async (l) => svc.setPending(l),
    candidates: async (id) => svc.candidates(id),
    state: async () => svc.state(),
    finish: async () => svc.finish(),
    record: async () => svc.record(),
    replayTo: async (rec, tS, sc) => svc.replayTo(rec, tS, sc),
    dispose: () => raw.complete(),
  };
  return { client, tick: () => queue.shift()?.() };
}

const settle = (ms = 80) => new Promise((r) => setTimeout(r, ms));
const open: { close(): void }[] = [];
afterEach(() => {
  for (const c of open.splice(0)) c.close();
});

describe('the trainer sends each seat its own cases only', () => {
  it("each seat's window receives its grids' cases and its own dispatches; no window holds another seat's", async () => {
    const drill = drillById('red-night-drill')!;
    const seatGrids = Object.fromEntries(
      (JSON.parse(drillText) as { seats: { id: string; grids: string[] }[] }).seats.map((x) => [x.id, x.grids]),
    );
    const store = createStore(initialPageState('trainer', 'zh-CN', drill.id));
    const { client, tick } = inlineClient();
    const trainer: TrainerController = createTrainer(drill, store, () => '', client);
    open.push({ close: () => trainer.dispose() });
    for (let i = 0; i < 50 && !store.getState().connected; i++) await settle(10);
    expect(store.getState().connected).toBe(true);

    const token = tokenFromHash(new URL(trainer.traineeUrl('zh-CN', 'yuyuan'), 'http://x/').hash)!;
    const got: Record<string, DrillState[]> = { yuyuan: [], 'nanjing-east': [], none: [] };
    const join = (seat: string | undefined, key: string): TraineeChannel => {
      const ch = openTraineeChannel(drill.id, token, seat);
      ch.updates$.subscribe((u) => got[key].push(u.state));
      open.push(ch);
      return ch;
    };
    const yuyuan = join('yuyuan', 'yuyuan');
    join('nanjing-east', 'nanjing-east');
    join(undefined, 'none');
    // a listener on the Bund's channel: nobody sits there, so nothing is sent on it
    const bund: unknown[] = [];
    const bundCh = new BroadcastChannel(seatChannelName(drill.id, 'the-bund'));
    bundCh.onmessage = (e) => bund.push(e.data);
    open.push(bundCh);
    await settle();

    await trainer.play(60);
    // 40 simulated minutes: storm cases pile up in every seat's grids
    for (let i = 0; i < 4; i++) {
      tick();
      await settle(40);
    }
    await trainer.pause();
    await settle();

    const all = store.getState().state!.inbox;
    expect(new Set(all.map((i) => i.grid)).size).toBeGreaterThan(2);
    for (const seat of ['yuyuan', 'nanjing-east']) {
      expect(got[seat].length, seat).toBeGreaterThan(2);
      for (const st of got[seat]) {
        for (const it of st.inbox) expect(seatGrids[seat], `${seat} case ${it.caseId}`).toContain(it.grid);
        expect(st.pending).toEqual([]);
      }
      // the last frame holds exactly the seat's share of the trainer's inbox
      expect(got[seat].at(-1)!.inbox.map((i) => i.caseId)).toEqual(
        all.filter((i) => seatGrids[seat].includes(i.grid)).map((i) => i.caseId),
      );
    }
    expect(got.yuyuan.at(-1)!.inbox.length).toBeGreaterThan(0);
    expect(got.none.length).toBeGreaterThan(0);
    for (const st of got.none) expect(st.inbox).toEqual([]);
    expect(bund).toEqual([]);

    // crews: for the seat's own case, the list; for another seat's, nothing
    const mine = got.yuyuan.at(-1)!.inbox[0];
    const other = all.find((i) => !seatGrids.yuyuan.includes(i.grid))!;
    expect(await client.candidates(mine.caseId)).not.toEqual([]);
    expect(await yuyuan.candidates(mine.caseId)).toEqual(await client.candidates(mine.caseId));
    expect(await client.candidates(other.caseId)).not.toEqual([]);
    expect(await yuyuan.candidates(other.caseId)).toEqual([]);

    // Yuyuan dispatches: the action reaches its own feed, not Nanjing East Road's
    const crew = (await yuyuan.candidates(mine.caseId)).slice(0, mine.crew).map((c) => c.staff);
    expect(await yuyuan.act({ kind: 'assign', tS: 0, caseId: mine.caseId, staff: crew })).toEqual({ ok: true });
    await trainer.play(60);
    tick();
    await settle();
    const dispatched = (st: DrillState) =>
      st.timeline.some((e) => e.kind === 'action' && 'caseId' in e.detail && e.detail.caseId === mine.caseId);
    expect(dispatched(got.yuyuan.at(-1)!)).toBe(true);
    expect(got['nanjing-east'].some(dispatched)).toBe(false);
    expect(got.none.some(dispatched)).toBe(false);
    // the trainer keeps every seat's inbox and the full log (its store takes a frame at most four times a second)
    for (let i = 0; i < 20 && !dispatched(store.getState().state!); i++) await settle(50);
    expect(dispatched(store.getState().state!)).toBe(true);
  }, 60_000);
});
