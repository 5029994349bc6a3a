/**
 * The import service the app runs in a Web Worker (workers/import.worker.ts):
 * a district's GeoJSON (and optionally a case log) to a scenario text the
 * live twin can load, with what the planner should read about it. Off the
 * main thread because rasterising a district and fitting a log take
 * hundreds of milliseconds; inline in tests.
 *
 *     const svc = createImportService();
 *     const r = svc.run({ geojsonText, csvText, baseText });
 *     if (r.ok) load(r.scenarioText); else show(r.errors);   // errors bilingual, each with its path
 *
 * - GeoJSON given: importDistrict (geojson.ts) on the base scenario (the
 *   app passes its default built-in), then, with a log, calibrate
 *   (calibrate.ts) the imported district.
 * - A log alone: calibrate the base itself (the scenario running in the
 *   app), so a district imported earlier can be fitted to another log.
 * Which file an error belongs to is said by `stage`.
 *
 * Pure: no I/O, no DOM.
 */
import { parseScenario, parseScenarioObject } from '../scenario/load.ts';
import type { ScenarioError } from '../scenario/messages.ts';
import { importDistrict, type ImportStats } from './geojson.ts';
import { calibrate } from './calibrate.ts';
import type { CalibrationReport } from './report.ts';

export interface ImportRequest {
  /** The district's GeoJSON text; null to calibrate the base alone. */
  geojsonText: string | null;
  /** A case log (CSV) to calibrate with; null or absent for none. */
  csvText?: string | null;
  /** The base scenario's text: event types, teams, dispatch… for an import; the scenario to calibrate otherwise. */
  baseText: string;
  /** Side of a unit cell in metres (default 100). */
  cellSizeM?: number;
}

export type ImportResponse =
  | {
      ok: true;
      /** The scenario as JSON text (what the live twin loads and an export saves). */
      scenarioText: string;
      /** The importer's notes (overlaps, small grids, kept properties); empty for a calibration alone. */
      notes: string[];
      /** Rasterisation figures; null for a calibration alone. */
      stats: ImportStats | null;
      /** The calibration report; null without a log. */
      report: CalibrationReportData | null;
      /** Wall time of the import and the calibration, ms. */
      ms: { import: number; calibrate: number };
    }
  | { ok: false; stage: 'geojson' | 'csv' | 'base'; errors: ScenarioError[] };

/** The calibration report as the service passes it on (calibrate.ts's report: plain JSON, structured-cloneable). */
export type CalibrationReportData = CalibrationReport;

export interface ImportService {
  run(req: ImportRequest): ImportResponse;
}

const now = () => (typeof performance !== 'undefined' ? performance.now() : 0);

export function createImportService(): ImportService {
  return {
    run(req) {
      const base = parseScenario(req.baseText);
      if (!base.ok) return { ok: false, stage: 'base', errors: base.errors };
      let scenario = base.scenario;
      let notes: string[] = [];
      let stats: ImportStats | null = null;
      const t0 = now();
      if (req.geojsonText !== null) {
        const r = importDistrict(req.geojsonText, { base: base.scenario, cellSizeM: req.cellSizeM });
        if (!r.ok) return { ok: false, stage: 'geojson', errors: r.errors };
        const parsed = parseScenarioObject(r.scenario);
        if (!parsed.ok) return { ok: false, stage: 'geojson', errors: parsed.errors };
        scenario = parsed.scenario;
        notes = r.notes;
        stats = r.stats;
      }
      const t1 = now();
      let report: CalibrationReportData | null = null;
      if (req.csvText != null) {
        const c = calibrate(scenario, req.csvText);
        if (!c.ok) return { ok: false, stage: 'csv', errors: c.errors };
        const parsed = parseScenarioObject(c.scenario);
        if (!parsed.ok) return { ok: false, stage: 'csv', errors: parsed.errors };
        scenario = parsed.scenario;
        report = c.report;
      }
      return {
        ok: true,
        scenarioText: JSON.stringify(scenario, null, 1),
        notes,
        stats,
        report,
        ms: { import: t1 - t0, calibrate: now() - t1 },
      };
    },
  };
}
