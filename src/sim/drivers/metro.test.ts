/**
 * The metro driver's rule: lanes are the station's security staff on duty;
 * passengers queue FIFO; a queue at the threshold raises a crowd incident
 * near the station, at most one per cooldown.
 */
import { describe, expect, it } from 'vitest';
import { Scenario, type ScenarioInput } from '../../scenario/schema.ts';
import { Simulation } from '../simulation.ts';
import { worldInput } from '../policies/testWorld.ts';

function station(
  lanes: number,
  ridership: number,
  surges: { startHour: number; durationH: number; extra: number }[] = [],
): ScenarioInput {
  const input = worldInput();
  input.city.stations = [{ id: 'st', name: { zh: '站', en: 'st' }, x: 5, y: 1, dailyRidership: ridership }];
  input.metro = {
    curve: Array(24).fill(1),
    securityServiceS: 10,
    crowdThreshold: 50,
    incidentCooldownMin: 30,
    surges: surges.map((s) => ({
      station: 'st',
      startHour: s.startHour,
      durationH: s.durationH,
      extraPassengers: s.extra,
    })),
  };
  input.eventTypes.push({ ...input.eventTypes[0], id: 'crowd', crowdIncident: true });
  input.teams.push({
    id: 'lanes',
    name: { zh: '安检', en: 'lanes' },
    skills: ['x'],
    role: 'securityLanes',
    station: 'st',
    placement: 'pooled',
    patrol: false,
    shifts: [{ start: '00:00', end: '24:00', staff: lanes }],
  });
  return input;
}

describe('metro driver', () => {
  it('opens one lane per security member on duty', () => {
    const sim = new Simulation(Scenario.parse(station(3, 1000)), 1);
    sim.runUntil(0);
    expect(sim.stations[0].lanes).toBe(3);
  });

  it('with enough lanes nobody waits long; with too few the queue raises crowd incidents, at most one per cooldown', () => {
    // 8,640 passengers a day = one every 10 s; 10 s service: two lanes keep up, none cannot
    const ok = new Simulation(Scenario.parse(station(3, 8640)), 1);
    ok.runUntil(ok.horizonS);
    expect(ok.stations[0].incidents).toBe(0);
    const none = new Simulation(Scenario.parse(station(0, 8640)), 1);
    none.runUntil(none.horizonS);
    const st = none.stations[0];
    expect(st.incidents).toBeGreaterThan(0);
    expect(st.incidents).toBeLessThanOrEqual((24 * 60) / 30 + 1);
    const crowd = none.types.find((t) => t.id === 'crowd')!;
    expect(crowd.arrived).toBe(st.incidents);
  });
});
