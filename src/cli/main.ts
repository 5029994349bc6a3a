/**
 * The `allweather` command line.
 *
 *   allweather run <scenario.json> [--seed N] [--replications R] [--days D] [--workers W] [--json] [--out DIR] [--log]
 *   allweather validate <scenario.json>
 *   allweather schema
 *
 * Data goes to stdout (or --out), progress and messages to stderr. Exit codes:
 * 0 success, 2 bad input (usage, missing file, invalid JSON or scenario),
 * 1 an unexpected internal error. Bad input never prints a stack trace.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { aggregate } from '../analysis/aggregate.ts';
import { runReplications } from '../analysis/pool.ts';
import { parseScenario, scenarioHash } from '../scenario/load.ts';
import { formatErrors } from '../scenario/messages.ts';
import { scenarioJsonSchema } from '../scenario/jsonSchema.ts';
import type { Scenario } from '../scenario/schema.ts';
import { buildReport, casesCsv, summaryCsv, type Manifest } from './report.ts';
import { formatReport } from './table.ts';

export interface CliIO {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown; isTTY?: boolean };
}

/** Bad input: a bilingual message and exit code 2, no stack trace. */
export class UsageError extends Error {
  override name = 'UsageError';
}

const USAGE = `全天候 AllWeather — 城市网格化管理离散事件仿真 / discrete-event simulation of city grid management

用法 Usage:
  allweather run <scenario.json> [options]   运行场景 / run a scenario
  allweather validate <scenario.json>        校验场景 / check a scenario file
  allweather schema                          输出 JSON Schema / print the scenario JSON Schema

run 选项 options:
  --seed N            首次重复的种子（默认取场景 run.seed）/ seed of replication 0 (default: the scenario's run.seed); replication r uses N + r
  --replications R    重复次数（默认 1）/ independent replications (default 1)
  --days D            每次重复的天数（默认取场景 run.days）/ simulated days (default: the scenario's run.days)
  --workers W         并行线程数 / worker threads (default: min(R, CPUs))
  --json              以一个 JSON 对象输出到 stdout / print one JSON object on stdout
  --out DIR           写入 result.json 与 summary.csv / write result.json and summary.csv to DIR
  --log               记录逐案日志（与 --out 一起写 cases.csv）/ keep the per-case log (cases.csv with --out)
  -h, --help          显示帮助 / show this help
`;

function readVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

function readScenarioFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(`找不到场景文件 / Scenario file not found: ${path}`);
    if (code === 'EISDIR') throw new UsageError(`这是目录而不是文件 / Not a file but a directory: ${path}`);
    throw new UsageError(`无法读取场景文件 / Cannot read scenario file: ${path} (${code ?? String(err)})`);
  }
}

function loadScenario(path: string): { text: string; scenario: Scenario } {
  const text = readScenarioFile(path);
  const parsed = parseScenario(text);
  if (!parsed.ok) {
    throw new UsageError(`场景无效 / Invalid scenario: ${path}\n${formatErrors(parsed.errors)}`);
  }
  return { text, scenario: parsed.scenario };
}

function intArg(name: string, value: string | undefined, min: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < min) {
    throw new UsageError(`--${name} 须为不小于 ${min} 的整数 / --${name} must be an integer >= ${min}, got "${value}"`);
  }
  return n;
}

function positiveArg(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n <= 0) {
    throw new UsageError(`--${name} 须为正数 / --${name} must be a positive number, got "${value}"`);
  }
  return n;
}

function parse(args: string[], options: NonNullable<ParseArgsConfig['options']>) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError(`参数错误 / Bad arguments: ${(err as Error).message}\n\n${USAGE}`);
  }
}

function onePositional(cmd: string, positionals: string[]): string {
  if (positionals.length !== 1) {
    throw new UsageError(`${cmd} 需要且只需要一个场景文件 / ${cmd} takes exactly one scenario file\n\n${USAGE}`);
  }
  return positionals[0];
}

async function runCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parse(args, {
    seed: { type: 'string' },
    replications: { type: 'string' },
    days: { type: 'string' },
    workers: { type: 'string' },
    json: { type: 'boolean', default: false },
    out: { type: 'string' },
    log: { type: 'boolean', default: false },
  });
  const path = onePositional('run', positionals);
  const seedArg = intArg('seed', values.seed as string | undefined, 0);
  if (seedArg !== undefined && seedArg > 0xffffffff) throw new UsageError(`--seed 须小于 2^32 / --seed must be below 2^32, got ${seedArg}`);
  const replications = intArg('replications', values.replications as string | undefined, 1) ?? 1;
  const daysArg = positiveArg('days', values.days as string | undefined);
  const workers = intArg('workers', values.workers as string | undefined, 1);
  const outDir = values.out as string | undefined;
  const log = values.log === true;

  const t0 = performance.now();
  const { text, scenario } = loadScenario(path);
  const seed = seedArg ?? scenario.run.seed;
  const days = daysArg ?? scenario.run.days;

  const showProgress = io.stderr.isTTY === true;
  const results = await runReplications(text, {
    seed, replications, days, log, workers,
    onProgress: showProgress ? (done, total) => io.stderr.write(`\r重复 replications ${done}/${total}`) : undefined,
  });
  if (showProgress) io.stderr.write('\n');
  const agg = aggregate(results);
  const manifest: Manifest = {
    app: 'allweather', version: readVersion(), scenario: scenario.id, scenarioHash: scenarioHash(text), seed, replications, days,
  };
  const report = buildReport(manifest, agg, (performance.now() - t0) / 1000);
  const json = JSON.stringify(report, null, 2) + '\n';

  if (outDir !== undefined) {
    mkdirSync(outDir, { recursive: true });
    writeFileSync(join(outDir, 'result.json'), json);
    writeFileSync(join(outDir, 'summary.csv'), summaryCsv(report));
    if (log) writeFileSync(join(outDir, 'cases.csv'), casesCsv(results));
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
export async function main(argv: string[], io: CliIO = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  const [cmd, ...rest] = argv;
  try {
    switch (cmd) {
      case 'run': return await runCommand(rest, io);
      case 'validate': return validateCommand(rest, io);
      case 'schema': return schemaCommand(rest, io);
      case '-h': case '--help': case 'help':
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
    if (err instanceof UsageError) {
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
