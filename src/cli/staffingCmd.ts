/**
 * `allweather staffing`: the fewest staff on a shift (or on several, greedily)
 * such that the criterion holds with the stated confidence, with Erlang C's
 * estimate per hour beside it (see src/analysis/staffing.ts).
 *
 *   allweather staffing <scenario.json> --shift team.index [--shift ...] [--target 0.8] [--confidence 0.95]
 *                       [--criterion coverage|hourly] [--min-staff N] [--max-staff N] [--set path=value ...]
 *                       [--replications R] [--seed N] [--days D] [--workers W] [--json]
 */
import { findStaffing, parseShiftRef, type StaffingCriterion, type StaffingPlan } from '../analysis/staffing.ts';
import { staffingExperimentFiles } from '../export/experiment.ts';
import { writeCommandExperiment } from './experimentFolder.ts';
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
  withPool,
  type CliIO,
  runArgs,
  REPLICATION_OPTIONS,
} from './common.ts';
import { applyOverridesParsed } from '../analysis/overrides.ts';
import { table } from './table.ts';
import { USAGE } from './usage.ts';

export async function staffingCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parse(
    args,
    {
      shift: { type: 'string', multiple: true },
      target: { type: 'string' },
      confidence: { type: 'string' },
      criterion: { type: 'string' },
      'min-staff': { type: 'string' },
      'max-staff': { type: 'string' },
      ...REPLICATION_OPTIONS,
      out: { type: 'string' },
    },
    USAGE,
  );
  const path = onePositional('staffing', positionals, USAGE);
  const shifts = ((values.shift as string[] | undefined) ?? []).map(parseShiftRef);
  if (shifts.length === 0)
    throw new UsageError(
      `staffing 需要至少一个 --shift 队伍id.班次下标 / staffing needs at least one --shift team-id.shift-index\n\n${USAGE}`,
    );
  const target = fractionArg('target', values.target as string | undefined, 0, 1) ?? 0.8;
  const confidence = fractionArg('confidence', values.confidence as string | undefined, 0.5, 1) ?? 0.95;
  const criterion = (values.criterion as string | undefined) ?? 'coverage';
  if (criterion !== 'coverage' && criterion !== 'hourly') {
    throw new UsageError(
      `--criterion 只能是 coverage 或 hourly / --criterion must be coverage or hourly, got "${criterion}"`,
    );
  }
  const minStaff = intArg('min-staff', values['min-staff'] as string | undefined, 0);
  const maxStaff = intArg('max-staff', values['max-staff'] as string | undefined, 0);
  if (minStaff !== undefined && maxStaff !== undefined && maxStaff < minStaff)
    throw new UsageError('--max-staff 须不小于 --min-staff / --max-staff must be >= --min-staff');
  const baseOverrides = overridesArg(values.set as string[] | undefined);
  const { replications, seedFlag, days, workers, force, progress: showProgress, queue } = runArgs(values, 2, 8);

  const { text, scenario } = loadScenario(path);
  const seed = seedFlag ?? scenario.run.seed;
  // each shift's search evaluates a few staff counts, R replications each: R per shift is the least it runs
  const variant =
    Object.keys(baseOverrides).length > 0
      ? applyOverridesParsed(JSON.parse(text.replace(/^\uFEFF/, '')), baseOverrides).scenario
      : scenario;
  checkRunSizeOrThrow(io, [variant], { days, runs: replications * shifts.length, force });
  const p = progress(io, '评估 evaluations', showProgress);
  let n = 0;
  const plan = await withPool({ workers, queue, io }, replications, (run) =>
    findStaffing(run, text, shifts, {
      seed,
      replications,
      days,
      target,
      confidence,
      criterion: criterion as StaffingCriterion,
      minStaff,
      maxStaff,
      baseOverrides,
      onEvaluation: () => p.update(++n),
    }),
  );
  p.end();
  const report = { scenario: scenario.id, version: readVersion(), days: days ?? scenario.run.days, ...plan };
  const outDir = values.out as string | undefined;
  if (outDir !== undefined) {
    // the app's staffing download, from the same writer, and a manifest `allweather replay DIR` re-runs
    writeCommandExperiment(
      outDir,
      {
        argv: ['staffing', ...args],
        scenario: text,
        seed,
        replications,
        days,
        experiment: {
          kind: 'staffing',
          shifts: shifts.map((s) => `${s.team}.${s.shift}`),
          target,
          confidence,
          criterion: criterion as StaffingCriterion,
          ...(minStaff !== undefined ? { minStaff } : {}),
          ...(maxStaff !== undefined ? { maxStaff } : {}),
          baseOverrides,
        },
      },
      (m) => staffingExperimentFiles(m, plan),
    );
  }
  io.stdout.write(values.json ? JSON.stringify(report, null, 2) + '\n' : formatStaffing(report));
  if (outDir !== undefined && !values.json) io.stdout.write(`已写入 / Written: ${outDir}\n`);
  return 0;
}

export function formatStaffing(r: StaffingPlan & { scenario: string; version: string; days: number }): string {
  const out: string[] = [];
  const pct = (v: number | null | undefined) => (v == null ? '—' : `${fmt(v * 100, 1)}%`);
  const crit =
    r.criterion === 'coverage'
      ? `覆盖指数（班次时段内）的 ${fmt(r.confidence * 100, 0)}% 单侧置信下限 ≥ ${pct(r.target)} / one-sided ${fmt(r.confidence * 100, 0)}% lower bound of the coverage index over the shift's hours ≥ ${pct(r.target)}`
      : `班次每小时按时率的 ${fmt(r.confidence * 100, 0)}% 单侧置信下限均 ≥ ${pct(r.target)} / every hour of the shift: one-sided ${fmt(r.confidence * 100, 0)}% lower bound of SLA attainment ≥ ${pct(r.target)}`;
  out.push(
    `全天候 AllWeather ${r.version} — 最少人员 staffing · ${r.scenario} · ${r.replications} 次重复/每个人数 replications per count (seeds ${r.seeds[0]}–${r.seeds[r.seeds.length - 1]}) · 天数 days ${r.days}`,
  );
  out.push(`判据 criterion: ${crit}`);
  out.push(`网格时段达标线 grid-hour standard (targets.coverage): ${pct(r.standard)}`);
  for (const s of r.shifts) {
    out.push('');
    const unit = s.perGrid ? ' 每网格 per grid' : '';
    out.push(
      `班次 shift ${s.label} (${s.path}, 时段 hours ${s.hours.map((h) => String(h).padStart(2, '0')).join(' ')})`,
    );
    const rows: string[][] = [
      [
        '人数 staff',
        r.criterion === 'coverage' ? '均值 mean' : '最差小时 worst hour',
        '下限 lower bound',
        '达标 meets',
        '覆盖指数 coverage (day)',
        '人员工时 staff-h',
        '人力成本 cost ¥',
      ],
    ];
    for (const e of s.evaluations) {
      const mean =
        r.criterion === 'coverage'
          ? pct(e.criterion.mean)
          : e.criterion.worstHour === undefined
            ? '—'
            : `${String(e.criterion.worstHour).padStart(2, '0')}:00 ${pct(e.criterion.mean)}`;
      rows.push([
        `${e.staff}${e.staff === s.original ? ' (现 now)' : ''}`,
        mean,
        pct(e.criterion.lower),
        e.error ? '无效 invalid' : e.feasible ? '✓' : '✗',
        pct(e.coverageIndex?.mean),
        e.staffHours?.mean == null ? '—' : fmt(e.staffHours.mean, 0),
        e.costCny?.mean == null ? '—' : fmt(e.costCny.mean, 0),
      ]);
    }
    out.push(...table(rows, [true, true, true, false, true, true, true]));
    out.push(
      s.feasible
        ? `→ 最少 fewest staff: ${s.staff}${unit}（现为 now ${s.original}${s.staff! < s.original ? `，可减 ${s.original - s.staff!} / can drop ${s.original - s.staff!}` : s.staff! > s.original ? `，需增 ${s.staff! - s.original} / needs ${s.staff! - s.original} more` : ''}）`
        : `→ 在搜索范围内无法达标 / not reachable within the search range (up to ${Math.max(...s.evaluations.map((e) => e.staff))}${unit}); kept at ${s.original}`,
    );
    out.push('');
    out.push(
      `Erlang C 对照：每小时 ${pct(r.erlangLevel)} 的案件在响应时限内开始处置；仿真 = 可处置这些案件的外勤队伍在岗人数`,
    );
    out.push(
      `Beside Erlang C: per hour, ${pct(r.erlangLevel)} of cases start within the response deadline; sim = on duty in field teams with these skills:`,
    );
    const erows: string[][] = [
      [
        '时段 hour',
        '到达 λ/h',
        '处置 handling min',
        '负荷 load (Erl)',
        '时限 deadline min',
        'Erlang C',
        '仿真 sim',
        '差 sim−Erlang',
      ],
    ];
    for (const e of s.erlang) {
      erows.push([
        `${String(e.hour).padStart(2, '0')}:00`,
        fmt(e.arrivalsPerHour, 2),
        e.meanHandlingMin === null ? '—' : fmt(e.meanHandlingMin, 1),
        fmt(e.offeredLoad, 2),
        e.deadlineMin === null ? '—' : fmt(e.deadlineMin, 0),
        String(e.erlangStaff),
        fmt(e.simStaff, 1),
        `${e.difference >= 0 ? '+' : '−'}${fmt(Math.abs(e.difference), 1)}`,
      ]);
    }
    out.push(...table(erows, [false, true, true, true, true, true, true, true]));
  }
  out.push('');
  const plan = Object.entries(r.overrides)
    .map(([k, v]) => `--set ${k}=${JSON.stringify(v)}`)
    .join(' ');
  out.push(`方案 plan: ${plan || '（不变 unchanged）'}`);
  return out.join('\n') + '\n';
}
