import { describe, it, expect } from 'vitest';
import { runScenario } from './run.ts';
import { Scenario } from '../scenario/schema.ts';
import { toyDistrict } from './fixtures.ts';
import { nextArrival, hourlyRates } from './arrivals.ts';
import { StreamSet } from './rng.ts';

/** Pearson's chi-square statistic of observed counts against expected ones. */
function chiSquare(observed: number[], expected: number[]): number {
  return observed.reduce((s, o, i) => s + (o - expected[i]) ** 2 / expected[i], 0);
}
// upper 0.1% points of the chi-square distribution
const CHI2_999 = { 23: 49.728, 167: 224.4 } as const;

describe('arrivals follow the profile', () => {
  const input = toyDistrict();
  input.run = { days: 30, warmupHours: 0, seed: 11 };
  const sc = Scenario.parse(input);
  const r = runScenario(sc, { seed: 11, log: true });

  it('hourly counts of a profiled type pass a chi-square test (23 dof, p = 0.001)', () => {
    const prof = sc.eventTypes[0].profile!;
    const total = prof.reduce((a, b) => a + b, 0);
    const obs = new Array(24).fill(0);
    for (const c of r.log!) if (c.type === 'garbage') obs[Math.floor(c.occurredS / 3600) % 24]++;
    const n = obs.reduce((a, b) => a + b, 0);
    expect(n).toBe(r.byType.find((t) => t.id === 'garbage')!.arrived);
    const exp = prof.map((p) => (n * p) / total);
    expect(chiSquare(obs, exp)).toBeLessThan(CHI2_999[23]);
    // and the test has power: a flat profile is rejected
    expect(chiSquare(obs, new Array(24).fill(n / 24))).toBeGreaterThan(CHI2_999[23]);
  });

  it('the daily total is Poisson around ratePerDay', () => {
    const n = r.byType.find((t) => t.id === 'garbage')!.arrived;
    const mu = 120 * 30;
    expect(Math.abs(n - mu)).toBeLessThan(4 * Math.sqrt(mu));
  });

  it('a type without a profile arrives uniformly over the day', () => {
    const obs = new Array(24).fill(0);
    for (const c of r.log!) if (c.type === 'manhole') obs[Math.floor(c.occurredS / 3600) % 24]++;
    const n = obs.reduce((a, b) => a + b, 0);
    expect(chiSquare(obs, new Array(24).fill(n / 24))).toBeLessThan(CHI2_999[23]);
  });

  it('cases occur only where their weights allow (vending: never in green cells)', () => {
    for (const c of r.log!)
      if (c.type === 'vending') expect(sc.city.zones[2].x <= c.cell % 12 && Math.floor(c.cell / 12) >= 4).toBe(false);
  });
});

describe('exact piecewise-constant sampling', () => {
  it('a 168-hour profile is followed hour of week by hour of week', () => {
    const profile = Array.from(
      { length: 168 },
      (_, h) => (Math.floor(h / 24) >= 5 ? 0.5 : 1) * (1 + Math.sin((h % 24) / 4)),
    );
    const weeks = 40;
    const rates = hourlyRates({ ratePerDay: 300, profile } as never, weeks * 168, 0);
    const s = new StreamSet(5).get(16);
    const obs = new Array(168).fill(0);
    for (let t = nextArrival(rates, 0, s); t < Infinity; t = nextArrival(rates, t, s))
      obs[Math.floor(t / 3600) % 168]++;
    const n = obs.reduce((a, b) => a + b, 0);
    const total = profile.reduce((a, b) => a + b, 0);
    expect(
      chiSquare(
        obs,
        profile.map((p) => (n * p) / total),
      ),
    ).toBeLessThan(CHI2_999[167]);
  });

  it('zero-rate hours get no arrivals', () => {
    const profile = Array.from({ length: 24 }, (_, h) => (h >= 9 && h < 17 ? 1 : 0));
    const rates = hourlyRates({ ratePerDay: 500, profile } as never, 24 * 10, 0);
    const s = new StreamSet(9).get(16);
    for (let t = nextArrival(rates, 0, s); t < Infinity; t = nextArrival(rates, t, s)) {
      const h = Math.floor(t / 3600) % 24;
      expect(h >= 9 && h < 17).toBe(true);
    }
  });
});
