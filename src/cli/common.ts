/**
 * What every `allweather` command shares: the IO seam, bad-input errors,
 * argument parsing helpers, reading scenario files (at most 20 MB), `--set`
 * overrides, the run-size check before a run (`--force` to pass it), the
 * worker pool (stopped cleanly on Ctrl-C), progress on stderr and writing
 * output files.
 */
import { readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { z } from 'zod';
import { NodePool } from '../analysis/pool.ts';
import type { Runner } from '../analysis/runner.ts';
import {
  InvalidBaseScenarioError,
  OverrideError,
  applyOverridesParsed,
  parseAssignment,
  scenarioRaw,
  type Overrides,
} from '../analysis/overrides.ts';
import { parseScenario } from '../scenario/load.ts';
import { formatErrors } from '../scenario/messages.ts';
import { writeBundle } from './bundleDir.ts';
import { maskUrl } from '../queue/url.ts';
import type { Scenario } from '../scenario/schema.ts';
import { LIMITS, fileTooLargeMessage } from '../scenario/limits.ts';
import {
  CLI_RUN_LIMITS,
  checkRunSize,
  estimateRunSize,
  runSizeMessage,
  runSizeProblems,
  type RunLimits,
  type RunSize,
} from '../sim/runSize.ts';

export interface CliIO {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown; isTTY?: boolean };
}

/** Bad input: a bilingual message and exit code 2, no stack trace. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** The user pressed Ctrl-C (SIGINT) during a run: exit 130, a bilingual message, no stack. */
export class InterruptedError extends Error {
  override name = 'InterruptedError';
  constructor() {
    super('已中断：工作线程已停止，未写入结果 / Interrupted: the workers were stopped; no results were written');
  }
}

/** Whether an error is the user's input at fault (exit 2). */
export function isBadInput(err: unknown): err is Error {
  return err instanceof UsageError || err instanceof OverrideError || err instanceof InvalidBaseScenarioError;
}

/**
 * Set to `true` by the CLI bundle's build (scripts/build-cli.mjs, esbuild's
 * `define`); undeclared when this file runs from sources (tsx, Vitest).
 */
declare const ALLWEATHER_CLI_BUNDLE: boolean | undefined;

/**
 * Where the CLI's files are. From sources this is src/cli/common.ts and the
 * pool starts its default worker (workers/sim.node-worker.mjs, which loads
 * TypeScript through tsx). In the bundle every chunk sits flat in dist-cli/,
 * beside the bundled worker, which is plain JavaScript.
 */
const BUNDLED = typeof ALLWEATHER_CLI_BUNDLE !== 'undefined' && ALLWEATHER_CLI_BUNDLE === true;
const PACKAGE_JSON = new URL(BUNDLED ? '../package.json' : '../../package.json', import.meta.url);
const WORKER_URL = BUNDLED ? new URL('./sim.node-worker.mjs', import.meta.url) : undefined;

/** The simulation worker's entry for a NodePool (the bundled one in dist-cli/, else the pool's default). */
export function workerUrl(): URL | undefined {
  return WORKER_URL;
}

// zod compiles each object schema into a function at its first parse (its JIT): worth it over
// thousands of parses, not over the CLI's few, where it about doubles the first parse of a
// scenario (bench/run.ts (g), start-up). Same results either way; worker threads keep the JIT.
z.config({ jitless: true });

export function readVersion(): string {
  const pkg = JSON.parse(readFileSync(PACKAGE_JSON, 'utf8')) as { version: string };
  return pkg.version;
}

/** A text file's content; a missing, unreadable or over-20 MB (LIMITS.fileBytes) file is bad input. */
export function readTextFile(
  path: string,
  what: { zh: string; en: string } = { zh: '场景文件', en: 'Scenario file' },
): string {
  try {
    // refuse before reading: a 2 GB file would exhaust memory on the way to the message
    const st = statSync(path);
    if (st.isFile() && st.size > LIMITS.fileBytes) {
      const m = fileTooLargeMessage(path, st.size);
      throw new UsageError(`${what.zh}过大：${m.zh} / ${what.en} too large: ${m.en}`);
    }
    return readFileSync(path, 'utf8');
  } catch (err) {
    if (err instanceof UsageError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(`找不到${what.zh} / ${what.en} not found: ${path}`);
    if (code === 'EISDIR') throw new UsageError(`这是目录而不是文件 / Not a file but a directory: ${path}`);
    throw new UsageError(`无法读取${what.zh} / Cannot read ${what.en.toLowerCase()}: ${path} (${code ?? String(err)})`);
  }
}

export function loadScenario(path: string): { text: string; scenario: Scenario } {
  const text = readTextFile(path);
  const parsed = parseScenario(text);
  if (!parsed.ok) {
    throw new UsageError(`场景无效 / Invalid scenario: ${path}\n${formatErrors(parsed.errors)}`);
  }
  return { text, scenario: parsed.scenario };
}

/**
 * A scenario file with `--set` overrides applied (none: the file as it is). `fileText` is the file as read (what a
 * manifest embeds), `text` what runs (the variant as JSON, or the file itself), `scenario` its parsed form. A bad
 * override is an error naming it (exit 2), the variant validated like a file.
 */
export function loadVariant(
  path: string,
  overrides: Overrides,
): { fileText: string; text: string; scenario: Scenario } {
  const loaded = loadScenario(path);
  if (Object.keys(overrides).length === 0) return { fileText: loaded.text, ...loaded };
  const variant = applyOverridesParsed(scenarioRaw(loaded.text), overrides);
  return { fileText: loaded.text, text: JSON.stringify(variant.raw), scenario: variant.scenario };
}

export function intArg(
  name: string,
  value: string | undefined,
  min: number,
  max = Number.MAX_SAFE_INTEGER,
): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < min) {
    throw new UsageError(`--${name} 须为不小于 ${min} 的整数 / --${name} must be an integer >= ${min}, got "${value}"`);
  }
  if (n > max) throw new UsageError(`--${name} 最大为 ${max} / --${name} must be at most ${max}, got ${value}`);
  return n;
}

export function positiveArg(name: string, value: string | undefined, max = Infinity): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n <= 0) {
    throw new UsageError(`--${name} 须为正数 / --${name} must be a positive number, got "${value}"`);
  }
  if (n > max) throw new UsageError(`--${name} 最大为 ${max} / --${name} must be at most ${max}, got ${value}`);
  return n;
}

/** A number strictly between lo and hi. */
export function fractionArg(name: string, value: string | undefined, lo: number, hi: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n <= lo || n >= hi) {
    throw new UsageError(
      `--${name} 须在 ${lo} 与 ${hi} 之间 / --${name} must be between ${lo} and ${hi}, got "${value}"`,
    );
  }
  return n;
}

export function seedArg(value: string | undefined): number | undefined {
  const seed = intArg('seed', value, 0);
  if (seed !== undefined && seed > 0xffffffff)
    throw new UsageError(`--seed 须小于 2^32 / --seed must be below 2^32, got ${seed}`);
  return seed;
}

/**
 * The flags every replicating command shares: --replications (at least
 * `minReplications`, at most 10,000, else `defaultReplications`), --seed,
 * --days (at most 366), --workers, --force (run past the run-size limits)
 * and --progress (progress on stderr even when it is not a terminal).
 */
export function runArgs(values: Record<string, unknown>, minReplications: number, defaultReplications: number) {
  return {
    replications:
      intArg('replications', values.replications as string | undefined, minReplications, LIMITS.replications) ??
      defaultReplications,
    seedFlag: seedArg(values.seed as string | undefined),
    days: positiveArg('days', values.days as string | undefined, LIMITS.days),
    workers: intArg('workers', values.workers as string | undefined, 1, 1024),
    force: values.force === true,
    progress: values.progress === true,
    /** --queue redis://…: run the replications on `allweather worker`s through that queue (queueArgs.ts). */
    queue: values.queue as string | undefined,
  };
}

/** The flags that every command running the engine takes: --force (past the run-size limits) and --progress. */
export const RUN_SIZE_OPTIONS = {
  force: { type: 'boolean', default: false },
  progress: { type: 'boolean', default: false },
  queue: { type: 'string' },
} as const satisfies NonNullable<ParseArgsConfig['options']>;

/** The flags of every command that runs replications of variants: --set, --replications, --seed, --days, --workers, --json, --force, --progress. */
export const REPLICATION_OPTIONS = {
  set: { type: 'string', multiple: true },
  replications: { type: 'string' },
  seed: { type: 'string' },
  days: { type: 'string' },
  workers: { type: 'string' },
  json: { type: 'boolean', default: false },
  ...RUN_SIZE_OPTIONS,
} as const satisfies NonNullable<ParseArgsConfig['options']>;

/**
 * The run-size limits: CLI_RUN_LIMITS, each replaceable by an environment
 * variable (documented in the README): ALLWEATHER_MAX_EVENTS_PER_RUN,
 * ALLWEATHER_MAX_EVENTS, ALLWEATHER_MAX_MEMORY_MB.
 */
export function cliRunLimits(env: Record<string, string | undefined> = process.env): RunLimits {
  const num = (name: string, fallback: number, scale = 1): number => {
    const v = env[name];
    if (v === undefined || v.trim() === '') return fallback;
    const n = Number(v);
    if (!Number.isFinite(n) || n <= 0)
      throw new UsageError(`环境变量 ${name} 须为正数 / ${name} must be a positive number, got "${v}"`);
    return n * scale;
  };
  return {
    eventsPerRun: num('ALLWEATHER_MAX_EVENTS_PER_RUN', CLI_RUN_LIMITS.eventsPerRun),
    eventsTotal: num('ALLWEATHER_MAX_EVENTS', CLI_RUN_LIMITS.eventsTotal),
    memoryBytesPerRun: num('ALLWEATHER_MAX_MEMORY_MB', CLI_RUN_LIMITS.memoryBytesPerRun, 1e6),
  };
}

/**
 * Before any run: estimate one replication of each variant (src/sim/runSize.ts)
 * and refuse (exit 2, bilingual, the estimate and how to proceed) when the
 * biggest one, or `runs` replications in all, exceed the limits — unless
 * `force`, which only notes on stderr that the limits were passed.
 * Returns the biggest estimate (null when there is nothing to run).
 */
export function checkRunSizeOrThrow(
  io: CliIO,
  scenarios: readonly Scenario[],
  opts: { days?: number; runs: number; log?: boolean; force: boolean },
): RunSize | null {
  // no valid variant (a sweep of invalid combinations): the command itself says why
  if (scenarios.length === 0) return null;
  const ests = scenarios.map((sc) => estimateRunSize(sc, { days: opts.days, log: opts.log }));
  const est = ests.reduce((a, b) => (b.events + b.memoryBytes / 1e3 > a.events + a.memoryBytes / 1e3 ? b : a));
  const verdict = checkRunSize(est, { runs: opts.runs, limits: cliRunLimits() });
  if (verdict.ok) return est;
  const m = runSizeMessage(est, verdict, 'cli');
  if (!opts.force) throw new UsageError(`${m.zh}\n${m.en}`);
  const over = runSizeProblems(verdict);
  io.stderr.write(`注意 / Note: --force：${over.zh}，仍然运行 / running anyway: ${over.en}\n`);
  return est;
}

export function parse(args: string[], options: NonNullable<ParseArgsConfig['options']>, usage: string) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError(`参数错误 / Bad arguments: ${parseArgsMessage(err as NodeJS.ErrnoException)}\n\n${usage}`);
  }
}

/**
 * Node's parseArgs errors (English only, and worded for its own API) in both languages, by their code; the option
 * named as the user typed it. A message of another kind passes through as it is.
 */
export function parseArgsMessage(err: NodeJS.ErrnoException): string {
  const opt = /'(-{1,2}[^' ]+)/.exec(err.message)?.[1] ?? '';
  switch (err.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `此命令没有选项 ${opt}（可用的选项见下）/ this command has no option ${opt} (its options are below)`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      if (/does not take an argument/.test(err.message)) return `选项 ${opt} 不带值 / option ${opt} takes no value`;
      if (/ambiguous/.test(err.message))
        return `选项 ${opt} 的值以 - 开头，请写成 ${opt}=<值> / the value of ${opt} starts with '-': write it as ${opt}=<value>`;
      return `选项 ${opt} 缺少值 / option ${opt} needs a value`;
    default:
      return err.message;
  }
}

export function onePositional(
  cmd: string,
  positionals: string[],
  usage: string,
  what = '场景文件 / scenario file',
): string {
  if (positionals.length !== 1) {
    throw new UsageError(
      `${cmd} 需要且只需要一个${what.split(' / ')[0]} / ${cmd} takes exactly one ${what.split(' / ')[1]}\n\n${usage}`,
    );
  }
  return positionals[0];
}

/** `--set path=value` flags as overrides, in the order given. */
export function overridesArg(sets: string[] | undefined): Overrides {
  const out: Overrides = {};
  for (const s of sets ?? []) {
    const [path, value] = parseAssignment(s);
    out[path] = value;
  }
  return out;
}

/** checkRunSizeOrThrow for a scenario given as text (a manifest's embedded scenario, overrides applied). */
export function checkTextRunSize(
  io: CliIO,
  scenarioText: string,
  opts: { days?: number; runs: number; log?: boolean; force: boolean },
): void {
  const parsed = parseScenario(scenarioText);
  if (!parsed.ok) throw new UsageError(`场景无效 / Invalid scenario:\n${formatErrors(parsed.errors)}`);
  checkRunSizeOrThrow(io, [parsed.scenario], opts);
}

/**
 * A manifest's run before `replay` runs it: `replications` at most 10,000
 * and `days` at most 366 (hard bounds, named by their JSON path), then the
 * run-size check as for any run.
 */
export function checkManifestRunSize(
  io: CliIO,
  manifest: { replications: number; days: number },
  scenarioText: string,
  opts: { log?: boolean; force: boolean },
): void {
  const over = (key: string, value: number, max: number) =>
    new UsageError(
      `清单无效 / Invalid manifest: $.${key}: 应 ≤ ${max}，实际为 ${value} / must be ≤ ${max}, got ${value}`,
    );
  if (manifest.replications > LIMITS.replications)
    throw over('replications', manifest.replications, LIMITS.replications);
  if (manifest.days > LIMITS.days) throw over('days', manifest.days, LIMITS.days);
  checkTextRunSize(io, scenarioText, {
    days: manifest.days,
    runs: manifest.replications,
    log: opts.log,
    force: opts.force,
  });
}

/** Where Ctrl-C is heard: the process by default; tests pass an EventEmitter. */
export interface SignalSource {
  once(event: 'SIGINT', listener: () => void): unknown;
  removeListener(event: 'SIGINT', listener: () => void): unknown;
}

/**
 * Runs `f` with a NodePool of min(jobs, --workers or CPUs) workers, always
 * closed afterwards (or, given `{ queue }`, with the queue-backed Runner:
 * queueArgs.ts). Ctrl-C (SIGINT) while it runs terminates the workers at
 * once and rejects with InterruptedError (exit 130, no stack); a second
 * Ctrl-C after that is Node's default (the process ends).
 */
export async function withPool<T>(
  where: number | undefined | { workers?: number; queue?: string; io?: CliIO },
  jobs: number,
  f: (run: Runner, size: number) => Promise<T>,
  signals: SignalSource = process,
): Promise<T> {
  const choice = typeof where === 'object' ? where : { workers: where };
  const workers = choice.workers;
  // --queue: the same Runner contract on a BullMQ queue (queueArgs.ts, loaded only then); --workers is the window
  if (choice.queue !== undefined) {
    const { withQueue } = await import('./queueArgs.ts');
    const io = choice.io ?? { stdout: process.stdout, stderr: process.stderr };
    return withQueue(choice.queue, io, workers, f, signals);
  }
  const size = Math.max(1, Math.min(Math.max(1, jobs), workers ?? os.availableParallelism()));
  const pool = new NodePool({ workers: size, workerUrl: WORKER_URL });
  let interrupted = false;
  let onInterrupt: () => void = () => {};
  const interruption = new Promise<never>((_, reject) => {
    onInterrupt = () => {
      interrupted = true;
      reject(new InterruptedError());
      void pool.close();
    };
  });
  interruption.catch(() => {});
  signals.once('SIGINT', onInterrupt);
  try {
    return await Promise.race([f(pool.run, size), interruption]);
  } catch (err) {
    // the pool's own rejections after Ctrl-C ("NodePool closed") are the interruption
    throw interrupted ? new InterruptedError() : err;
  } finally {
    signals.removeListener('SIGINT', onInterrupt);
    await pool.close();
  }
}

/**
 * Progress on stderr: a line rewritten in place on a terminal; with
 * `always` (--progress) also when stderr is a pipe or a file, then one line
 * per update (at most one per second, and the last). Returns a function to
 * print and one to finish.
 */
export function progress(
  io: CliIO,
  label: string,
  always = false,
): { update: (done: number, total?: number, detail?: string) => void; end: () => void } {
  const tty = io.stderr.isTTY === true;
  const on = tty || always;
  let shown = false;
  let lastLine = -Infinity;
  return {
    update: (done, total, detail) => {
      if (!on) return;
      shown = true;
      const text = `${label} ${done}${total === undefined ? '' : `/${total}`}${detail ? ` ${detail}` : ''}`;
      if (tty) {
        io.stderr.write(`\r${text}   `);
        return;
      }
      const now = performance.now();
      if (now - lastLine < 1000 && !(total !== undefined && done >= total)) return;
      lastLine = now;
      io.stderr.write(`${text}\n`);
    },
    end: () => {
      if (tty && shown) io.stderr.write('\n');
    },
  };
}

/**
 * Writes files as the bundle folder `dir`, all or nothing: refused (exit 2)
 * when `dir` is a file or a folder of other things, else written into a
 * temporary folder beside it and renamed into place (bundleDir.ts). Returns
 * their paths.
 */
export function writeFiles(dir: string, files: Record<string, string | Uint8Array>): string[] {
  return writeBundle(dir, files);
}

/** The command line as typed, for manifests: `allweather <args>`, arguments quoted where needed, passwords in URLs masked. */
export function commandLine(argv: readonly string[]): string {
  const q = (a: string) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`);
  // a --queue URL's password never reaches a manifest
  return ['allweather', ...argv.map((a) => q(maskUrl(a)))].join(' ');
}

/** Fixed-decimal number with thousands separators. */
export function fmt(x: number, digits: number): string {
  return x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}
