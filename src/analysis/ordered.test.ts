import { describe, expect, it } from 'vitest';
import { fakeRun } from './fakeRun.ts';
import { runInOrder } from './ordered.ts';
import { consecutiveSeeds, type Runner } from './runner.ts';

/** A runner whose replications finish out of order (a delay from the seed), counting how many are alive at once. */
function scrambledRunner(delayMs: (seed: number) => number) {
  const stats = { running: 0, peakRunning: 0, calls: 0 };
  const run: Runner = async (_text, seeds, opts = {}) => {
    stats.calls++;
    stats.running++;
    stats.peakRunning = Math.max(stats.peakRunning, stats.running);
    await new Promise((r) => setTimeout(r, delayMs(seeds[0])));
    stats.running--;
    return seeds.map((s) => fakeRun(s, { log: opts.log }));
  };
  return { run, stats };
}

describe('runInOrder', () => {
  it('consumes in seed order whatever order replications finish in, with at most `window` alive', async () => {
    const { run, stats } = scrambledRunner((s) => ((s * 7919) % 13) + (s % 5 === 0 ? 25 : 0));
    const order: number[] = [];
    const seeds = consecutiveSeeds(100, 40);
    const { results, peakHeld } = await runInOrder(run, 'x', seeds, {
      log: true,
      window: 3,
      consume: (i, r) => {
        order.push(i);
        expect(r.seed).toBe(100 + i);
        expect(r.log).toHaveLength(1);
      },
    });
    expect(order).toEqual(Array.from({ length: 40 }, (_, i) => i));
    expect(stats.calls).toBe(40); // one batch of one seed per replication
    expect(peakHeld).toBeLessThanOrEqual(3);
    expect(peakHeld).toBe(3);
    expect(stats.peakRunning).toBeLessThanOrEqual(3);
    expect(results.map((r) => r.seed)).toEqual(seeds);
    // logs are dropped once consumed: what is returned is small
    expect(results.every((r) => !('log' in r))).toBe(true);
    expect(results[5].kpis).toEqual(fakeRun(105).kpis);
  });

  it('waits for an async consume before the next, and keeps logs when asked', async () => {
    const { run } = scrambledRunner((s) => (s % 3) * 3);
    const events: string[] = [];
    const { results } = await runInOrder(run, 'x', [1, 2, 3, 4], {
      log: true,
      window: 2,
      keepLogs: true,
      consume: async (i) => {
        events.push(`start ${i}`);
        await new Promise((r) => setTimeout(r, 5));
        events.push(`end ${i}`);
      },
    });
    expect(events).toEqual(['start 0', 'end 0', 'start 1', 'end 1', 'start 2', 'end 2', 'start 3', 'end 3']);
    expect(results.every((r) => r.log?.length === 1)).toBe(true);
  });

  it('rejects with the first failure (a replication or consume) and starts nothing after it', async () => {
    const { run, stats } = scrambledRunner(() => 1);
    const failing: Runner = (text, seeds, opts) =>
      seeds[0] === 3 ? Promise.reject(new Error('seed 3 failed')) : run(text, seeds, opts);
    await expect(runInOrder(failing, 'x', consecutiveSeeds(1, 20), { window: 2 })).rejects.toThrow('seed 3 failed');
    expect(stats.calls).toBeLessThan(6);
    await expect(
      runInOrder(run, 'x', consecutiveSeeds(1, 5), {
        consume: (i) => {
          if (i === 1) throw new Error('disk full');
        },
      }),
    ).rejects.toThrow('disk full');
  });

  it('handles no seeds and reports progress in completion order', async () => {
    const { run } = scrambledRunner(() => 0);
    expect((await runInOrder(run, 'x', [])).results).toEqual([]);
    const done: number[] = [];
    await runInOrder(run, 'x', [1, 2, 3], {
      onFinished: (d, t) => {
        expect(t).toBe(3);
        done.push(d);
      },
    });
    expect(done).toEqual([1, 2, 3]);
  });
});
