/**
 * Priority order and preemption, in hand-built situations.
 */
import { describe, expect, it } from 'vitest';
import { CS } from '../core/codes.ts';
import { priority, priorityPreemption, noPreemption } from './priority.ts';
import { cell, members, newCase, onlyOnDuty, place, world } from './testWorld.ts';

describe('priority order', () => {
  it('puts each type in the class of its priority (1 first)', () => {
    const t = (p: number) => ({ priority: p, meanHandlingS: 60 });
    expect(priority.classes([t(3), t(1), t(4), t(2)])).toEqual({ nClasses: 4, classOf: [2, 0, 3, 1] });
  });

  it('a freed member takes the urgent case before an older routine one', () => {
    const sim = world({ order: 'priority' });
    const [m] = members(sim, 'grid', 0);
    onlyOnDuty(sim, [m]);
    const busy = newCase(sim, 'one', cell(sim, 0, 0));
    sim.assign(m, busy);
    const old = newCase(sim, 'one', cell(sim, 1, 0));
    const urgent = newCase(sim, 'urgent', cell(sim, 2, 0));
    sim.discover(old);
    sim.discover(urgent);
    expect([sim.cState[old], sim.cState[urgent]]).toEqual([CS.QUEUED, CS.QUEUED]);
    sim.runUntil(31 * 60); // the busy case is handled after 30 min (plus travel)
    expect(sim.sCase[m]).toBe(urgent);
  });
});

describe('preemption', () => {
  /** Two members busy on cases of the given types, each at its own cell; an urgent case then at `urgentAt`. */
  function busyPair(types: [string, string], cells: [number, number], urgentAt: [number, number]) {
    const sim = world({ preemption: true });
    const [a, b] = members(sim, 'grid', 0);
    onlyOnDuty(sim, [a, b]);
    place(sim, a, cell(sim, cells[0], 0));
    place(sim, b, cell(sim, cells[1], 0));
    sim.assign(a, newCase(sim, types[0], cell(sim, cells[0], 0)));
    sim.assign(b, newCase(sim, types[1], cell(sim, cells[1], 0)));
    const u = newCase(sim, 'urgent', cell(sim, urgentAt[0], urgentAt[1]));
    return { sim, a, b, u };
  }

  it('among equal priorities takes the member nearest the urgent case', () => {
    const near = busyPair(['one', 'one'], [0, 9], [10, 0]);
    expect(priorityPreemption.victim(near.sim, near.u)).toBe(near.b);
    const other = busyPair(['one', 'one'], [0, 9], [1, 0]);
    expect(priorityPreemption.victim(other.sim, other.u)).toBe(other.a);
  });

  it('takes the member off the lowest-priority case, even when farther', () => {
    const x = busyPair(['low', 'one'], [0, 9], [10, 0]);
    expect(priorityPreemption.victim(x.sim, x.u)).toBe(x.a);
  });

  it('never takes from an urgent case or a crew case, and only for an urgent single-crew case', () => {
    const x = busyPair(['urgent', 'urgent'], [0, 9], [10, 0]);
    expect(priorityPreemption.victim(x.sim, x.u)).toBe(-1);
    const y = busyPair(['one', 'one'], [0, 9], [10, 0]);
    const routine = newCase(y.sim, 'one', cell(y.sim, 10, 0));
    expect(priorityPreemption.victim(y.sim, routine)).toBe(-1);
    expect(noPreemption.victim(y.sim, y.u)).toBe(-1);
  });

  it('the preempted case goes back to the queue and the urgent case gets its member', () => {
    const { sim, a, u } = busyPair(['one', 'low'], [0, 1], [0, 1]);
    const taken = sim.sCase[members(sim, 'grid', 0)[1]];
    sim.discover(u);
    expect(sim.sCase[members(sim, 'grid', 0)[1]]).toBe(u);
    expect(sim.cState[taken]).toBe(CS.QUEUED);
    expect(sim.sCase[a]).not.toBe(u);
  });
});
