/**
 * Behaviour: the p50/p90/p95 a run reports are the 0.5, 0.9 and 0.95
 * quantiles of its observations, in that order, within the histogram's
 * resolution (stats.ts: each power of two cut into 64 bins, read with
 * linear interpolation inside the bin that holds the quantile).
 *
 * First on data whose quantiles are worked out by hand, then on a run
 * whose response, wait and resolution times are known in distribution (a
 * dispatch delay uniform over 0..100 min, nothing else) and, exactly, from
 * its own case log.
 */
import { describe, it, expect } from 'vitest';
import { Tally } from './stats.ts';
import { runScenario } from './run.ts';
import { Scenario } from '../scenario/schema.ts';
import { caseType, lineCity, team } from '../drill/handBuilt.ts';

describe('Tally quantiles on known data', () => {
  it('1, 2, ..., 100 s: p50 = 50.5, p90 = 91, p95 = 96 (the top of the bin holding the 50th, 90th, 95th value)', () => {
    // every integer up to 100 sits at the lower edge of its own bin (width 0.5 in 32..64, 1 in 64..128);
    // the q-quantile is where the cumulative count reaches 100 q: the top of that value's bin
    const t = new Tally();
    for (let v = 1; v <= 100; v++) t.add(v);
    expect(t.quantile(0.5)).toBe(50.5);
    expect(t.quantile(0.9)).toBe(91);
    expect(t.quantile(0.95)).toBe(96);
    expect(t.mean()).toBe(50.5);
  });

  it('900 x 60 s, 50 x 600 s, 50 x 3000 s: p50 and p90 in the first bin, p95 in the second, p99 in the third', () => {
    const t = new Tally();
    for (let i = 0; i < 900; i++) t.add(60);
    for (let i = 0; i < 50; i++) t.add(600);
    for (let i = 0; i < 50; i++) t.add(3000);
    // 60 lies in [32, 64), bins 0.5 wide: p50 is halfway up 60's bin (target 500 of its 900), p90 at its top
    expect(t.quantile(0.5)).toBeCloseTo(60 + 0.5 * (500 / 900), 12);
    expect(t.quantile(0.9)).toBe(60.5);
    // 600 lies in [512, 1024), bins 8 wide, at a bin's lower edge; p95 is the top of its bin
    expect(t.quantile(0.95)).toBe(608);
    // 3000 lies in [2048, 4096), bins 32 wide: bin [2976, 3008); p99 is 40 of its 50 up
    expect(t.quantile(0.99)).toBeCloseTo(2976 + 32 * (40 / 50), 12);
  });

  it('zeros and sub-second values count below every bin', () => {
    const t = new Tally();
    for (let i = 0; i < 50; i++) t.add(0);
    for (let i = 0; i < 40; i++) t.add(0.25);
    for (let i = 0; i < 10; i++) t.add(100);
    expect(t.quantile(0.5)).toBe(0);
    expect(t.quantile(0.9)).toBe(0.5);
    expect(t.quantile(0.95)).toBe(100 + 1 * 0.5);
  });
});

/** q-quantile of sorted xs: the value at which the cumulative count first reaches q n. */
const exactQuantile = (sorted: number[], q: number) => sorted[Math.ceil(q * sorted.length) - 1];

describe('p50/p90/p95 in a run', () => {
  // response = wait = the centre's dispatch delay, uniform over 0..100 min; resolution = that + 10 min of handling
  const input = lineCity(
    1,
    [caseType('job', { ratePerDay: 480, handlingMin: 10, responseDeadlineMin: 1000, resolutionDeadlineMin: 1000 })],
    [team('many', { shifts: [{ start: '00:00', end: '24:00', staff: 200 }] })],
    {
      run: { days: 5, warmupHours: 0, seed: 2 },
      travel: { enabled: false },
      workflow: { dispatchMin: { dist: 'uniform', min: 0, max: 100 } },
    },
  );
  const r = runScenario(Scenario.parse(input), { seed: 2, log: true });
  const k = r.kpis;
  const log = r.log!;

  it('is the run meant: about 2,400 cases, nobody waits for a member', () => {
    expect(log.length).toBeGreaterThan(2000);
    expect(log.every((c) => c.queueS === 0 && c.travelS === 0)).toBe(true);
  });

  it('follow the distribution: response and wait p50 = 50 min, p90 = 90, p95 = 95; resolution 60, 100, 105', () => {
    // with ~2,400 cases the sample quantiles are within about 1 min of these
    const near = (x: number | null, min: number) => expect(Math.abs(x! / 60 - min)).toBeLessThan(2.5);
    near(k.p50ResponseS, 50);
    near(k.p90ResponseS, 90);
    near(k.p95ResponseS, 95);
    near(k.p50WaitS, 50);
    near(k.p90WaitS, 90);
    near(k.p95WaitS, 95);
    near(k.p50ResolutionS, 60);
    near(k.p90ResolutionS, 100);
    near(k.p95ResolutionS, 105);
  });

  it("match the quantiles of the run's own case log within one bin (1/64)", () => {
    const sorted = (f: (c: (typeof log)[number]) => number) => log.map(f).sort((a, b) => a - b);
    const resp = sorted((c) => c.onSceneS - c.filedS);
    const wait = sorted((c) => c.handlingStartS - c.filedS);
    const resol = sorted((c) => c.closedS - c.occurredS);
    const within = (got: number | null, xs: number[], q: number) => {
      const x = exactQuantile(xs, q);
      expect(Math.abs(got! - x) / x).toBeLessThan(1 / 64);
    };
    for (const [q, rq, wq, sq] of [
      [0.5, k.p50ResponseS, k.p50WaitS, k.p50ResolutionS],
      [0.9, k.p90ResponseS, k.p90WaitS, k.p90ResolutionS],
      [0.95, k.p95ResponseS, k.p95WaitS, k.p95ResolutionS],
    ] as const) {
      within(rq, resp, q);
      within(wq, wait, q);
      within(sq, resol, q);
    }
  });

  it('are in order p50 < p90 < p95, and p90 matches the per-type figure', () => {
    for (const [a, b, c] of [
      [k.p50ResponseS, k.p90ResponseS, k.p95ResponseS],
      [k.p50WaitS, k.p90WaitS, k.p95WaitS],
      [k.p50ResolutionS, k.p90ResolutionS, k.p95ResolutionS],
    ]) {
      expect(a!).toBeLessThan(b!);
      expect(b!).toBeLessThan(c!);
    }
    expect(r.byType[0].p90ResponseS).toBe(k.p90ResponseS);
  });
});
