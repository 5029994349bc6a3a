/**
 * The cheapest roster that meets the standard, over several teams at once.
 *
 * `findStaffing` (staffing.ts) moves one shift of one team. A planner's real
 * question — "how many staff do we need tonight so the red-warning storm
 * still meets the standard?" — has misses coming from several teams at
 * once, and over-staffed teams whose cuts would pay for the raises. Here
 * every shift of the searched teams (default: every team that handles cases;
 * security-lane teams serve passengers and are left as they are) is a
 * decision variable, and the objective is the rostered cost
 *
 *     cost = Σ_shifts staff × (grids, for a perGrid team) × shift hours × team's hourly cost
 *
 * subject to the criterion holding with a one-sided confidence bound:
 * - `coverage`: the share of covered grid-hours (all 24 hours) per
 *   replication; its lower bound mean − t(C, R−1)·s/√R ≥ target;
 * - `hourly`: every hour's attainment lower bound ≥ target;
 * - `types`: every event type's SLA attainment lower bound ≥ target (a
 *   standard per case class, 标准 by 案件类别). Types (and, for `hourly`,
 *   hours) with decided cases in fewer than two replications are not judged —
 *   a bound needs a spread — and are listed as `unjudged`.
 *
 * **Method.** Every candidate plan runs on the same seeds (common random
 * numbers), so two plans differ by their staffing, not their luck.
 * 1. *Analytic start*: Erlang C per team and hour from the simulated load of
 *    the current plan (arrivals of the event types whose skill the team
 *    holds, split between teams sharing a skill by their headcount on duty,
 *    mean handling from the case log), the fewest servers for the level's
 *    share within the response deadline; each shift gets the most any of its
 *    hours needs divided by the team's shifts on duty then (per grid for a
 *    perGrid team). Erlang C sees no travel, grids or discovery, so this
 *    start is usually short; it is a start, not an answer.
 * 2. *Raise while infeasible* (guided by the diagnosis): a shift can help
 *    when the last evaluation has late cases limited by the queue of its team
 *    in its hours (or, weighted 0.3, by travel for a skill it holds; or,
 *    weighted 0.2, by discovery when the team patrols). First bold moves:
 *    every such shift goes up by a quarter (at least 1; perGrid teams, whose
 *    step is one person per grid, only move singly). When a bold move stops improving the criterion's bound,
 *    single moves follow, greedy by cost-effectiveness (late cases it could
 *    serve per yuan of one step of ~15 %); a single move that does not
 *    improve the bound is undone and that shift left alone. When no shift can
 *    help, the search stops: infeasible. The cut phase then removes what the
 *    bold moves over-shot.
 * 3. *Cut while feasible* (local search): the shifts in order of the saving
 *    of one step, largest first, each cut by a step that halves down to 1 on
 *    failure; a cut is kept only if the plan stays feasible.
 * Evaluations are capped (`budgetEvaluations`), and cached by plan.
 * 4. *Verification*: the plan chosen is run again on fresh seeds never used in
 *    the search (seed + 1,000,000 + r). Choosing the best of many plans on the
 *    same seeds favours plans that were lucky on those seeds, so the search's
 *    own bound is optimistic; the verification's is not. Both are reported.
 *
 * The plan is returned as overrides — every searched shift's staff, changed
 * or not, under the same paths as `--set` (teams.<id>.shifts.<i>.staff) —
 * ready to apply.
 */
import type { RunResult } from '../sim/result.ts';
import type { Scenario } from '../scenario/schema.ts';
import { parseTimeOfDay } from '../sim/roster.ts';
import { aggregate, type Estimate } from './aggregate.ts';
import { attainmentByHour } from './compare.ts';
import { diagnose, type Diagnosis } from './diagnose.ts';
import { staffForServiceLevel } from './erlang.ts';
import { applyOverridesParsed, OverrideError, scenarioRaw, type Overrides } from './overrides.ts';
import { consecutiveSeeds, type Runner } from './runner.ts';
import { coverageInHours, hoursObserved, lowerBound, shiftHours } from './staffing.ts';
import { gridCount, headcountOf, shiftMembers } from './headcount.ts';

export type OptimiseCriterion = 'coverage' | 'hourly' | 'types';

/** Seeds of the verification: far from any search seed. */
export const VERIFY_SEED_OFFSET = 1_000_000;

export interface OptimiseOptions {
  seed: number;
  /** Replications per evaluation (the same seeds for every plan); at least 2. */
  replications: number;
  days?: number;
  criterion?: OptimiseCriterion;
  /** Required level (default 0.8). */
  target?: number;
  /** One-sided confidence (default 0.95). */
  confidence?: number;
  /** Teams to search (default: every team that handles cases). */
  teams?: readonly string[];
  /** Teams kept as they are (taken out of `teams`). */
  fixedTeams?: readonly string[];
  /** Per-shift bounds, by override path; default 0 and max(2 × current, current + 10). */
  minStaff?: Readonly<Record<string, number>>;
  maxStaff?: Readonly<Record<string, number>>;
  /** At most this many plans are simulated in the search (default 40). */
  budgetEvaluations?: number;
  /** Replications of the verification (default: `replications`). */
  verifyReplications?: number;
  /** Applied before the search (and kept in the plan). */
  baseOverrides?: Overrides;
  onProgress?: (p: OptimiseProgress) => void;
  signal?: AbortSignal;
}

export interface CriterionEstimate {
  mean: number | null;
  lowerBound: number | null;
  n: number;
  /** hourly: the worst hour; types: the worst event type. */
  worst?: string;
  /** Hours or types with decided cases in fewer than two replications: not judged (no bound without a spread). */
  unjudged?: string[];
}

export interface OptimiseProgress {
  evaluation: number;
  budget: number;
  phase: 'current' | 'start' | 'raise' | 'cut' | 'verify' | 'done';
  costCny: number;
  feasible: boolean;
  criterion: CriterionEstimate;
}

export interface ShiftVariable {
  team: string;
  shift: number;
  path: string;
  label: { zh: string; en: string };
  hours: number[];
  perGrid: boolean;
  /** People per unit of `staff` (the grid count for a perGrid team, else 1). */
  multiplier: number;
  durationH: number;
  hourlyCostCny: number;
  min: number;
  max: number;
  current: number;
}

export interface PlanEvaluation {
  index: number;
  phase: OptimiseProgress['phase'];
  /** What changed from the plan it came from, e.g. "drainage-crew.1 +2". */
  move: string;
  staff: Record<string, number>;
  costCny: number;
  staffHours: number;
  criterion: CriterionEstimate;
  feasible: boolean;
  coverageIndex: Estimate | null;
  slaAttainment: Estimate | null;
  error?: string;
}

export interface ShiftPlanRow {
  path: string;
  team: string;
  shift: number;
  label: { zh: string; en: string };
  perGrid: boolean;
  current: number;
  erlangStart: number;
  plan: number;
  /** Rostered cost change of this shift, CNY per day. */
  costChangeCny: number;
  /** The search's bounds for this shift; `atMax`: the plan uses the upper one (raise it with maxStaff to search further). */
  min: number;
  max: number;
  atMax: boolean;
}

export interface OptimiseResult {
  criterion: OptimiseCriterion;
  target: number;
  confidence: number;
  replications: number;
  seeds: number[];
  budgetEvaluations: number;
  plan: { overrides: Overrides };
  /** Rostered cost and staff-hours of the plan, per day. */
  costCny: number;
  staffHours: number;
  feasible: boolean;
  /** Plans simulated in the search. */
  evaluations: number;
  /** The criterion of the plan on the search seeds (optimistic). */
  search: CriterionEstimate;
  current: { costCny: number; staffHours: number; criterion: CriterionEstimate; feasible: boolean };
  shifts: ShiftPlanRow[];
  history: PlanEvaluation[];
  verification: {
    seeds: number[];
    criterion: { mean: number | null; lowerBound: number | null; n: number; worst?: string; unjudged?: string[] };
    meets: boolean;
    coverageIndex: Estimate | null;
    slaAttainment: Estimate | null;
  };
  /** Why the plan's remaining late cases are late (from the verification runs). */
  diagnosis: Diagnosis;
  /** Headcount on duty (rostered, every team): now and under the plan. */
  headcount: {
    current: { peakOnDuty: number; staffHoursPerDay: number };
    plan: { peakOnDuty: number; staffHoursPerDay: number };
  };
}

/** A shift's length in hours (the roster's reading of its times). */
function durationH(start: string, end: string): number {
  const s = parseTimeOfDay(start);
  let e = parseTimeOfDay(end);
  if (e <= s) e += 1440;
  return (e - s) / 60;
}

/** A share's lower bound below 0 says no more than 0 does (few replications, a wide spread). */
const clampShare = <T extends { lower: number | null }>(v: T): T =>
  v.lower !== null && v.lower < 0 ? { ...v, lower: 0 } : v;

/** The criterion over replications (lower bounds of shares clamped at 0). */
export function criterionOf(
  sc: Scenario,
  results: readonly RunResult[],
  criterion: OptimiseCriterion,
  target: number,
  confidence: number,
): { value: CriterionEstimate; feasible: boolean } {
  const all = [...Array(24).keys()];
  if (criterion === 'coverage') {
    const v = clampShare(
      lowerBound(
        results.map((r) => coverageInHours(r, all)),
        confidence,
      ),
    );
    return { value: { mean: v.mean, lowerBound: v.lower, n: v.n }, feasible: v.lower !== null && v.lower >= target };
  }
  const series: { key: string; values: (number | null)[] }[] =
    criterion === 'hourly'
      ? all.map((h) => ({
          key: `${String(h).padStart(2, '0')}:00`,
          values: results.map((r) => attainmentByHour(r)[h]),
        }))
      : sc.eventTypes.map((et, i) => ({
          key: et.id,
          values: results.map((r) => {
            const t = r.byType[i];
            return t && t.slaDecided > 0 ? t.slaMet / t.slaDecided : null;
          }),
        }));
  let worst: CriterionEstimate | null = null;
  let feasible = true;
  const unjudged: string[] = [];
  for (const s of series) {
    const v = clampShare(lowerBound(s.values, confidence));
    if (v.n === 0) continue;
    // seen in fewer than two replications: no spread, no bound; a rare type cannot be judged, it is listed
    if (v.n < 2) {
      unjudged.push(s.key);
      continue;
    }
    if (v.lower === null || v.lower < target) feasible = false;
    if (worst === null || (v.lower ?? -Infinity) < (worst.lowerBound ?? -Infinity))
      worst = { mean: v.mean, lowerBound: v.lower, n: v.n, worst: s.key };
  }
  const value: CriterionEstimate = worst ?? { mean: null, lowerBound: null, n: 0 };
  if (unjudged.length > 0) value.unjudged = unjudged;
  return { value, feasible: feasible && worst !== null };
}

/** The shifts to search, with their cost per unit of staff. */
export function shiftVariables(
  sc: Scenario,
  opts: Pick<OptimiseOptions, 'teams' | 'fixedTeams' | 'minStaff' | 'maxStaff'> = {},
): ShiftVariable[] {
  const grids = gridCount(sc);
  const known = new Set(sc.teams.map((t) => t.id));
  for (const id of [...(opts.teams ?? []), ...(opts.fixedTeams ?? [])]) {
    if (!known.has(id)) {
      throw new OverrideError(`--teams ${id}`, [
        {
          path: '$.teams',
          code: 'override_path',
          zh: `没有队伍 ${id}（现有：${[...known].join(', ')}）`,
          en: `no team ${id} (teams: ${[...known].join(', ')})`,
        },
      ]);
    }
  }
  const fixed = new Set(opts.fixedTeams ?? []);
  const wanted = opts.teams ? new Set(opts.teams) : null;
  const out: ShiftVariable[] = [];
  for (const t of sc.teams) {
    if (fixed.has(t.id) || (wanted ? !wanted.has(t.id) : t.role === 'securityLanes')) continue;
    t.shifts.forEach((s, i) => {
      const path = `teams.${t.id}.shifts.${i}.staff`;
      const min = Math.max(0, opts.minStaff?.[path] ?? 0);
      out.push({
        team: t.id,
        shift: i,
        path,
        label: { zh: `${t.name.zh} ${s.start}–${s.end}`, en: `${t.name.en} ${s.start}–${s.end}` },
        hours: shiftHours(s.start, s.end),
        perGrid: t.placement === 'perGrid',
        multiplier: shiftMembers(sc, t, 1, grids),
        durationH: durationH(s.start, s.end),
        hourlyCostCny: t.hourlyCostCny,
        min,
        max: Math.max(min, opts.maxStaff?.[path] ?? Math.max(2 * s.staff, s.staff + 10)),
        current: s.staff,
      });
    });
  }
  return out;
}

const unitCost = (v: ShiftVariable) => v.multiplier * v.durationH * v.hourlyCostCny;

/**
 * Erlang C start: per team and hour, the fewest servers for the level's
 * share of cases within the response deadline; per shift the most its hours
 * need, shared by the team's shifts on duty then.
 */
export function erlangStart(
  sc: Scenario,
  vars: readonly ShiftVariable[],
  logged: readonly RunResult[],
  days: number,
  level: number,
): Record<string, number> {
  const exposure = hoursObserved(sc, days);
  const typeIdx = new Map(sc.eventTypes.map((t, i) => [t.id, i]));
  const nT = sc.eventTypes.length;
  const arrivals = Array.from({ length: nT }, () => new Array(24).fill(0));
  const handling = new Array(nT).fill(0),
    handled = new Array(nT).fill(0);
  for (const r of logged) {
    for (const c of r.log ?? []) {
      const i = typeIdx.get(c.type)!;
      if (c.filedS < 0) continue;
      arrivals[i][Math.floor(c.filedS / 3600) % 24] += sc.eventTypes[i].crew;
      if (c.handlingS > 0) {
        handling[i] += c.handlingS;
        handled[i]++;
      }
    }
  }
  // headcount on duty by team and hour (people), to split a skill's load between teams
  const onDuty = new Map<string, number[]>();
  const grids = gridCount(sc);
  for (const t of sc.teams) {
    const h24 = new Array(24).fill(0);
    for (const s of t.shifts) for (const h of shiftHours(s.start, s.end)) h24[h] += shiftMembers(sc, t, s.staff, grids);
    onDuty.set(t.id, h24);
  }
  const out: Record<string, number> = {};
  const byTeam = new Map<string, ShiftVariable[]>();
  for (const v of vars) byTeam.set(v.team, [...(byTeam.get(v.team) ?? []), v]);
  for (const [teamId, shifts] of byTeam) {
    const team = sc.teams.find((t) => t.id === teamId)!;
    const need = new Array(24).fill(0);
    for (let h = 0; h < 24; h++) {
      let lambda = 0,
        work = 0,
        deadline = 0;
      sc.eventTypes.forEach((et, i) => {
        if (!team.skills.includes(et.skill) || exposure[h] === 0 || logged.length === 0) return;
        const sharers = sc.teams.filter((t) => t.role !== 'securityLanes' && t.skills.includes(et.skill));
        const total = sharers.reduce((s, t) => s + onDuty.get(t.id)![h], 0);
        const share = total > 0 ? onDuty.get(teamId)![h] / total : 1 / sharers.length;
        const l = (arrivals[i][h] / (exposure[h] * logged.length)) * share;
        const meanS = handled[i] > 0 ? handling[i] / handled[i] : 0;
        lambda += l;
        work += l * meanS;
        deadline += l * et.responseDeadlineMin;
      });
      if (lambda <= 0 || work <= 0) continue;
      need[h] = staffForServiceLevel(lambda, lambda / (work / 3600), deadline / lambda, level);
    }
    // a crew needs that many on duty at once: no shift below the team's largest crew (unless it is below now)
    const crew = Math.max(1, ...sc.eventTypes.filter((et) => team.skills.includes(et.skill)).map((et) => et.crew));
    for (const v of shifts) {
      let x = v.current > 0 ? Math.ceil(Math.min(crew, v.current) / v.multiplier) : 0;
      for (const h of v.hours) {
        const k = shifts.filter((o) => o.hours.includes(h)).length;
        x = Math.max(x, Math.ceil(need[h] / k / v.multiplier));
      }
      out[v.path] = Math.min(v.max, Math.max(v.min, x));
    }
  }
  return out;
}

/** Searches the cheapest feasible plan; see the module comment. */
export async function optimise(runner: Runner, base: string | object, opts: OptimiseOptions): Promise<OptimiseResult> {
  if (!Number.isInteger(opts.replications) || opts.replications < 2)
    throw new RangeError(`optimise needs at least 2 replications, got ${opts.replications}`);
  const criterion = opts.criterion ?? 'coverage';
  const target = opts.target ?? 0.8;
  const confidence = opts.confidence ?? 0.95;
  const budget = Math.max(1, opts.budgetEvaluations ?? 40);
  const raw = scenarioRaw(base);
  const baseOverrides = { ...(opts.baseOverrides ?? {}) };
  const { scenario: sc } = applyOverridesParsed(raw, baseOverrides);
  const days = opts.days ?? sc.run.days;
  const vars = shiftVariables(sc, opts);
  if (vars.length === 0)
    throw new OverrideError('--teams', [
      { path: '$.teams', code: 'override_path', zh: '没有可搜索的班次', en: 'no shift to search' },
    ]);
  const seeds = consecutiveSeeds(opts.seed, opts.replications);
  const costOf = (staff: Record<string, number>) => vars.reduce((s, v) => s + staff[v.path] * unitCost(v), 0);
  const hoursOf = (staff: Record<string, number>) =>
    vars.reduce((s, v) => s + staff[v.path] * v.multiplier * v.durationH, 0);
  const key = (staff: Record<string, number>) => vars.map((v) => staff[v.path]).join(',');

  interface Eval extends PlanEvaluation {
    results: RunResult[] | null;
    diagnosis: Diagnosis | null;
  }
  const cache = new Map<string, Eval>();
  const history: PlanEvaluation[] = [];
  let spent = 0;
  const evaluate = async (
    staff: Record<string, number>,
    phase: PlanEvaluation['phase'],
    move: string,
    log = false,
  ): Promise<Eval> => {
    const k = key(staff);
    const known = cache.get(k);
    if (known) return known;
    opts.signal?.throwIfAborted();
    spent++;
    const costCny = costOf(staff);
    let e: Eval;
    try {
      const text = JSON.stringify(applyOverridesParsed(raw, { ...baseOverrides, ...staff }).raw);
      const results = await runner(text, seeds, { days: opts.days, log, signal: opts.signal });
      const j = criterionOf(sc, results, criterion, target, confidence);
      const agg = aggregate(results).summary;
      e = {
        index: history.length,
        phase,
        move,
        staff: { ...staff },
        costCny,
        staffHours: hoursOf(staff),
        criterion: j.value,
        feasible: j.feasible,
        coverageIndex: agg.coverageIndex,
        slaAttainment: agg.slaAttainment,
        results,
        diagnosis: diagnose(sc, results),
      };
    } catch (err) {
      if (!(err instanceof OverrideError)) throw err;
      e = {
        index: history.length,
        phase,
        move,
        staff: { ...staff },
        costCny,
        staffHours: hoursOf(staff),
        criterion: { mean: null, lowerBound: null, n: 0 },
        feasible: false,
        coverageIndex: null,
        slaAttainment: null,
        error: err.message,
        results: null,
        diagnosis: null,
      };
    }
    cache.set(k, e);
    const { results: _r, diagnosis: _d, ...row } = e;
    history.push(row);
    opts.onProgress?.({ evaluation: spent, budget, phase, costCny, feasible: e.feasible, criterion: e.criterion });
    return e;
  };
  const better = (a: CriterionEstimate, b: CriterionEstimate) =>
    (a.lowerBound ?? a.mean ?? -Infinity) > (b.lowerBound ?? b.mean ?? -Infinity) + 1e-12;

  // 0. the current plan (logged: the load for Erlang C)
  const currentStaff = Object.fromEntries(vars.map((v) => [v.path, v.current]));
  const current = await evaluate(currentStaff, 'current', 'current', true);
  const level = criterion === 'coverage' ? sc.targets.coverage : target;
  const start = erlangStart(sc, vars, current.results ?? [], days, level);

  // 1. the analytic start (when it differs from the current plan)
  let best: Eval = current;
  let plan: Eval = spent < budget ? await evaluate(start, 'start', 'Erlang C') : current;
  if (plan.feasible && (!best.feasible || plan.costCny < best.costCny)) best = plan;
  // raise from the better of the two: a feasible one, else the higher criterion (an invalid start is never taken)
  if (!plan.feasible && (current.feasible || plan.error !== undefined || !better(plan.criterion, current.criterion)))
    plan = current;

  // 2. raise while infeasible
  const saturated = new Set<string>();
  const stepUp = (v: ShiftVariable, s: number) =>
    Math.min(v.max - s, v.perGrid ? 1 : Math.max(1, Math.round(0.15 * s)));
  const bold = (v: ShiftVariable, s: number) => Math.min(v.max - s, v.perGrid ? 1 : Math.max(1, Math.round(0.25 * s)));
  let boldOk = true;
  while (!plan.feasible && spent < budget) {
    const d = plan.diagnosis;
    const scored: { v: ShiftVariable; late: number; score: number }[] = [];
    for (const v of vars) {
      if (saturated.has(v.path) || plan.staff[v.path] >= v.max) continue;
      const team = sc.teams.find((t) => t.id === v.team)!;
      let late = 0;
      for (const l of d?.limits ?? []) {
        const et = sc.eventTypes.find((e) => e.id === l.eventType);
        const weight =
          l.stage === 'queue' && l.team === v.team
            ? 1
            : l.stage === 'travel' && et && team.skills.includes(et.skill)
              ? 0.3
              : l.stage === 'discovery' && team.patrol
                ? 0.2
                : 0;
        if (weight > 0) for (const h of v.hours) late += weight * l.byHour[h];
      }
      if (late > 0) scored.push({ v, late, score: late / (stepUp(v, plan.staff[v.path]) * unitCost(v)) });
    }
    if (scored.length === 0) break;
    scored.sort((a, b) => b.score - a.score || a.v.path.localeCompare(b.v.path));
    // a bold move first (every shift with late cases it could serve, by a quarter), then one shift at a time
    // bold moves take every shift that could help, but perGrid ones (one step is a person per grid)
    const queuedShifts = scored.filter((x) => !x.v.perGrid);
    if (boldOk && queuedShifts.length > 1) {
      const next = { ...plan.staff };
      for (const { v } of queuedShifts) next[v.path] += bold(v, plan.staff[v.path]);
      const e = await evaluate(
        next,
        'raise',
        queuedShifts.map(({ v }) => `${v.team}.${v.shift} +${next[v.path] - plan.staff[v.path]}`).join(', '),
      );
      if (better(e.criterion, plan.criterion) || e.feasible) {
        plan = e;
      } else boldOk = false;
    } else {
      const pick = scored[0].v;
      const next = { ...plan.staff, [pick.path]: plan.staff[pick.path] + stepUp(pick, plan.staff[pick.path]) };
      const e = await evaluate(next, 'raise', `${pick.team}.${pick.shift} +${next[pick.path] - plan.staff[pick.path]}`);
      if (better(e.criterion, plan.criterion) || e.feasible) {
        plan = e;
        boldOk = true;
      } else saturated.add(pick.path);
    }
    if (plan.feasible && (!best.feasible || plan.costCny < best.costCny)) best = plan;
  }
  if (!best.feasible && !plan.feasible && better(plan.criterion, best.criterion)) best = plan;

  // 3. cut while feasible
  if (best.feasible) {
    plan = best;
    const steps = new Map(
      vars.map((v) => [v.path, v.perGrid ? 1 : Math.max(1, Math.round(0.25 * plan.staff[v.path]))]),
    );
    const done = new Set<string>();
    while (spent < budget && done.size < vars.length) {
      const order = vars
        .filter((v) => !done.has(v.path) && plan.staff[v.path] > v.min)
        .sort(
          (a, b) => steps.get(b.path)! * unitCost(b) - steps.get(a.path)! * unitCost(a) || a.path.localeCompare(b.path),
        );
      if (order.length === 0) break;
      const v = order[0];
      const step = Math.min(steps.get(v.path)!, plan.staff[v.path] - v.min);
      const next = { ...plan.staff, [v.path]: plan.staff[v.path] - step };
      const e = await evaluate(next, 'cut', `${v.team}.${v.shift} −${step}`);
      if (e.feasible) plan = e;
      else if (step > 1) steps.set(v.path, Math.max(1, Math.floor(step / 2)));
      else done.add(v.path);
      if (plan.staff[v.path] <= v.min) done.add(v.path);
    }
    best = plan;
  }

  // 4. verification on fresh seeds
  const vSeeds = consecutiveSeeds(opts.seed + VERIFY_SEED_OFFSET, opts.verifyReplications ?? opts.replications);
  opts.onProgress?.({
    evaluation: spent,
    budget,
    phase: 'verify',
    costCny: best.costCny,
    feasible: best.feasible,
    criterion: best.criterion,
  });
  const vText = JSON.stringify(applyOverridesParsed(raw, { ...baseOverrides, ...best.staff }).raw);
  const vResults = await runner(vText, vSeeds, { days: opts.days, signal: opts.signal });
  const vj = criterionOf(sc, vResults, criterion, target, confidence);
  const vAgg = aggregate(vResults).summary;
  opts.onProgress?.({
    evaluation: spent,
    budget,
    phase: 'done',
    costCny: best.costCny,
    feasible: best.feasible,
    criterion: best.criterion,
  });

  return {
    criterion,
    target,
    confidence,
    replications: opts.replications,
    seeds,
    budgetEvaluations: budget,
    plan: { overrides: { ...baseOverrides, ...best.staff } },
    costCny: best.costCny,
    staffHours: best.staffHours,
    feasible: best.feasible,
    evaluations: spent,
    search: best.criterion,
    current: {
      costCny: current.costCny,
      staffHours: current.staffHours,
      criterion: current.criterion,
      feasible: current.feasible,
    },
    shifts: vars.map((v) => ({
      path: v.path,
      team: v.team,
      shift: v.shift,
      label: v.label,
      perGrid: v.perGrid,
      current: v.current,
      erlangStart: start[v.path],
      plan: best.staff[v.path],
      costChangeCny: (best.staff[v.path] - v.current) * unitCost(v),
      min: v.min,
      max: v.max,
      atMax: best.staff[v.path] >= v.max,
    })),
    history,
    verification: {
      seeds: vSeeds,
      criterion: {
        mean: vj.value.mean,
        lowerBound: vj.value.lowerBound,
        n: vj.value.n,
        ...(vj.value.worst ? { worst: vj.value.worst } : {}),
        ...(vj.value.unjudged ? { unjudged: vj.value.unjudged } : {}),
      },
      meets: vj.feasible,
      coverageIndex: vAgg.coverageIndex,
      slaAttainment: vAgg.slaAttainment,
    },
    diagnosis: diagnose(sc, vResults),
    headcount: {
      current: peakAndHours(sc),
      plan: peakAndHours(applyOverridesParsed(raw, { ...baseOverrides, ...best.staff }).scenario),
    },
  };
}

function peakAndHours(sc: Scenario): { peakOnDuty: number; staffHoursPerDay: number } {
  const h = headcountOf(sc);
  return { peakOnDuty: h.peakOnDuty, staffHoursPerDay: h.staffHoursPerDay };
}
