/**
 * Grid-bound: each grid's workers serve their own grid only.
 *
 * A case may take the free members of teams placed per grid whose grids
 * include the case's (tier 0), then members of pooled teams, a city-wide
 * force under every policy (tier 1). It never takes a grid worker of another
 * grid, however long it waits. A freed grid worker looks in the queues of
 * the grids it answers for, in order; a pooled member looks city-wide.
 */
import type { Dispatcher } from '../dispatch.ts';
import type { ScopeList, ScopePolicy } from './types.ts';

/** The scopes a member serves under the grid policies, as its own: city-wide for pooled members, else its own grids. */
export function ownScopes(sim: Dispatcher, s: number, out: ScopeList): void {
  out.clear();
  if (sim.sPooled[s] === 1) out.push(sim.globalScope);
  else {
    const own = sim.sGrids[s];
    for (let i = 0; i < own.length; i++) out.push(own[i]);
  }
  out.markOwn();
}

/** Tier 0 and 1 of a case under the grid policies: its grid's workers, then the pooled teams. */
export function ownTiers(sim: Dispatcher, c: number, skill: number, out: Int32Array[]): Int32Array[] {
  const nk = sim.skills.length;
  const g = sim.city.cellGrid[sim.cCell[c]];
  out.length = 2;
  out[0] = sim.gridSkillStaff[g * nk + skill];
  out[1] = sim.pooledSkillStaff[skill];
  return out;
}

export function gridBound(): ScopePolicy {
  const scratch: Int32Array[] = [];
  return {
    name: 'gridBound',
    queuesByGrid: true,
    tiers: (sim, c, skill) => ownTiers(sim, c, skill, scratch),
    memberScopes: ownScopes,
    onWait() {},
  };
}
