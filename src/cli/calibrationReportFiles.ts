/**
 * The calibration report's files (allweather import --cases … --report DIR):
 *
 *   report.json        the CalibrationReport as is (src/importer/report.ts)
 *   hourly.csv         type, hour, observed, fitted
 *   weekday.csv        type, weekday (0 = Monday), its names, days in the log, observed, fitted
 *   handling_fit.csv   type, family, chosen, n, parameters, log-likelihood, AIC, ΔAIC, KS, the scenario's dist
 *   qq.csv             type, family, p, observed and fitted quantile (minutes)
 *   bad_rows.csv       the listed bad rows: row, reason, dropped, value, messages
 *   report.html        one self-contained page (src/importer/reportHtml.ts)
 *
 * CSVs are tidy, UTF-8 with a byte-order mark and CRLF like every export (src/export/csv.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { toCsv, type Cell } from '../export/csv.ts';
import type { CalibrationReport } from '../importer/report.ts';
import { WEEKDAYS } from '../importer/report.ts';
import { calibrationReportHtml } from '../importer/reportHtml.ts';

/** The report's files by name. */
export function calibrationReportFiles(r: CalibrationReport): Record<string, string> {
  const hourly: Cell[][] = [];
  const weekday: Cell[][] = [];
  const fits: Cell[][] = [];
  const qq: Cell[][] = [];
  for (const t of r.types) {
    for (const x of t.profile.hourly) hourly.push([t.id, x.hour, x.observed, x.fitted]);
    for (const x of t.profile.weekday)
      weekday.push([t.id, x.weekday, WEEKDAYS[x.weekday].zh, WEEKDAYS[x.weekday].en, x.days, x.observed, x.fitted]);
    const h = t.handling;
    if (h.fits) {
      for (const f of h.fits) {
        const p = f.params;
        fits.push([
          t.id,
          f.family,
          f.family === h.chosen,
          h.n,
          p.mean,
          p.mu,
          p.sigma,
          p.shape,
          p.scale,
          f.logLik,
          f.aic,
          f.deltaAic,
          f.ks,
          JSON.stringify(f.dist),
        ]);
      }
      for (const q of h.qq ?? [])
        for (const f of h.fits) qq.push([t.id, f.family, q.p, q.observed, q.fitted[f.family]]);
    } else {
      fits.push([t.id, null, null, h.n, null, null, null, null, null, null, null, null, null, JSON.stringify(h.dist)]);
    }
  }
  return {
    'report.json': `${JSON.stringify(r, null, 2)}\n`,
    'hourly.csv': toCsv(['type', 'hour', 'observed', 'fitted'], hourly),
    'weekday.csv': toCsv(['type', 'weekday', 'weekday_zh', 'weekday_en', 'days', 'observed', 'fitted'], weekday),
    'handling_fit.csv': toCsv(
      [
        'type',
        'family',
        'chosen',
        'n',
        'mean_min',
        'mu',
        'sigma',
        'shape',
        'scale_min',
        'log_lik',
        'aic',
        'delta_aic',
        'ks',
        'dist',
      ],
      fits,
    ),
    'qq.csv': toCsv(['type', 'family', 'p', 'observed_min', 'fitted_min'], qq),
    'bad_rows.csv': toCsv(
      ['row', 'reason', 'dropped', 'value', 'zh', 'en'],
      r.badRows.rows.map((b) => [b.row, b.reason, b.dropped, b.value, b.zh, b.en]),
    ),
    'report.html': calibrationReportHtml(r),
  };
}

/** Write the report's files into `dir` (created if needed); returns the paths written. */
export function writeCalibrationReport(dir: string, report: CalibrationReport): string[] {
  mkdirSync(dir, { recursive: true });
  return Object.entries(calibrationReportFiles(report)).map(([name, text]) => {
    const path = join(dir, name);
    writeFileSync(path, text, 'utf8');
    return path;
  });
}
