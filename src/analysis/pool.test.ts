import { describe, expect, it } from 'vitest';
import { runReplications } from './pool.ts';
import { fakeRun } from './fakeRun.ts';

const service = new URL('./testdata/fake.node-service.ts', import.meta.url).href;

describe('runReplications (fake service on real worker_threads)', () => {
  it('returns results in replication order with seed + r, whatever the completion order', async () => {
    // Early replications are slowest, so they finish last.
    const control = JSON.stringify({ delayMs: { 10: 300, 11: 200, 12: 100 } });
    const progress: number[] = [];
    const results = await runReplications(control, {
      seed: 10, replications: 5, workers: 3, workerData: { service }, onProgress: (d) => progress.push(d),
    });
    expect(results.map((r) => r.seed)).toEqual([10, 11, 12, 13, 14]);
    expect(results).toEqual([10, 11, 12, 13, 14].map((s) => fakeRun(s)));
    expect(progress).toEqual([1, 2, 3, 4, 5]);
  });

  it('passes days and log through', async () => {
    const results = await runReplications('{}', { seed: 1, replications: 2, days: 3, log: true, workerData: { service } });
    expect(results).toEqual([fakeRun(1, { days: 3, log: true }), fakeRun(2, { days: 3, log: true })]);
  });

  it('rejects with the worker error message', async () => {
    await expect(runReplications(JSON.stringify({ failSeed: 3 }), { seed: 1, replications: 4, workers: 2, workerData: { service } }))
      .rejects.toThrow('fake failure at seed 3');
  });

  it('rejects (does not hang) when a worker dies', async () => {
    await expect(runReplications(JSON.stringify({ exitSeed: 2 }), { seed: 1, replications: 3, workers: 2, workerData: { service } }))
      .rejects.toThrow(/exited unexpectedly/);
  });

  it('rejects when the worker cannot load its service', async () => {
    await expect(runReplications('{}', { seed: 1, replications: 1, workerData: { service: new URL('./testdata/missing.ts', import.meta.url).href } }))
      .rejects.toThrow();
  });

  it('validates the replication count', async () => {
    await expect(runReplications('{}', { seed: 1, replications: 0 })).rejects.toThrow(RangeError);
  });
});
