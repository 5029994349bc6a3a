import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { aggregate } from './aggregate.ts';
import { runReplications } from './pool.ts';
import { createSimService } from './service.ts';

const mmcText = readFileSync(new URL('../../scenarios/validation-mmc.json', import.meta.url), 'utf8');

/** Aggregate as JSON with wall-clock time removed (the only field allowed to differ). */
function summaryJson(results: ReturnType<ReturnType<typeof createSimService>['runReplication']>[]): string {
  const a = aggregate(results);
  return JSON.stringify({ ...a, perf: { events: a.perf.events } });
}

describe('simulation service', () => {
  it('runs one replication and fills in wall time', () => {
    const r = createSimService().runReplication(mmcText, 5, { days: 1 });
    expect(r.seed).toBe(5);
    expect(r.kpis.casesArrived).toBeGreaterThan(0);
    expect(r.perf.wallS).toBeGreaterThan(0);
  });

  it('throws a bilingual InvalidScenarioError for an invalid scenario', () => {
    const service = createSimService();
    expect(() => service.runReplication('{ not json', 1)).toThrow(
      expect.objectContaining({ name: 'InvalidScenarioError' }),
    );
    try {
      service.runReplication(JSON.stringify({ schemaVersion: 2, id: 'x' }), 1);
      expect.unreachable();
    } catch (err) {
      expect((err as Error).name).toBe('InvalidScenarioError');
      expect((err as Error).message).toMatch(/[\u4e00-\u9fff]/);
      expect((err as Error).message).toMatch(/\$/);
    }
  });

  it('gives byte-identical summaries inline and on worker threads', async () => {
    const service = createSimService();
    const inline = [0, 1, 2].map((r) => service.runReplication(mmcText, 100 + r, { days: 1 }));
    const pooled = await runReplications(mmcText, { seed: 100, replications: 3, days: 1, workers: 2 });
    expect(summaryJson(pooled)).toBe(summaryJson(inline));
    // and with a single replication, the same for one worker and inline
    const single = await runReplications(mmcText, { seed: 100, replications: 1, days: 1 });
    expect(summaryJson(single)).toBe(summaryJson(inline.slice(0, 1)));
  });

  it('carries the worker-side scenario error message across comlink', async () => {
    await expect(runReplications('{ not json', { seed: 1, replications: 1 })).rejects.toThrow(/[\u4e00-\u9fff]/);
  });
});
