/**
 * The experiments' tables as CSV for reading and reports, in the UI's
 * language (zh-CN by default): KPI names in words, values in display units
 * (minutes, %, percentage points), one row per KPI, the significance in
 * words. Written with src/export/csv.ts (UTF-8 BOM, CRLF, formula escaping),
 * so Excel and WPS open it with the Chinese intact. The tidy and summary
 * CSVs (src/export) stay the machine-readable, language-neutral files.
 */
import type { Estimate, KpiName } from '../analysis/aggregate.ts';
import { KPI_NAMES } from '../analysis/aggregate.ts';
import type { Comparison } from '../analysis/compare.ts';
import { toCsv, type Cell } from '../export/csv.ts';
import { translate } from '../i18n/app/index.ts';
import { toDisplay, unitKey, unitOf } from '../i18n/kpi.ts';
import type { Lang } from '../i18n/lang.ts';

const disp = (k: KpiName, v: number | null | undefined): Cell =>
  v === null || v === undefined ? null : toDisplay(unitOf(k), v);

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
    return [t(`kpi.${k}`), t(unitKey(unitOf(k))), disp(k, e.mean), disp(k, e.ci95?.[0]), disp(k, e.ci95?.[1]), e.n, k];
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
      disp(k, d.b.mean),
      disp(k, d.diff.mean),
      t(unitKey(u, true)),
      disp(k, d.diff.ci95?.[0]),
      disp(k, d.diff.ci95?.[1]),
      sig,
      d.diff.n,
      k,
    ];
  });
  return toCsv(header, rows);
}
