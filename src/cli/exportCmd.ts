/**
 * `allweather export` and `allweather replay`.
 *
 *   allweather export <scenario.json> [--format csv,json,arrow] [--replications R] [--seed N] [--days D]
 *                     [--set path=value ...] [--cases] [--workers W] [--out DIR] [--json]
 *   allweather replay <manifest.json|result.json> [--out DIR [--format ...] [--cases]] [--workers W] [--json]
 *
 * export runs the replications and writes the bundle (src/export/bundle.ts):
 * manifest.json always, summary.csv + tidy.csv (csv), result.json (json),
 * cases.arrow (arrow). replay loads a manifest, checks the embedded scenario
 * against its hash, runs the same replications and prints summary.csv (or
 * with --json result.json) to stdout: byte for byte what the export wrote.
 * When the exported files sit beside the manifest it compares them and says
 * so on stderr; a difference exits 3.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { aggregate } from '../analysis/aggregate.ts';
import { consecutiveSeeds } from '../analysis/runner.ts';
import { EXPORT_FORMATS, exportBundle, resultJson, runSummaryCsv, type ExportFormat } from '../export/bundle.ts';
import { createManifest, loadManifest, manifestHeader } from '../export/manifest.ts';
import { formatErrors } from '../scenario/messages.ts';
import {
  UsageError, commandLine, intArg, loadScenario, onePositional, overridesArg, parse, progress, readTextFile, readVersion, withPool, writeFiles, type CliIO, runArgs,
} from './common.ts';
import { USAGE } from './usage.ts';

function formatsArg(value: string | undefined): ExportFormat[] {
  if (value === undefined) return [...EXPORT_FORMATS];
  const list = value.split(',').map((s) => s.trim().toLowerCase()).filter((s) => s !== '');
  const bad = list.filter((f) => !(EXPORT_FORMATS as readonly string[]).includes(f));
  if (list.length === 0 || bad.length > 0) {
    throw new UsageError(`--format 只能是 ${EXPORT_FORMATS.join('、')}（可用逗号组合）/ --format must be ${EXPORT_FORMATS.join(', ')} (comma-separated), got "${value}"`);
  }
  return [...new Set(list)] as ExportFormat[];
}

export async function exportCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parse(args, {
    format: { type: 'string' },
    replications: { type: 'string' },
    seed: { type: 'string' },
    days: { type: 'string' },
    set: { type: 'string', multiple: true },
    cases: { type: 'boolean', default: false },
    workers: { type: 'string' },
    out: { type: 'string' },
    json: { type: 'boolean', default: false },
  }, USAGE);
  const path = onePositional('export', positionals, USAGE);
  const formats = formatsArg(values.format as string | undefined);
  const { replications, seedFlag, days: daysFlag, workers } = runArgs(values, 1, 1);
  const overrides = overridesArg(values.set as string[] | undefined);
  const cases = values.cases === true;

  const { text, scenario } = loadScenario(path);
  const seed = seedFlag ?? scenario.run.seed;
  if (formats.includes('arrow') && seed + replications - 1 > 0x7fffffff) {
    throw new UsageError(`Arrow 导出要求种子小于 2^31 / the Arrow export needs seeds below 2^31 (seed + replications − 1 = ${seed + replications - 1})`);
  }
  const manifest = createManifest({
    version: readVersion(), scenario: text, overrides, seed, replications, days: daysFlag, command: commandLine(['export', ...args]),
  });
  const outDir = (values.out as string | undefined) ?? `allweather-export-${manifest.scenario}`;
  const { scenarioText } = loadManifestOrThrow(JSON.stringify(manifest), 'manifest');
  const needLog = formats.includes('arrow') || cases;

  const p = progress(io, '重复 replications');
  let done = 0;
  const results = await withPool(workers, replications, (run) =>
    run(scenarioText, consecutiveSeeds(seed, replications), { days: manifest.days, log: needLog, onResult: () => p.update(++done, replications) }));
  p.end();
  const files = exportBundle(manifest, results, { formats, cases });
  const written = writeFiles(outDir, files);

  if (values.json) {
    io.stdout.write(JSON.stringify({ manifest: manifestHeader(manifest), out: outDir, files: Object.keys(files), summary: aggregate(results).summary }, null, 2) + '\n');
  } else {
    const s = aggregate(results).summary;
    io.stdout.write(
      `已导出 / Exported ${manifest.scenario} (hash ${manifest.scenarioHash}, seed ${seed}, ${replications} replication(s), ${manifest.days} day(s))` +
      `${Object.keys(overrides).length ? ` with ${Object.keys(overrides).length} override(s)` : ''}\n` +
      written.map((f) => `  ${f}\n`).join('') +
      `覆盖指数 coverage index ${s.coverageIndex.mean === null ? '—' : (s.coverageIndex.mean * 100).toFixed(1) + '%'} · ` +
      `按时率 SLA ${s.slaAttainment.mean === null ? '—' : (s.slaAttainment.mean * 100).toFixed(1) + '%'} · ` +
      `案件 cases ${s.casesArrived.mean?.toFixed(1)}\n` +
      `重放 / Replay: allweather replay ${join(outDir, 'manifest.json')}\n`,
    );
  }
  return 0;
}

function loadManifestOrThrow(text: string, path: string) {
  const loaded = loadManifest(text);
  if (!loaded.ok) throw new UsageError(`清单无效 / Invalid manifest: ${path}\n${formatErrors(loaded.errors)}`);
  return loaded;
}

export async function replayCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parse(args, {
    out: { type: 'string' },
    format: { type: 'string' },
    cases: { type: 'boolean', default: false },
    workers: { type: 'string' },
    json: { type: 'boolean', default: false },
  }, USAGE);
  const path = onePositional('replay', positionals, USAGE, '清单文件 / manifest file');
  const formats = formatsArg(values.format as string | undefined);
  const cases = values.cases === true;
  const workers = intArg('workers', values.workers as string | undefined, 1);
  const { manifest, scenarioText } = loadManifestOrThrow(readTextFile(path, { zh: '清单文件', en: 'Manifest file' }), path);
  const version = readVersion();
  if (manifest.version !== version) {
    io.stderr.write(`注意 / Note: 清单由 ${manifest.version} 版生成，当前为 ${version}，数字可能不同 / the manifest was made by version ${manifest.version}, this is ${version}: numbers may differ\n`);
  }
  const outDir = values.out as string | undefined;
  const p = progress(io, '重复 replications');
  let done = 0;
  const results = await withPool(workers, manifest.replications, (run) =>
    run(scenarioText, consecutiveSeeds(manifest.seed, manifest.replications), {
      days: manifest.days, log: outDir !== undefined && (formats.includes('arrow') || cases), onResult: () => p.update(++done, manifest.replications),
    }));
  p.end();

  const agg = aggregate(results);
  const summary = runSummaryCsv(manifest, results, agg);
  const result = resultJson(manifest, results, agg);
  if (outDir !== undefined) writeFiles(outDir, exportBundle(manifest, results, { formats, cases }));

  // Compare with the export beside the manifest, when it is there.
  let differs = false;
  const dir = dirname(path);
  for (const [name, now] of [['summary.csv', summary], ['result.json', result]] as const) {
    const file = join(dir, name);
    if (!existsSync(file)) continue;
    const same = readFileSync(file, 'utf8') === now;
    if (!same) differs = true;
    io.stderr.write(same
      ? `✓ ${file} 与重放逐字节一致 / matches the replay byte for byte\n`
      : `✗ ${file} 与重放不一致 / differs from the replay\n`);
  }
  io.stdout.write(values.json ? result : summary);
  return differs ? 3 : 0;
}
