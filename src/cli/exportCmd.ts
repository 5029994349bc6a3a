/**
 * `allweather export` and `allweather replay`.
 *
 *   allweather export <scenario.json> [--format csv,json,arrow,parquet] [--replications R] [--seed N] [--days D]
 *                     [--set path=value ...] [--cases] [--workers W] [--out DIR] [--json]
 *   allweather replay <manifest.json|result.json> [--out DIR [--format ...] [--cases]] [--workers W] [--json]
 *
 * export runs the replications and writes the bundle (src/export/bundle.ts):
 * summary.csv + tidy.csv (csv), result.json (json), cases.arrow (arrow), and
 * manifest.json last, listing the other files with their sizes and SHA-256.
 * The case log is streamed: each replication's tidy.csv rows and Arrow
 * record batch are written as soon as it and every earlier one have
 * finished (analysis/ordered.ts), so memory stays at a few replications'
 * logs whatever R and D, and the bytes do not depend on the worker count.
 * Everything goes into a temporary folder beside --out, renamed into place
 * at the end (bundleDir.ts): an interrupted export leaves no half bundle.
 *
 * replay loads a manifest, checks the embedded scenario against its hash,
 * checks every file the manifest lists beside it (a missing or altered file
 * exits 3; a manifest alone, none of them beside it, replays standalone),
 * runs the same replications and prints summary.csv (or with
 * --json result.json) to stdout: byte for byte what the export wrote, and
 * says so for the summary.csv and result.json beside it; a difference exits 3.
 */
import { statfsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { aggregate } from '../analysis/aggregate.ts';
import { compareResults, headcountsOf } from '../analysis/compare.ts';
import { comparisonExportFiles } from '../export/comparisonFiles.ts';
import { comparisonSummaryCsv } from '../export/summary.ts';
import { runInOrder } from '../analysis/ordered.ts';
import { consecutiveSeeds } from '../analysis/runner.ts';
import {
  DEFAULT_FORMATS,
  EXPORT_FORMATS,
  bundleWriter,
  resultJson,
  type BundleOutput,
  runSummaryCsv,
  type ExportFormat,
} from '../export/bundle.ts';
import {
  createManifest,
  loadManifest,
  manifestHeader,
  manifestJson,
  runId,
  withoutFiles,
  type BundleFile,
  type ExportManifest,
} from '../export/manifest.ts';
import type { RunResult } from '../sim/result.ts';
import { formatErrors } from '../scenario/messages.ts';
import { BundleDir } from './bundleDir.ts';
import { tidyHeader } from '../export/tidy.ts';
import { tidyToParquet } from '../export/parquet.ts';
import { bundleFileEntry } from '../export/zip.ts';
import { comparisonTableCsv, replicationsTableCsv } from '../i18n/readableCsv.ts';
import { checkListedFiles, noneThere, openReplaySource, type FileAccess, type ReplaySource } from './replaySource.ts';
import {
  RUN_SIZE_OPTIONS,
  UsageError,
  checkManifestRunSize,
  checkTextRunSize,
  commandLine,
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
} from './common.ts';
import { USAGE } from './usage.ts';

function formatsArg(value: string | undefined): ExportFormat[] {
  if (value === undefined) return [...DEFAULT_FORMATS];
  const list = value
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s !== '');
  const bad = list.filter((f) => !(EXPORT_FORMATS as readonly string[]).includes(f));
  if (list.length === 0 || bad.length > 0) {
    throw new UsageError(
      `--format 只能是 ${EXPORT_FORMATS.join('、')}（可用逗号组合）/ --format must be ${EXPORT_FORMATS.join(', ')} (comma-separated), got "${value}"`,
    );
  }
  return [...new Set(list)] as ExportFormat[];
}

/** Formats that write the per-case log (cases.arrow, cases.parquet). */
const needsLog = (formats: readonly ExportFormat[]) => formats.includes('arrow') || formats.includes('parquet');

/** 1234567 → "1.2 MB" (decimal units). */
export function fmtBytes(n: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let i = 0,
    v = n;
  while (v >= 1000 && i < units.length - 1) {
    v /= 1000;
    i++;
  }
  return `${i === 0 ? v : v.toFixed(1)} ${units[i]}`;
}

/** Say the expected size of the bundle once it can be told (after the first replication) when large, or on a terminal. */
const ANNOUNCE_BYTES = 64e6;

/**
 * Runs the manifest's replications and, with `out`, streams the bundle into
 * it (manifest.json last, with the file list); the caller commits or aborts.
 * Returns the results (without logs) in replication order.
 */
async function runBundle(
  io: CliIO,
  manifest: ExportManifest,
  scenarioText: string,
  opts: {
    out: BundleDir | null;
    /** Without `out`: the bundle's files made in memory, to compare with an export's (replay). */
    collect?: BundleOutput;
    formats: readonly ExportFormat[];
    cases: boolean;
    workers?: number;
    /** --queue redis://…: the replications run on queue workers (queueArgs.ts). */
    queue?: string;
    progress?: boolean;
    /** Run with the case logs and return them in the results (to re-make files that need them). */
    keepLogs?: boolean;
  },
): Promise<RunResult[]> {
  const { out } = opts;
  const R = manifest.replications;
  const sink = out ?? opts.collect ?? null;
  const writer = sink ? bundleWriter(manifest, { formats: opts.formats, cases: opts.cases }, sink) : null;
  const log = opts.keepLogs === true || (sink !== null && (needsLog(opts.formats) || opts.cases));
  const p = progress(io, '重复 replications', opts.progress);
  let announced = false;
  const { results } = await withPool({ workers: opts.workers, queue: opts.queue, io }, R, (run, size) =>
    runInOrder(run, scenarioText, consecutiveSeeds(manifest.seed, R), {
      days: manifest.days,
      log,
      window: size + 2,
      keepLogs: opts.keepLogs,
      onFinished: (done) => p.update(done, R),
      consume: (i, result) => {
        writer?.add(i, result);
        if (out && !announced && log) {
          announced = true;
          const expected = (out.bytesWritten / (i + 1)) * R;
          if (expected >= ANNOUNCE_BYTES || io.stderr.isTTY === true)
            io.stderr.write(`${io.stderr.isTTY ? '\r' : ''}${expectedSizeLine(out, expected)}\n`);
        }
      },
    }),
  );
  p.end();
  if (!out && writer) writer.finish(results);
  if (out && writer) {
    const names = writer.finish(results);
    const files = names.map((n) => out.files.find((f) => f.name === n)!);
    out.writeFile('manifest.json', manifestJson({ ...withoutFiles(manifest), files }));
  }
  return results;
}

function expectedSizeLine(out: BundleDir, expected: number): string {
  let free = Infinity;
  try {
    const s = statfsSync(out.temp);
    free = Number(s.bavail) * Number(s.bsize);
  } catch {
    // unknown: no warning
  }
  const warn =
    expected > free
      ? `；磁盘可用空间仅 ${fmtBytes(free)}，可能写不下 / only ${fmtBytes(free)} free on that disk: it may not fit`
      : '';
  return `预计写入约 ${fmtBytes(expected)}（按第一次重复的大小估计）/ expected to write about ${fmtBytes(expected)} (from the first replication's size)${warn}`;
}

export async function exportCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parse(
    args,
    {
      format: { type: 'string' },
      replications: { type: 'string' },
      seed: { type: 'string' },
      days: { type: 'string' },
      set: { type: 'string', multiple: true },
      cases: { type: 'boolean', default: false },
      workers: { type: 'string' },
      out: { type: 'string' },
      json: { type: 'boolean', default: false },
      ...RUN_SIZE_OPTIONS,
    },
    USAGE,
  );
  const path = onePositional('export', positionals, USAGE);
  const formats = formatsArg(values.format as string | undefined);
  const {
    replications,
    seedFlag,
    days: daysFlag,
    workers,
    force,
    progress: showProgress,
    queue,
  } = runArgs(values, 1, 1);
  const overrides = overridesArg(values.set as string[] | undefined);
  const cases = values.cases === true;

  const { text, scenario } = loadScenario(path);
  const seed = seedFlag ?? scenario.run.seed;
  if (needsLog(formats) && seed + replications - 1 > 0x7fffffff) {
    throw new UsageError(
      `Arrow/Parquet 案件导出要求种子小于 2^31 / the Arrow and Parquet case logs need seeds below 2^31 (seed + replications − 1 = ${seed + replications - 1})`,
    );
  }
  const manifest = createManifest({
    version: readVersion(),
    scenario: text,
    overrides,
    seed,
    replications,
    days: daysFlag,
    command: commandLine(['export', ...args]),
  });
  const outDir = (values.out as string | undefined) ?? `allweather-export-${manifest.scenario}`;
  const { scenarioText } = loadManifestOrThrow(JSON.stringify(manifest), 'manifest');
  checkTextRunSize(io, scenarioText, {
    days: manifest.days,
    runs: replications,
    log: needsLog(formats) || cases,
    force,
  });

  const out = BundleDir.open(outDir); // before running: an unwritable --out is said now, not after the run
  let results: RunResult[];
  let written: string[];
  try {
    results = await runBundle(io, manifest, scenarioText, {
      out,
      formats,
      cases,
      workers,
      queue,
      progress: showProgress,
    });
    // manifest.json first in what is said, as in the bundle's table (it is written last)
    written = out
      .commit()
      .sort((x, y) => Number(basename(y) === 'manifest.json') - Number(basename(x) === 'manifest.json'));
  } catch (err) {
    out.abort();
    throw err;
  }
  const s = aggregate(results).summary;
  if (values.json) {
    io.stdout.write(
      JSON.stringify(
        { manifest: manifestHeader(manifest), out: outDir, files: written.map((f) => basename(f)), summary: s },
        null,
        2,
      ) + '\n',
    );
  } else {
    const size = new Map(out.files.map((f) => [f.name, f.bytes]));
    io.stdout.write(
      `已导出 / Exported ${manifest.scenario} (hash ${manifest.scenarioHash}, seed ${seed}, ${replications} replication(s), ${manifest.days} day(s))` +
        `${Object.keys(overrides).length ? ` with ${Object.keys(overrides).length} override(s)` : ''}\n` +
        written.map((f) => `  ${f} (${fmtBytes(size.get(basename(f)) ?? 0)})\n`).join('') +
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
  const { values, positionals } = parse(
    args,
    {
      out: { type: 'string' },
      format: { type: 'string' },
      cases: { type: 'boolean', default: false },
      workers: { type: 'string' },
      json: { type: 'boolean', default: false },
      ...RUN_SIZE_OPTIONS,
    },
    USAGE,
  );
  const path = onePositional('replay', positionals, USAGE, '清单文件 / manifest file');
  const formats = formatsArg(values.format as string | undefined);
  const cases = values.cases === true;
  const workers = intArg('workers', values.workers as string | undefined, 1);
  const source = openReplaySource(path);
  if (source.manifests.length === 2) return replayComparison(io, source, { workers, json: values.json === true });
  const [{ name: manifestName, shown, text }] = source.manifests;
  const { manifest, scenarioText } = loadManifestOrThrow(text, shown);
  if (manifest.experiment !== undefined) {
    // a sweep or a staffing search: re-run it, every file compared byte for byte (replayExperiment.ts)
    checkManifestRunSize(io, manifest, scenarioText, { log: false, force: values.force === true });
    versionNote(io, manifest);
    const { replayExperiment } = await import('./replayExperiment.ts');
    return replayExperiment(io, source, manifest, scenarioText, {
      workers,
      queue: values.queue as string | undefined,
      json: values.json === true,
      progress: values.progress === true,
      out: values.out as string | undefined,
    });
  }
  checkManifestRunSize(io, manifest, scenarioText, {
    log: values.out !== undefined && (needsLog(formats) || cases),
    force: values.force === true,
  });
  versionNote(io, manifest);

  // The export beside the manifest (or in the zip): every listed file must be there, unaltered.
  const { files } = source;
  let damaged = 0;
  let compare: string[];
  if (manifest.files !== undefined && noneThere(files, manifest.files)) {
    // The manifest on its own (copied out of its bundle): it re-runs standalone.
    io.stderr.write(
      '注意 / Note: 清单旁没有它列出的文件，只按清单重放 / none of the files the manifest lists is beside it: replaying the manifest on its own\n',
    );
    compare = [];
  } else if (manifest.files !== undefined) {
    damaged = checkListedFiles(io, files, manifest.files);
    compare = manifest.files.map((f) => f.name).filter((n) => n === 'summary.csv' || n === 'result.json');
  } else {
    // An older export (no file list), or result.json: compare what is there. Other
    // manifests (compare's manifest-a.json) sit beside files of another shape.
    const own = ['manifest.json', 'result.json'].includes(manifestName);
    compare = own ? ['summary.csv', 'result.json'] : [];
    if (manifestName === 'manifest.json') {
      io.stderr.write(
        '注意 / Note: 清单未列出文件及其 SHA-256（旧版导出），只比对 summary.csv 与 result.json / the manifest lists no files with their SHA-256 (an older export): only summary.csv and result.json are compared\n',
      );
    }
  }
  // Read them now: a replay --out into the same folder replaces them.
  const before = new Map<string, string>();
  for (const name of compare) {
    const t = files.text(name);
    if (t !== null) before.set(name, t); // absent: an older export without it
  }
  const outDir = values.out as string | undefined;
  if (damaged > 0 && outDir === undefined) {
    io.stderr.write(
      `导出不完整或被改动（${damaged} 个文件），未重放 / the export is incomplete or altered (${damaged} file(s)): not replayed\n`,
    );
    return 3;
  }

  const out = outDir !== undefined ? BundleDir.open(outDir) : null;
  // Every other listed file re-made in memory too, when they are small (an app's zip): compared by their bytes.
  const whole =
    out === null && damaged === 0 && manifest.files !== undefined ? wholeBundle(manifest.files, files) : null;
  let results: RunResult[];
  try {
    results = await runBundle(io, withoutFiles(manifest), scenarioText, {
      out,
      ...(whole ? { collect: whole.collect } : {}),
      formats: whole ? whole.formats : formats,
      cases: whole ? whole.cases : cases,
      workers,
      queue: values.queue as string | undefined,
      progress: values.progress === true,
    });
    out?.commit();
  } catch (err) {
    out?.abort();
    throw err;
  }

  const agg = aggregate(results);
  const now: Record<string, string> = {
    'summary.csv': runSummaryCsv(manifest, results, agg),
    'result.json': resultJson(manifest, results, agg),
  };
  let differs = sayCompared(io, files, before, now);
  if (whole) differs = whole.compare(io, manifest, results, agg) || differs;
  if (damaged > 0)
    io.stderr.write(
      `导出不完整或被改动（${damaged} 个文件）/ the export is incomplete or altered (${damaged} file(s))\n`,
    );
  io.stdout.write(values.json ? now['result.json'] : now['summary.csv']);
  return differs || damaged > 0 ? 3 : 0;
}

/** The listed files of a replication set re-made in memory at most this large in all. */
const WHOLE_BUNDLE_BYTES = 256e6;

/**
 * A replay that re-makes every listed file of a replication set (tidy CSV,
 * Arrow, Parquet, the app's table.csv) in memory and compares each with the
 * export's by SHA-256 (the export's own were checked against the manifest):
 * for bundles up to WHOLE_BUNDLE_BYTES. summary.csv and result.json are
 * compared by sayCompared.
 */
function wholeBundle(listed: readonly BundleFile[], files: FileAccess) {
  if (listed.reduce((n, f) => n + f.bytes, 0) > WHOLE_BUNDLE_BYTES) return null;
  const names = new Set(listed.map((f) => f.name));
  const formats: ExportFormat[] = [];
  if (names.has('tidy.csv')) formats.push('csv');
  if (names.has('result.json')) formats.push('json');
  if (names.has('cases.arrow')) formats.push('arrow');
  if (names.has('cases.parquet')) formats.push('parquet');
  const cases = names.has('tidy.csv') && (files.text('tidy.csv') ?? '').startsWith(tidyHeader({ cases: true }));
  const parts = new Map<string, (string | Uint8Array)[]>();
  const collect: BundleOutput = {
    write: (name, chunk) => parts.set(name, [...(parts.get(name) ?? []), chunk]),
    end: () => {},
  };
  return {
    formats,
    cases,
    collect,
    /** Says ✓/✗ for each listed file re-made here; true when one differs. */
    compare(io: CliIO, manifest: ExportManifest, results: readonly RunResult[], agg: ReturnType<typeof aggregate>) {
      const made = new Map<string, string | Uint8Array>();
      for (const [name, chunks] of parts) made.set(name, joinChunks(chunks));
      // the app's downloads without case logs: tidy.parquet on its own (src/app/exportFiles.ts)
      if (names.has('tidy.parquet') && !made.has('tidy.parquet'))
        made.set('tidy.parquet', tidyToParquet(runId(manifest), manifest.scenario, results));
      let differs = false;
      for (const f of listed) {
        if (f.name === 'summary.csv' || f.name === 'result.json') continue;
        let data = made.get(f.name);
        if (f.name === 'table.csv') {
          // the app's KPI table, in the language it was saved in
          const langs = (['zh-CN', 'en'] as const).map((l) => replicationsTableCsv(agg.summary, l));
          data = langs.find((t) => bundleFileEntry(f.name, t).sha256 === f.sha256) ?? langs[0];
        }
        if (data === undefined) continue;
        const same = bundleFileEntry(f.name, data).sha256 === f.sha256;
        if (!same) differs = true;
        io.stderr.write(
          same
            ? `✓ ${files.where(f.name)} 与重放逐字节一致 / matches the replay byte for byte\n`
            : `✗ ${files.where(f.name)} 与重放不一致 / differs from the replay\n`,
        );
      }
      return differs;
    },
  };
}

function joinChunks(chunks: readonly (string | Uint8Array)[]): string | Uint8Array {
  if (chunks.every((c) => typeof c === 'string')) return (chunks as string[]).join('');
  const bytes = chunks.map((c) => (typeof c === 'string' ? new TextEncoder().encode(c) : c));
  const out = new Uint8Array(bytes.reduce((n, c) => n + c.byteLength, 0));
  let at = 0;
  for (const c of bytes) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

function versionNote(io: CliIO, manifest: ExportManifest): void {
  const version = readVersion();
  if (manifest.version !== version) {
    io.stderr.write(
      `注意 / Note: 清单由 ${manifest.version} 版生成，当前为 ${version}，数字可能不同 / the manifest was made by version ${manifest.version}, this is ${version}: numbers may differ\n`,
    );
  }
}

/** Says for each file read before the replay whether it equals the replay's; true when one differs. */
function sayCompared(
  io: CliIO,
  files: FileAccess,
  before: ReadonlyMap<string, string>,
  now: Record<string, string>,
): boolean {
  let differs = false;
  for (const [name, text] of before) {
    const same = text === now[name];
    if (!same) differs = true;
    io.stderr.write(
      same
        ? `✓ ${files.where(name)} 与重放逐字节一致 / matches the replay byte for byte\n`
        : `✗ ${files.where(name)} 与重放不一致 / differs from the replay\n`,
    );
  }
  return differs;
}

/**
 * A comparison's folder or zip (manifest-a.json and manifest-b.json, as
 * `compare --out` and the app write them): checks every file both list,
 * replays A and B (B on its own seeds: the same as A's for common random
 * numbers) and compares summary.csv (A, B, B-A) with the replay's.
 */
async function replayComparison(
  io: CliIO,
  source: ReplaySource,
  opts: { workers: number | undefined; json: boolean },
): Promise<number> {
  const [a, b] = source.manifests.map((m) => ({ ...loadManifestOrThrow(m.text, m.shown), shown: m.shown }));
  for (const m of [a, b]) {
    checkManifestRunSize(io, m.manifest, m.scenarioText, { log: false, force: false });
    versionNote(io, m.manifest);
  }
  const { files } = source;
  const listed = new Map<string, BundleFile>();
  for (const f of [...(a.manifest.files ?? []), ...(b.manifest.files ?? [])]) listed.set(f.name, f);
  const damaged = checkListedFiles(io, files, [...listed.values()]);
  if (damaged > 0) {
    io.stderr.write(
      `导出不完整或被改动（${damaged} 个文件），未重放 / the export is incomplete or altered (${damaged} file(s)): not replayed\n`,
    );
    return 3;
  }
  const before = new Map<string, string>();
  const summary = files.text('summary.csv');
  if (summary !== null) before.set('summary.csv', summary);
  // the case logs are kept when the export has them (an app's zip): re-made and compared too
  const keepLogs = [...listed.keys()].some((n) => /^cases-[ab]\.(arrow|parquet)$/.test(n));
  const run = (m: typeof a) =>
    runBundle(io, withoutFiles(m.manifest), m.scenarioText, {
      out: null,
      formats: [],
      cases: false,
      keepLogs,
      ...opts,
    });
  const resA = await run(a);
  const resB = await run(b);
  const mode = b.manifest.seed === a.manifest.seed ? 'crn' : 'independent';
  const comparison = compareResults(resA, resB, mode);
  const now = { 'summary.csv': comparisonSummaryCsv(comparison) };
  let differs = sayCompared(io, files, before, now);
  if (listed.size > 0) {
    // every other listed file, from the writer the app's download used (src/export/comparisonFiles.ts)
    const input = {
      a: withoutFiles(a.manifest),
      b: withoutFiles(b.manifest),
      resultsA: resA,
      resultsB: resB,
      comparison,
      headcount: headcountsOf(a.scenarioText, b.scenarioText),
    };
    const made = (['zh-CN', 'en'] as const).map((lang) => comparisonExportFiles(input, lang, comparisonTableCsv));
    for (const f of listed.values()) {
      if (f.name === 'summary.csv') continue;
      // table.csv: in the language it was saved in
      const versions = made.map((m) => m[f.name]).filter((d) => d !== undefined);
      if (versions.length === 0) continue;
      const same = versions.some((d) => bundleFileEntry(f.name, d).sha256 === f.sha256);
      if (!same) differs = true;
      io.stderr.write(
        same
          ? `✓ ${files.where(f.name)} 与重放逐字节一致 / matches the replay byte for byte\n`
          : `✗ ${files.where(f.name)} 与重放不一致 / differs from the replay\n`,
      );
    }
  }
  io.stdout.write(now['summary.csv']);
  return differs ? 3 : 0;
}
