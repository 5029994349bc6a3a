/**
 * `allweather sweep`: one or two parameters over value lists, R replications
 * per point with common random numbers, and the coverage/staff-hours frontier.
 *
 *   allweather sweep <scenario.json> --param path=v1,v2,... [--param path2=a..b[:step]] [--set path=value ...]
 *                    [--hold-headcount] [--replications R] [--seed N] [--days D] [--workers W] [--json] [--out DIR]
 *
 * Beside each point's KPIs the table shows its rostered headcount (peak on
 * duty, staff-hours a day; headcount.ts), and says when the points differ
 * in headcount; --hold-headcount (`--set holdHeadcount=true` at every point)
 * keeps it at the scenario's. Parameters are named in words under the table
 * (paramLabels.ts).
 *
 * --out DIR writes the files of the app's sweep download, from the same
 * writers (src/export/experiment.ts): sweep.json (the manifest, the
 * parameters and every point), sweep.csv (one row per point),
 * sweep-replications.csv (one row per point, replication and KPI) and
 * manifest.json with the sweep's parameters: `allweather replay DIR`
 * re-runs the sweep and compares every file byte for byte.
 */
import { fmtCount, sameHeadcount } from '../analysis/headcount.ts';
import {
  applyOverridesParsed,
  checkOverridePath,
  normaliseOverridePath,
  parseOverrideValue,
  scenarioRaw,
  type Overrides,
} from '../analysis/overrides.ts';
import { paramLabel } from '../analysis/paramLabels.ts';
import { shownCi } from '../i18n/kpi.ts';
import type { Scenario } from '../scenario/schema.ts';
import { sweep, type SweepParam, type SweepResult } from '../analysis/sweep.ts';
import { sweepExperimentFiles } from '../export/experiment.ts';
import { writeCommandExperiment } from './experimentFolder.ts';
import {
  UsageError,
  checkRunSizeOrThrow,
  fmt,
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
import { table } from './table.ts';
import { USAGE } from './usage.ts';
import { checkOutDir } from './bundleDir.ts';

/** `path=v1,v2,...`, or `path=a..b` / `path=a..b:step` for integers. */
export function parseParam(text: string): SweepParam {
  const eq = text.indexOf('=');
  if (eq <= 0 || eq === text.length - 1) {
    throw new UsageError(
      `--param 须写作 路径=值1,值2,… 或 路径=a..b / --param must be path=v1,v2,... or path=a..b[:step], got "${text}"`,
    );
  }
  const path = normaliseOverridePath(text.slice(0, eq));
  checkOverridePath(text, path); // __proto__, constructor, prototype: refused before any variant is built
  const spec = text.slice(eq + 1).trim();
  const range = /^(-?\d+)\.\.(-?\d+)(?::(\d+))?$/.exec(spec);
  if (range) {
    const [a, b, step] = [Number(range[1]), Number(range[2]), Number(range[3] ?? 1)];
    if (step < 1 || b < a || (b - a) / step > 1000) {
      throw new UsageError(
        `--param 的范围无效 / bad range in --param ${text} (need a <= b, step >= 1, at most 1000 values)`,
      );
    }
    const values: number[] = [];
    for (let v = a; v <= b; v += step) values.push(v);
    return { path, values };
  }
  const values = spec
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map(parseOverrideValue);
  if (values.length === 0) throw new UsageError(`--param ${path} 没有取值 / --param ${path} has no values`);
  return { path, values };
}

export async function sweepCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parse(
    args,
    {
      param: { type: 'string', multiple: true },
      ...REPLICATION_OPTIONS,
      'hold-headcount': { type: 'boolean', default: false },
      out: { type: 'string' },
    },
    USAGE,
  );
  const path = onePositional('sweep', positionals, USAGE);
  const params = ((values.param as string[] | undefined) ?? []).map(parseParam);
  if (params.length < 1 || params.length > 2) {
    throw new UsageError(`sweep 需要一个或两个 --param / sweep takes one or two --param path=v1,v2,...\n\n${USAGE}`);
  }
  if (params.length === 2 && params[0].path === params[1].path)
    throw new UsageError(`两个 --param 的路径相同 / both --param name the same path: ${params[0].path}`);
  const baseOverrides = overridesArg(values.set as string[] | undefined);
  if (values['hold-headcount']) baseOverrides.holdHeadcount = true;
  const { replications, seedFlag, days, workers, force, progress: showProgress, queue } = runArgs(values, 1, 5);

  if (values.out !== undefined) checkOutDir(values.out as string); // an unwritable --out is said before the run
  const { text, scenario } = loadScenario(path);
  const seed = seedFlag ?? scenario.run.seed;
  const points = params.reduce((n, p) => n * p.values.length, 1);
  checkRunSizeOrThrow(io, sweepVariants(text, params, baseOverrides), { days, runs: points * replications, force });
  const p = progress(io, '扫描点 points', showProgress);
  const result = await withPool({ workers, queue, io }, points * replications, (run) =>
    sweep(run, text, params, {
      seed,
      replications,
      days,
      baseOverrides,
      onPoint: (_pt, done, total) => p.update(done, total),
    }),
  );
  p.end();

  const report = {
    scenario: scenario.id,
    version: readVersion(),
    days: days ?? scenario.run.days,
    baseOverrides,
    ...result,
  };
  const json = JSON.stringify(report, null, 2) + '\n';
  const outDir = values.out as string | undefined;
  if (outDir !== undefined) {
    // the files of the app's sweep download, from the same writers, and a manifest that `allweather replay` re-runs
    writeCommandExperiment(
      outDir,
      {
        argv: ['sweep', ...args],
        scenario: text,
        seed,
        replications,
        days,
        experiment: { kind: 'sweep', params, baseOverrides },
      },
      (m) => sweepExperimentFiles(m, result),
    );
  }
  io.stdout.write(values.json ? json : formatSweep(report, scenario));
  if (outDir !== undefined && !values.json) io.stdout.write(`已写入 / Written: ${outDir}\n`);
  return 0;
}

/** Every valid point's scenario (for the run-size check); invalid combinations are the sweep's to report. */
function sweepVariants(text: string, params: SweepParam[], base: Overrides): Scenario[] {
  const raw = scenarioRaw(text);
  let combos: Overrides[] = [{}];
  for (const p of params) combos = combos.flatMap((c) => p.values.map((v) => ({ ...c, [p.path]: v })));
  return combos.flatMap((c) => {
    try {
      return [applyOverridesParsed(raw, { ...base, ...c }).scenario];
    } catch {
      return [];
    }
  });
}

const show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

export function formatSweep(
  r: SweepResult & { scenario: string; version: string; days: number; baseOverrides?: Record<string, unknown> },
  sc?: Scenario,
): string {
  const out: string[] = [];
  const s = r.seeds;
  out.push(
    `全天候 AllWeather ${r.version} — 参数扫描 sweep · ${r.scenario} · 每点 ${s.length} 次重复 / ${s.length} replications per point (seeds ${s[0]}–${s[s.length - 1]}, 共同随机数 common random numbers) · 天数 days ${r.days}`,
  );
  out.push('');
  const pct = (e: { mean: number | null } | null) => (e?.mean == null ? '—' : `${fmt(e.mean * 100, 1)}%`);
  const ci = (e: { ci95: [number, number] | null } | null) => {
    const c = e?.ci95 ? shownCi('share', e.ci95) : null;
    return c ? `[${fmt(c[0] * 100, 1)}, ${fmt(c[1] * 100, 1)}]` : '—';
  };
  const rows: string[][] = [
    [
      ...r.params.map((p) => p.path),
      '覆盖指数 coverage',
      '95% CI',
      '按时率 SLA',
      '人员工时 staff-h',
      '人力成本 cost ¥',
      '峰值在岗 peak',
      '排班人·时/日 rostered h/day',
      '前沿 frontier',
    ],
  ];
  for (const pt of r.points) {
    const vals = r.params.map((p) => show(pt.values[p.path]));
    if (pt.error) {
      rows.push([...vals, '无效 invalid', '', '', '', '', '', '', '']);
      continue;
    }
    rows.push([
      ...vals,
      pct(pt.coverageIndex),
      ci(pt.coverageIndex),
      pct(pt.slaAttainment),
      pt.staffHours?.mean == null ? '—' : fmt(pt.staffHours.mean, 0),
      pt.costCny?.mean == null ? '—' : fmt(pt.costCny.mean, 0),
      pt.headcount ? fmtCount(pt.headcount.peakOnDuty) : '—',
      pt.headcount ? fmtCount(pt.headcount.staffHoursPerDay) : '—',
      pt.onFrontier ? '★' : '',
    ]);
  }
  out.push(...table(rows, [...r.params.map(() => false), true, true, true, true, true, true, true, false]));
  for (const p of r.params) {
    const l = paramLabel(p.path, sc);
    if (l.zh !== p.path) out.push(`  ${p.path}: ${l.zh} / ${l.en}`);
  }
  const counted = r.points.filter((pt) => pt.headcount);
  if (counted.some((pt) => !sameHeadcount(pt.headcount!, r.baseHeadcount))) {
    const peaks = counted.map((pt) => pt.headcount!.peakOnDuty);
    const held = r.baseOverrides?.holdHeadcount === true;
    out.push('');
    out.push(
      `注意：各点的在岗人数不同（峰值 ${fmtCount(Math.min(...peaks))}–${fmtCount(Math.max(...peaks))}，场景本身 ${fmtCount(r.baseHeadcount.peakOnDuty)}）${held ? '' : '；按网格排班的队伍人数随网格数变化，可用 --hold-headcount 保持'}。`,
    );
    out.push(
      `Note: the points differ in headcount (peak on duty ${fmtCount(Math.min(...peaks))}–${fmtCount(Math.max(...peaks))}; the scenario itself ${fmtCount(r.baseHeadcount.peakOnDuty)})${held ? '' : '; per-grid teams scale with the grid count: --hold-headcount keeps it'}.`,
    );
  }
  const invalid = r.points.filter((pt) => pt.error);
  if (invalid.length > 0) {
    out.push('');
    out.push(`无效组合 / invalid combinations (${invalid.length}):`);
    for (const pt of invalid)
      out.push(
        `  ${r.params.map((p) => `${p.path}=${show(pt.values[p.path])}`).join(' ')}: ${pt.error!.split('\n').slice(1).join(' ')}`,
      );
  }
  out.push('');
  out.push(
    '成本前沿（人员工时从低到高）/ Cost frontier, cheapest first (no other point has higher coverage for fewer staff-hours):',
  );
  for (const i of r.frontier) {
    const pt = r.points[i];
    out.push(
      `  ${r.params.map((p) => `${p.path}=${show(pt.values[p.path])}`).join(' ')} → ${pct(pt.coverageIndex)} 覆盖 coverage, ${fmt(pt.staffHours!.mean!, 0)} h, ¥${fmt(pt.costCny!.mean!, 0)}`,
    );
  }
  return out.join('\n') + '\n';
}
