/**
 * `allweather import`: a district's GeoJSON (and optionally its case log) to a scenario file.
 *
 *   allweather import <district.geojson> [--cases <log.csv>] [--base <scenario.json>] [--cell-size 100]
 *                     [--report DIR] [--trace off|carry|replay] [--json] --out <scenario.json>
 *
 * The GeoJSON is rasterised onto unit cells (src/importer/geojson.ts); event types, teams and dispatch come
 * from --base (default: the package's scenarios/baseline-weekday.json). With --cases the scenario is then
 * calibrated from the case log (src/importer/calibrate.ts); --trace carry puts the log's cases in the scenario,
 * --trace replay also plays them as the arrivals instead of the fitted rates. The written scenario passes
 * `allweather validate`.
 * --report DIR writes import.json (counts and notes) and, with --cases, the calibration report
 * (calibrationReportFiles.ts: report.json, the CSVs and report.html).
 *
 * A GeoJSON, CSV or base scenario that cannot be used is bad input (exit 2), every problem listed in zh and en
 * with its JSON path (`$.features[12].properties.code`).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseScenarioObject } from '../scenario/load.ts';
import { formatErrors } from '../scenario/messages.ts';
import type { Scenario, ScenarioInput } from '../scenario/schema.ts';
import { badRowSplit, type CalibrationReport } from '../importer/report.ts';
import { importDistrict, type ImportStats } from '../importer/geojson.ts';
import { loadScenario, onePositional, parse, positiveArg, readTextFile, UsageError, type CliIO } from './common.ts';
import { USAGE } from './usage.ts';

/** Set by the CLI bundle's build (see common.ts). */
declare const ALLWEATHER_CLI_BUNDLE: boolean | undefined;
const BUNDLED = typeof ALLWEATHER_CLI_BUNDLE !== 'undefined' && ALLWEATHER_CLI_BUNDLE === true;
/** The package's baseline scenario: dist-cli/../scenarios in the bundle, src/cli/../../scenarios from sources. */
export const DEFAULT_BASE = fileURLToPath(
  new URL(BUNDLED ? '../scenarios/baseline-weekday.json' : '../../scenarios/baseline-weekday.json', import.meta.url),
);

/** The calibration (loaded only with --cases: CSV parsing and model fitting). */
async function loadCalibration() {
  try {
    const [{ calibrate }, { writeCalibrationReport }] = await Promise.all([
      import('../importer/calibrate.ts'),
      import('./calibrationReportFiles.ts'),
    ]);
    return { calibrate, writeCalibrationReport };
  } catch (err) {
    throw new UsageError(
      `校准不可用（无法加载 src/importer/calibrate.ts）：不带 --cases 可导入但不校准 / calibration not available (src/importer/calibrate.ts could not be loaded): import without --cases for an uncalibrated scenario (${(err as Error).message})`,
    );
  }
}

/** JSON with 2-space indentation, arrays of plain numbers on one line (run-length rasters, profiles). */
export function scenarioJson(s: unknown): string {
  return `${JSON.stringify(s, null, 2).replace(/\[\s*(-?[\d.eE+-]+(?:,\s*-?[\d.eE+-]+)*)\s*\]/g, (_m, inner: string) => `[${inner.replace(/,\s*/g, ', ')}]`)}\n`;
}

export async function importCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parse(
    args,
    {
      cases: { type: 'string' },
      base: { type: 'string' },
      'cell-size': { type: 'string' },
      report: { type: 'string' },
      trace: { type: 'string' },
      out: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
    USAGE,
  );
  const geoPath = onePositional('import', positionals, USAGE, 'GeoJSON 文件 / GeoJSON file');
  const out = values.out as string | undefined;
  if (out === undefined) {
    throw new UsageError(
      `import 需要 --out <scenario.json>（写出的场景文件）/ import needs --out <scenario.json> (the scenario file to write)\n\n${USAGE}`,
    );
  }
  const cellSizeM = positiveArg('cell-size', values['cell-size'] as string | undefined, 10_000) ?? 100;
  const basePath = (values.base as string | undefined) ?? DEFAULT_BASE;
  const casesPath = values.cases as string | undefined;
  const reportDir = values.report as string | undefined;
  const trace = values.trace as string | undefined;
  if (trace !== undefined && !['off', 'carry', 'replay'].includes(trace)) {
    throw new UsageError(`--trace 须为 off、carry 或 replay / --trace must be off, carry or replay, got "${trace}"`);
  }
  if (trace !== undefined && casesPath === undefined) {
    throw new UsageError('--trace 需要 --cases / --trace needs --cases (the log whose cases are replayed)');
  }

  const geojsonText = readTextFile(geoPath, { zh: 'GeoJSON 文件', en: 'GeoJSON file' });
  const csvText = casesPath === undefined ? undefined : readTextFile(casesPath, { zh: '案件记录文件', en: 'Case log' });
  const calibration = csvText === undefined ? undefined : await loadCalibration();
  const { scenario: base } = loadScenario(basePath);

  const imported = importDistrict(geojsonText, { base, cellSizeM });
  if (!imported.ok) {
    throw new UsageError(`GeoJSON 无法导入 / Cannot import the GeoJSON: ${geoPath}\n${formatErrors(imported.errors)}`);
  }
  let scenario: ScenarioInput = imported.scenario;
  let report: CalibrationReport | undefined;
  if (calibration && csvText !== undefined) {
    const parsed = parseScenarioObject(scenario);
    if (!parsed.ok)
      throw new UsageError(`导入的场景无效 / The imported scenario is invalid\n${formatErrors(parsed.errors)}`);
    const cal = calibration.calibrate(parsed.scenario, csvText, {
      trace: (trace ?? 'off') as 'off' | 'carry' | 'replay',
    });
    if (!cal.ok) {
      throw new UsageError(
        `案件记录无法用于校准 / Cannot calibrate from the case log: ${casesPath}\n${formatErrors(cal.errors)}`,
      );
    }
    scenario = cal.scenario;
    report = cal.report;
  }
  const check = parseScenarioObject(scenario);
  if (!check.ok) throw new UsageError(`生成的场景无效 / The scenario made is invalid\n${formatErrors(check.errors)}`);

  writeOut(out, scenarioJson(scenario), true);
  const written = [out];
  if (reportDir !== undefined) {
    const summaryJson = { geojson: geoPath, base: basePath, cellSizeM, stats: imported.stats, notes: imported.notes };
    written.push(writeOut(join(reportDir, 'import.json'), `${JSON.stringify(summaryJson, null, 2)}\n`, true));
    if (report !== undefined && calibration) {
      try {
        written.push(...calibration.writeCalibrationReport(reportDir, report));
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code ?? String(err);
        throw new UsageError(`无法写入报告 / Cannot write the report: ${reportDir} (${code})`);
      }
    }
  }

  const s = imported.stats;
  if (values.json === true) {
    io.stdout.write(
      `${JSON.stringify({ ok: true, out, id: check.scenario.id, calibrated: report !== undefined, calibration: report === undefined ? undefined : calibrationHeadline(report), stats: s, notes: imported.notes, files: written }, null, 2)}\n`,
    );
  } else {
    io.stdout.write(summary(out, check.scenario, s, imported.notes, report, written));
  }
  return 0;
}

/** Writes a file (and with `mkdir` its folder); returns its path. A failure is bad input (exit 2). */
function writeOut(path: string, text: string | Uint8Array, mkdir = false): string {
  try {
    if (mkdir) mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, text);
    return path;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? String(err);
    throw new UsageError(`无法写入 / Cannot write: ${path} (${code})`);
  }
}

/** The calibration report's headline figures. */
function calibrationHeadline(r: CalibrationReport) {
  const split = badRowSplit(r.badRows);
  return {
    rows: r.source.rows,
    usable: r.source.usable,
    badRows: r.badRows.total,
    droppedRows: split.dropped,
    keptRows: split.kept,
    newTypes: r.newTypes.map((t) => t.id),
  };
}

function summary(
  out: string,
  sc: Scenario,
  s: ImportStats,
  notes: readonly string[],
  report: CalibrationReport | undefined,
  files: readonly string[],
): string {
  const calibrated = report !== undefined;
  const h = report ? calibrationHeadline(report) : undefined;
  const lines = [
    `已写入 / Wrote ${out}: ${sc.id} — ${sc.name.zh} / ${sc.name.en}${calibrated ? '（已按案件记录校准 / calibrated from the case log）' : ''}`,
    `  ${s.grids} 网格 grids, ${s.communities} 社区 communities, ${s.streets} 街道 streets; ` +
      `${s.cells} 单元 cells of ${sc.city.cellSizeM} m in a ${s.cols} × ${s.rows} lattice`,
    `  水域 water ${s.waterCells}, 桥梁 bridge ${s.bridgeCells}, 低洼 low-lying ${s.lowLyingCells} cells; ` +
      `车站 stations ${s.stations}; 重叠 overlapping ${s.overlapCells}; 小于一个单元的网格 grids smaller than a cell ${s.smallGrids}`,
    `  ${sc.eventTypes.length} 事件类型 event types, ${sc.teams.length} 队伍 teams`,
    ...(calibrated
      ? [
          `  案件记录 case log: ${h!.rows} 行 rows, ${h!.usable} 可用 usable; ` +
            `${h!.badRows} 问题行 rows with a problem (${h!.droppedRows} 未用 dropped, ${h!.keptRows} 仅计到达 kept as arrivals)` +
            (h!.newTypes.length > 0 ? `; 新事件类型 new event types: ${h!.newTypes.join(', ')}` : ''),
        ]
      : []),
    ...notes.map((n) => `  - ${n}`),
    ...(files.length > 1 ? [`  报告 report: ${files.slice(1).join(', ')}`] : []),
  ];
  return `${lines.join('\n')}\n`;
}
