import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createSimService } from '../analysis/service.ts';
import { createBrowserPool, type SlotFactory } from '../client/pool.ts';
import { changedOverrides, createDecisions } from './decisions.ts';
import { createExperiments } from './experiments.ts';
import { createStore, initialState, type DeltaOverlay } from './store.ts';
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
  const store = createStore({ ...initialState('zh-CN'), scenarioText: text, scenarioId: 'baseline-weekday', seed: 3 });
  const loads: { text: string; source: string; label: string; seed?: number }[] = [];
  const ctl = {
    store,
    setDelta: (delta: DeltaOverlay | null) => store.setState({ delta }),
    setColorBy: (colorBy: 'delta') => store.setState({ colorBy }),
    setView: (view: 'experiments') => store.setState({ view }),
    loadText: (t: string, source: string, label: string, seed?: number) => {
      loads.push({ text: t, source, label, seed });
      store.setState({ scenarioText: t });
      return Promise.resolve(true);
    },
  } as unknown as Controller;
  const exp = createExperiments(ctl, createBrowserPool({ size: 2, slotFactory: slots }));
  const dec = createDecisions(ctl, exp);
  return { store, exp, dec, loads };
}

describe('decisions controller', () => {
  it('diagnose: the limits over the replications finished so far, then over all, and colours the city by one', async () => {
    const { dec, exp, store } = setup();
    const done: number[] = [];
    dec.store.subscribe(() => done.push(dec.store.getState().diagnose.done));
    await dec.runDiagnose({ seed: 1, replications: 3 });
    const job = dec.store.getState().diagnose;
    expect(job).toMatchObject({ status: 'done', done: 3, total: 3, scenarioId: 'baseline-weekday' });
    expect(job.diagnosis!.replications).toBe(3);
    expect(done).toContain(1);
    const d = job.diagnosis!;
    expect(d.late).toBeGreaterThan(0);
    store.setState({ layout: { gridIds: d.limits[0].grids } as never });
    dec.colour('all', { zh: '全部', en: 'all' });
    expect(store.getState().colorBy).toBe('delta');
    expect(store.getState().delta!.late).toMatchObject({ source: 'experiments', key: 'all', replications: 3 });
    // a new diagnosis recolours what is on screen
    await dec.runDiagnose({ seed: 5, replications: 2 });
    expect(store.getState().delta!.late).toMatchObject({ source: 'experiments', key: 'all', replications: 2 });
    dec.colour(null);
    expect(store.getState().delta).toBeNull();
    exp.dispose();
  });

  it('optimise: progress per evaluation, a plan per shift; applying loads the live run with only the changed staff', async () => {
    const { dec, exp, store, loads } = setup();
    const seen: string[] = [];
    dec.store.subscribe(() => {
      const p = dec.store.getState().optimise.progress;
      if (p) seen.push(`${p.evaluation}/${p.budget} ${p.phase}`);
    });
    await dec.runOptimise({
      seed: 1,
      replications: 2,
      criterion: 'coverage',
      target: 0.95,
      confidence: 0.9,
      teams: ['grid-workers'],
      minStaff: {},
      maxStaff: {},
      budgetEvaluations: 3,
    });
    const job = dec.store.getState().optimise;
    expect(job.status).toBe('done');
    const r = job.result!;
    expect(r.evaluations).toBeLessThanOrEqual(3);
    expect(seen[0]).toBe('1/3 current');
    expect(seen).toContain(`${r.evaluations}/3 verify`);
    expect(job.steps.length).toBe(r.evaluations);
    expect(r.shifts.every((s) => s.team === 'grid-workers')).toBe(true);
    const changes = changedOverrides(r);
    expect(dec.planChanges()).toEqual(changes);
    for (const [p, v] of Object.entries(changes)) expect(r.shifts.find((s) => s.path === p)!.current).not.toBe(v);
    expect(Object.keys(changes).length).toBeGreaterThan(0); // the search raised a shift
    expect(dec.canCompare()).toBe(true);
    expect(await dec.applyPlan()).toBe(true);
    expect(loads).toHaveLength(1);
    expect(loads[0]).toMatchObject({ source: 'edited', label: 'baseline-weekday', seed: 3 });
    const applied = JSON.parse(loads[0].text) as { teams: { id: string; shifts: { staff: number }[] }[] };
    for (const [p, v] of Object.entries(changes)) {
      const [, team, , i] = p.split('.');
      expect(applied.teams.find((x) => x.id === team)!.shifts[Number(i)].staff).toBe(v);
    }
    expect(dec.store.getState().optimise.applied).toBe(true);
    // the live scenario is now the plan: no A/B against it
    expect(store.getState().scenarioText).toBe(loads[0].text);
    expect(dec.canCompare()).toBe(false);
    exp.dispose();
  });

  it('comparePlan opens the A/B comparison with B = the plan; cancelling an optimisation marks it cancelled', async () => {
    const { dec, exp } = setup();
    dec.store.setState({
      optimise: {
        ...dec.store.getState().optimise,
        scenarioText: text,
        seed: 1,
        request: { replications: 2 } as never,
        result: {
          shifts: [{ path: 'teams.grid-workers.shifts.0.staff', current: 2 }],
          plan: { overrides: { 'teams.grid-workers.shifts.0.staff': 3 } },
        } as never,
      },
    });
    expect(dec.comparePlan()).toBe(true);
    expect(exp.store.getState().tab).toBe('compare');
    expect(exp.store.getState().comparison).toMatchObject({
      status: 'running',
      overrides: { 'teams.grid-workers.shifts.0.staff': 3 },
    });
    exp.cancel('comparison');

    const p = dec.runOptimise({
      seed: 1,
      replications: 2,
      criterion: 'coverage',
      target: 0.8,
      confidence: 0.9,
      teams: ['grid-workers'],
      minStaff: {},
      maxStaff: {},
      budgetEvaluations: 4,
    });
    dec.cancel('optimise');
    await p;
    expect(dec.store.getState().optimise.status).toBe('cancelled');
    exp.dispose();
  });

  it('a queue limit opens the cheapest-plan form for its team, once, and only for the scenario it was asked on', () => {
    const { dec, exp, store } = setup();
    dec.draftOptimise(['drainage-crew']);
    expect(store.getState().view).toBe('experiments');
    expect(exp.store.getState().tab).toBe('optimise');
    expect(dec.takeDraft()).toEqual(['drainage-crew']);
    expect(dec.takeDraft()).toBeNull();
    dec.draftOptimise(['x']);
    store.setState({ scenarioText: '{}' });
    expect(dec.takeDraft()).toBeNull();
    exp.dispose();
  });
});
