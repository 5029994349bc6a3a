/**
 * `allweather optimise`: the cheapest roster over several teams and shifts
 * that meets a criterion with a one-sided confidence bound, verified on
 * fresh seeds (src/analysis/optimise.ts).
 *
 *   allweather optimise <scenario.json> [--criterion coverage|hourly|types] [--target X] [--confidence C]
 *                       [--teams a,b] [--fixed c,d] [--min-staff path=N ...] [--max-staff path=N ...]
 *                       [--replications R] [--verify-replications R] [--budget-evaluations N]
 *                       [--seed N] [--days D] [--set path=value ...] [--workers W] [--json] [--out DIR]
 *
 * --out DIR writes the files of the app's optimise download (optimise-plan.csv,
 * optimise-evaluations.csv, optimise.json) from the same writer, and a
 * manifest that `allweather replay DIR` re-runs and compares byte for byte.
 */
import { optimise, shiftVariables, type OptimiseCriterion, type OptimiseResult } from '../analysis/optimise.ts';
import { optimiseExperimentFiles, optimiseSpec } from '../export/experiment.ts';
import { checkOutDir } from './bundleDir.ts';
import { writeCommandExperiment } from './experimentFolder.ts';
import { parseAssignment } from '../analysis/overrides.ts';
import { hoursText, STAGE_LABELS } from '../analysis/diagnose.ts';
import type { Scenario } from '../scenario/schema.ts';
import {
  UsageError,
  checkRunSizeOrThrow,
  fmt,
  fractionArg,
  intArg,
  loadScenario,
  onePositional,
  overridesArg,
  parse,
  progress,
  readVersion,
  runArgs,
  withPool,
  type CliIO,
  REPLICATION_OPTIONS,
} from './common.ts';
import { applyOverridesParsed } from '../analysis/overrides.ts';
import { table } from './table.ts';
import { USAGE } from './usage.ts';

function boundsArg(name: string, list: string[] | undefined): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of list ?? []) {
    const [path, value] = parseAssignment(item);
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
      throw new UsageError(
        `--${name} 须写作 路径=非负整数 / --${name} must be path=non-negative integer, got "${item}"`,
      );
    }
    out[path] = value;
  }
  return out;
}

const listArg = (v: unknown) =>
  typeof v === 'string'
    ? v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : undefined;

export async function optimiseCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parse(
    args,
    {
      criterion: { type: 'string' },
      target: { type: 'string' },
      confidence: { type: 'string' },
      teams: { type: 'string' },
      fixed: { type: 'string' },
      'min-staff': { type: 'string', multiple: true },
      'max-staff': { type: 'string', multiple: true },
      'budget-evaluations': { type: 'string' },
      'verify-replications': { type: 'string' },
      out: { type: 'string' },
      ...REPLICATION_OPTIONS,
    },
    USAGE,
  );
  const path = onePositional('optimise', positionals, USAGE);
  const criterion = (values.criterion as string | undefined) ?? 'coverage';
  if (criterion !== 'coverage' && criterion !== 'hourly' && criterion !== 'types') {
    throw new UsageError(
      `--criterion 只能是 coverage、hourly 或 types / --criterion must be coverage, hourly or types, got "${criterion}"`,
    );
  }
  const target = fractionArg('target', values.target as string | undefined, 0, 1) ?? 0.8;
  const confidence = fractionArg('confidence', values.confidence as string | undefined, 0.5, 1) ?? 0.95;
  const budget = intArg('budget-evaluations', values['budget-evaluations'] as string | undefined, 1) ?? 40;
  const verifyReps = intArg('verify-replications', values['verify-replications'] as string | undefined, 2);
  const { replications, seedFlag, days, workers, force, progress: showProgress, queue } = runArgs(values, 2, 6);
  const baseOverrides = overridesArg(values.set as string[] | undefined);
  const outDir = values.out as string | undefined;
  if (outDir !== undefined) checkOutDir(outDir); // an unwritable --out is said before the search
  const { text, scenario } = loadScenario(path);
  const seed = seedFlag ?? scenario.run.seed;
  const variant =
    Object.keys(baseOverrides).length > 0
      ? applyOverridesParsed(JSON.parse(text.replace(/^\uFEFF/, '')), baseOverrides).scenario
      : scenario;
  // at most `budget` plans of R replications, then the verification
  checkRunSizeOrThrow(io, [variant], { days, runs: budget * replications + (verifyReps ?? 2 * replications), force });
  const p = progress(io, '评估 evaluations', showProgress);
  const teams = listArg(values.teams);
  const fixedTeams = listArg(values.fixed);
  const minStaff = boundsArg('min-staff', values['min-staff'] as string[] | undefined);
  const maxStaff = boundsArg('max-staff', values['max-staff'] as string[] | undefined);
  const result = await withPool({ workers, queue, io }, replications, (run) =>
    optimise(run, text, {
      seed,
      replications,
      days,
      criterion: criterion as OptimiseCriterion,
      target,
      confidence,
      teams,
      fixedTeams,
      minStaff,
      maxStaff,
      budgetEvaluations: budget,
      verifyReplications: verifyReps,
      baseOverrides,
      onProgress: (e) => p.update(e.evaluation, e.budget, `${e.phase} ¥${fmt(e.costCny, 0)} ${e.feasible ? '✓' : '✗'}`),
    }),
  );
  p.end();
  const report = { scenario: scenario.id, version: readVersion(), seed, days: days ?? scenario.run.days, ...result };
  if (outDir !== undefined) {
    // the app's optimise download, from the same writer, and a manifest `allweather replay DIR` re-runs; the
    // manifest names the teams searched (what --teams and --fixed came to), as the app's does
    const searched = [...new Set(shiftVariables(variant, { teams, fixedTeams }).map((v) => v.team))];
    writeCommandExperiment(
      outDir,
      {
        argv: ['optimise', ...args],
        scenario: text,
        seed,
        replications,
        days,
        experiment: {
          ...optimiseSpec({
            criterion: criterion as OptimiseCriterion,
            target,
            confidence,
            teams: searched,
            minStaff,
            maxStaff,
            budgetEvaluations: budget,
            verifyReplications: verifyReps,
          }),
          ...(Object.keys(baseOverrides).length > 0 ? { baseOverrides } : {}),
        },
      },
      (m) => optimiseExperimentFiles(m, result),
    );
  }
  io.stdout.write(values.json ? JSON.stringify(report, null, 2) + '\n' : formatOptimise(scenario, result));
  if (outDir !== undefined && !values.json) io.stdout.write(`已写入 / Written: ${outDir}\n`);
  return 0;
}

const pct = (x: number | null | undefined) => (x === null || x === undefined ? '—' : `${fmt(x * 100, 1)}%`);

export function formatOptimise(sc: Scenario, r: OptimiseResult): string {
  const out: string[] = [];
  const crit = {
    coverage: '覆盖指数 coverage index',
    hourly: '逐小时按时率 hourly attainment',
    types: '各类事件按时率 attainment per event type',
  }[r.criterion];
  out.push(`最省排班 / Cheapest plan — ${sc.name.zh} / ${sc.name.en}`);
  out.push(
    `准则 criterion: ${crit} ≥ ${pct(r.target)}（单侧 one-sided ${pct(r.confidence)} 下限 lower bound），${r.replications} 次重复/方案 replications per plan，${r.evaluations} 个方案 plans evaluated`,
  );
  out.push('');
  out.push(
    ...table(
      [
        ['班次 shift', '现 now', 'Erlang C', '方案 plan', '变化 change', '成本变化 cost ¥/day'],
        ...r.shifts.map((s) => [
          `${s.label.zh}${s.perGrid ? '（每网格 per grid）' : ''}`,
          String(s.current),
          String(s.erlangStart),
          String(s.plan),
          s.plan === s.current ? '·' : `${s.plan > s.current ? '+' : ''}${s.plan - s.current}`,
          s.costChangeCny === 0 ? '·' : `${s.costChangeCny > 0 ? '+' : ''}${fmt(s.costChangeCny, 0)}`,
        ]),
      ],
      [false, true, true, true, true, true],
    ),
  );
  out.push('');
  const w = (c: { worst?: string; unjudged?: string[] }) =>
    (c.worst ? `（最差 worst: ${c.worst}）` : '') +
    (c.unjudged ? `（不足两次重复有案件、未判定 too rare to judge: ${c.unjudged.join(', ')}）` : '');
  out.push(
    `现行 current: ¥${fmt(r.current.costCny, 0)}/day, ${fmt(r.current.staffHours, 0)} 人·时 staff-h, 准则 criterion ${pct(r.current.criterion.mean)} [下限 lower ${pct(r.current.criterion.lowerBound)}] ${r.current.feasible ? '✓' : '✗'}${w(r.current.criterion)}`,
  );
  out.push(
    `方案 plan:    ¥${fmt(r.costCny, 0)}/day (${r.costCny >= r.current.costCny ? '+' : ''}${fmt(r.costCny - r.current.costCny, 0)}), ${fmt(r.staffHours, 0)} 人·时 staff-h, 搜索种子 search seeds ${pct(r.search.mean)} [下限 lower ${pct(r.search.lowerBound)}] ${r.feasible ? '✓' : '✗'}${w(r.search)}`,
  );
  out.push(
    `在岗人数（排班，全部队伍）headcount on duty (rostered, every team): 峰值 peak ${fmt(r.headcount.current.peakOnDuty, 0)} → ${fmt(r.headcount.plan.peakOnDuty, 0)}，人·时/日 staff-hours a day ${fmt(r.headcount.current.staffHoursPerDay, 0)} → ${fmt(r.headcount.plan.staffHoursPerDay, 0)}`,
  );
  const v = r.verification;
  out.push(
    `验证 verification on fresh seeds ${v.seeds[0]}…${v.seeds[v.seeds.length - 1]}: ${pct(v.criterion.mean)} [下限 lower ${pct(v.criterion.lowerBound)}] ${v.meets ? '✓ 达标 meets' : '✗ 未达标 does not meet'}${w(v.criterion)}`,
  );
  if (!r.feasible) {
    out.push('');
    const capped = r.shifts.filter((s) => s.atMax);
    if (capped.length > 0) {
      out.push(
        `已到搜索上限的班次 / shifts at the top of their range: ${capped.map((s) => `${s.label.zh} / ${s.label.en} = ${s.max}`).join('; ')}（--max-staff ${capped[0].path}=N 可放宽 / widens it）`,
      );
    }
    out.push(
      '在搜索范围和评估次数内没有找到达标方案；剩余超时主要来自 / No plan met the criterion within the ranges and budget; the remaining late cases come mostly from:',
    );
  } else {
    out.push('');
    out.push('方案下剩余超时主要来自 / Under the plan, the remaining late cases come mostly from:');
  }
  for (const l of r.diagnosis.limits.slice(0, 3)) {
    out.push(
      `- ${STAGE_LABELS[l.stage].zh} ${l.stage} · ${l.eventType}${l.team ? ` · ${l.team}` : ''}: ${fmt(l.lateCases, 1)}/rep (${pct(l.share)}), ${hoursText(l.peakHours)}`,
    );
  }
  out.push('');
  out.push(
    '应用 / apply: ' +
      Object.entries(r.plan.overrides)
        .map(([p, x]) => `--set ${p}=${JSON.stringify(x)}`)
        .join(' '),
  );
  return out.join('\n') + '\n';
}
