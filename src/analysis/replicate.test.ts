import { describe, expect, it } from 'vitest';
import { aggregate } from './aggregate.ts';
import { fakeRun } from './fakeRun.ts';
import { halfWidth, replicateUntil, type ReplicateProgress } from './replicate.ts';
import type { Runner } from './runner.ts';

/** A runner over fakeRun that records the seed batches it was asked for. */
function fakeRunner(batches: number[][]): Runner {
  return async (_text, seeds) => {
    batches.push(seeds.slice());
    return seeds.map((s) => fakeRun(s));
  };
}

describe('replicateUntil', () => {
  it('runs batches of consecutive seeds until every half-width is under its target', async () => {
    const batches: number[][] = [];
    const progress: ReplicateProgress[] = [];
    const r = await replicateUntil(fakeRunner(batches), '{}', {
      seed: 100,
      batchSize: 4,
      minReplications: 4,
      maxReplications: 200,
      targets: { meanWaitS: 40, coverageIndex: { relative: 0.03 } },
      onProgress: (p) => progress.push(p),
    });
    expect(r.converged).toBe(true);
    expect(batches[0]).toEqual([100, 101, 102, 103]);
    expect(batches.flat()).toEqual(Array.from({ length: r.replications }, (_, i) => 100 + i));
    expect(r.results.map((x) => x.seed)).toEqual(batches.flat());
    for (const t of r.targets) expect(t.met).toBe(true);
    expect(halfWidth(r.aggregate.summary.meanWaitS)!).toBeLessThanOrEqual(40);
    expect(halfWidth(r.aggregate.summary.coverageIndex)!).toBeLessThanOrEqual(
      0.03 * r.aggregate.summary.coverageIndex.mean!,
    );
    // It did not stop one batch too late: before the last batch some target was still missed.
    expect(progress.at(-2)!.targets.some((t) => !t.met)).toBe(true);
    // Progress after every batch, intervals narrowing, the last one marked done.
    expect(progress.map((p) => p.replications)).toEqual(batches.map((_, i) => 4 * (i + 1)));
    expect(progress.at(-1)!.done).toBe(true);
    expect(progress.slice(0, -1).every((p) => !p.done)).toBe(true);
    expect(halfWidth(progress.at(-1)!.summary.meanWaitS)!).toBeLessThan(halfWidth(progress[0].summary.meanWaitS)!);
    // The same answer as aggregating those seeds directly.
    expect(JSON.stringify(r.aggregate)).toBe(JSON.stringify(aggregate(batches.flat().map((s) => fakeRun(s)))));
  });

  it('stops at the maximum when a target cannot be met', async () => {
    const batches: number[][] = [];
    const r = await replicateUntil(fakeRunner(batches), '{}', {
      seed: 1,
      batchSize: 3,
      maxReplications: 7,
      targets: { meanWaitS: 1e-6 },
    });
    expect(r.converged).toBe(false);
    expect(r.replications).toBe(7);
    expect(batches.map((b) => b.length)).toEqual([5, 2]); // min 5 first, then what is left to the maximum
    expect(r.targets[0]).toMatchObject({ kpi: 'meanWaitS', met: false });
  });

  it('never stops before minReplications, even with a zero-width interval', async () => {
    const r = await replicateUntil(fakeRunner([]), '{}', {
      seed: 1,
      batchSize: 1,
      minReplications: 6,
      targets: { staffHours: 1 },
    });
    expect(r.replications).toBe(6); // staffHours is constant in fakeRun: met at once, but not before 6
    expect(r.converged).toBe(true);
  });

  it('rejects empty or non-positive targets', async () => {
    await expect(replicateUntil(fakeRunner([]), '{}', { seed: 1, targets: {} })).rejects.toThrow(RangeError);
    await expect(replicateUntil(fakeRunner([]), '{}', { seed: 1, targets: { meanWaitS: 0 } })).rejects.toThrow(
      RangeError,
    );
  });
});
