/**
 * The drill-changes driver's rule: a team taken off duty hands its cases
 * over and stays off through its shift starts until it is put back.
 */
import { describe, expect, it } from 'vitest';
import { CS } from '../core/codes.ts';
import { cell, members, newCase, world } from '../policies/testWorld.ts';

describe('drill-changes driver', () => {
  it('setTeamOff takes the team off and requeues its cases; setTeamOn brings it back', () => {
    const sim = world({ policy: 'gridBound' });
    const team = sim.sc.teams.findIndex((t) => t.id === 'grid');
    const [m] = members(sim, 'grid', 0);
    const c = newCase(sim, 'one', cell(sim, 0, 0));
    sim.assign(m, c);
    sim.setTeamOff(team);
    for (const s of members(sim, 'grid')) expect(sim.sOnDuty[s]).toBe(0);
    expect(sim.cState[c]).toBe(CS.QUEUED);
    sim.runUntil(86_400 - 1);
    for (const s of members(sim, 'grid')) expect(sim.sOnDuty[s]).toBe(0);
    sim.setTeamOn(team);
    for (const s of members(sim, 'grid')) expect(sim.sOnDuty[s]).toBe(1);
  });
});
