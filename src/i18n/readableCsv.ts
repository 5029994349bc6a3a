/**
 * The experiments' tables as CSV for reading and reports, in the UI's
 * language (zh-CN by default): KPI names in words, values in display units
 * (minutes, %, percentage points), one row per KPI, the significance in
 * words. Written with src/export/csv.ts (UTF-8 BOM, CRLF, formula escaping),
 * so Excel and WPS open it with the Chinese intact. The tidy and summary
 * CSVs (src/export) stay the machine-readable, language-neutral files.
 *
 * Rounding: a value carries one digit more than the panel shows it with
 * (`digitsFor`: a share as 62.2 % → 62.23; minutes 9.67 → 9.672; 2,009
 * staff-hours → 2,009.4), never 16 digits of floating-point noise. Full
 * precision is kept in the machine-readable files only (JSON, tidy and
 * summary CSV, Arrow, Parquet).
 */
import type { Estimate, KpiName } from '../analysis/aggregate.ts';
import { KPI_NAMES } from '../analysis/aggregate.ts';
import type { Comparison } from '../analysis/compare.ts';
import { toCsv, type Cell } from '../export/csv.ts';
import { translate } from './app/index.ts';
import { digitsFor, toDisplay, unitKey, unitOf } from './kpi.ts';
import type { Lang } from './lang.ts';

/** A stored value in display units, rounded to `digits` after the point. */
export function roundDisplay(v: number, digits: number): number {
  const f = 10 ** digits;
  const r = Math.round(v * f) / f;
  return Object.is(r, -0) ? 0 : r;
}

/** A KPI's value in display units, rounded to one digit more than the panel shows for a value the size of `ref`. */
const disp = (k: KpiName, v: number | null | undefined, ref: number | null | undefined = v): Cell =>
  v === null || v === undefined || !Number.isFinite(v)
    ? null
    : roundDisplay(toDisplay(unitOf(k), v), digitsFor(unitOf(k), ref ?? v) + 1);

/** Mean, 95 % CI and n of every KPI. */
export function replicationsTableCsv(summary: Record<KpiName, Estimate>, lang: Lang): string {
  const t = (k: Parameters<typeof translate>[1]) => translate(lang, k);
  const header = [
    t('exp.col.kpi'),
    t('csv.unit'),
    t('exp.col.mean'),
    t('csv.ciLow'),
    t('csv.ciHigh'),
    'n',
    t('csv.key'),
  ];
  const rows = KPI_NAMES.map((k): Cell[] => {
    const e = summary[k];
    return [
      t(`kpi.${k}`),
      t(unitKey(unitOf(k))),
      disp(k, e.mean),
      disp(k, e.ci95?.[0], e.mean),
      disp(k, e.ci95?.[1], e.mean),
      e.n,
      k,
    ];
  });
  return toCsv(header, rows);
}

/** A, B, B − A with its 95 % CI and significance, per KPI. */
export function comparisonTableCsv(c: Comparison, lang: Lang): string {
  const t = (k: Parameters<typeof translate>[1]) => translate(lang, k);
  const header = [
    t('exp.col.kpi'),
    t('csv.unit'),
    'A',
    'B',
    'B − A',
    t('csv.diffUnit'),
    t('csv.ciLow'),
    t('csv.ciHigh'),
    t('exp.col.significant'),
    'n',
    t('csv.key'),
  ];
  const rows = KPI_NAMES.map((k): Cell[] => {
    const d = c.kpis[k];
    const u = unitOf(k);
    const sig = d.significant === null ? '' : d.significant ? t('exp.sig.yes') : t('exp.sig.no');
    return [
      t(`kpi.${k}`),
      t(unitKey(u)),
      disp(k, d.a.mean),
      disp(k, d.b.mean, d.a.mean),
      disp(k, d.diff.mean, d.a.mean),
      t(unitKey(u, true)),
      disp(k, d.diff.ci95?.[0], d.a.mean),
      disp(k, d.diff.ci95?.[1], d.a.mean),
      sig,
      d.diff.n,
      k,
    ];
  });
  return toCsv(header, rows);
}
