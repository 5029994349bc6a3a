/**
 * The `allweather` command line.
 *
 *   allweather run <scenario.json> [--seed N] [--replications R] [--days D] [--workers W] [--json] [--out DIR] [--log]   (runCmd.ts)
 *   allweather compare <a.json> [b.json] [--set path=value ...] [...]     (compareCmd.ts)
 *   allweather sweep <scenario.json> --param path=v1,v2,... [...]        (sweepCmd.ts)
 *   allweather staffing <scenario.json> --shift team.index [...]         (staffingCmd.ts)
 *   allweather diagnose <scenario.json> [--replications R] [...]         (diagnoseCmd.ts)
 *   allweather optimise <scenario.json> [--criterion ...] [...]          (optimiseCmd.ts)
 *   allweather export <scenario.json> [--format csv,json,arrow,parquet] (exportCmd.ts)
 *   allweather replay <manifest.json|folder|zip> [--json] [--out DIR]   (exportCmd.ts, replaySource.ts)
 *   allweather validate <scenario.json> [--set p=v]                       (validateCmd.ts)
 *   allweather import <district.geojson> [--cases log.csv] --out <s.json> (importCmd.ts)
 *   allweather schema                                                     (schemaCmd.ts)
 *   allweather worker --queue redis://host:port [--concurrency N]        (workerCmd.ts)
 *
 * --queue redis://… on run, compare, sweep, staffing, diagnose, optimise,
 * export and replay runs the replications on \`allweather worker\`s through
 * a BullMQ queue instead of the local pool (queueArgs.ts, src/queue/).
 *
 * Data goes to stdout (or --out), progress and messages to stderr. Exit codes:
 * 0 success, 2 bad input (usage, missing file, invalid JSON, scenario or
 * override, a file over 20 MB, a run over the run-size limits without
 * --force), 3 a replay that differs from the export beside its manifest,
 * 130 interrupted by Ctrl-C (the worker pool is stopped first), 1 an
 * unexpected internal error. Bad input never prints a stack trace.
 *
 * This module stays small: each command lives in its own module, loaded
 * with import() only when it is asked for (`validate` never loads the
 * engine's analysis or the Arrow writer). `npm run build:cli` bundles this
 * entry with esbuild into dist-cli/, one chunk per command, and
 * bin/allweather.mjs starts that bundle as plain JavaScript.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CliIO } from './common.ts';
import { USAGE } from './usage.ts';

export type { CliIO } from './common.ts';

type Command = (args: string[], io: CliIO) => number | Promise<number>;

/** Every command, loaded on demand (a separate chunk in the bundle). */
const COMMANDS: Record<string, () => Promise<Command>> = {
  run: async () => (await import('./runCmd.ts')).runCommand,
  compare: async () => (await import('./compareCmd.ts')).compareCommand,
  sweep: async () => (await import('./sweepCmd.ts')).sweepCommand,
  staffing: async () => (await import('./staffingCmd.ts')).staffingCommand,
  diagnose: async () => (await import('./diagnoseCmd.ts')).diagnoseCommand,
  optimise: async () => (await import('./optimiseCmd.ts')).optimiseCommand,
  optimize: async () => (await import('./optimiseCmd.ts')).optimiseCommand,
  export: async () => (await import('./exportCmd.ts')).exportCommand,
  replay: async () => (await import('./exportCmd.ts')).replayCommand,
  validate: async () => (await import('./validateCmd.ts')).validateCommand,
  import: async () => (await import('./importCmd.ts')).importCommand,
  schema: async () => (await import('./schemaCmd.ts')).schemaCommand,
  worker: async () => (await import('./workerCmd.ts')).workerCommand,
};

/** Runs the CLI; resolves to the exit code. Never throws. */
export async function main(
  argv: string[],
  io: CliIO = { stdout: process.stdout, stderr: process.stderr },
): Promise<number> {
  const [cmd, ...rest] = argv;
  try {
    const load = cmd === undefined || !Object.hasOwn(COMMANDS, cmd) ? undefined : COMMANDS[cmd];
    if (load) return await (await load())(rest, io);
    switch (cmd) {
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
    // loaded here, not above: `--help` needs none of it; every command has loaded it already
    const { InterruptedError, isBadInput } = await import('./common.ts');
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
