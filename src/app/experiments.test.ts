import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createSimService } from '../analysis/service.ts';
import { createBrowserPool, type SlotFactory } from '../client/pool.ts';
import { createExperiments } from './experiments.ts';
import { createStore, initialState } from './store.ts';
import type { Controller } from './controller.ts';

const text = readFileSync(new URL('../../scenarios/baseline-weekday.json', import.meta.url), 'utf8');
const service = createSimService();
/** Workers in-process: each replication a macrotask later, shortened to six hours. */
const slots: SlotFactory = () => ({
  runReplication: (t, seed, o) =>
    new Promise((resolve, reject) =>
      setTimeout(() => {
        try {
          resolve(service.runReplication(t, seed, { ...o, days: 0.25 }));
        } catch (e) {
          reject(e);
        }
      }, 0),
    ),
  died: new Promise<never>(() => undefined),
  terminate: () => undefined,
});

function setup() {
  const store = createStore({ ...initialState('zh-CN'), scenarioText: text, scenarioId: 'baseline-weekday' });
  const ctl = {
    store,
    setDelta: (delta: unknown) => store.setState({ delta: delta as never }),
    setColorBy: (colorBy: 'delta') => store.setState({ colorBy }),
  } as unknown as Controller;
  const exp = createExperiments(ctl, createBrowserPool({ size: 2, slotFactory: slots }));
  return { store, exp };
}

describe('experiments controller', () => {
  it('replications: estimates after every replication, the intervals narrowing in history', async () => {
    const { exp } = setup();
    const seen: number[] = [];
    exp.store.subscribe(() => seen.push(exp.store.getState().replications.done));
    await exp.runReplications({ seed: 3, replications: 4, log: true });
    const job = exp.store.getState().replications;
    expect(job).toMatchObject({ status: 'done', done: 4, total: 4, scenarioId: 'baseline-weekday' });
    expect(job.history.length).toBe(4);
    expect(job.history[0].slaAttainment.ci95).toBeNull();
    expect(job.summary!.slaAttainment.n).toBe(4);
    expect(new Set(seen)).toEqual(new Set([0, 1, 2, 3, 4]));
    expect(exp.last.replications!.results.map((r) => r.seed)).toEqual([3, 4, 5, 6]);
    expect(exp.last.replications!.results[0].log!.length).toBeGreaterThan(0);
    exp.dispose();
  });

  it('comparison: pairs complete early, the final comparison pairs every replication, and it colours the grids', async () => {
    const { exp, store } = setup();
    const pairs: number[] = [];
    exp.store.subscribe(() => pairs.push(exp.store.getState().comparison.pairs));
    await exp.runComparison({
      seed: 1,
      replications: 3,
      overrides: { 'teams.grid-workers.shifts.0.staff': 3 },
      mode: 'crn',
      log: false,
    });
    const job = exp.store.getState().comparison;
    expect(job.status).toBe('done');
    expect(job.comparison!.replications).toBe(3);
    expect(job.comparison!.kpis.casesArrived.diff.mean).toBe(0); // common random numbers
    expect(pairs).toContain(1);
    expect(job.headcount!.a.peakOnDuty).toBe(122);
    expect(job.headcount!.b.byTeam.find((t) => t.id === 'grid-workers')!.peakOnDuty).toBe(144); // 3 per grid on the day shift
    expect(exp.last.comparison!.headcount).toBe(job.headcount);
    store.setState({
      layout: { gridIds: job.comparison!.byGrid.sameGrids ? job.comparison!.byGrid.grids : [] } as never,
    });
    expect(exp.showDelta()).toBe(true);
    expect(store.getState().colorBy).toBe('delta');
    expect(store.getState().delta!.values.length).toBeGreaterThan(0);
    exp.dispose();
  });

  it("sweep: base overrides at every point (holdHeadcount), parameters named in words, each point's headcount", async () => {
    const { exp } = setup();
    await exp.runSweep({
      seed: 1,
      replications: 1,
      params: [{ path: 'city.gridSize', values: [5, 10] }],
      baseOverrides: { holdHeadcount: true },
    });
    const job = exp.store.getState().sweep;
    expect(job.status).toBe('done');
    expect(job.labels['city.gridSize']).toEqual({ zh: '网格大小', en: 'Grid size' });
    expect(job.labels.holdHeadcount.en).toBe('Hold headcount');
    expect(job.points.map((p) => p.overrides)).toEqual([
      { holdHeadcount: true, 'city.gridSize': 5 },
      { holdHeadcount: true, 'city.gridSize': 10 },
    ]);
    expect(job.points.map((p) => p.headcount!.peakOnDuty)).toEqual([122, 122]);
    expect(job.points[1].headcount!.grids).toBe(12);
    expect(job.baseHeadcount!.byHour).toEqual(job.points[1].headcount!.byHour);
    exp.dispose();
  });

  it('an invalid override fails the job with its path, bilingually; cancelling marks the job cancelled', async () => {
    const { exp } = setup();
    await exp.runComparison({ seed: 1, replications: 2, overrides: { 'city.gridSize': 7 }, mode: 'crn', log: false });
    const job = exp.store.getState().comparison;
    expect(job.status).toBe('error');
    expect(job.error!.errors!.map((e) => e.path)).toContain('$.city.gridSize');

    const p = exp.runReplications({ seed: 1, replications: 6, log: false });
    exp.cancel('replications');
    await p;
    expect(exp.store.getState().replications.status).toBe('cancelled');
    expect(exp.last.replications).toBeNull();
    exp.dispose();
  });

  it('a newer job of a kind supersedes the running one: the older never shows its results, its failure or its end', async () => {
    const { exp } = setup();
    const older = exp.runReplications({ seed: 1, replications: 4, log: false });
    const newer = exp.runReplications({ seed: 10, replications: 2, log: false });
    await older; // ends (cancelled by the newer) while the newer still runs
    expect(exp.store.getState().replications).toMatchObject({ status: 'running', seed: 10, total: 2 });
    await newer;
    const job = exp.store.getState().replications;
    expect(job).toMatchObject({ status: 'done', seed: 10, done: 2, total: 2, error: null });
    expect(exp.last.replications!.results.map((r) => r.seed)).toEqual([10, 11]);
    exp.dispose();
  });

  it('a comparison that ends while the grids are coloured by its difference recolours them with the new one', async () => {
    const { exp, store } = setup();
    const req = {
      seed: 1,
      replications: 2,
      overrides: { 'teams.grid-workers.shifts.0.staff': 3 },
      mode: 'crn',
    } as const;
    await exp.runComparison({ ...req, log: false });
    const byGrid = exp.store.getState().comparison.comparison!.byGrid;
    if (!byGrid.sameGrids) throw new Error('expected the same grids in A and B');
    const grids = byGrid.grids;
    store.setState({ layout: { gridIds: grids } as never, colorBy: 'delta', delta: null });
    await exp.runComparison({ ...req, seed: 2, log: false });
    expect(exp.store.getState().comparison.status).toBe('done');
    expect(store.getState().delta!.values.length).toBe(grids.length);
    exp.dispose();
  });
});
