/**
 * Nearest available, in hand-built situations: which member a case gets.
 */
import { describe, expect, it } from 'vitest';
import { cell, members, newCase, onlyOnDuty, picks, place, world } from './testWorld.ts';

describe('nearest policy', () => {
  it('picks the nearest free member holding the skill, anywhere in the city', () => {
    const sim = world({ policy: 'nearest' });
    const [g0a] = members(sim, 'grid', 0);
    const [g2a] = members(sim, 'grid', 2);
    const [bee] = members(sim, 'bees', 2);
    onlyOnDuty(sim, [g0a, g2a, bee]);
    place(sim, g0a, cell(sim, 0, 0));
    place(sim, g2a, cell(sim, 9, 0));
    place(sim, bee, cell(sim, 10, 0)); // nearer, but without the skill
    const c = newCase(sim, 'one', cell(sim, 10, 0));
    expect(picks(sim, c)).toEqual([g2a]);
  });

  it('breaks ties by the lowest staff id', () => {
    const sim = world({ policy: 'nearest' });
    const [a, b] = members(sim, 'grid', 1);
    const [x] = members(sim, 'grid', 0);
    onlyOnDuty(sim, [a, b, x]);
    // a and b both one cell from the case, on either side; x one cell too (below)
    const at = cell(sim, 5, 1);
    place(sim, b, cell(sim, 6, 1));
    place(sim, a, cell(sim, 4, 1));
    place(sim, x, cell(sim, 5, 2));
    expect(picks(sim, newCase(sim, 'one', at))).toEqual([Math.min(a, b, x)]);
  });

  it('skips members who are busy or off duty', () => {
    const sim = world({ policy: 'nearest' });
    const [near, far] = members(sim, 'grid', 0);
    onlyOnDuty(sim, [near, far]);
    place(sim, near, cell(sim, 0, 0));
    place(sim, far, cell(sim, 3, 3));
    const first = newCase(sim, 'one', cell(sim, 0, 0));
    sim.assign(near, first);
    expect(picks(sim, newCase(sim, 'one', cell(sim, 0, 0)))).toEqual([far]);
  });

  it('a crew of two or three takes the nearest qualified members, not the farthest', () => {
    const sim = world({ policy: 'nearest' });
    const staff = members(sim, 'grid');
    onlyOnDuty(sim, staff);
    // member staff[i] stands i+1 cells (in x) from the case's cell in the bottom row, except a bee at the case
    const at = cell(sim, 0, 3);
    staff.forEach((s, i) => place(sim, s, cell(sim, i + 1, 3)));
    expect(picks(sim, newCase(sim, 'two', at))).toEqual(staff.slice(0, 2));
    expect(picks(sim, newCase(sim, 'three', at))).toEqual(staff.slice(0, 3));
  });

  it('a crew case gets nobody when too few qualified members are free', () => {
    const sim = world({ policy: 'nearest' });
    const [a, b] = members(sim, 'grid', 0);
    onlyOnDuty(sim, [a, b, ...members(sim, 'bees')]);
    expect(picks(sim, newCase(sim, 'three', cell(sim, 0, 0)))).toEqual([]);
    expect(picks(sim, newCase(sim, 'two', cell(sim, 0, 0)))).toEqual([a, b]);
  });
});
