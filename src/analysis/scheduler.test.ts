/**
 * The scheduler's rules, once, with in-process fake workers whose
 * replications the test finishes by hand (no timers, no threads): the order
 * of results, how replications are batched over the slots, failures, worker
 * death under both policies, cancellation and closing. The two adapters
 * (pool.test.ts, src/client/pool.test.ts) only check their own side.
 */
import { describe, expect, it, vi } from 'vitest';
import type { RunResult } from '../sim/result.ts';
import { fakeRun } from './fakeRun.ts';
import { Scheduler, type PoolLoad, type ReplicationEvent, type SchedulerOptions } from './scheduler.ts';
import type { ReplicationOptions } from './service.ts';

interface Call {
  worker: number;
  seed: number;
  opts: ReplicationOptions;
  finish: () => void;
  fail: (err: unknown) => void;
}

/** Fake workers: every call waits until the test finishes or fails it. */
class Workers {
  started = 0;
  readonly terminated: number[] = [];
  readonly calls: Call[] = [];
  readonly kill = new Map<number, (err: unknown) => void>();
  /** Make the next start throw this. */
  startError: Error | null = null;

  readonly start: SchedulerOptions['start'] = (died) => {
    if (this.startError) throw this.startError;
    const id = this.started++;
    this.kill.set(id, died);
    return {
      runReplication: (_text, seed, opts) =>
        new Promise<RunResult>((resolve, reject) =>
          this.calls.push({ worker: id, seed, opts, finish: () => resolve(fakeRun(seed)), fail: reject }),
        ),
      terminate: () => {
        this.terminated.push(id);
      },
    };
  };

  /** The call running `seed` (the latest one). */
  call(seed: number): Call {
    const c = this.calls.filter((x) => x.seed === seed).at(-1);
    if (!c) throw new Error(`seed ${seed} never started`);
    return c;
  }

  get seedsStarted(): number[] {
    return this.calls.map((c) => c.seed);
  }
}

/** Lets promise reactions run. */
const settle = () => new Promise((r) => setTimeout(r, 0));

function scheduler(workers: Workers, opts: Partial<SchedulerOptions> = {}) {
  const events: ReplicationEvent[] = [];
  const loads: PoolLoad[] = [];
  const s = new Scheduler({
    size: 2,
    start: workers.start,
    onWorkerDeath: 'replace',
    onCancelRunning: 'terminate',
    closedError: () => new Error('closed'),
    cancelledError: () => new Error('cancelled'),
    onResult: (e) => events.push(e),
    onLoad: (l) => loads.push(l),
    ...opts,
  });
  return { s, events, loads };
}

/** A promise's outcome once it settles, for asserting without awaiting a pending one. */
function outcome<T>(p: Promise<T>): { value?: T; error?: unknown; done: boolean } {
  const o: { value?: T; error?: unknown; done: boolean } = { done: false };
  p.then(
    (v) => Object.assign(o, { value: v, done: true }),
    (e: unknown) => Object.assign(o, { error: e, done: true }),
  );
  return o;
}

describe('Scheduler: order and progress', () => {
  it('resolves in seed order whatever the completion order, reporting each as it finishes', async () => {
    const w = new Workers();
    const { s, events } = scheduler(w, { size: 3 });
    const seen: number[] = [];
    const p = s.run('text', [7, 3, 9], { onResult: (i) => seen.push(i) });
    await settle();
    for (const seed of [9, 3, 7]) {
      w.call(seed).finish();
      await settle();
    }
    expect(await p).toEqual([fakeRun(7), fakeRun(3), fakeRun(9)]);
    expect(seen).toEqual([2, 1, 0]);
    expect(events.map((e) => [e.batch, e.index, e.seed, e.done, e.total])).toEqual([
      [1, 2, 9, 1, 3],
      [1, 1, 3, 2, 3],
      [1, 0, 7, 3, 3],
    ]);
  });

  it('passes days and log, and only those set', async () => {
    const w = new Workers();
    const { s } = scheduler(w);
    void s.run('text', [1], { days: 3, log: true });
    void s.run('text', [2], { log: false });
    await settle();
    expect(w.call(1).opts).toEqual({ days: 3, log: true });
    expect(w.call(2).opts).toEqual({});
  });

  it('resolves an empty batch at once without starting a worker', async () => {
    const w = new Workers();
    const { s } = scheduler(w);
    expect(await s.run('text', [])).toEqual([]);
    expect(w.started).toBe(0);
  });

  it('numbers batches from 1', () => {
    const w = new Workers();
    const { s } = scheduler(w);
    expect(s.submit('text', [1]).id).toBe(1);
    expect(s.submit('text', [2]).id).toBe(2);
  });
});

describe('Scheduler: batching over the slots', () => {
  it('runs at most `size` at once, first come first served across batches, each slot starting the next', async () => {
    const w = new Workers();
    const { s } = scheduler(w, { size: 2 });
    const a = s.run('a', [1, 2, 3]);
    const b = s.run('b', [10, 11]);
    await settle();
    expect(w.seedsStarted).toEqual([1, 2]);
    expect(s.load).toEqual({ running: 2, queued: 3, workers: 2 });
    w.call(2).finish();
    await settle();
    expect(w.seedsStarted).toEqual([1, 2, 3]);
    w.call(1).finish();
    await settle();
    expect(w.seedsStarted).toEqual([1, 2, 3, 10]);
    w.call(3).finish();
    w.call(10).finish();
    await settle();
    w.call(11).finish();
    expect((await a).map((r) => r.seed)).toEqual([1, 2, 3]);
    expect((await b).map((r) => r.seed)).toEqual([10, 11]);
    expect(w.started).toBe(2); // the same two workers served both batches
    expect(s.load).toEqual({ running: 0, queued: 0, workers: 2 });
  });

  it('starts workers lazily, only as many as the work can use, and reuses idle live ones first', async () => {
    const w = new Workers();
    const { s, loads } = scheduler(w, { size: 8 });
    const p = s.run('text', [1, 2]);
    await settle();
    expect(w.started).toBe(2);
    w.call(1).finish();
    w.call(2).finish();
    await p;
    const q = s.run('text', [3]);
    await settle();
    expect(w.started).toBe(2);
    w.call(3).finish();
    await q;
    expect(loads.at(-1)).toEqual({ running: 0, queued: 0, workers: 2 });
  });

  it('warm() starts every worker at once', () => {
    const w = new Workers();
    const { s } = scheduler(w, { size: 3 });
    s.warm();
    expect(w.started).toBe(3);
    expect(s.load).toEqual({ running: 0, queued: 0, workers: 3 });
  });

  it('publishes the load only when it changes', async () => {
    const w = new Workers();
    const { s, loads } = scheduler(w, { size: 1 });
    const p = s.run('text', [1, 2]);
    await settle();
    w.call(1).finish();
    await settle();
    w.call(2).finish();
    await p;
    expect(loads).toEqual([
      { running: 1, queued: 1, workers: 1 },
      { running: 1, queued: 0, workers: 1 },
      { running: 0, queued: 0, workers: 1 },
    ]);
  });
});

describe('Scheduler: a replication that fails', () => {
  it('rejects its batch with its error, drops its queued replications and keeps the worker and other batches', async () => {
    const w = new Workers();
    const { s } = scheduler(w, { size: 1 });
    const a = outcome(s.run('a', [1, 2, 3]));
    const b = s.run('b', [10]);
    await settle();
    w.call(1).fail(new Error('invalid scenario'));
    await settle();
    expect(a.error).toEqual(new Error('invalid scenario'));
    expect(w.seedsStarted).toEqual([1, 10]);
    w.call(10).finish();
    expect(await b).toEqual([fakeRun(10)]);
    expect(w.started).toBe(1);
    expect(w.terminated).toEqual([]);
  });

  it('an exception in the batch onResult fails that batch', async () => {
    const w = new Workers();
    const { s } = scheduler(w);
    const p = s.run('text', [1, 2], {
      onResult: () => {
        throw new Error('consumer failed');
      },
    });
    await settle();
    w.call(1).finish();
    await expect(p).rejects.toThrow('consumer failed');
  });

  it("under 'finish' the batch's other running replications finish on their workers, results dropped", async () => {
    const w = new Workers();
    const { s, events } = scheduler(w, { onCancelRunning: 'finish' });
    const p = outcome(s.run('text', [1, 2, 3]));
    await settle();
    w.call(1).fail(new Error('boom'));
    await settle();
    expect(p.error).toEqual(new Error('boom'));
    expect(w.terminated).toEqual([]);
    expect(s.load.running).toBe(1); // seed 2 still runs
    w.call(2).finish();
    await settle();
    expect(events).toEqual([]);
    expect(s.load).toEqual({ running: 0, queued: 0, workers: 2 });
    expect(w.seedsStarted).toEqual([1, 2]);
  });

  it("under 'terminate' the workers running the batch's other replications are stopped", async () => {
    const w = new Workers();
    const { s } = scheduler(w);
    const p = outcome(s.run('text', [1, 2, 3]));
    await settle();
    w.call(1).fail(new Error('boom'));
    await settle();
    expect(p.error).toEqual(new Error('boom'));
    expect(w.terminated).toEqual([1]); // seed 2's worker; seed 1's worker stays usable
    expect(s.load).toEqual({ running: 0, queued: 0, workers: 1 });
    w.call(2).finish(); // too late: ignored
    const q = s.run('text', [4, 5]);
    await settle();
    expect(w.calls.slice(-2).map((c) => [c.worker, c.seed])).toEqual([
      [0, 4],
      [2, 5],
    ]);
    w.call(4).finish();
    w.call(5).finish();
    expect((await q).map((r) => r.seed)).toEqual([4, 5]);
  });
});

describe('Scheduler: a worker that dies', () => {
  it("under 'replace' rejects the batch it ran with the worker's error; a fresh worker takes the slot", async () => {
    const w = new Workers();
    const { s } = scheduler(w, { size: 1 });
    const a = outcome(s.run('a', [1, 2]));
    const b = s.run('b', [10]);
    await settle();
    w.kill.get(0)!(new Error('worker crashed'));
    await settle();
    expect(a.error).toEqual(new Error('worker crashed'));
    expect(w.terminated).toEqual([0]);
    expect(w.calls.map((c) => [c.worker, c.seed])).toEqual([
      [0, 1],
      [1, 10],
    ]);
    w.call(10).finish();
    expect(await b).toEqual([fakeRun(10)]);
    w.kill.get(0)!(new Error('late report')); // a dead worker's second report is ignored
    const c = outcome(s.run('c', [5]));
    await settle();
    expect(w.call(5).worker).toBe(1);
    w.call(5).finish();
    await settle();
    expect(c.value).toEqual([fakeRun(5)]);
  });

  it("under 'replace' an idle worker that dies is dropped quietly and replaced when next needed", async () => {
    const w = new Workers();
    const { s } = scheduler(w, { size: 1 });
    s.warm();
    w.kill.get(0)!(new Error('gone'));
    expect(s.load.workers).toBe(0);
    const p = s.run('text', [1]);
    await settle();
    w.call(1).finish();
    expect(await p).toEqual([fakeRun(1)]);
    expect(w.started).toBe(2);
  });

  it("under 'break' rejects everything in flight or queued, and every later call, with the worker's error", async () => {
    const w = new Workers();
    const { s } = scheduler(w, { onWorkerDeath: 'break', onCancelRunning: 'finish' });
    const a = outcome(s.run('a', [1, 2]));
    const b = outcome(s.run('b', [10]));
    await settle();
    const death = new Error('simulation worker exited unexpectedly (code 3)');
    w.kill.get(1)!(death);
    await settle();
    expect(a.error).toBe(death);
    expect(b.error).toBe(death);
    await expect(s.run('c', [1])).rejects.toBe(death);
    expect(w.seedsStarted).toEqual([1, 2]);
  });

  it("under 'break' an idle worker's death breaks the pool too", async () => {
    const w = new Workers();
    const { s } = scheduler(w, { onWorkerDeath: 'break' });
    s.warm();
    w.kill.get(0)!(new Error('cannot load'));
    await expect(s.run('text', [1])).rejects.toThrow('cannot load');
  });

  it('a worker that cannot start counts as one that died running the task', async () => {
    const w = new Workers();
    const { s } = scheduler(w);
    w.startError = new Error('no Worker here');
    await expect(s.run('text', [1])).rejects.toThrow('no Worker here');
    w.startError = null;
    const p = s.run('text', [2]);
    await settle();
    w.call(2).finish();
    expect(await p).toEqual([fakeRun(2)]);
  });
});

describe('Scheduler: cancellation and closing', () => {
  it('an aborted signal rejects with its reason: queued replications never start, running ones are stopped', async () => {
    const w = new Workers();
    const { s } = scheduler(w);
    const ac = new AbortController();
    const p = outcome(s.run('text', [1, 2, 3, 4, 5], { signal: ac.signal }));
    await settle();
    const reason = new Error('stop');
    ac.abort(reason);
    await settle();
    expect(p.error).toBe(reason);
    expect(w.seedsStarted).toEqual([1, 2]);
    expect(w.terminated).toEqual([0, 1]);
    expect(s.load).toEqual({ running: 0, queued: 0, workers: 0 });
  });

  it('a signal aborted before the call rejects at once and starts nothing', async () => {
    const w = new Workers();
    const { s } = scheduler(w);
    const ac = new AbortController();
    ac.abort(new Error('already'));
    await expect(s.run('text', [1], { signal: ac.signal })).rejects.toThrow('already');
    expect(w.started).toBe(0);
  });

  it('removes its abort listener once the batch settles', async () => {
    const w = new Workers();
    const { s } = scheduler(w);
    const ac = new AbortController();
    const remove = vi.spyOn(ac.signal, 'removeEventListener');
    const p = s.run('text', [1], { signal: ac.signal });
    await settle();
    w.call(1).finish();
    await p;
    expect(remove).toHaveBeenCalledWith('abort', expect.any(Function));
    ac.abort(); // a later abort touches nothing
    expect(s.load).toEqual({ running: 0, queued: 0, workers: 1 });
  });

  it('cancelAll rejects every batch, queued and running, with the reason; the scheduler keeps working', async () => {
    const w = new Workers();
    const { s } = scheduler(w, { size: 1 });
    const a = outcome(s.run('a', [1]));
    const b = outcome(s.run('b', [2]));
    await settle();
    s.cancelAll();
    await settle();
    expect(a.error).toEqual(new Error('cancelled'));
    expect(b.error).toEqual(new Error('cancelled'));
    expect(w.seedsStarted).toEqual([1]);
    const p = s.run('c', [3]);
    await settle();
    w.call(3).finish();
    expect(await p).toEqual([fakeRun(3)]);
  });

  it('close rejects everything with its reason, stops every worker, and later calls reject', async () => {
    const w = new Workers();
    const { s } = scheduler(w, { onWorkerDeath: 'break', onCancelRunning: 'finish' });
    const a = outcome(s.run('a', [1, 2, 3]));
    await settle();
    await s.close(new Error('pool closed'));
    expect(a.error).toEqual(new Error('pool closed'));
    expect(w.terminated.sort()).toEqual([0, 1]);
    w.kill.get(0)!(new Error('exit after terminate')); // not a death: ignored
    await expect(s.run('text', [1])).rejects.toThrow('closed');
    expect(w.seedsStarted).toEqual([1, 2]);
  });
});
