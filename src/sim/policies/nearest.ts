/**
 * Nearest available: the city is one pool.
 *
 * A case may take any free member in the city who holds its skill, the
 * nearest first; a freed member takes the first waiting case it may serve
 * anywhere. There is one queue scope, the city (number 0). Members' grids
 * play no part: the policy the M/M/c validation runs under.
 */
import type { Dispatcher } from '../dispatch.ts';
import type { ScopePolicy } from './types.ts';

export function nearest(sim: Dispatcher): ScopePolicy {
  // one tier per skill, built once: asking costs no allocation
  const bySkill = sim.skillStaff.map((list) => [list]);
  return {
    name: 'nearest',
    queuesByGrid: false,
    tiers: (_sim, _c, skill) => bySkill[skill],
    memberScopes(_sim, _s, out) {
      out.clear();
      out.push(0);
      out.markOwn();
    },
    onWait() {},
  };
}
