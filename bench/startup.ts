/**
 * Bench section (g): how long the `allweather` command takes to start, as a
 * user starts it. `validate scenarios/baseline-weekday.json` is the smallest
 * real command (read, check and hash one scenario), timed three ways:
 *
 *   node -e 0                                     a bare Node start, the floor
 *   node bin/allweather.mjs validate …            the built CLI (dist-cli/, scripts/build-cli.mjs)
 *   node --import tsx src/cli/main.ts validate …  the sources through tsx, as the CLI started before the bundle
 *
 * Each is a fresh process, timed by wall clock from spawn to exit; the three
 * alternate (bare, bundle, tsx, bare, ...) so a busy moment of the machine
 * falls on all of them; the median of BENCH_STARTUP_RUNS (default 10) runs
 * each. The bundle is built first, from the current sources. Target: the
 * bundle within 0.4 s of bare node. The 1-minute load average is printed
 * beside: on a busy machine every wall time grows, so the CPU time of each
 * process (user + system, from /proc/self/stat's waited-for children; Linux
 * only) is printed too, a steadier figure of the work a start costs.
 *
 *     BENCH_ONLY=startup npm run bench
 */
import os from 'node:os';
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildCli } from '../scripts/build-cli.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SCENARIO = 'scenarios/baseline-weekday.json';
const TARGET_S = 0.4;

const WAYS = [
  { label: 'node -e 0', args: ['-e', '0'] },
  { label: `node bin/allweather.mjs validate ${SCENARIO}`, args: ['bin/allweather.mjs', 'validate', SCENARIO] },
  {
    label: `node --import tsx src/cli/main.ts validate ${SCENARIO}`,
    args: ['--import', 'tsx', 'src/cli/main.ts', 'validate', SCENARIO],
  },
];

function median(xs: number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** CPU seconds (user + system) of this process's waited-for children so far; null off Linux. */
function childrenCpuS(): number | null {
  try {
    // fields after the command name's closing parenthesis: cutime and cstime are the 14th and 15th
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[13]) + Number(f[14])) / 100; // clock ticks; USER_HZ is 100 on Linux
  } catch {
    return null;
  }
}

/**
 * Wall and CPU seconds of `node <args>` from spawn to exit; throws when it
 * fails or when the CLI did not start from its bundle.
 */
function timeOnce(args: string[]): { wallS: number; cpuS: number | null } {
  const cpu0 = childrenCpuS();
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
  const wallS = (performance.now() - t0) / 1000;
  const cpu1 = childrenCpuS();
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited with ${r.status}: ${r.stderr}`);
  if (args[0] === 'bin/allweather.mjs' && r.stderr.includes('tsx')) {
    throw new Error(`the CLI ran from sources, not from dist-cli/: ${r.stderr}`);
  }
  return { wallS, cpuS: cpu0 === null || cpu1 === null ? null : cpu1 - cpu0 };
}

export async function benchStartup(): Promise<void> {
  const runs = Math.max(1, Number(process.env.BENCH_STARTUP_RUNS ?? 10));
  await buildCli({ log: () => {} });
  const runsOf: { wallS: number; cpuS: number | null }[][] = WAYS.map(() => []);
  for (const way of WAYS) timeOnce(way.args); // warm the file cache; not timed
  for (let r = 0; r < runs; r++) WAYS.forEach((way, i) => runsOf[i].push(timeOnce(way.args)));
  const [bare, bundle, tsx] = runsOf.map((xs) => median(xs.map((x) => x.wallS)));
  const cpu = runsOf.map((xs) => (xs.some((x) => x.cpuS === null) ? null : median(xs.map((x) => x.cpuS!))));

  const f = (s: number) => s.toFixed(3);
  const width = Math.max(...WAYS.map((w) => w.label.length));
  const cpuOf = (i: number) => (cpu[i] === null ? '' : `, cpu ${f(cpu[i]!)} s`);
  console.log(
    `CLI start-up (median of ${runs} runs each, alternating; load average ${os.loadavg()[0].toFixed(1)} on ${os.availableParallelism()} threads)`,
  );
  console.log(`  ${WAYS[0].label.padEnd(width)}  wall ${f(bare)} s${cpuOf(0)}`);
  console.log(
    `  ${WAYS[1].label.padEnd(width)}  wall ${f(bundle)} s${cpuOf(1)}  (+${f(bundle - bare)} s over bare node)`,
  );
  console.log(`  ${WAYS[2].label.padEnd(width)}  wall ${f(tsx)} s${cpuOf(2)}  (+${f(tsx - bare)} s over bare node)`);
  console.log(
    `  bundle vs tsx: ${f(tsx - bundle)} s sooner, ${(tsx / bundle).toFixed(1)}× as fast; ` +
      `bundle − bare node ${f(bundle - bare)} s: target ≤ ${TARGET_S} s ${bundle - bare <= TARGET_S ? 'met' : 'NOT met'}` +
      (cpu[0] !== null && cpu[1] !== null ? ` (in CPU time ${f(cpu[1] - cpu[0]!)} s)` : ''),
  );
}
