/**
 * `allweather compare`: A/B with common random numbers.
 *
 *   allweather compare <a.json> [b.json] [--set path=value ...] [--hold-headcount] [--replications R] [--seed N] [--days D]
 *                      [--independent] [--workers W] [--json] [--out DIR]
 *
 * B is the second file, or A itself, with the --set overrides applied to it
 * (--hold-headcount is `--set holdHeadcount=true`: B keeps A's headcount
 * when its grids differ). Prints each variant's rostered headcount (peak on
 * duty, staff-hours a day; headcount.ts), the verdict in words (verdict.ts:
 * coverage first; fewer staff-hours are "cheaper", never "better"; a
 * change of headcount said out loud), then each KPI's A, B, B − A with its
 * 95 % CI, whether it is significant and its verdict, then the hours of day
 * and the grids that changed. --out writes comparison.json, summary.csv (A,
 * B, B-A rows), tidy.csv and a replayable manifest per variant.
 */
import { KPI_NAMES } from '../analysis/aggregate.ts';
import { runComparison, type Comparison, type Difference } from '../analysis/compare.ts';
import { fmtCount, type Headcount } from '../analysis/headcount.ts';
import { applyOverridesToText, describeOverrides } from '../analysis/overrides.ts';
import { comparisonVerdict, KPI_VERDICT_WORDS, verdictReport, type VerdictReport } from '../analysis/verdict.ts';
import { comparisonSummaryCsv } from '../export/summary.ts';
import { tidyCsv } from '../export/tidy.ts';
import { createManifest, manifestHeader, manifestJson, runId, type ExportManifest } from '../export/manifest.ts';
import {
  UsageError,
  checkRunSizeOrThrow,
  commandLine,
  fmt,
  loadScenario,
  overridesArg,
  parse,
  progress,
  readVersion,
  withPool,
  writeFiles,
  type CliIO,
  runArgs,
  REPLICATION_OPTIONS,
} from './common.ts';
import { parseScenario } from '../scenario/load.ts';
import { KPI_LABELS, UNIT_SUFFIX, toDisplay } from './labels.ts';
import { table } from './table.ts';
import { USAGE } from './usage.ts';
import { checkOutDir } from './bundleDir.ts';

export interface CompareReport {
  /** `headcount`: the variant's rostered headcount (from its scenario, not the runs). */
  a: { label: string; headcount: Headcount | null; manifest: Omit<ExportManifest, 'scenarioFile'> };
  b: { label: string; headcount: Headcount | null; manifest: Omit<ExportManifest, 'scenarioFile'> };
  comparison: Comparison;
  /** Coverage first, then cost, then headcount, in words (verdict.ts). */
  verdict: VerdictReport;
}

export async function compareCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parse(
    args,
    {
      ...REPLICATION_OPTIONS,
      independent: { type: 'boolean', default: false },
      'hold-headcount': { type: 'boolean', default: false },
      out: { type: 'string' },
    },
    USAGE,
  );
  if (positionals.length < 1 || positionals.length > 2) {
    throw new UsageError(`compare 需要一个或两个场景文件 / compare takes one or two scenario files\n\n${USAGE}`);
  }
  const overrides = overridesArg(values.set as string[] | undefined);
  if (values['hold-headcount']) overrides.holdHeadcount = true;
  if (positionals.length === 1 && Object.keys(overrides).filter((k) => k !== 'holdHeadcount').length === 0) {
    throw new UsageError(
      `compare 需要第二个场景文件或至少一个 --set / compare needs a second scenario file or at least one --set path=value\n\n${USAGE}`,
    );
  }
  const { replications, seedFlag, days, workers, force, progress: showProgress, queue } = runArgs(values, 2, 10);
  const mode = values.independent ? 'independent' : 'crn';
  if (values.out !== undefined) checkOutDir(values.out as string); // an unwritable --out is said before the run

  const a = loadScenario(positionals[0]);
  const b = positionals.length === 2 ? loadScenario(positionals[1]) : a;
  const seed = seedFlag ?? a.scenario.run.seed;
  const version = readVersion();
  const command = commandLine(['compare', ...args]);
  const manifestA = createManifest({ version, scenario: a.text, seed, replications, days, command });
  const manifestB0 = createManifest({ version, scenario: b.text, overrides, seed, replications, days, command });
  const labelA = manifestA.scenario;
  const labelB = `${manifestB0.scenario}${Object.keys(overrides).length ? ` + ${describeOverrides(overrides)}` : ''}`;

  const textB = applyOverridesToText(b.text, overrides);
  const parsedB = parseScenario(textB);
  checkRunSizeOrThrow(io, parsedB.ok ? [a.scenario, parsedB.scenario] : [a.scenario], {
    days,
    runs: 2 * replications,
    force,
  });
  const p = progress(io, '重复 replications', showProgress);
  const {
    comparison,
    a: resA,
    b: resB,
    headcount,
  } = await withPool({ workers, queue, io }, 2 * replications, (run) =>
    runComparison(run, a.text, textB, { seed, replications, days, mode, onProgress: p.update }),
  );
  p.end();
  const manifestB: ExportManifest = { ...manifestB0, seed: comparison.seedsB[0] };
  const report: CompareReport = {
    a: { label: labelA, headcount: headcount?.a ?? null, manifest: manifestHeader(manifestA) },
    b: { label: labelB, headcount: headcount?.b ?? null, manifest: manifestHeader(manifestB) },
    comparison,
    verdict: verdictReport(comparison, headcount),
  };
  const json = JSON.stringify(report, null, 2) + '\n';

  const outDir = values.out as string | undefined;
  if (outDir !== undefined) {
    writeFiles(outDir, {
      'comparison.json': json,
      'summary.csv': comparisonSummaryCsv(comparison),
      'tidy.csv': tidyCsv([
        { run: runId(manifestA), variant: 'A', results: resA },
        { run: runId(manifestB), variant: 'B', results: resB },
      ]),
      'manifest-a.json': manifestJson(manifestA),
      'manifest-b.json': manifestJson(manifestB),
    });
  }
  io.stdout.write(values.json ? json : formatComparison(report, version));
  if (outDir !== undefined && !values.json) io.stdout.write(`已写入 / Written: ${outDir}\n`);
  return 0;
}

function signed(x: number, d: number): string {
  const s = fmt(Math.abs(x), d);
  return x > 0 ? `+${s}` : x < 0 ? `−${s}` : s;
}

function digitsFor(v: number): number {
  const a = Math.abs(v);
  return a >= 1000 ? 0 : a >= 100 ? 1 : 2;
}

const sig = (d: Difference) => (d.significant === null ? '—' : d.significant ? '是 yes' : '否 no');

/** A's and B's rostered headcount: peak on duty and staff-hours a day, and the teams that differ. */
function headcountLines(a: Headcount | null, b: Headcount | null): string[] {
  if (!a || !b) return [];
  const out: string[] = ['在岗人数（按排班，非运行结果）Headcount on duty (rostered, not a run result):'];
  const d = (x: number, y: number) => (y - x === 0 ? '0' : signed(y - x, Math.abs(y - x) % 1 === 0 ? 0 : 1));
  const rows: string[][] = [
    ['', 'A', 'B', 'B−A'],
    ['网格数 grids', fmtCount(a.grids), fmtCount(b.grids), d(a.grids, b.grids)],
    ['峰值在岗 peak on duty', fmtCount(a.peakOnDuty), fmtCount(b.peakOnDuty), d(a.peakOnDuty, b.peakOnDuty)],
    [
      '排班人·时/日 staff-hours a day',
      fmtCount(a.staffHoursPerDay),
      fmtCount(b.staffHoursPerDay),
      d(a.staffHoursPerDay, b.staffHoursPerDay),
    ],
  ];
  for (const ta of a.byTeam) {
    const tb = b.byTeam.find((t) => t.id === ta.id);
    if (!tb || (ta.peakOnDuty === tb.peakOnDuty && ta.staffHoursPerDay === tb.staffHoursPerDay)) continue;
    rows.push([
      `  ${ta.name.zh} ${ta.name.en} 峰值 peak`,
      fmtCount(ta.peakOnDuty),
      fmtCount(tb.peakOnDuty),
      d(ta.peakOnDuty, tb.peakOnDuty),
    ]);
  }
  out.push(...table(rows, [false, true, true, true]));
  return out;
}

export function formatComparison(r: CompareReport, version: string): string {
  const c = r.comparison;
  const out: string[] = [];
  out.push(
    `全天候 AllWeather ${version} — A/B 比较 comparison · ${c.mode === 'crn' ? '共同随机数 common random numbers' : '独立种子 independent seeds'}`,
  );
  out.push(`A  ${r.a.label} (hash ${r.a.manifest.scenarioHash})`);
  out.push(`B  ${r.b.label} (hash ${r.b.manifest.scenarioHash})`);
  const sa = c.seedsA,
    sb = c.seedsB;
  out.push(
    `种子 seeds A ${sa[0]}–${sa[sa.length - 1]}, B ${sb[0]}–${sb[sb.length - 1]} · 重复 replications ${c.replications} · 天数 days ${r.a.manifest.days}`,
  );
  out.push('');
  const hc = headcountLines(r.a.headcount, r.b.headcount);
  if (hc.length > 0) out.push(...hc, '');
  const verdict = comparisonVerdict(c, r.a.headcount && r.b.headcount ? { a: r.a.headcount, b: r.b.headcount } : null);
  out.push('结论 Verdict:');
  for (const l of verdict.lines) out.push(`  ${l.zh}`, `  ${l.en}`);
  out.push('');

  const rows: string[][] = [
    ['指标 KPI', '单位 unit', 'A', 'B', 'B−A', 'B−A 95% CI', '显著 significant', '判断 verdict'],
  ];
  for (const k of KPI_NAMES) {
    const d = c.kpis[k];
    const label = KPI_LABELS[k];
    const conv = (v: number) => toDisplay(label.unit, v);
    const ref = d.a.mean ?? d.b.mean ?? 0;
    const dg = digitsFor(conv(ref));
    const show = (v: number | null) => (v === null ? '—' : fmt(conv(v), dg));
    const diff = d.diff.mean === null ? '—' : signed(conv(d.diff.mean), dg);
    const ci =
      d.diff.ci95 === null ? '—' : `[${signed(conv(d.diff.ci95[0]), dg)}, ${signed(conv(d.diff.ci95[1]), dg)}]`;
    const word = verdict.kpis[k] ? KPI_VERDICT_WORDS[verdict.kpis[k]!] : null;
    rows.push([
      `${label.zh} ${label.en}`,
      UNIT_SUFFIX[label.unit],
      show(d.a.mean),
      show(d.b.mean),
      diff,
      ci,
      sig(d),
      word ? `${word.zh} ${word.en}` : '',
    ]);
  }
  out.push(...table(rows, [false, false, true, true, true, true, false, false]));
  out.push('');

  out.push('逐时 By hour of day — 按时率 SLA attainment (百分点 pp) 与积压 backlog (件 cases), B−A:');
  const hrows: string[][] = [
    ['时段 hour', '按时率 A', '按时率 B', 'B−A', '95% CI', '显著 sig.', '积压 B−A', '95% CI', '显著 sig.'],
  ];
  for (let h = 0; h < 24; h++) {
    const at = c.byHour.attainment[h],
      bl = c.byHour.backlog[h];
    const pct = (v: number | null) => (v === null ? '—' : fmt(v * 100, 1));
    const pp = (v: number | null) => (v === null ? '—' : signed(v * 100, 1));
    const ci = (e: Difference, f: (v: number) => string) =>
      e.diff.ci95 === null ? '—' : `[${f(e.diff.ci95[0])}, ${f(e.diff.ci95[1])}]`;
    const hh = String(h).padStart(2, '0');
    hrows.push([
      `${hh}:00`,
      pct(at.a.mean),
      pct(at.b.mean),
      pp(at.diff.mean),
      ci(at, (v) => signed(v * 100, 1)),
      sig(at),
      bl.diff.mean === null ? '—' : signed(bl.diff.mean, 2),
      ci(bl, (v) => signed(v, 2)),
      sig(bl),
    ]);
  }
  out.push(...table(hrows, [false, true, true, true, true, false, true, true, false]));
  out.push('');

  if (!c.byGrid.sameGrids) {
    out.push(`逐网格 By grid: ${c.byGrid.reason.zh} / ${c.byGrid.reason.en}`);
  } else {
    const g = c.byGrid;
    const changed = g.attainment.map((d, i) => ({ d, id: g.grids[i] })).filter((x) => x.d.significant === true);
    out.push(
      `逐网格 By grid: ${g.grids.length} 个网格中 ${changed.length} 个按时率显著变化 / ${changed.length} of ${g.grids.length} grids changed their SLA attainment significantly${changed.length ? ':' : '.'}`,
    );
    if (changed.length > 0) {
      changed.sort((x, y) => Math.abs(y.d.diff.mean!) - Math.abs(x.d.diff.mean!) || x.id.localeCompare(y.id));
      const grows: string[][] = [['网格 grid', '按时率 A', '按时率 B', 'B−A (pp)', '95% CI']];
      for (const { d, id } of changed.slice(0, 10)) {
        grows.push([
          id,
          fmt(d.a.mean! * 100, 1),
          fmt(d.b.mean! * 100, 1),
          signed(d.diff.mean! * 100, 1),
          `[${signed(d.diff.ci95![0] * 100, 1)}, ${signed(d.diff.ci95![1] * 100, 1)}]`,
        ]);
      }
      out.push(...table(grows, [false, true, true, true, true]));
      if (changed.length > 10) out.push(`（另有 ${changed.length - 10} 个 / and ${changed.length - 10} more）`);
    }
  }
  return out.join('\n') + '\n';
}
