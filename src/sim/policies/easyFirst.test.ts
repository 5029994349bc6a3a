/**
 * Easy-first (score gaming) and FIFO, as orders.
 */
import { describe, expect, it } from 'vitest';
import { easyFirst } from './easyFirst.ts';
import { fifo } from './fifo.ts';
import { cell, members, newCase, onlyOnDuty, world } from './testWorld.ts';

describe('easy-first order', () => {
  it('ranks types by mean handling time, quickest first, ties by listing order', () => {
    const t = (m: number, p = 1) => ({ priority: p, meanHandlingS: m });
    expect(easyFirst.classes([t(600), t(60, 4), t(600), t(300)])).toEqual({ nClasses: 4, classOf: [2, 0, 3, 1] });
  });

  it('a freed member takes the quickest waiting case, not the oldest or the most urgent', () => {
    const sim = world({ order: 'easyFirst' });
    const [m] = members(sim, 'grid', 0);
    onlyOnDuty(sim, [m]);
    sim.assign(m, newCase(sim, 'one', cell(sim, 0, 0)));
    const old = newCase(sim, 'urgent', cell(sim, 1, 0));
    const quick = newCase(sim, 'low', cell(sim, 2, 0));
    sim.discover(old);
    sim.discover(quick);
    sim.runUntil(31 * 60);
    expect(sim.sCase[m]).toBe(quick);
  });
});

describe('fifo order', () => {
  it('one class: the oldest waiting case first, whatever its type', () => {
    expect(
      fifo.classes([
        { priority: 4, meanHandlingS: 9 },
        { priority: 1, meanHandlingS: 1 },
      ]),
    ).toEqual({
      nClasses: 1,
      classOf: [0, 0],
    });
    const sim = world({ order: 'fifo' });
    const [m] = members(sim, 'grid', 0);
    onlyOnDuty(sim, [m]);
    sim.assign(m, newCase(sim, 'one', cell(sim, 0, 0)));
    const old = newCase(sim, 'low', cell(sim, 1, 0));
    const urgent = newCase(sim, 'urgent', cell(sim, 2, 0));
    sim.discover(old);
    sim.discover(urgent);
    sim.runUntil(31 * 60);
    expect(sim.sCase[m]).toBe(old);
  });
});
