/**
 * The human-readable report of `allweather run`: a bilingual KPI table with
 * 95 % intervals, then the grid-hours that missed the coverage target by the
 * most cases.
 */
import { KPI_NAMES, type Aggregate } from '../analysis/aggregate.ts';
import { describeOverrides } from '../analysis/overrides.ts';
import { KPI_LABELS, UNIT_SUFFIX, toDisplay } from './labels.ts';
import { shownCi } from '../i18n/kpi.ts';
import type { RunReport } from './report.ts';

/** Terminal columns a string takes: CJK and full-width characters count two. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    w +=
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6)
        ? 2
        : 1;
  }
  return w;
}

const padEnd = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - displayWidth(s)));
const padStart = (s: string, w: number) => ' '.repeat(Math.max(0, w - displayWidth(s))) + s;

function fmt(x: number, digits: number): string {
  return x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function digitsFor(value: number): number {
  const a = Math.abs(value);
  return a >= 1000 ? 0 : a >= 100 ? 1 : 2;
}

/** Rows of cells as aligned lines (two spaces between columns; CJK counts double). */
export function table(rows: string[][], alignRight: boolean[]): string[] {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => displayWidth(r[c]))));
  return rows.map((r) =>
    r
      .map((cell, c) => (alignRight[c] ? padStart(cell, widths[c]) : padEnd(cell, widths[c])))
      .join('  ')
      .trimEnd(),
  );
}

export interface LateCell {
  grid: string;
  hour: number;
  attainment: number;
  cases: number;
  missed: number;
}

/** Grid-hours below the target, most missed cases (cases x (1 - attainment)) first. */
export function lateGridHours(coverage: Aggregate['coverage'], limit = 10): LateCell[] {
  const cells: LateCell[] = [];
  coverage.grids.forEach((grid, g) => {
    for (let h = 0; h < 24; h++) {
      const a = coverage.attainment[g][h];
      if (a === null || a >= coverage.target) continue;
      const cases = coverage.cases[g][h];
      cells.push({ grid, hour: h, attainment: a, cases, missed: cases * (1 - a) });
    }
  });
  cells.sort(
    (x, y) => y.missed - x.missed || x.attainment - y.attainment || x.grid.localeCompare(y.grid) || x.hour - y.hour,
  );
  return cells.slice(0, limit);
}

export function formatReport(report: RunReport, scenarioName: { zh: string; en: string }): string {
  const m = report.manifest;
  const out: string[] = [];
  out.push(`全天候 AllWeather ${m.version} — ${scenarioName.zh} / ${scenarioName.en} (${m.scenario})`);
  out.push(
    `种子 seed ${m.seed} · 重复 replications ${m.replications} · 天数 days ${m.days} · 场景哈希 hash ${m.scenarioHash}`,
  );
  if (m.overrides && Object.keys(m.overrides).length > 0) out.push(`覆盖 overrides: ${describeOverrides(m.overrides)}`);
  out.push('');

  const rows: string[][] = [['指标 KPI', '单位 unit', '均值 mean', '95% 置信区间 CI', 'n']];
  for (const k of KPI_NAMES) {
    const e = report.summary[k];
    const label = KPI_LABELS[k];
    const conv = (v: number) => toDisplay(label.unit, v);
    const mean = e.mean === null ? '—' : conv(e.mean);
    const d = typeof mean === 'number' ? digitsFor(mean) : 0;
    const meanS = typeof mean === 'number' ? fmt(mean, d) : mean;
    const shown = e.ci95 === null ? null : shownCi(label.unit, e.ci95);
    const ci = shown === null ? '—' : `[${fmt(conv(shown[0]), d)}, ${fmt(conv(shown[1]), d)}]`;
    rows.push([`${label.zh} ${label.en}`, UNIT_SUFFIX[label.unit], meanS, ci, String(e.n)]);
  }
  out.push(...table(rows, [false, false, true, true, true]));
  out.push('');

  const late = lateGridHours(report.coverage);
  const target = `${fmt(report.coverage.target * 100, 0)}%`;
  if (late.length === 0) {
    out.push(`所有有案件的网格时段均达到目标 ${target} / Every grid-hour with cases met the ${target} target.`);
  } else {
    out.push(`未达标最多的网格时段（目标 ${target}）/ Grid-hours missing the ${target} target by the most cases:`);
    const lrows: string[][] = [['网格 grid', '时段 hour', '按时率 attainment', '案件 cases', '超时 missed']];
    for (const c of late) {
      const hh = String(c.hour).padStart(2, '0');
      lrows.push([c.grid, `${hh}:00–${hh}:59`, `${fmt(c.attainment * 100, 1)}%`, fmt(c.cases, 2), fmt(c.missed, 2)]);
    }
    out.push(...table(lrows, [false, false, true, true, true]));
    out.push('（每次重复的平均案件数 / cases are means per replication）');
  }
  out.push('');
  out.push(`事件 events ${report.perf.events.toLocaleString('en-US')} · 用时 wall ${fmt(report.perf.wallS, 2)} s`);
  return out.join('\n') + '\n';
}
