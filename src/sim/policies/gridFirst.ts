/**
 * Grid-first: own grid first, the neighbours after a wait.
 *
 * Like grid-bound (gridBound.ts), a case first draws on its own grid's
 * workers and the pooled teams. Once it has waited `neighbourWaitMin` since
 * filing, the workers of the eight neighbouring grids may take it too (one
 * tier: the nearest of them). Two moments make that happen: the case's
 * escalation event fires at the end of its wait and tries again; and a freed
 * worker, after its own grids' queues, looks in its home grid's neighbours'
 * queues for cases that have waited that long.
 */
import { EV } from '../core/codes.ts';
import type { Dispatcher } from '../dispatch.ts';
import { ownScopes, ownTiers } from './gridBound.ts';
import type { ScopeList, ScopePolicy } from './types.ts';

export function gridFirst(): ScopePolicy {
  const scratch: Int32Array[] = [];
  return {
    name: 'gridFirst',
    queuesByGrid: true,
    tiers(sim, c, skill) {
      const out = ownTiers(sim, c, skill, scratch);
      if (sim.now - sim.cFiled[c] >= sim.neighbourWaitS) {
        const nk = sim.skills.length;
        const nbrs = sim.gridNeighbours[sim.city.cellGrid[sim.cCell[c]]];
        for (let i = 0; i < nbrs.length; i++) out.push(sim.gridSkillStaff[nbrs[i] * nk + skill]);
      }
      return out;
    },
    memberScopes(sim: Dispatcher, s: number, out: ScopeList): void {
      ownScopes(sim, s, out);
      if (sim.sPooled[s] === 1) return;
      const nbrs = sim.gridNeighbours[sim.sHome[s]];
      for (let i = 0; i < nbrs.length; i++) out.push(nbrs[i]);
    },
    onWait(sim, c) {
      if (sim.neighbourWaitS > 0) sim.q.push(sim.now + sim.neighbourWaitS, EV.ESCALATE, c, sim.cQTok[c]);
    },
  };
}
