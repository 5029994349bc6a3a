/**
 * What every `allweather` command shares: the IO seam, bad-input errors,
 * argument parsing helpers, reading scenario files, `--set` overrides, the
 * worker pool, progress on a terminal and writing output files.
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { NodePool } from '../analysis/pool.ts';
import type { Runner } from '../analysis/runner.ts';
import { InvalidBaseScenarioError, OverrideError, parseAssignment, type Overrides } from '../analysis/overrides.ts';
import { parseScenario } from '../scenario/load.ts';
import { formatErrors } from '../scenario/messages.ts';
import { writeBundle } from './bundleDir.ts';
import type { Scenario } from '../scenario/schema.ts';

export interface CliIO {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown; isTTY?: boolean };
}

/** Bad input: a bilingual message and exit code 2, no stack trace. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Whether an error is the user's input at fault (exit 2). */
export function isBadInput(err: unknown): err is Error {
  return err instanceof UsageError || err instanceof OverrideError || err instanceof InvalidBaseScenarioError;
}

export function readVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

export function readTextFile(path: string, what: { zh: string; en: string } = { zh: '场景文件', en: 'Scenario file' }): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
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

export function intArg(name: string, value: string | undefined, min: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < min) {
    throw new UsageError(`--${name} 须为不小于 ${min} 的整数 / --${name} must be an integer >= ${min}, got "${value}"`);
  }
  return n;
}

export function positiveArg(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n <= 0) {
    throw new UsageError(`--${name} 须为正数 / --${name} must be a positive number, got "${value}"`);
  }
  return n;
}

/** A number strictly between lo and hi. */
export function fractionArg(name: string, value: string | undefined, lo: number, hi: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n <= lo || n >= hi) {
    throw new UsageError(`--${name} 须在 ${lo} 与 ${hi} 之间 / --${name} must be between ${lo} and ${hi}, got "${value}"`);
  }
  return n;
}

export function seedArg(value: string | undefined): number | undefined {
  const seed = intArg('seed', value, 0);
  if (seed !== undefined && seed > 0xffffffff) throw new UsageError(`--seed 须小于 2^32 / --seed must be below 2^32, got ${seed}`);
  return seed;
}

/**
 * The flags every replicating command shares: --replications (at least
 * `minReplications`, else `defaultReplications`), --seed, --days, --workers.
 */
export function runArgs(values: Record<string, unknown>, minReplications: number, defaultReplications: number) {
  return {
    replications: intArg('replications', values.replications as string | undefined, minReplications) ?? defaultReplications,
    seedFlag: seedArg(values.seed as string | undefined),
    days: positiveArg('days', values.days as string | undefined),
    workers: intArg('workers', values.workers as string | undefined, 1),
  };
}

/** The flags of every command that runs replications of variants: --set, --replications, --seed, --days, --workers, --json. */
export const REPLICATION_OPTIONS = {
  set: { type: 'string', multiple: true },
  replications: { type: 'string' },
  seed: { type: 'string' },
  days: { type: 'string' },
  workers: { type: 'string' },
  json: { type: 'boolean', default: false },
} as const satisfies NonNullable<ParseArgsConfig['options']>;

export function parse(args: string[], options: NonNullable<ParseArgsConfig['options']>, usage: string) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError(`参数错误 / Bad arguments: ${(err as Error).message}\n\n${usage}`);
  }
}

export function onePositional(cmd: string, positionals: string[], usage: string, what = '场景文件 / scenario file'): string {
  if (positionals.length !== 1) {
    throw new UsageError(`${cmd} 需要且只需要一个${what.split(' / ')[0]} / ${cmd} takes exactly one ${what.split(' / ')[1]}\n\n${usage}`);
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

/** Runs `f` with a NodePool of min(jobs, --workers or CPUs) workers, always closed afterwards. */
export async function withPool<T>(workers: number | undefined, jobs: number, f: (run: Runner, size: number) => Promise<T>): Promise<T> {
  const size = Math.max(1, Math.min(Math.max(1, jobs), workers ?? os.availableParallelism()));
  const pool = new NodePool({ workers: size });
  try {
    return await f(pool.run, size);
  } finally {
    await pool.close();
  }
}

/** A progress line on stderr, only when stderr is a terminal. Returns a function to print and one to finish. */
export function progress(io: CliIO, label: string): { update: (done: number, total?: number) => void; end: () => void } {
  const on = io.stderr.isTTY === true;
  let shown = false;
  return {
    update: (done, total) => {
      if (!on) return;
      shown = true;
      io.stderr.write(`\r${label} ${done}${total === undefined ? '' : `/${total}`}   `);
    },
    end: () => {
      if (on && shown) io.stderr.write('\n');
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

/** The command line as typed, for manifests: `allweather <args>`, arguments quoted where needed. */
export function commandLine(argv: readonly string[]): string {
  const q = (a: string) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`);
  return ['allweather', ...argv.map(q)].join(' ');
}

/** Fixed-decimal number with thousands separators. */
export function fmt(x: number, digits: number): string {
  return x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}
