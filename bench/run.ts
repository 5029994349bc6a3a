/**
 * `npm run bench`: speed figures for the README. Not a test: it measures and prints.
 *
 * (a) Engine vs the reference loop on validation-mmc.json, ~1,000,000 cases,
 *     after a warm-up run of each, alternating runs (ref, engine, ref, engine, ...), median of 5 each.
 * (b) Events/s of the engine on baseline-weekday.json.
 * (c) Cost per event on baseline-weekday with every shift's staff x10 and x100:
 *     it should stay roughly flat (cost linear in events). Each size runs once untimed first (JIT warm-up);
 *     the time to build the simulation alone (part of the wall time) is printed beside it.
 * (d) Replications per second on baseline-weekday through the worker_threads
 *     pool (NodePool, as the CLI runs them) with 1 worker and with
 *     os.availableParallelism() workers, and the speedup. Worker start-up and
 *     two warm-up replications per worker are left out of the timing.
 * (e) `optimise` on rainstorm-red-night.json (coverage and types criteria, default
 *     options, every thread), wall time and its ratio to one replication timed in
 *     the same run (BENCH_SKIP_OPTIMISE=1 skips it).
 * (f) Shanghai scale (bench/scale.ts): a generated city of ~634,000 cells, ~35,000 staff and ~60,000
 *     cases plays one day headless; time to build and to run, events, cases, peak memory, and memory
 *     at 1/4, 1/2 and full size (linear in cells + staff). Each size runs in a child process.
 * (g) CLI start-up (bench/startup.ts): `allweather validate` from the built bundle against a bare
 *     `node -e 0` and against the sources through tsx; medians of 10 fresh processes each.
 *
 * (h) The queue (bench/queue.ts, BENCH_ONLY=queue only: it needs redis-server and the built CLI): replications/s
 *     through BullMQ with 1 and 2 worker processes against the in-process pool, overhead per job, payload sizes.
 *
 * BENCH_ONLY=<section> runs one section alone (`BENCH_ONLY=scale npm run bench`): mmc (a), staff (b, c), scale (f),
 * startup (g), queue (h); unset, everything but the queue runs.
 */
import os from 'node:os';
import { readFileSync } from 'node:fs';
import { NodePool } from '../src/analysis/pool.ts';
import { consecutiveSeeds } from '../src/analysis/runner.ts';
import { parseScenario } from '../src/scenario/load.ts';
import type { Scenario } from '../src/scenario/schema.ts';
import { runScenario } from '../src/sim/run.ts';
import { createEngine } from '../src/sim/api.ts';
import { erlangCWaitS, runReferenceMmc } from './reference-mmc.ts';

const REPEATS = 5;
const TARGET_CASES = 1_000_000;

function load(name: string): Scenario {
  const parsed = parseScenario(readFileSync(new URL(`../scenarios/${name}`, import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error(`${name} is invalid: ${JSON.stringify(parsed.errors)}`);
  return parsed.scenario;
}

function median(xs: number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time<T>(f: () => T): { value: T; s: number } {
  const t0 = performance.now();
  const value = f();
  return { value, s: (performance.now() - t0) / 1000 };
}

const fmt = (x: number, d = 0) => x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

// (a) M/M/c: engine vs reference --------------------------------------------
/** Section (a): the engine against the reference loop on validation-mmc.json (BENCH_ONLY=mmc). */
function benchMmc(): void {
  const mmc = load('validation-mmc.json');
  const et = mmc.eventTypes[0];
  if (et.handlingMin.dist !== 'exponential') throw new Error('validation-mmc: expected exponential handling');
  const lambdaPerS = et.ratePerDay / 86_400;
  const meanServiceS = et.handlingMin.mean * 60;
  const c = mmc.teams.reduce((sum, t) => sum + Math.max(...t.shifts.map((s) => s.staff)), 0);
  const days = TARGET_CASES / et.ratePerDay;
  const seed = mmc.run.seed;
  console.log(
    `M/M/c (validation-mmc.json): λ=${fmt(et.ratePerDay)}/day, mean service ${fmt(meanServiceS, 1)} s, c=${c}, ρ=${fmt((lambdaPerS * meanServiceS) / c, 3)}, ${fmt(days, 1)} days ≈ ${fmt(TARGET_CASES)} cases`,
  );

  const ref: { rate: number; wait: number; cases: number }[] = [];
  const eng: { rate: number; wait: number | null; cases: number; events: number }[] = [];
  // warm both up (JIT) on a shorter run before measuring
  runReferenceMmc({ lambdaPerS, meanServiceS, c, horizonS: 50 * 86_400, seed: 99 });
  runScenario(mmc, { seed: 99, days: 50 });
  for (let i = 0; i < REPEATS; i++) {
    const r = time(() => runReferenceMmc({ lambdaPerS, meanServiceS, c, horizonS: days * 86_400, seed: seed + i }));
    ref.push({ rate: r.value.cases / r.s, wait: r.value.meanWaitS, cases: r.value.cases });
    const e = time(() => runScenario(mmc, { seed: seed + i, days }));
    eng.push({
      rate: e.value.kpis.casesArrived / e.s,
      wait: e.value.kpis.meanWaitS,
      cases: e.value.kpis.casesArrived,
      events: e.value.perf.events,
    });
    console.log(
      `  run ${i + 1}: reference ${fmt(r.value.cases)} cases in ${fmt(r.s, 3)} s; engine ${fmt(e.value.kpis.casesArrived)} cases, ${fmt(e.value.perf.events)} events in ${fmt(e.s, 3)} s`,
    );
  }
  const refRate = median(ref.map((x) => x.rate));
  const engRate = median(eng.map((x) => x.rate));
  console.log(`  reference  ${fmt(refRate)} cases/s (median of ${REPEATS})`);
  console.log(`  engine     ${fmt(engRate)} cases/s (median of ${REPEATS})`);
  console.log(`  ratio engine/reference ${fmt(engRate / refRate, 3)}`);
  console.log(
    `  mean wait: Erlang C ${fmt(erlangCWaitS(lambdaPerS, meanServiceS, c), 2)} s; reference ${ref.map((x) => fmt(x.wait, 2)).join(', ')} s; engine ${eng.map((x) => (x.wait === null ? '—' : fmt(x.wait, 2))).join(', ')} s`,
  );
  console.log('');
}

// (b) + (c) baseline events/s and cost per event as staff grows -------------------
/** Sections (b) and (c): baseline-weekday, cost per event as staff grows (BENCH_ONLY=staff). */
function benchStaff(): void {
  const baseline = load('baseline-weekday.json');
  function scaled(s: Scenario, k: number): Scenario {
    const copy = structuredClone(s);
    for (const team of copy.teams) for (const shift of team.shifts) shift.staff *= k;
    return copy;
  }
  console.log(
    `baseline-weekday.json (${baseline.run.days} day(s), seed ${baseline.run.seed}): cost per event as staff grows`,
  );
  console.log('  staff   events        wall s    events/s      ns/event   cases    staff   setup ms');
  for (const k of [1, 10, 100]) {
    const sc = scaled(baseline, k);
    // one untimed run first (the JIT warm, as in section a), then the timed ones
    runScenario(sc, { seed: baseline.run.seed });
    const runs = Array.from({ length: REPEATS }, () => time(() => runScenario(sc, { seed: baseline.run.seed })));
    const wall = median(runs.map((r) => r.s));
    const ev = runs[0].value.perf.events;
    // of the wall time, building the simulation (roster, staff tables, patrol routes): it grows with the staff
    const builds = Array.from({ length: REPEATS }, () => time(() => createEngine(sc, baseline.run.seed)));
    const setup = median(builds.map((b) => b.s));
    const nStaff = builds[0].value.nStaff;
    console.log(
      `  x${String(k).padEnd(5)} ${fmt(ev).padStart(12)}  ${fmt(wall, 3).padStart(8)}  ${fmt(ev / wall).padStart(12)}  ${fmt((wall * 1e9) / ev, 0).padStart(10)}   ${fmt(runs[0].value.kpis.casesArrived).padStart(5)}  ${fmt(nStaff).padStart(7)}  ${fmt(setup * 1000, 1).padStart(8)}`,
    );
  }
  console.log('');
}

console.log('AllWeather benchmark');
console.log(`date     ${new Date().toISOString()}`);
console.log(`cpu      ${os.cpus()[0]?.model ?? 'unknown'} (${os.availableParallelism()} threads)`);
console.log(`node     ${process.version} (${process.platform} ${process.arch})`);
console.log('');

// Sections that can run alone: BENCH_ONLY=<name>.
const ONLY = process.env.BENCH_ONLY;
const STANDALONE: Record<string, () => Promise<void>> = {
  mmc: async () => benchMmc(),
  staff: async () => benchStaff(),
  scale: async () => (await import('./scale.ts')).benchScale(),
  startup: async () => (await import('./startup.ts')).benchStartup(),
  queue: async () => (await import('./queue.ts')).benchQueue(),
};
if (ONLY) {
  const section = STANDALONE[ONLY];
  if (!section) throw new Error(`BENCH_ONLY=${ONLY}: no such section (${Object.keys(STANDALONE).join(', ')})`);
  await section();
  process.exit(0);
}

await STANDALONE.mmc();
await STANDALONE.staff();

// (c') one simulated day of the driver scenarios ------------------------------------
for (const name of ['peoples-square-surge.json', 'rainstorm-red-night.json']) {
  const sc = load(name);
  const runs = Array.from({ length: REPEATS }, () => time(() => runScenario(sc, { seed: sc.run.seed, days: 1 })));
  const wall = median(runs.map((r) => r.s));
  const r = runs[0].value;
  const pax = r.stations.reduce((a, st) => a + st.passengers, 0);
  console.log(
    `${name}: one simulated day (+${sc.run.warmupHours} h warm-up) in ${fmt(wall, 3)} s (median of ${REPEATS}): ${fmt(r.perf.events)} events, ${fmt(r.perf.events / wall)} events/s, ${fmt(r.kpis.casesArrived)} cases${pax > 0 ? `, ${fmt(pax)} individual passengers` : ''}`,
  );
}
console.log('');

// (d) replications per second through the pool ----------------------------------
const baselineText = readFileSync(new URL('../scenarios/baseline-weekday.json', import.meta.url), 'utf8');
const all = os.availableParallelism();
const PER_WORKER = 6;
console.log(
  `baseline-weekday.json replications/s through the worker pool (${PER_WORKER} replications per worker, after two warm-up replications each)`,
);
const rates: Record<number, number> = {};
for (const workers of [...new Set([1, all])]) {
  const pool = new NodePool({ workers });
  try {
    await pool.run(baselineText, consecutiveSeeds(1000, 2 * workers)); // start-up and JIT warm-up
    const n = PER_WORKER * workers;
    const t0 = performance.now();
    await pool.run(baselineText, consecutiveSeeds(1, n));
    const s = (performance.now() - t0) / 1000;
    rates[workers] = n / s;
    console.log(
      `  ${String(workers).padStart(2)} worker(s): ${n} replications in ${fmt(s, 2)} s = ${fmt(n / s, 2)} replications/s`,
    );
  } finally {
    await pool.close();
  }
}
if (all > 1) console.log(`  speedup with ${all} workers: ${fmt(rates[all] / rates[1], 2)}x`);

console.log('');

// (e) optimise on the storm night, as `allweather optimise` runs it -------------------
// Default options (6 replications per plan, budget 40 plans, verification on 6 fresh seeds), the worker pool
// with every thread. The reference is one replication of the same scenario on this thread, timed in this run.
if (process.env.BENCH_SKIP_OPTIMISE !== '1') {
  const { optimise } = await import('../src/analysis/optimise.ts');
  const stormText = readFileSync(new URL('../scenarios/rainstorm-red-night.json', import.meta.url), 'utf8');
  const storm = load('rainstorm-red-night.json');
  const one = median(Array.from({ length: 3 }, (_, i) => time(() => runScenario(storm, { seed: 1 + i })).s));
  console.log(
    `optimise rainstorm-red-night.json (default options, ${all} worker(s)); one replication on this thread: ${fmt(one, 3)} s`,
  );
  for (const criterion of ['coverage', 'types'] as const) {
    const pool = new NodePool({ workers: all });
    try {
      const t0 = performance.now();
      const r = await optimise(pool.run, stormText, { seed: storm.run.seed, replications: 6, criterion });
      const s = (performance.now() - t0) / 1000;
      const v = r.verification.criterion;
      console.log(
        `  ${criterion.padEnd(8)} ${fmt(s, 1)} s = ${fmt(s / one, 0)} × one replication; ${r.evaluations} plans; ${r.feasible ? 'feasible' : 'infeasible'}, ¥${fmt(r.current.costCny, 0)} → ¥${fmt(r.costCny, 0)}/day; verification ${v.mean === null ? '—' : fmt(v.mean * 100, 1)}% [lower ${v.lowerBound === null ? '—' : fmt(v.lowerBound * 100, 1)}%] ${r.verification.meets ? 'meets' : 'does not meet'}`,
      );
    } finally {
      await pool.close();
    }
  }
}

// (f) Shanghai scale: one generated megacity day, at three sizes (bench/scale.ts) ------------------
console.log('');
await STANDALONE.scale();

// (g) CLI start-up: the built CLI against bare node and against tsx (bench/startup.ts) -------------
console.log('');
await STANDALONE.startup();
