/**
 * Priority: the urgent first, and optionally by force.
 *
 * Order: a type's class is its priority less one (priority 1 is served
 * first, 4 last); FIFO within a priority.
 *
 * Preemption (`dispatch.preemption`): a priority-1 single-crew case that
 * finds nobody free may take a member off a lower-priority single-crew case
 * being travelled to or handled, within the case's own scope tiers. It takes
 * the member of the lowest-priority such case; among equals, the member
 * nearest the urgent case (ties: the first met, in tier then staff-id
 * order). The case it leaves goes back to the front of its queue with its
 * remaining handling time.
 */
import { SS } from '../core/codes.ts';
import type { OrderPolicy, PreemptionPolicy } from './types.ts';

export const priority: OrderPolicy = {
  name: 'priority',
  classes: (types) => ({ nClasses: 4, classOf: types.map((t) => t.priority - 1) }),
};

/** No preemption: a case waits for a free member. */
export const noPreemption: PreemptionPolicy = { name: 'off', victim: () => -1 };

export const priorityPreemption: PreemptionPolicy = {
  name: 'priority',
  victim(sim, c) {
    const t = sim.types[sim.cType[c]];
    if (t.priority !== 1 || t.crew !== 1) return -1;
    const cell = sim.cCell[c];
    let best = -1,
      bestP = 1,
      bestD = Infinity;
    for (const list of sim.scope.tiers(sim, c, t.skill)) {
      for (let i = 0; i < list.length; i++) {
        const s = list[i];
        const st = sim.sState[s];
        if (sim.sOnDuty[s] !== 1 || (st !== SS.TRAVEL && st !== SS.ON_SCENE)) continue;
        const d = sim.sCase[s];
        if (sim.cCrewNeed[d] !== 1) continue;
        const p = sim.types[sim.cType[d]].priority;
        // a lower priority never wins; an equal one (above 1) only when nearer: the distance needs no more precision
        if (p < bestP || (p === bestP && p <= 1)) continue;
        const dd = sim.city.cellDistance(sim.staffCell(s), cell, p > bestP ? Infinity : bestD);
        if (p > bestP || dd < bestD) {
          best = s;
          bestP = p;
          bestD = dd;
        }
      }
    }
    return best;
  },
};
