/**
 * The night driver's rule: a citizen case is reported with the hour's
 * probability; an unreported one stays latent for a patrol.
 */
import { describe, expect, it } from 'vitest';
import { Scenario } from '../../scenario/schema.ts';
import { runScenario } from '../run.ts';
import { worldInput } from '../policies/testWorld.ts';

describe('night driver', () => {
  it('nobody reports between 00:00 and 06:00 when the curve says 0; everyone by day when it says 1', () => {
    const input = worldInput();
    const et = input.eventTypes[0];
    et.ratePerDay = 480;
    et.discovery = {
      patrol: 0,
      citizen: 1,
      sensor: 0,
      citizenReportByHour: Array.from({ length: 24 }, (_, h) => (h < 6 ? 0 : 1)),
    };
    const r = runScenario(Scenario.parse(input), { seed: 4, log: true });
    const log = r.log!.filter((x) => x.type === 'one');
    const night = log.filter((x) => x.occurredS % 86_400 < 6 * 3600);
    const day = log.filter((x) => x.occurredS % 86_400 >= 6 * 3600);
    expect(night.length).toBeGreaterThan(50);
    expect(day.length).toBeGreaterThan(200);
    expect(night.every((x) => x.channel === 'patrol')).toBe(true);
    expect(day.every((x) => x.channel === 'citizen')).toBe(true);
  });

  it('without a curve every citizen case is reported', () => {
    const input = worldInput();
    input.eventTypes[0].ratePerDay = 240;
    const r = runScenario(Scenario.parse(input), { seed: 4, log: true });
    expect(r.log!.filter((x) => x.type === 'one').every((x) => x.channel === 'citizen')).toBe(true);
  });
});
