import { describe, expect, it } from 'vitest';
import { NodePool, runReplications } from './pool.ts';
import { fakeRun } from './fakeRun.ts';

const service = new URL('./testdata/fake.node-service.ts', import.meta.url).href;

describe('runReplications (fake service on real worker_threads)', () => {
  it('returns results in replication order with seed + r, whatever the completion order', async () => {
    // Early replications are slowest, so they finish last.
    const control = JSON.stringify({ delayMs: { 10: 300, 11: 200, 12: 100 } });
    const progress: number[] = [];
    const results = await runReplications(control, {
      seed: 10,
      replications: 5,
      workers: 3,
      workerData: { service },
      onProgress: (d) => progress.push(d),
    });
    expect(results.map((r) => r.seed)).toEqual([10, 11, 12, 13, 14]);
    expect(results).toEqual([10, 11, 12, 13, 14].map((s) => fakeRun(s)));
    expect(progress).toEqual([1, 2, 3, 4, 5]);
  });

  it('passes days and log through', async () => {
    const results = await runReplications('{}', {
      seed: 1,
      replications: 2,
      days: 3,
      log: true,
      workerData: { service },
    });
    expect(results).toEqual([fakeRun(1, { days: 3, log: true }), fakeRun(2, { days: 3, log: true })]);
  });

  it('rejects when the worker cannot load its service', async () => {
    await expect(
      runReplications('{}', {
        seed: 1,
        replications: 1,
        workerData: { service: new URL('./testdata/missing.ts', import.meta.url).href },
      }),
    ).rejects.toThrow(/Cannot find module .*missing\.ts/);
  });

  it('validates the replication count', async () => {
    await expect(runReplications('{}', { seed: 1, replications: 0 })).rejects.toThrow(RangeError);
  });
});

// The scheduling rules (batches sharing workers, failures, cancellation, death policies) are
// tested once in scheduler.test.ts; these check the worker_threads side: starting a worker from
// its URL, calling it through comlink, hearing it die, stopping it.
describe('NodePool (persistent workers, fake service)', () => {
  it('runs batches of arbitrary seeds on the worker URL given, each in seed order, and reuses its workers', async () => {
    const pool = new NodePool({
      workers: 2,
      workerUrl: new URL('../../workers/sim.node-worker.mjs', import.meta.url),
      workerData: { service },
    });
    try {
      expect(pool.size).toBe(2);
      const [a, b] = await Promise.all([
        pool.run(JSON.stringify({ delayMs: { 7: 150 } }), [7, 3, 9]),
        pool.run('{}', [100, 101], { days: 2 }),
      ]);
      expect(a).toEqual([fakeRun(7), fakeRun(3), fakeRun(9)]);
      expect(b).toEqual([fakeRun(100, { days: 2 }), fakeRun(101, { days: 2 })]);
      await expect(pool.run(JSON.stringify({ failSeed: 2 }), [1, 2])).rejects.toThrow('fake failure at seed 2');
      expect(await pool.run('{}', [5])).toEqual([fakeRun(5)]);
    } finally {
      await pool.close();
    }
    await expect(pool.run('{}', [1])).rejects.toThrow('NodePool is closed');
  });

  it('breaks when a worker exits: in-flight and later batches reject', async () => {
    const pool = new NodePool({ workers: 2, workerData: { service } });
    try {
      await expect(pool.run(JSON.stringify({ exitSeed: 2 }), [1, 2, 3])).rejects.toThrow(/exited unexpectedly/);
      await expect(pool.run('{}', [1])).rejects.toThrow(/exited unexpectedly/);
    } finally {
      await pool.close();
    }
  });

  it('close() rejects the batches still running with "NodePool closed"', async () => {
    const pool = new NodePool({ workers: 1, workerData: { service } });
    const rejected = expect(pool.run(JSON.stringify({ delayMs: { 1: 200 } }), [1, 2])).rejects.toThrow(
      'NodePool closed',
    );
    await pool.close();
    await rejected;
  });
});
