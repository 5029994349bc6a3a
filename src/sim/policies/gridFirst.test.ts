/**
 * Grid-first, in hand-built situations: own grid first; after the neighbour
 * wait, the nearest worker of the neighbouring grids.
 */
import { describe, expect, it } from 'vitest';
import { CS } from '../core/codes.ts';
import { ScopeList } from './types.ts';
import { cell, members, newCase, onlyOnDuty, picks, place, world } from './testWorld.ts';

describe('grid-first policy', () => {
  it('waits for its own grid before the neighbour wait, then borrows the nearest neighbour', () => {
    const sim = world({ policy: 'gridFirst', neighbourWaitMin: 10 });
    const [n1] = members(sim, 'grid', 1);
    const [n1b] = members(sim, 'grid', 1).slice(1);
    const [n2] = members(sim, 'grid', 2);
    onlyOnDuty(sim, [n1, n1b, n2]);
    place(sim, n1, cell(sim, 7, 0));
    place(sim, n1b, cell(sim, 5, 0));
    place(sim, n2, cell(sim, 8, 0));
    const c = newCase(sim, 'one', cell(sim, 3, 0));
    sim.cFiled[c] = sim.now;
    expect(picks(sim, c)).toEqual([]);
    sim.cFiled[c] = sim.now - 599;
    expect(picks(sim, c)).toEqual([]);
    sim.cFiled[c] = sim.now - 600;
    expect(picks(sim, c)).toEqual([n1b]);
  });

  it('a filed case that finds nobody is dispatched to a neighbour when its wait ends (the escalation)', () => {
    const sim = world({ policy: 'gridFirst', neighbourWaitMin: 10 });
    const [n1] = members(sim, 'grid', 1);
    onlyOnDuty(sim, [n1]);
    place(sim, n1, cell(sim, 4, 0));
    const c = newCase(sim, 'one', cell(sim, 3, 0));
    sim.runUntil(3600); // reported after an hour: filed, waits
    expect(sim.cState[c]).toBe(CS.QUEUED);
    sim.runUntil(3600 + 599);
    expect(sim.cState[c]).toBe(CS.QUEUED);
    sim.runUntil(3600 + 600);
    expect(sim.sCase[n1]).toBe(c);
  });

  it('a freed worker looks in its own grids first, then in its home grid’s neighbours', () => {
    const sim = world({ policy: 'gridFirst' });
    const [w] = members(sim, 'grid', 1);
    const scopes = new ScopeList();
    sim.scope.memberScopes(sim, w, scopes);
    expect(scopes.nOwn).toBe(1);
    expect(Array.from(scopes.scopes.subarray(0, scopes.n))).toEqual([1, 0, 2]);
  });
});
