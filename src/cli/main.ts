/**
 * The `allweather` command line.
 *
 *   allweather run <scenario.json> [--seed N] [--replications R] [--days D] [--workers W] [--json] [--out DIR] [--log]
 *   allweather compare <a.json> [b.json] [--set path=value ...] [...]     (compareCmd.ts)
 *   allweather sweep <scenario.json> --param path=v1,v2,... [...]        (sweepCmd.ts)
 *   allweather staffing <scenario.json> --shift team.index [...]         (staffingCmd.ts)
 *   allweather diagnose <scenario.json> [--replications R] [...]         (diagnoseCmd.ts)
 *   allweather optimise <scenario.json> [--criterion ...] [...]          (optimiseCmd.ts)
 *   allweather export <scenario.json> [--format csv,json,arrow] [...]    (exportCmd.ts)
 *   allweather replay <manifest.json> [--json] [--out DIR]               (exportCmd.ts)
 *   allweather validate <scenario.json>
 *   allweather schema
 *
 * Data goes to stdout (or --out), progress and messages to stderr. Exit codes:
 * 0 success, 2 bad input (usage, missing file, invalid JSON, scenario or
 * override, a file over 20 MB, a run over the run-size limits without
 * --force), 3 a replay that differs from the export beside its manifest,
 * 130 interrupted by Ctrl-C (the worker pool is stopped first), 1 an
 * unexpected internal error. Bad input never prints a stack trace.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { aggregate } from '../analysis/aggregate.ts';
import { consecutiveSeeds } from '../analysis/runner.ts';
import { scenarioHash } from '../scenario/load.ts';
import { scenarioJsonSchema } from '../scenario/jsonSchema.ts';
import { buildReport, casesCsvChunks, casesCsvHeader, summaryCsv, type Manifest } from './report.ts';
import { formatReport } from './table.ts';
import {
  InterruptedError,
  RUN_SIZE_OPTIONS,
  UsageError,
  checkRunSizeOrThrow,
  isBadInput,
  loadScenario,
  onePositional as onePositionalWith,
  parse as parseWith,
  progress,
  readVersion,
  runArgs,
  withPool,
  type CliIO,
} from './common.ts';
import { USAGE } from './usage.ts';
import { BundleDir, checkOutDir, writeBundle } from './bundleDir.ts';
import { runInOrder } from '../analysis/ordered.ts';
import { compareCommand } from './compareCmd.ts';
import { sweepCommand } from './sweepCmd.ts';
import { staffingCommand } from './staffingCmd.ts';
import { exportCommand, replayCommand } from './exportCmd.ts';
import { diagnoseCommand } from './diagnoseCmd.ts';
import { optimiseCommand } from './optimiseCmd.ts';

export { UsageError, type CliIO } from './common.ts';

const parse = (args: string[], options: Parameters<typeof parseWith>[1]) => parseWith(args, options, USAGE);
const onePositional = (cmd: string, positionals: string[]) => onePositionalWith(cmd, positionals, USAGE);

async function runCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parse(args, {
    seed: { type: 'string' },
    replications: { type: 'string' },
    days: { type: 'string' },
    workers: { type: 'string' },
    json: { type: 'boolean', default: false },
    out: { type: 'string' },
    log: { type: 'boolean', default: false },
    ...RUN_SIZE_OPTIONS,
  });
  const path = onePositional('run', positionals);
  const { replications, seedFlag, days: daysArg, workers, force, progress: showProgress } = runArgs(values, 1, 1);
  const outDir = values.out as string | undefined;
  const log = values.log === true;
  if (outDir !== undefined) checkOutDir(outDir); // an unwritable --out is said before the run
  const streamLog = log && outDir !== undefined; // cases.csv: streamed a replication at a time

  const t0 = performance.now();
  const { text, scenario } = loadScenario(path);
  const seed = seedFlag ?? scenario.run.seed;
  const days = daysArg ?? scenario.run.days;
  checkRunSizeOrThrow(io, [scenario], { days, runs: replications, log, force });

  const p = progress(io, '重复 replications', showProgress);
  const out = streamLog ? BundleDir.open(outDir!) : null;
  let json: string, report: ReturnType<typeof buildReport>;
  try {
    out?.write('cases.csv', casesCsvHeader());
    const { results } = await withPool(workers, replications, (run, size) =>
      runInOrder(run, text, consecutiveSeeds(seed, replications), {
        days,
        log: streamLog,
        window: size + 2,
        onFinished: (done) => p.update(done, replications),
        consume: out
          ? (r, result) => {
              for (const chunk of casesCsvChunks(r, result)) out.write('cases.csv', chunk);
            }
          : undefined,
      }),
    );
    p.end();
    const agg = aggregate(results);
    const manifest: Manifest = {
      app: 'allweather',
      version: readVersion(),
      scenario: scenario.id,
      scenarioHash: scenarioHash(text),
      seed,
      replications,
      days,
    };
    report = buildReport(manifest, agg, (performance.now() - t0) / 1000, results);
    json = JSON.stringify(report, null, 2) + '\n';
    if (out) {
      out.end('cases.csv');
      out.writeFile('result.json', json);
      out.writeFile('summary.csv', summaryCsv(report));
      out.commit();
    } else if (outDir !== undefined) {
      writeBundle(outDir, { 'result.json': json, 'summary.csv': summaryCsv(report) });
    }
  } catch (err) {
    out?.abort();
    throw err;
  }
  io.stdout.write(values.json ? json : formatReport(report, scenario.name));
  if (outDir !== undefined && !values.json) io.stdout.write(`已写入 / Written: ${outDir}\n`);
  return 0;
}

function validateCommand(args: string[], io: CliIO): number {
  const { positionals } = parse(args, {});
  const path = onePositional('validate', positionals);
  const { text, scenario } = loadScenario(path);
  const teams = scenario.teams.length;
  const types = scenario.eventTypes.length;
  io.stdout.write(
    `OK: ${scenario.id} — ${scenario.name.zh} / ${scenario.name.en} ` +
      `(${scenario.city.cols}×${scenario.city.rows} cells, grid ${scenario.city.gridSize}×${scenario.city.gridSize}, ` +
      `${types} event types, ${teams} teams, hash ${scenarioHash(text)})\n`,
  );
  return 0;
}

function schemaCommand(args: string[], io: CliIO): number {
  const { positionals } = parse(args, {});
  if (positionals.length > 0) throw new UsageError(`schema 不接受参数 / schema takes no arguments\n\n${USAGE}`);
  io.stdout.write(JSON.stringify(scenarioJsonSchema(), null, 2) + '\n');
  return 0;
}

/** Runs the CLI; resolves to the exit code. Never throws. */
export async function main(
  argv: string[],
  io: CliIO = { stdout: process.stdout, stderr: process.stderr },
): Promise<number> {
  const [cmd, ...rest] = argv;
  try {
    switch (cmd) {
      case 'run':
        return await runCommand(rest, io);
      case 'compare':
        return await compareCommand(rest, io);
      case 'sweep':
        return await sweepCommand(rest, io);
      case 'staffing':
        return await staffingCommand(rest, io);
      case 'diagnose':
        return await diagnoseCommand(rest, io);
      case 'optimise':
      case 'optimize':
        return await optimiseCommand(rest, io);
      case 'export':
        return await exportCommand(rest, io);
      case 'replay':
        return await replayCommand(rest, io);
      case 'validate':
        return validateCommand(rest, io);
      case 'schema':
        return schemaCommand(rest, io);
      case '-h':
      case '--help':
      case 'help':
        io.stdout.write(USAGE);
        return 0;
      case undefined:
        io.stderr.write(USAGE);
        return 2;
      default:
        io.stderr.write(`未知命令 / Unknown command: ${cmd}\n\n${USAGE}`);
        return 2;
    }
  } catch (err) {
    if (err instanceof InterruptedError) {
      io.stderr.write(`\n${err.message}\n`);
      return 130;
    }
    if (isBadInput(err)) {
      io.stderr.write(err.message.endsWith('\n') ? err.message : err.message + '\n');
      return 2;
    }
    const e = err as Error;
    io.stderr.write(`内部错误 / Internal error: ${e?.message ?? String(err)}\n`);
    if (process.env.ALLWEATHER_DEBUG) io.stderr.write(`${e?.stack ?? ''}\n`);
    return 1;
  }
}

// Also runnable directly (`tsx src/cli/main.ts schema`, as `npm run schema` does).
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = await main(process.argv.slice(2));
}
