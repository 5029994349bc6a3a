/**
 * Two diagnoses compared: what changed in *why* cases are late, B − A.
 *
 * A diagnosis (diagnose.ts) keeps means over replications: late cases per
 * replication by limiting stage, by hour of day and by limit (stage × event
 * type × team). Means alone give a difference but no interval. So a
 * diagnosis also keeps its replications' own figures (`DiagnosisReplications`,
 * built from the runs it summed), and with those on both sides every row
 * gets a 95 % interval, chosen as for any two sets of replications
 * (armCompare.ts):
 *
 * - **paired** when both ran the same seeds in the same order (common random
 *   numbers): the Student-t interval of the per-replication differences;
 * - **welch** otherwise: two independent samples;
 * - **means** when either side kept no per-replication figures (a record
 *   saved before they were kept): the difference of the means, no interval,
 *   and the view says so.
 *
 * What is compared:
 * - totals: decided and late cases per replication, and the late share
 *   (late ÷ decided, per replication);
 * - per stage: the late cases it limits, and the mean time a decided case
 *   spends in it;
 * - per hour of day: late cases, and SLA attainment (Σ met ÷ Σ decided over
 *   the grids, per replication);
 * - per limit (cause): its late cases per replication, a row for every limit
 *   of either side (absent on one side: 0 there), largest change first.
 *
 * Pure (floor 1).
 */
import type { Estimate } from './aggregate.ts';
import { armMethod, compareValues, type ArmMethod } from './armCompare.ts';
import { attainmentByHour, type Difference } from './compare.ts';
import type { Diagnosis, Limit } from './diagnose.ts';
import type { RunResult } from '../sim/result.ts';
import { STAGE_NAMES, type StageName } from '../sim/stages.ts';

/** Per replication (order of `seeds`), the figures a diagnosis sums. */
export interface DiagnosisReplications {
  seeds: number[];
  decided: number[];
  late: number[];
  /** Late cases each stage limits. */
  stageLate: Record<StageName, number[]>;
  /** Mean seconds a decided case spends in the stage (resolution split); null without decided cases. */
  stageMeanS: Record<StageName, (number | null)[]>;
  /** Late cases by hour of day: 24 lists of one value per replication. */
  lateByHour: number[][];
  /** SLA attainment by hour of day: 24 lists of one value per replication (null: nothing decided that hour). */
  attainmentByHour: (number | null)[][];
  /** Late cases of each limit (key `stage|eventType|team`, as `limitRowKey`). */
  limits: Record<string, number[]>;
}

export type DiagnosisMethod = ArmMethod | 'means';

/** A diagnosis and, when kept, its replications' figures. */
export interface DiagnosisSide {
  diagnosis: Diagnosis;
  replications?: DiagnosisReplications | null;
}

export interface LimitChange {
  key: string;
  stage: StageName;
  eventType: string;
  team: string | null;
  /** The limit on each side (null: not a limit there). */
  a: Limit | null;
  b: Limit | null;
  /** Late cases per replication, B − A. */
  late: Difference;
}

export interface DiagnosisComparison {
  method: DiagnosisMethod;
  nA: number;
  nB: number;
  totals: { decided: Difference; late: Difference; lateShare: Difference };
  stages: Record<StageName, { late: Difference; meanS: Difference }>;
  /** 24 rows each; attainment only when both kept their replications. */
  byHour: { late: Difference[]; attainment: Difference[] | null };
  /** Every limit of either side, the largest |B − A| first. */
  limits: LimitChange[];
}

/** A limit's identity across diagnoses (the same as the app's colouring key). */
export function limitRowKey(l: Pick<Limit, 'stage' | 'eventType' | 'team'>): string {
  return `${l.stage}|${l.eventType}|${l.team ?? ''}`;
}

/** The per-replication figures of the runs a diagnosis summed (in replication order). */
export function diagnosisReplications(
  results: readonly Pick<RunResult, 'seed' | 'diagnosis' | 'coverage'>[],
): DiagnosisReplications {
  const R = results.length;
  const stageLate = {} as Record<StageName, number[]>;
  const stageMeanS = {} as Record<StageName, (number | null)[]>;
  for (const n of STAGE_NAMES) {
    stageLate[n] = results.map((r) => r.diagnosis.stages[n].lateCases);
    stageMeanS[n] = results.map((r) => r.diagnosis.stages[n].meanS);
  }
  const lateByHour = Array.from({ length: 24 }, () => new Array<number>(R).fill(0));
  const limits: Record<string, number[]> = {};
  results.forEach((r, i) => {
    for (const g of r.diagnosis.groups) {
      lateByHour[g.hour][i] += g.n;
      const key = limitRowKey({ stage: g.stage, eventType: g.type, team: g.team });
      (limits[key] ??= new Array<number>(R).fill(0))[i] += g.n;
    }
  });
  const att = results.map((r) => attainmentByHour(r as RunResult));
  return {
    seeds: results.map((r) => r.seed),
    decided: results.map((r) => r.diagnosis.decided),
    late: results.map((r) => r.diagnosis.late),
    stageLate,
    stageMeanS,
    lateByHour,
    attainmentByHour: Array.from({ length: 24 }, (_, h) => att.map((a) => a[h] ?? null)),
    limits,
  };
}

/** B − A of two means with no interval (a side kept no replications). */
function meansOnly(a: number | null, b: number | null, nA: number, nB: number): Difference {
  const ea: Estimate = { mean: a, ci95: null, n: nA },
    eb: Estimate = { mean: b, ci95: null, n: nB };
  const mean = a === null || b === null ? null : b - a;
  return { a: ea, b: eb, diff: { mean, ci95: null, n: Math.min(nA, nB) }, significant: null };
}

const ratio = (num: readonly number[], den: readonly number[]) => num.map((x, i) => (den[i] > 0 ? x / den[i] : null));

/** Compare two diagnoses, B − A (see the module comment for the method). */
export function compareDiagnoses(a: DiagnosisSide, b: DiagnosisSide): DiagnosisComparison {
  const ra = a.replications ?? null,
    rb = b.replications ?? null;
  const da = a.diagnosis,
    db = b.diagnosis;
  const paired: ArmMethod | null = ra && rb ? armMethod(ra, rb) : null;
  const method: DiagnosisMethod = paired ?? 'means';
  const nA = ra?.seeds.length ?? da.replications,
    nB = rb?.seeds.length ?? db.replications;
  const cmp = (
    xa: readonly (number | null)[] | undefined,
    xb: readonly (number | null)[] | undefined,
    ma: number | null,
    mb: number | null,
  ): Difference =>
    paired
      ? compareValues(xa ?? new Array<number>(nA).fill(0), xb ?? new Array<number>(nB).fill(0), paired)
      : meansOnly(ma, mb, nA, nB);

  const totals = {
    decided: cmp(ra?.decided, rb?.decided, da.decided, db.decided),
    late: cmp(ra?.late, rb?.late, da.late, db.late),
    lateShare: cmp(
      ra ? ratio(ra.late, ra.decided) : undefined,
      rb ? ratio(rb.late, rb.decided) : undefined,
      da.decided > 0 ? da.late / da.decided : null,
      db.decided > 0 ? db.late / db.decided : null,
    ),
  };
  const stages = {} as DiagnosisComparison['stages'];
  for (const n of STAGE_NAMES)
    stages[n] = {
      late: cmp(ra?.stageLate[n], rb?.stageLate[n], da.stages[n].lateCases, db.stages[n].lateCases),
      meanS: cmp(ra?.stageMeanS[n], rb?.stageMeanS[n], da.stages[n].meanS, db.stages[n].meanS),
    };

  const hourMeans = (d: Diagnosis) => {
    const out = new Array<number>(24).fill(0);
    for (const l of d.limits) l.byHour.forEach((v, h) => (out[h] += v));
    return out;
  };
  const ha = hourMeans(da),
    hb = hourMeans(db);
  const byHour = {
    late: Array.from({ length: 24 }, (_, h) => cmp(ra?.lateByHour[h], rb?.lateByHour[h], ha[h], hb[h])),
    attainment:
      ra && rb && paired
        ? Array.from({ length: 24 }, (_, h) => compareValues(ra.attainmentByHour[h], rb.attainmentByHour[h], paired))
        : null,
  };

  const rows = new Map<string, { a: Limit | null; b: Limit | null }>();
  for (const l of da.limits) rows.set(limitRowKey(l), { a: l, b: null });
  for (const l of db.limits) {
    const k = limitRowKey(l);
    const row = rows.get(k);
    if (row) row.b = l;
    else rows.set(k, { a: null, b: l });
  }
  const limits: LimitChange[] = [...rows.entries()].map(([key, { a: la, b: lb }]) => {
    const l = (la ?? lb)!;
    return {
      key,
      stage: l.stage,
      eventType: l.eventType,
      team: l.team,
      a: la,
      b: lb,
      late: cmp(ra?.limits[key], rb?.limits[key], la?.lateCases ?? 0, lb?.lateCases ?? 0),
    };
  });
  const size = (c: LimitChange) => Math.abs(c.late.diff.mean ?? 0);
  limits.sort(
    (x, y) =>
      size(y) - size(x) ||
      Math.max(y.a?.lateCases ?? 0, y.b?.lateCases ?? 0) - Math.max(x.a?.lateCases ?? 0, x.b?.lateCases ?? 0) ||
      (x.key < y.key ? -1 : x.key > y.key ? 1 : 0),
  );
  return { method, nA, nB, totals, stages, byHour, limits };
}
