/**
 * Grid-bound, in hand-built situations: a case never gets a grid worker of
 * another grid; pooled teams serve everywhere, after the own grid's workers.
 */
import { describe, expect, it } from 'vitest';
import { ScopeList } from './types.ts';
import { cell, members, newCase, onlyOnDuty, picks, place, world } from './testWorld.ts';

describe('grid-bound policy', () => {
  it('takes the nearest own-grid worker even when another grid has one nearer', () => {
    const sim = world({ policy: 'gridBound' });
    const [own] = members(sim, 'grid', 0);
    const [next] = members(sim, 'grid', 1);
    onlyOnDuty(sim, [own, next]);
    place(sim, own, cell(sim, 0, 0));
    place(sim, next, cell(sim, 4, 0));
    expect(picks(sim, newCase(sim, 'one', cell(sim, 3, 0)))).toEqual([own]);
  });

  it('never takes a member outside the grid, however long the case has waited', () => {
    const sim = world({ policy: 'gridBound' });
    const [next] = members(sim, 'grid', 1);
    onlyOnDuty(sim, [next]);
    place(sim, next, cell(sim, 4, 0));
    const c = newCase(sim, 'one', cell(sim, 3, 0));
    sim.cFiled[c] = sim.now - 86_400;
    expect(picks(sim, c)).toEqual([]);
    for (const list of sim.scope.tiers(sim, c, sim.types[sim.cType[c]].skill)) expect([...list]).not.toContain(next);
  });

  it('pooled members are the second tier: taken only when no own-grid worker is free', () => {
    const sim = world({ policy: 'gridBound', pooled: 1 });
    const [own] = members(sim, 'grid', 0);
    const [pool] = members(sim, 'pool');
    onlyOnDuty(sim, [own, pool]);
    place(sim, own, cell(sim, 0, 3));
    place(sim, pool, cell(sim, 3, 0));
    const c = newCase(sim, 'one', cell(sim, 3, 0));
    expect(picks(sim, c)).toEqual([own]);
    sim.assign(own, c);
    expect(picks(sim, newCase(sim, 'one', cell(sim, 3, 0)))).toEqual([pool]);
  });

  it('a freed grid worker serves only its own grid’s queue (and pooled ones the city’s)', () => {
    const sim = world({ policy: 'gridBound', pooled: 1 });
    const [own] = members(sim, 'grid', 0);
    const [pool] = members(sim, 'pool');
    const scopes = new ScopeList();
    const list = () => Array.from(scopes.scopes.subarray(0, scopes.n));
    sim.scope.memberScopes(sim, own, scopes);
    expect([list(), scopes.nOwn]).toEqual([[0], 1]);
    sim.scope.memberScopes(sim, pool, scopes);
    expect([list(), scopes.nOwn]).toEqual([[sim.globalScope], 1]);
  });
});
