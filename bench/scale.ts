/**
 * Shanghai at city scale: one simulated day, headless, timed and measured.
 *
 * The scenario is generated (src/scenario/generators/shanghaiScale.ts): about
 * 634,000 unit cells, 39,601 grids, 35,000 staff, 60,000 cases and 220,000
 * metro passengers a day. Each size runs in a child process of its own, so
 * its peak memory is its own:
 * - times: generate + parse (zod, cross-field checks), build the simulation
 *   (`new Simulation`: city tables, location samplers, roster, per-grid
 *   lists), run to the horizon (24 h, in hourly slices), then finish (the
 *   drain after the horizon that settles open cases, and the report);
 * - memory: the peak resident set (`process.resourceUsage().maxRSS`, the
 *   kernel's high-water mark, as `/usr/bin/time -v` prints it), the peak of
 *   heapUsed + external (typed arrays live in `external`) sampled after every
 *   simulated hour, and what the built simulation retains (heap + external
 *   after a forced GC, minus the same in a child that only loaded the modules).
 * Memory is measured at several sizes (share of Shanghai's area; grids,
 * staff and cases scale with it) to show it grows linearly in cells + staff.
 *
 *     npx tsx bench/scale.ts                 # every size (0.25, 0.5, 1)
 *     BENCH_SCALES=1 npx tsx bench/scale.ts  # the full city only (also with npm run bench)
 *
 * `npm run bench` runs it as its section (f); `BENCH_ONLY=scale npm run bench`
 * runs only this section. Timings on a shared machine are noisy: run it alone.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

interface ChildReport {
  scale: number;
  cells: number;
  grids: number;
  staff: number;
  ratePerDay: number;
  /** Seconds for: generate + parse, build the simulation, run to the horizon, drain + report. */
  wallS: number[];
  /** CPU seconds (user + system, all threads) of the same phases: steadier than wall time on a busy machine. */
  cpuS: number[];
  eventsAtHorizon: number;
  events: number;
  casesArrived: number;
  passengers: number;
  slaAttainment: number | null;
  /** Bytes. */
  maxRss: number;
  peakHeapExt: number;
  /** heap + external of the built simulation after a GC, before it runs. */
  builtHeapExt: number;
  baseHeapExt: number;
}

const SELF = fileURLToPath(import.meta.url);
const MB = 1024 * 1024;

/** heapUsed + external (typed-array stores are external to the JS heap). */
function heapExt(): number {
  const m = process.memoryUsage();
  return m.heapUsed + m.external;
}

function gc(): void {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) {
    g();
    g();
  }
}

/** In the child: build and run one day of the scenario at `scale`, print a JSON report. */
async function child(scale: number): Promise<void> {
  const { shanghaiScale } = await import('../src/scenario/generators/shanghaiScale.ts');
  const { loadScenarioOrThrow } = await import('../src/scenario/load.ts');
  const { rosteredStaff } = await import('../src/scenario/validate.ts');
  const { createEngine } = await import('../src/sim/api.ts');
  gc();
  const baseHeapExt = heapExt();
  if (scale === 0) {
    console.log(JSON.stringify({ scale, maxRss: process.resourceUsage().maxRSS * 1024, baseHeapExt }));
    return;
  }
  // wall and CPU time of each phase (CPU: user + system of the process, steadier than wall on a busy machine)
  const cpuS = () => {
    const c = process.cpuUsage();
    return (c.user + c.system) / 1e6;
  };
  const c0 = cpuS(),
    t0 = performance.now();
  const sc = loadScenarioOrThrow(shanghaiScale({ scale }));
  const c1 = cpuS(),
    t1 = performance.now();
  const sim = createEngine(sc, sc.run.seed);
  const c2 = cpuS(),
    t2 = performance.now();
  // what the built simulation holds once the build's garbage is gone (not timed)
  gc();
  const built = heapExt();
  let peak = built;
  const c2b = cpuS(),
    t2b = performance.now();
  const hours = Math.ceil(sim.horizonS / 3600);
  for (let h = 1; h <= hours; h++) {
    sim.runUntil(Math.min(h * 3600, sim.horizonS));
    peak = Math.max(peak, heapExt());
  }
  const c3 = cpuS(),
    t3 = performance.now();
  const eventsAtHorizon = sim.events;
  const r = sim.finish();
  const c4 = cpuS(),
    t4 = performance.now();
  peak = Math.max(peak, heapExt());
  const report: ChildReport = {
    scale,
    cells: sc.city.cols * sc.city.rows,
    grids: sim.gridIds.length,
    staff: sc.teams.reduce((n, t) => n + rosteredStaff(t, sim.gridIds.length), 0),
    ratePerDay: sc.eventTypes.reduce((n, e) => n + e.ratePerDay, 0),
    wallS: [(t1 - t0) / 1000, (t2 - t1) / 1000, (t3 - t2b) / 1000, (t4 - t3) / 1000],
    cpuS: [c1 - c0, c2 - c1, c3 - c2b, c4 - c3],
    eventsAtHorizon,
    events: r.perf.events,
    casesArrived: r.kpis.casesArrived,
    passengers: r.stations.reduce((n, st) => n + st.passengers, 0),
    slaAttainment: r.kpis.slaAttainment,
    maxRss: process.resourceUsage().maxRSS * 1024,
    peakHeapExt: peak - baseHeapExt,
    builtHeapExt: built - baseHeapExt,
    baseHeapExt,
  };
  console.log(JSON.stringify(report));
  void sim;
}

function spawnChild(scale: number): ChildReport {
  const p = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', SELF, '--child', String(scale)], {
    encoding: 'utf8',
    maxBuffer: 16 * MB,
  });
  if (p.status !== 0) throw new Error(`bench/scale.ts child (scale ${scale}) failed:\n${p.stderr}`);
  const line = p.stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(line) as ChildReport;
}

const fmt = (x: number, d = 0) => x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
const mb = (b: number) => fmt(b / MB, 0);

/** The bench section: every size in its own process, a table, and the linearity check. */
export function benchScale(
  scales: number[] = process.env.BENCH_SCALES?.split(',').map(Number) ?? [0.25, 0.5, 1],
): void {
  console.log(
    'Shanghai scale (generated: src/scenario/generators/shanghaiScale.ts), one simulated day, one thread; each size in its own process',
  );
  const base = spawnChild(0);
  console.log(`  modules only: max RSS ${mb(base.maxRss)} MB`);
  const rows: ChildReport[] = scales.map(spawnChild);
  const phases = (xs: number[]) => xs.map((x) => fmt(x, 2).padStart(7)).join(' ');
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  console.log(
    '  scale    cells    grids    staff      cases       events   |  wall s: parse   build  run24h   drain   total  |  cpu s: parse   build  run24h   drain   total',
  );
  for (const r of rows) {
    console.log(
      `  ${fmt(r.scale, 2).padStart(5)} ${fmt(r.cells).padStart(8)} ${fmt(r.grids).padStart(8)} ${fmt(r.staff).padStart(8)} ${fmt(r.casesArrived).padStart(10)} ${fmt(r.events).padStart(12)}   |        ${phases(r.wallS)} ${fmt(sum(r.wallS), 2).padStart(7)}  |       ${phases(r.cpuS)} ${fmt(sum(r.cpuS), 2).padStart(7)}`,
    );
  }
  console.log('  scale   max RSS MB   peak heap+ext MB   built simulation MB (heap+ext after GC)');
  for (const r of rows) {
    console.log(
      `  ${fmt(r.scale, 2).padStart(5)} ${mb(r.maxRss).padStart(12)} ${mb(r.peakHeapExt).padStart(18)} ${mb(r.builtHeapExt).padStart(21)}`,
    );
  }
  for (const r of rows) {
    console.log(
      `  scale ${r.scale}: ${fmt(r.eventsAtHorizon)} events to the horizon + ${fmt(r.events - r.eventsAtHorizon)} in the drain; ${fmt(r.events / (r.cpuS[2] + r.cpuS[3]))} events per CPU second; ${fmt(r.passengers)} passengers; SLA attainment ${r.slaAttainment === null ? '—' : fmt(r.slaAttainment * 100, 1) + '%'}`,
    );
  }
  const big = rows[rows.length - 1];
  console.log(
    `  goal: one day of the full city in ≤ 10 s; scale ${big.scale} took ${fmt(sum(big.wallS), 1)} s wall, ${fmt(sum(big.cpuS), 1)} s CPU (build ${fmt(big.cpuS[1], 1)}, run ${fmt(big.cpuS[2], 1)}, drain + report ${fmt(big.cpuS[3], 1)})`,
  );
  if (rows.length >= 2) {
    // linear in cells + staff: bytes per (cell + staff member) the same at every size, and the increments agree
    console.log('  memory per (cells + staff), above the modules-only process:');
    for (const r of rows) {
      const units = r.cells + r.staff;
      console.log(
        `    scale ${fmt(r.scale, 2)}: ${fmt(units)} cells + staff; max RSS ${fmt((r.maxRss - base.maxRss) / units, 0)} B each; peak heap+ext ${fmt(r.peakHeapExt / units, 0)} B each; built simulation ${fmt(r.builtHeapExt / units, 0)} B each`,
      );
    }
    const a = rows[0],
      b = rows[rows.length - 1];
    const du = b.cells + b.staff - (a.cells + a.staff);
    console.log(
      `    increment ${fmt(a.scale, 2)} → ${fmt(b.scale, 2)}: max RSS ${fmt((b.maxRss - a.maxRss) / du, 0)} B, peak heap+ext ${fmt((b.peakHeapExt - a.peakHeapExt) / du, 0)} B, built simulation ${fmt((b.builtHeapExt - a.builtHeapExt) / du, 0)} B per added cell or staff member`,
    );
  }
}

if (process.argv[2] === '--child') {
  await child(Number(process.argv[3]));
} else if (process.argv[1] === SELF) {
  benchScale();
}
