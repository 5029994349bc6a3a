/**
 * Comparing saved runs of every kind: sweep points and staffing counts keep
 * their per-replication values, so two of them on the same seeds compare
 * paired (other seeds: Welch, said); two diagnoses compare cause by cause,
 * hour by hour, with intervals. Real (small) runs of the M/M/c scenario on
 * the inline runner, records built as the app builds them.
 */
import { describe, expect, it } from 'vitest';
import { difference } from '../analysis/compare.ts';
import { diagnose } from '../analysis/diagnose.ts';
import { diagnosisReplications } from '../analysis/diagnosisCompare.ts';
import { createInlineRunner, consecutiveSeeds } from '../analysis/runner.ts';
import { findStaffing, type StaffingEvaluation } from '../analysis/staffing.ts';
import { sweep } from '../analysis/sweep.ts';
import { parseScenario } from '../scenario/load.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { RunResult } from '../sim/result.ts';
import { mmcScenario } from '../sim/fixtures.ts';
import type { DecisionsController, DecisionsState } from './decisions.ts';
import type { ExperimentsController, ExperimentsState, LastRuns } from './experiments.ts';
import { readSaved, type SavedExperiment } from './savedFormat.ts';
import {
  compareSavedArms,
  compareSavedDiagnoses,
  createSavedExperiments,
  memorySavedKv,
  overridesInWords,
  recordFromDecisions,
  recordFromExperiments,
} from './savedExperiments.ts';

const TEXT = JSON.stringify(mmcScenario(20, 6, 3, 0.5, 2));
const STAFF = 'teams.servers.shifts.0.staff';
const run = createInlineRunner();

/** The parts of the experiments controller a record is built from. */
function fakeExp(state: Partial<ExperimentsState>, last: Partial<LastRuns>): ExperimentsController {
  return {
    store: { getState: () => state },
    last: { replications: null, comparison: null, sweep: null, staffing: null, ...last },
  } as unknown as ExperimentsController;
}

async function sweepRecord(seed: number): Promise<SavedExperiment> {
  const params = [{ path: STAFF, values: [3, 4] }];
  const result = await sweep(run, TEXT, params, { seed, replications: 3 });
  const exp = fakeExp(
    { sweep: { scenarioId: 'mmc', labels: {}, baseOverrides: {} } as unknown as ExperimentsState['sweep'] },
    { sweep: { scenarioText: TEXT, seed, result, command: 'app: sweep' } },
  );
  return recordFromExperiments(exp, 'sweep', TEXT, 1000 + seed)!;
}

async function diagnosisRecord(seed: number, staff: number, keep = true): Promise<SavedExperiment> {
  const text = JSON.stringify(mmcScenario(20, 6, staff, 0.5, 2));
  const sc = (parseScenario(text) as { scenario: Scenario }).scenario;
  const runs: RunResult[] = await run(text, consecutiveSeeds(seed, 4));
  const diagnose_: Partial<DecisionsState['diagnose']> = {
    status: 'done',
    scenarioId: 'mmc',
    scenarioText: text,
    seed,
    done: runs.length,
    days: null,
    diagnosis: diagnose(sc, runs),
    replications: keep ? diagnosisReplications(runs) : null,
    runKpis: keep ? runs.map((r) => ({ seed: r.seed, kpis: r.kpis })) : null,
  };
  const dec = { store: { getState: () => ({ diagnose: diagnose_ }) } } as unknown as DecisionsController;
  return recordFromDecisions(dec, 'diagnose', 2000 + seed + staff)!;
}

describe('saved sweeps and staffing searches compare paired on the same seeds', () => {
  it("keeps every sweep point's per-replication KPIs, so two points (or two sweeps on the same seeds) pair", async () => {
    const s1 = await sweepRecord(1);
    expect(s1.arms.map((a) => a.key)).toEqual(['point-0', 'point-1']);
    const [p3, p4] = s1.arms;
    expect(p3.seeds).toEqual([1, 2, 3]);
    expect(p3.values?.coverageIndex).toHaveLength(3);
    // the record as read back keeps them
    const back = readSaved(structuredClone(s1));
    expect(back.ok && back.record.arms[0].values?.coverageIndex).toEqual(p3.values!.coverageIndex);

    const within = compareSavedArms(p3, p4);
    expect(within.result.method).toBe('paired');
    expect(within.note).toBeNull();
    expect(within.result.kpis.coverageIndex).toEqual(difference(p3.values!.coverageIndex!, p4.values!.coverageIndex!));

    const again = await sweepRecord(1);
    expect(compareSavedArms(p4, again.arms[1]).result.kpis.coverageIndex!.diff).toEqual({
      mean: 0,
      ci95: [0, 0],
      n: 3,
    }); // the same seeds and scenario: the same numbers, paired

    const other = await sweepRecord(11);
    const w = compareSavedArms(p3, other.arms[0]);
    expect(w.result.method).toBe('welch');
    expect([w.result.nX, w.result.nY]).toEqual([3, 3]);
  });

  it("keeps each staffing count's per-replication KPIs from the search (onEvaluation's results)", async () => {
    const evaluations: StaffingEvaluation[] = [];
    const byStaff: Record<number, Pick<RunResult, 'seed' | 'kpis'>[]> = {};
    const shift = { team: 'servers', shift: 0 };
    const plan = await findStaffing(run, TEXT, [shift], {
      seed: 1,
      replications: 3,
      target: 0.9,
      criterion: 'coverage',
      onEvaluation: (e, results) => {
        evaluations.push(e);
        if (results) byStaff[e.staff] = results.map((r) => ({ seed: r.seed, kpis: r.kpis }));
      },
    });
    expect(evaluations.length).toBeGreaterThanOrEqual(2);
    for (const e of evaluations) expect(byStaff[e.staff]?.map((r) => r.seed)).toEqual([1, 2, 3]);
    const exp = fakeExp(
      {
        staffing: {
          scenarioId: 'mmc',
          seed: 1,
          shift,
          target: 0.9,
          confidence: 0.95,
          criterion: 'coverage',
          evaluations,
          plan,
        } as unknown as ExperimentsState['staffing'],
      },
      { staffing: { byStaff } },
    );
    const rec = recordFromExperiments(exp, 'staffing', TEXT, 5000)!;
    expect(rec.arms.length).toBe(evaluations.length);
    for (const a of rec.arms) expect(a.values?.coverageIndex).toHaveLength(3);
    const c = compareSavedArms(rec.arms[0], rec.arms[rec.arms.length - 1]);
    expect(c.result.method).toBe('paired');
    expect(c.result.kpis.staffHours!.diff.mean).toBeGreaterThan(0); // more staff, more staff-hours
  });
});

describe('saved diagnoses compare', () => {
  it('keeps per-replication figures and KPI values, and reads them back', async () => {
    const d = await diagnosisRecord(1, 3);
    expect(d.result.kind).toBe('diagnose');
    expect(d.arms.map((a) => a.key)).toEqual(['main']);
    const r = readSaved(structuredClone(d));
    expect(r.ok).toBe(true);
    if (r.ok && r.record.result.kind === 'diagnose') expect(r.record.result.replications?.seeds).toEqual([1, 2, 3, 4]);
    // a damaged one is refused, said where
    const bad = structuredClone(d) as unknown as { result: { replications: { lateByHour: unknown[] } } };
    bad.result.replications.lateByHour.pop();
    const refused = readSaved(bad);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.en).toContain('$.result.replications.lateByHour');
  });

  it('two diagnoses on the same seeds: paired causes, stages and hours (more staff, fewer late in the queue)', async () => {
    const a = await diagnosisRecord(1, 3),
      b = await diagnosisRecord(1, 5);
    const c = compareSavedDiagnoses(a, b)!;
    expect(c.method).toBe('paired');
    expect([c.nA, c.nB]).toEqual([4, 4]);
    expect(c.totals.late.diff.mean!).toBeLessThan(0);
    expect(c.totals.late.diff.ci95).not.toBeNull();
    expect(c.stages.queue.late.diff.mean!).toBeLessThan(0);
    expect(c.byHour.late).toHaveLength(24);
    expect(c.byHour.attainment).toHaveLength(24);
    expect(c.limits.length).toBeGreaterThan(0);
    expect(c.limits[0].stage).toBe('queue');
    // Welch when the seeds differ
    expect(compareSavedDiagnoses(a, await diagnosisRecord(21, 5))!.method).toBe('welch');
    // not both diagnoses: no diagnosis comparison
    expect(compareSavedDiagnoses(a, await sweepRecord(1))).toBeNull();
  });

  it('the history compares two picked diagnoses: KPIs paired and the causes; an old record without replications by its means', async () => {
    const saved = createSavedExperiments(null, null, () => '', memorySavedKv());
    const a = await diagnosisRecord(1, 3),
      b = await diagnosisRecord(1, 5),
      old = await diagnosisRecord(1, 4, false);
    for (const r of [a, b, old]) await saved.save(r);
    saved.pick(a.id);
    saved.pick(b.id);
    await saved.compare();
    const view = saved.store.getState().compare!;
    expect(view.result?.method).toBe('paired');
    expect(view.diagnosis?.method).toBe('paired');
    expect(view.diagnosis?.limits[0].late.diff.ci95).not.toBeNull();

    saved.pick(old.id); // b and old now (the oldest pick gives way)
    await saved.compare();
    const v2 = saved.store.getState().compare!;
    expect(v2.result).toBeNull(); // the old record kept no KPI values
    expect(v2.diagnosis?.method).toBe('means');
    expect(v2.diagnosis?.totals.late.diff.ci95).toBeNull();
    expect(v2.diagnosis?.totals.late.diff.mean).toBeCloseTo(
      (old.result as { diagnosis: { late: number } }).diagnosis.late -
        (b.result as { diagnosis: { late: number } }).diagnosis.late,
      12,
    );
  });
});

describe('overrides in words', () => {
  it('names the policy, not its id', () => {
    expect(overridesInWords(TEXT, { 'dispatch.policy': 'gridFirst', [STAFF]: 4 })).toEqual({
      zh: `派遣策略 = 本网格优先；${overridesInWords(TEXT, { [STAFF]: 4 }).zh}`,
      en: `Dispatch policy = Own grid first; ${overridesInWords(TEXT, { [STAFF]: 4 }).en}`,
    });
    expect(overridesInWords(TEXT, { 'dispatch.policy': 'nearest' }).en).not.toContain('nearest');
  });
});
