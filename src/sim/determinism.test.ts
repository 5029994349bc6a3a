import { describe, it, expect } from 'vitest';
import { runScenario } from './run.ts';
import { Scenario } from '../scenario/schema.ts';
import { toyDistrict } from './fixtures.ts';

const toy = (over: Parameters<typeof toyDistrict>[0] = {}) => Scenario.parse(toyDistrict(over));

describe('determinism', () => {
  it('the same scenario and seed give identical results', () => {
    const a = runScenario(toy(), { seed: 42, log: true });
    const b = runScenario(toy(), { seed: 42, log: true });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it('different seeds give different results', () => {
    const a = runScenario(toy(), { seed: 1 });
    const b = runScenario(toy(), { seed: 2 });
    expect(JSON.stringify(b.kpis)).not.toBe(JSON.stringify(a.kpis));
  });
});

describe('common random numbers', () => {
  const events = (seed: number, over: Parameters<typeof toyDistrict>[0]) =>
    runScenario(toy(over), { seed, log: true })
      .log!.map((c) => ({ id: c.id, type: c.type, cell: c.cell, occurredS: c.occurredS, channel: c.channel }))
      .sort((x, y) => x.id - y.id);

  it('variants that differ only in staffing see exactly the same cases', () => {
    const thin = events(5, { dayStaff: 1, nightStaff: 1 });
    const thick = events(5, { dayStaff: 4, nightStaff: 3 });
    expect(thick.length).toBeGreaterThan(100);
    expect(thick).toEqual(thin);
  });

  it('and so do variants that differ only in dispatch policy', () => {
    expect(events(6, { policy: 'gridBound' })).toEqual(events(6, { policy: 'nearest' }));
  });

  it('while their outcomes differ', () => {
    const thin = runScenario(toy({ dayStaff: 1, nightStaff: 1 }), { seed: 5 });
    const thick = runScenario(toy({ dayStaff: 4, nightStaff: 3 }), { seed: 5 });
    expect(thick.kpis.casesArrived).toBe(thin.kpis.casesArrived);
    expect(thick.kpis.meanResponseS!).toBeLessThan(thin.kpis.meanResponseS!);
    expect(thick.kpis.staffHours).toBeGreaterThan(thin.kpis.staffHours);
  });
});
