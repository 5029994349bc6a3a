/**
 * The run-size estimate against the engine: on every built-in scenario the
 * estimated events, cases and passengers are within a small factor of what
 * a run does; drivers (rain, waterlogging, metro) count; an overloaded
 * roster is recognised; the verdict and the messages say what is over and
 * how many days would fit.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseScenario, parseScenarioObject } from '../scenario/load.ts';
import type { Scenario } from '../scenario/schema.ts';
import {
  APP_RUN_LIMITS,
  CLI_RUN_LIMITS,
  checkRunSize,
  describeRunSize,
  estimateRunSize,
  runSizeMessage,
} from './runSize.ts';
import { Simulation } from './simulation.ts';
import { toyImportedDistrict } from './fixtures.ts';

const dir = fileURLToPath(new URL('../../scenarios/', import.meta.url));
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'))
  .sort();
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const raw = (name: string): Record<string, any> => JSON.parse(readFileSync(`${dir}${name}`, 'utf8'));
function parsed(r: unknown): Scenario {
  const p = parseScenarioObject(r);
  if (!p.ok) throw new Error(JSON.stringify(p.errors));
  return p.scenario;
}

describe('estimateRunSize against the engine', () => {
  it.each(files)('%s', (file) => {
    const r = parseScenario(readFileSync(`${dir}${file}`, 'utf8'));
    if (!r.ok) throw new Error(file);
    const est = estimateRunSize(r.scenario);
    const sim = new Simulation(r.scenario, 1, {});
    sim.runUntil(sim.horizonS);
    const arrived = sim.types.reduce((n, t) => n + t.arrived, 0);
    // events: an upper-leaning estimate, never far off
    expect(est.events / sim.events).toBeGreaterThan(0.9);
    expect(est.events / sim.events).toBeLessThan(1.5);
    // cases: the estimate includes the warm-up and counts crowd incidents at their bound, so it is at least the post-warm-up count
    expect(est.cases).toBeGreaterThanOrEqual(arrived * 0.95);
    expect(est.cases).toBeLessThan(arrived * 2.5 + 50);
    expect(est.staff).toBe(sim.nStaff);
    expect(est.cells).toBe(sim.city.nCells);
    expect(est.grids).toBe(sim.city.nGrids);
    expect(est.overloaded).toBe(false);
    expect(est.memoryBytes).toBeLessThan(50e6);
    expect(checkRunSize(est, { runs: 10, limits: CLI_RUN_LIMITS }).ok).toBe(true);
    expect(checkRunSize(est, { limits: APP_RUN_LIMITS }).ok).toBe(true);
  });

  // an imported district's grids as the engine builds them: its own, merged to a count, or regrouped in k x k blocks
  it.each([
    ['its own grids', {}],
    ['merged to 2', { mergeToGrids: 2 }],
    ['regrouped in 2 x 2 blocks', { gridSize: 2 }],
  ])('an imported district, %s: grids and per-grid staff as the engine has them', (_label, city) => {
    const sc = parsed(toyImportedDistrict(undefined, city));
    const est = estimateRunSize(sc);
    const sim = new Simulation(sc, 1, {});
    expect(est.grids).toBe(sim.city.nGrids);
    expect(est.staff).toBe(sim.nStaff);
  });

  it('counts the metro passengers (two events each)', () => {
    const est = estimateRunSize(parsed(raw('baseline-weekday.json')));
    expect(est.passengersPerDay).toBeCloseTo(220_000 + 100_000 + 733, -1);
    expect(est.events).toBeGreaterThan(2 * est.passengers);
  });

  it('counts the rain: the storm night has more cases than the same night dry, and waterlogging adds more', () => {
    const storm = raw('rainstorm-red-night.json');
    const wet = estimateRunSize(parsed(storm));
    const { weather: _, ...dryRaw } = storm;
    const dry = estimateRunSize(parsed(dryRaw));
    expect(wet.cases).toBeGreaterThan(dry.cases);
    const flood = structuredClone(storm);
    flood.eventTypes.find((e: { id: string }) => e.id === 'road-ponding').rain.excessCasesPerMm = 1000;
    expect(estimateRunSize(parsed(flood)).cases).toBeGreaterThan(wet.cases + 10_000);
  });

  it('scales with the days and with --days', () => {
    const s = parsed(raw('validation-mmc.json'));
    const a = estimateRunSize(s, { days: 10 });
    const b = estimateRunSize(s, { days: 20 });
    expect(b.cases - a.cases).toBeCloseTo(2160 * 10, -2);
    expect(b.events).toBeGreaterThan(a.events);
  });

  it('sees an overloaded roster: cases pile up, and memory with them', () => {
    const s = raw('baseline-weekday.json');
    s.eventTypes[0].ratePerDay = 1e7;
    const est = estimateRunSize(parsed(s));
    expect(est.overloaded).toBe(true);
    expect(est.peakOpenCases).toBeGreaterThan(9e6);
    expect(est.memoryBytes).toBeGreaterThan(2e9);
    const v = checkRunSize(est, { limits: APP_RUN_LIMITS });
    expect(v.ok).toBe(false);
    expect(v.problems.map((p) => p.kind)).toContain('memoryBytesPerRun');
  });

  it('the case log costs memory per case', () => {
    const s = parsed(raw('validation-mmc.json'));
    expect(estimateRunSize(s, { log: true }).memoryBytes).toBeGreaterThan(estimateRunSize(s).memoryBytes + 20e6);
  });
});

describe('checkRunSize and the messages', () => {
  const s = parsed(raw('baseline-weekday.json'));
  const est = estimateRunSize(s, { days: 300 }); // ~656,000 events a day: 2.0×10⁸ per replication, under 2.5×10⁸

  it('per replication, and over every replication of the command', () => {
    expect(checkRunSize(est, { runs: 1, limits: CLI_RUN_LIMITS }).ok).toBe(true);
    const v = checkRunSize(est, { runs: 20, limits: CLI_RUN_LIMITS });
    expect(v.ok).toBe(false);
    expect(v.problems).toEqual([expect.objectContaining({ kind: 'eventsTotal' })]);
    // 2×10⁹ events over 20 replications: ~150 days each
    expect(v.maxDays).toBeGreaterThan(130);
    expect(v.maxDays).toBeLessThan(170);
  });

  it('says the estimate, what is over and how to proceed, in both languages', () => {
    const v = checkRunSize(est, { runs: 20, limits: CLI_RUN_LIMITS });
    const cli = runSizeMessage(est, v, 'cli');
    expect(cli.zh).toMatch(/运行规模过大.*1,318 件案件.*20 次重复.*--force.*--days（至多约 1\d\d 天）.*--replications/);
    expect(cli.en).toMatch(
      /run too large.*1,318 cases a day.*20 replications.*--force.*smaller --days \(at most about 1\d\d\).*fewer --replications/,
    );
    const app = runSizeMessage(est, checkRunSize(est, { limits: APP_RUN_LIMITS }), 'app');
    expect(app.zh).toContain('页面');
    expect(app.en).toContain('page unresponsive');
    const d = describeRunSize(est);
    expect(d.en).toContain('266 staff, 1,200 cells, 48 grids');
    expect(d.zh).toContain('266 名人员');
  });

  it('no days suggestion when the days are not the problem', () => {
    const big = raw('baseline-weekday.json');
    big.city = { ...big.city, cols: 1000, rows: 1000, gridSize: 5 };
    const e = estimateRunSize(parsed(big), { days: 0.01 });
    const v = checkRunSize(e, { limits: { ...APP_RUN_LIMITS, memoryBytesPerRun: 50e6 } });
    expect(v.problems.map((p) => p.kind)).toEqual(['memoryBytesPerRun']);
    expect(v.maxDays).toBe(0);
    expect(runSizeMessage(e, v, 'cli').en).not.toContain('--days');
  });
});
