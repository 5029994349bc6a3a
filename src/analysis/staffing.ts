/**
 * The cheapest plan: the fewest staff on a shift that still meets the standard.
 *
 * A planner asks "how few people can we put on the night shift and still
 * cover the city?". Answering it by simulation needs three things spelt out.
 *
 * **The criterion** (what "meets the standard" means). A grid-hour is
 * *covered* when the share of its decided cases that met their SLA is at
 * least the scenario's standard (`targets.coverage`, e.g. 0.8). Demanding
 * that *every* grid-hour be covered is not a usable goal: a grid-hour with
 * one or two cases fails by bad luck alone and a 10-minute response in a far
 * corner can be out of reach at any staffing, so the search would never
 * stop. We therefore judge the hours the shift is on duty, over replications:
 *
 * - `coverage` (default): in each replication, the share of grid-hours (in
 *   the shift's hours, with decided cases) that are covered; the plan is
 *   feasible when the one-sided lower confidence bound of its mean,
 *   mean − t(confidence, R−1)·s/√R, is at least `target`. "With 95 %
 *   confidence, at least 80 % of the grid-hours this shift answers for meet
 *   the standard."
 * - `hourly`: in each replication, the attainment of all grids together in
 *   each hour of the shift; feasible when *every* such hour's lower bound is
 *   at least `target`. Stricter (the worst hour decides); no correction for
 *   testing several hours is made, so the joint confidence is lower than the
 *   per-hour one.
 *
 * Both are replication-level statistics, so the Student-t bound is honest:
 * replications are independent, whatever the correlation between cases
 * inside one day.
 *
 * **The search.** Staff counts are tried on the same seeds (common random
 * numbers), so a change in the criterion is the staffing's effect, not luck.
 * From the current count it gallops (±1, 2, 4, ...) until feasibility flips,
 * then bisects between the last infeasible and first feasible count. That
 * assumes more staff never makes things worse, which holds in expectation;
 * with CRN the noise rarely breaks it, and every evaluation is reported so a
 * reader can check. A vector of shifts is searched greedily, one shift at a
 * time in the order given, each with the earlier ones fixed at their answer:
 * cheap and transparent, not a global optimum.
 *
 * **Erlang C beside it.** For each hour of the shift the textbook estimate:
 * cases per hour λ (filed in that hour, of the event types whose skill the
 * team has, times their crew), mean handling time 1/μ (on scene to handled,
 * from the simulation's own case log), and the fewest servers c such that
 * at least a given share (the level) of cases wait at most the response
 * deadline T, 1 − C(c, λ/μ)·e^(−(cμ−λ)T) ≥ level, where the level is the scenario's
 * standard for the `coverage` criterion and `target` for `hourly` (Erlang C
 * has neither grids nor confidence bounds). The simulation's figure is the
 * time-averaged number on duty in that hour in all field teams with one of
 * those skills, under the plan found. The difference is what Erlang C cannot
 * see: travel and dispatch delays (they eat into the deadline), patrol
 * (discovery), grids (staff bound to a grid cannot help the next one), shift
 * changes, a day too short to reach steady state — and the confidence
 * bound and the spread between grid-hours, which ask more than a mean does.
 */
import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import { mean as ssMean, sampleStandardDeviation } from 'simple-statistics';
import type { RunResult } from '../sim/result.ts';
import type { Scenario } from '../scenario/schema.ts';
import { aggregate, type Estimate } from './aggregate.ts';
import { attainmentByHour } from './compare.ts';
import { staffForServiceLevel } from './erlang.ts';
import { hourExposure } from '../sim/stats.ts';
import { applyOverridesParsed, OverrideError, scenarioRaw, type Overrides } from './overrides.ts';
import { consecutiveSeeds, type Runner } from './runner.ts';

export interface ShiftRef {
  team: string;
  /** Index in the team's `shifts` (0-based). */
  shift: number;
}

export type StaffingCriterion = 'coverage' | 'hourly';

/** "team.index", e.g. "night-patrol.0" (the last dot separates the index). */
export function parseShiftRef(text: string): ShiftRef {
  const m = /^(.+)\.(\d+)$/.exec(text.trim());
  if (!m) {
    throw new OverrideError(text, [
      {
        path: '$',
        code: 'override_syntax',
        zh: '班次须写作 队伍id.班次下标，如 night-patrol.0',
        en: 'a shift is team-id.shift-index, e.g. night-patrol.0',
      },
    ]);
  }
  return { team: m[1], shift: Number(m[2]) };
}

/** The override path of a shift's staff. */
export const staffPath = (s: ShiftRef) => `teams.${s.team}.shifts.${s.shift}.staff`;

export interface StaffingOptions {
  seed: number;
  /** Replications per evaluation (the same seeds at every count). */
  replications: number;
  days?: number;
  /** Required level of the criterion (default 0.8). */
  target?: number;
  /** One-sided confidence of the lower bound (default 0.95). */
  confidence?: number;
  criterion?: StaffingCriterion;
  /** Search bounds per shift (defaults 0 and max(2 × current, current + 10)). */
  minStaff?: number;
  maxStaff?: number;
  /** Applied before the search (and kept in the plan's overrides). */
  baseOverrides?: Overrides;
  /** Called as each count is judged, with the replications it ran (none when the scenario refused the count). */
  onEvaluation?: (e: StaffingEvaluation, results?: readonly RunResult[]) => void;
  signal?: AbortSignal;
}

export interface CriterionValue {
  /** Mean over replications (coverage) or of the worst hour (hourly). */
  mean: number | null;
  /** One-sided lower confidence bound (the worst hour's for hourly). */
  lower: number | null;
  n: number;
  /** hourly: the hour with the lowest bound. */
  worstHour?: number;
}

export interface StaffingEvaluation {
  shift: ShiftRef;
  staff: number;
  feasible: boolean;
  criterion: CriterionValue;
  coverageIndex: Estimate | null;
  staffHours: Estimate | null;
  costCny: Estimate | null;
  /** Why this count could not run (e.g. the scenario rejects it). */
  error?: string;
}

export interface ErlangHour {
  hour: number;
  /** Case arrivals per hour needing the team's skills (filed in this hour), crew-weighted. */
  arrivalsPerHour: number;
  meanHandlingMin: number | null;
  /** Offered load λ/μ, in Erlangs (busy staff needed on average). */
  offeredLoad: number;
  /** Case-weighted mean response deadline, minutes (the wait target T). */
  deadlineMin: number | null;
  /** Erlang C: fewest staff for the level's share of cases within T. */
  erlangStaff: number;
  /** Simulation: mean on duty in this hour, field teams with one of the skills, under the plan. */
  simStaff: number;
  /** simStaff − erlangStaff. */
  difference: number;
}

export interface ShiftPlan {
  shift: ShiftRef;
  /** "team 08:00–16:00". */
  label: string;
  path: string;
  /** Hours of day the shift is on duty (those the criterion looks at). */
  hours: number[];
  /** The team is placed per grid: staff counts are per grid. */
  perGrid: boolean;
  original: number;
  /** The fewest feasible staff; null when even maxStaff is not enough. */
  staff: number | null;
  feasible: boolean;
  evaluations: StaffingEvaluation[];
  erlang: ErlangHour[];
}

export interface StaffingPlan {
  criterion: StaffingCriterion;
  target: number;
  confidence: number;
  /** The scenario's grid-hour standard (targets.coverage). */
  standard: number;
  /** The service level asked of Erlang C: standard (coverage criterion) or target (hourly). */
  erlangLevel: number;
  replications: number;
  seeds: number[];
  shifts: ShiftPlan[];
  /** The plan as overrides on the base (base overrides included). */
  overrides: Overrides;
}

/** Hours of day a shift overlaps, from its start. */
export function shiftHours(start: string, end: string): number[] {
  const toMin = (t: string) => {
    const m = /^(\d\d):(\d\d)(\+1)?$/.exec(t)!;
    return Number(m[1]) * 60 + Number(m[2]) + (m[3] ? 1440 : 0);
  };
  const s = toMin(start);
  let e = toMin(end);
  if (e <= s) e += 1440;
  const hours = new Set<number>(); // in the shift's order: 21, 22, 23, 0, 1, ... for a night shift
  for (let h = Math.floor(s / 60); h * 60 < e; h++) hours.add(h % 24);
  return [...hours];
}

/** One-sided lower bound mean − t(conf, n−1)·s/√n of the non-null values. */
export function lowerBound(
  values: readonly (number | null)[],
  confidence: number,
): { mean: number | null; lower: number | null; n: number } {
  const xs = values.filter((v): v is number => v !== null && Number.isFinite(v));
  const n = xs.length;
  if (n === 0) return { mean: null, lower: null, n };
  const m = ssMean(xs);
  if (n < 2) return { mean: m, lower: null, n };
  return { mean: m, lower: m - (tQuantile(confidence, n - 1) * sampleStandardDeviation(xs)) / Math.sqrt(n), n };
}

/** Mean observations of each hour of day per replication: the warm-up is cut, a fractional last day counts in part. */
export function hoursObserved(sc: Scenario, days: number): number[] {
  const warmS = sc.run.warmupHours * 3600;
  return Array.from(hourExposure(warmS, warmS + days * 86_400), (s) => s / 3600);
}

/** Share of covered grid-hours among those (in `hours`) with decided cases, in one replication. */
export function coverageInHours(r: RunResult, hours: readonly number[]): number | null {
  let n = 0,
    covered = 0;
  for (let g = 0; g < r.coverage.grids.length; g++) {
    for (const h of hours) {
      const a = r.coverage.attainment[g][h];
      if (a === null || r.coverage.cases[g][h] === 0) continue;
      n++;
      if (a >= r.coverage.target) covered++;
    }
  }
  return n > 0 ? covered / n : null;
}

/** The criterion over replications, and whether it meets the target. */
export function judge(
  results: readonly RunResult[],
  hours: readonly number[],
  criterion: StaffingCriterion,
  target: number,
  confidence: number,
): { value: CriterionValue; feasible: boolean } {
  if (criterion === 'coverage') {
    const v = lowerBound(
      results.map((r) => coverageInHours(r, hours)),
      confidence,
    );
    return { value: v, feasible: v.lower !== null && v.lower >= target };
  }
  const byHour = results.map(attainmentByHour);
  let worst: CriterionValue | null = null;
  let feasible = true;
  for (const h of hours) {
    const v = lowerBound(
      byHour.map((x) => x[h]),
      confidence,
    );
    if (v.n === 0) continue; // no decided case in this hour in any replication: nothing to judge
    if (v.lower === null || v.lower < target) feasible = false;
    if (worst === null || (v.lower ?? -Infinity) < (worst.lower ?? -Infinity)) worst = { ...v, worstHour: h };
  }
  return { value: worst ?? { mean: null, lower: null, n: 0 }, feasible: feasible && worst !== null };
}

/**
 * Erlang C per hour of the shift, from the logs of replications at some
 * staffing (arrivals and handling times do not depend on it), and on-duty
 * staff from the `plan` results. `level`: the service level asked of Erlang C.
 */
export function erlangByHour(
  sc: Scenario,
  team: Scenario['teams'][number],
  hours: readonly number[],
  logged: readonly RunResult[],
  plan: readonly RunResult[],
  days: number,
  level: number = sc.targets.coverage,
): ErlangHour[] {
  const skills = new Set(team.skills);
  const types = new Map(sc.eventTypes.map((t) => [t.id, t]));
  const relevant = new Set(sc.eventTypes.filter((t) => skills.has(t.skill)).map((t) => t.id));
  // Exposure: how many times each hour of day was observed per replication (warm-up cut).
  const exposure = hoursObserved(sc, days);
  const arrivals = new Array(24).fill(0);
  const deadline = new Array(24).fill(0);
  let handling = 0,
    handled = 0;
  for (const r of logged) {
    for (const c of r.log ?? []) {
      if (!relevant.has(c.type) || c.filedS < 0) continue;
      const t = types.get(c.type)!;
      const h = Math.floor(c.filedS / 3600) % 24;
      arrivals[h] += t.crew;
      deadline[h] += t.responseDeadlineMin * t.crew;
      if (c.onSceneS >= 0 && c.handledS >= c.onSceneS) {
        handling += c.handledS - c.onSceneS;
        handled++;
      }
    }
  }
  const meanHandlingS = handled > 0 ? handling / handled : null;
  const teamsWithSkill = sc.teams
    .map((t, i) => ({ t, i }))
    .filter(({ t }) => t.role === 'field' && t.skills.some((s) => skills.has(s)));
  return hours.map((hour) => {
    const lambda = exposure[hour] > 0 && logged.length > 0 ? arrivals[hour] / (exposure[hour] * logged.length) : 0;
    const mu = meanHandlingS ? 3600 / meanHandlingS : Infinity;
    const T = arrivals[hour] > 0 ? deadline[hour] / arrivals[hour] : null;
    const erlangStaff = lambda > 0 && meanHandlingS && T !== null ? staffForServiceLevel(lambda, mu, T / 60, level) : 0;
    let sim = 0;
    for (const { i } of teamsWithSkill)
      sim += plan.length > 0 ? ssMean(plan.map((r) => r.byTeam[i]?.onDutyByHour[hour] ?? 0)) : 0;
    return {
      hour,
      arrivalsPerHour: lambda,
      meanHandlingMin: meanHandlingS === null ? null : meanHandlingS / 60,
      offeredLoad: meanHandlingS ? (lambda * meanHandlingS) / 3600 : 0,
      deadlineMin: T,
      erlangStaff,
      simStaff: sim,
      difference: sim - erlangStaff,
    };
  });
}

/** Finds the fewest staff for each shift in turn (greedy); see the module comment for the criterion. */
export async function findStaffing(
  runner: Runner,
  base: string | object,
  shifts: readonly ShiftRef[],
  opts: StaffingOptions,
): Promise<StaffingPlan> {
  if (shifts.length === 0) throw new RangeError('findStaffing: name at least one shift');
  if (!Number.isInteger(opts.replications) || opts.replications < 2)
    throw new RangeError(`findStaffing needs at least 2 replications, got ${opts.replications}`);
  const target = opts.target ?? 0.8;
  const confidence = opts.confidence ?? 0.95;
  const criterion = opts.criterion ?? 'coverage';
  if (!(confidence > 0.5 && confidence < 1)) throw new RangeError(`confidence must be in (0.5, 1), got ${confidence}`);
  const raw = scenarioRaw(base);
  const seeds = consecutiveSeeds(opts.seed, opts.replications);
  const overrides: Overrides = { ...(opts.baseOverrides ?? {}) };
  const { scenario: base0 } = applyOverridesParsed(raw, overrides);
  const days = opts.days ?? base0.run.days;
  const plans: ShiftPlan[] = [];

  for (const ref of shifts) {
    const path = staffPath(ref);
    const { scenario } = applyOverridesParsed(raw, overrides); // with earlier shifts fixed
    const team = scenario.teams.find((t) => t.id === ref.team);
    const shift = team?.shifts[ref.shift];
    if (!team || !shift) {
      throw new OverrideError(path, [
        {
          path: '$',
          code: 'override_path',
          zh: `没有班次 ${ref.team}.${ref.shift}（队伍：${scenario.teams.map((t) => `${t.id}[0..${t.shifts.length - 1}]`).join(', ')}）`,
          en: `no shift ${ref.team}.${ref.shift} (teams: ${scenario.teams.map((t) => `${t.id}[0..${t.shifts.length - 1}]`).join(', ')})`,
        },
      ]);
    }
    const hours = shiftHours(shift.start, shift.end);
    const original = shift.staff;
    const min = Math.max(0, opts.minStaff ?? 0);
    const max = Math.max(min, opts.maxStaff ?? Math.max(2 * original, original + 10));
    const evaluations = new Map<number, StaffingEvaluation & { results?: RunResult[] }>();

    const evaluate = async (staff: number, log = false) => {
      const known = evaluations.get(staff);
      if (known) return known;
      let e: StaffingEvaluation & { results?: RunResult[] };
      let text: string;
      try {
        text = JSON.stringify(applyOverridesParsed(raw, { ...overrides, [path]: staff }).raw);
      } catch (err) {
        if (!(err instanceof OverrideError)) throw err;
        e = {
          shift: ref,
          staff,
          feasible: false,
          criterion: { mean: null, lower: null, n: 0 },
          coverageIndex: null,
          staffHours: null,
          costCny: null,
          error: err.message,
        };
        evaluations.set(staff, e);
        opts.onEvaluation?.(e);
        return e;
      }
      const results = await runner(text, seeds, { days: opts.days, log, signal: opts.signal });
      const j = judge(results, hours, criterion, target, confidence);
      const s = aggregate(results).summary;
      e = {
        shift: ref,
        staff,
        feasible: j.feasible,
        criterion: j.value,
        coverageIndex: s.coverageIndex,
        staffHours: s.staffHours,
        costCny: s.costCny,
        results,
      };
      evaluations.set(staff, e);
      const { results: _r, ...report } = e;
      opts.onEvaluation?.(report, results);
      return e;
    };

    // Gallop from the current count until feasibility flips, then bisect.
    const first = await evaluate(original, true);
    let lo: number; // largest known infeasible (or min − 1)
    let hi: number | null; // smallest known feasible
    if (first.feasible) {
      hi = original;
      lo = min - 1;
      for (let step = 1; ; step *= 2) {
        const s = Math.max(min, original - step);
        if (s >= hi) break;
        const e = await evaluate(s);
        if (e.feasible) hi = s;
        else {
          lo = s;
          break;
        }
        if (s === min) break;
      }
    } else {
      lo = original;
      hi = null;
      for (let step = 1; ; step *= 2) {
        const s = Math.min(max, original + step);
        if (s <= lo) break;
        const e = await evaluate(s);
        if (e.feasible) {
          hi = s;
          break;
        }
        lo = s;
        if (s === max) break;
      }
    }
    if (hi !== null) {
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if ((await evaluate(mid)).feasible) hi = mid;
        else lo = mid;
      }
    }
    const chosen = hi ?? original;
    overrides[path] = chosen;
    const planResults = evaluations.get(chosen)?.results ?? first.results!;
    plans.push({
      shift: ref,
      label: `${team.id} ${shift.start}–${shift.end}`,
      path,
      hours,
      perGrid: team.placement === 'perGrid',
      original,
      staff: hi,
      feasible: hi !== null,
      evaluations: [...evaluations.values()].sort((a, b) => a.staff - b.staff).map(({ results: _r, ...e }) => e),
      erlang: erlangByHour(
        scenario,
        team,
        hours,
        first.results ?? [],
        planResults,
        days,
        criterion === 'hourly' ? target : base0.targets.coverage,
      ),
    });
  }
  const erlangLevel = criterion === 'hourly' ? target : base0.targets.coverage;
  return {
    criterion,
    target,
    confidence,
    standard: base0.targets.coverage,
    erlangLevel,
    replications: opts.replications,
    seeds,
    shifts: plans,
    overrides,
  };
}
