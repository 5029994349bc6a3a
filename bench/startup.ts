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
 * beside: on a busy machine every figure grows.
 *
 *     BENCH_ONLY=startup npm run bench
 */
import os from 'node:os';
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

/** Seconds from spawn to exit of `node <args>`; throws when it fails or the CLI did not start from its bundle. */
function timeOnce(args: string[]): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
  const s = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited with ${r.status}: ${r.stderr}`);
  if (args[0] === 'bin/allweather.mjs' && r.stderr.includes('tsx')) {
    throw new Error(`the CLI ran from sources, not from dist-cli/: ${r.stderr}`);
  }
  return s;
}

export async function benchStartup(): Promise<void> {
  const runs = Math.max(1, Number(process.env.BENCH_STARTUP_RUNS ?? 10));
  await buildCli({ log: () => {} });
  const times: number[][] = WAYS.map(() => []);
  for (const way of WAYS) timeOnce(way.args); // warm the file cache; not timed
  for (let r = 0; r < runs; r++) WAYS.forEach((way, i) => times[i].push(timeOnce(way.args)));
  const [bare, bundle, tsx] = times.map(median);

  const f = (s: number) => s.toFixed(3);
  const width = Math.max(...WAYS.map((w) => w.label.length));
  console.log(
    `CLI start-up (median of ${runs} runs each, alternating; load average ${os.loadavg()[0].toFixed(1)} on ${os.availableParallelism()} threads)`,
  );
  console.log(`  ${WAYS[0].label.padEnd(width)}  ${f(bare)} s`);
  console.log(`  ${WAYS[1].label.padEnd(width)}  ${f(bundle)} s  (+${f(bundle - bare)} s over bare node)`);
  console.log(`  ${WAYS[2].label.padEnd(width)}  ${f(tsx)} s  (+${f(tsx - bare)} s over bare node)`);
  console.log(
    `  bundle vs tsx: ${f(tsx - bundle)} s sooner, ${(tsx / bundle).toFixed(1)}× as fast; ` +
      `bundle - bare ${f(bundle - bare)} s: target ≤ ${TARGET_S} s ${bundle - bare <= TARGET_S ? 'met' : 'NOT met'}`,
  );
}
