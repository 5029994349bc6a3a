import { describe, expect, it } from 'vitest';
import { firstValueFrom, toArray } from 'rxjs';
import type { RunResult } from '../sim/result.ts';
import { createSimService } from '../analysis/service.ts';
import { consecutiveSeeds } from '../analysis/runner.ts';
import { createBrowserPool, type SimSlot, type SlotFactory } from './pool.ts';

/** A fake worker: answers after `delayMs(seed)` with a tiny result; records what it ran. */
function fakeFactory(
  delayMs: (seed: number) => number,
  log: { started: number[]; terminated: number; created: number },
): SlotFactory {
  return () => {
    log.created++;
    let reject: (e: unknown) => void = () => undefined;
    const died = new Promise<never>((_, r) => {
      reject = r;
    });
    died.catch(() => undefined);
    const slot: SimSlot = {
      runReplication(text, seed) {
        log.started.push(seed);
        if (text === 'bad') return Promise.reject(new Error('invalid scenario'));
        if (text === 'crash') {
          setTimeout(() => reject(new Error('worker crashed')), 1);
          return new Promise(() => undefined);
        }
        return new Promise((resolve) => setTimeout(() => resolve({ seed } as unknown as RunResult), delayMs(seed)));
      },
      died,
      terminate() {
        log.terminated++;
        reject(new Error('terminated'));
      },
    };
    return slot;
  };
}

const newLog = () => ({ started: [] as number[], terminated: 0, created: 0 });

describe('browser worker pool', () => {
  it('returns results in seed order whatever order they finish in, reporting each as it finishes', async () => {
    const log = newLog();
    const pool = createBrowserPool({ size: 3, slotFactory: fakeFactory((s) => (10 - s) * 3, log) });
    const finished: number[] = [];
    const seen: number[] = [];
    const sub = pool.results$.subscribe((e) => seen.push(e.seed));
    const rs = await pool.run('ok', [1, 2, 3, 4, 5, 6], { onResult: (i) => finished.push(i) });
    expect(rs.map((r) => r.seed)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(finished.slice().sort()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(finished).not.toEqual([0, 1, 2, 3, 4, 5]); // later seeds were faster
    expect(seen.slice().sort()).toEqual([1, 2, 3, 4, 5, 6]);
    expect(log.created).toBe(3); // never more workers than the pool size, reused between replications
    sub.unsubscribe();
    pool.dispose();
    expect(log.terminated).toBe(3);
  });

  it('starts only as many workers as a batch can use', async () => {
    const log = newLog();
    const pool = createBrowserPool({ size: 8, slotFactory: fakeFactory(() => 1, log) });
    await pool.run('ok', [1, 2]);
    expect(log.created).toBe(2);
    pool.dispose();
  });

  it('cancels: queued replications never start, running ones are stopped, the pool keeps working', async () => {
    const log = newLog();
    const pool = createBrowserPool({ size: 2, slotFactory: fakeFactory(() => 40, log) });
    const ac = new AbortController();
    const p = pool.run('ok', [1, 2, 3, 4, 5], { signal: ac.signal });
    await new Promise((r) => setTimeout(r, 5));
    ac.abort();
    await expect(p).rejects.toMatchObject({ name: 'AbortError' }); // the signal's reason: cancelled, not a worker failure
    expect(log.started).toEqual([1, 2]);
    expect(log.terminated).toBe(2);
    expect(pool.load$.getValue()).toMatchObject({ running: 0, queued: 0 });
    const rs = await pool.run('ok', [7, 8]);
    expect(rs.map((r) => r.seed)).toEqual([7, 8]);
    pool.dispose();
  });

  it('replications$ emits each replication and unsubscribing cancels the batch', async () => {
    const log = newLog();
    const pool = createBrowserPool({ size: 2, slotFactory: fakeFactory((s) => s, log) });
    const all = await firstValueFrom(pool.replications$('ok', [3, 1, 2]).pipe(toArray()));
    expect(all.map((e) => e.done)).toEqual([1, 2, 3]);
    expect(all.map((e) => e.seed).sort()).toEqual([1, 2, 3]);
    expect(all.every((e) => e.total === 3)).toBe(true);

    const sub = pool.replications$('ok', [10, 11, 12, 13]).subscribe();
    await new Promise((r) => setTimeout(r, 2));
    sub.unsubscribe();
    expect(pool.load$.getValue()).toMatchObject({ running: 0, queued: 0 });
    pool.dispose();
  });

  it('a failing replication rejects its batch; a dead worker is replaced', async () => {
    const log = newLog();
    const pool = createBrowserPool({ size: 1, slotFactory: fakeFactory(() => 1, log) });
    await expect(pool.run('bad', [1])).rejects.toThrow('invalid scenario');
    await expect(pool.run('crash', [1])).rejects.toThrow('worker crashed');
    const before = log.created;
    const rs = await pool.run('ok', [5]);
    expect(rs[0].seed).toBe(5);
    expect(log.created).toBe(before + 1);
    pool.dispose();
    await expect(pool.run('ok', [1])).rejects.toThrow(/disposed/);
  });

  it('runs the real simulation service with the same numbers as inline, in seed order', async () => {
    const service = createSimService();
    const factory: SlotFactory = () => ({
      runReplication: async (text, seed, opts) => service.runReplication(text, seed, opts),
      died: new Promise<never>(() => undefined),
      terminate: () => undefined,
    });
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(new URL('../../scenarios/validation-mmc.json', import.meta.url), 'utf8');
    const pool = createBrowserPool({ size: 2, slotFactory: factory });
    const seeds = consecutiveSeeds(11, 3);
    const rs = await pool.run(text, seeds, { days: 0.25 });
    const inline = seeds.map((s) => service.runReplication(text, s, { days: 0.25 }));
    expect(rs.map((r) => r.kpis)).toEqual(inline.map((r) => r.kpis));
    pool.dispose();
  });
});
