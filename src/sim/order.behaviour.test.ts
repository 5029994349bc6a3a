/**
 * Behaviour: which waiting case a member serves next, under each dispatch
 * order — FIFO (first filed first), priority (most urgent first, FIFO
 * within a priority) and easy-first (shortest mean handling first: the
 * score gaming the design includes to show its harm).
 *
 * Hand-built (src/drill/handBuilt.ts): one cell, one member, no travel. A
 * blocker case (60 min) occupies the member from minute 0; while it runs,
 * three cases are filed — quick (priority 4, 5 min) at minute 10, urgent
 * (priority 1, 30 min) at 20, routine (priority 3, 15 min) at 30. At minute
 * 60 the member is free and the queue is served in the order's sequence, so
 * every start time follows by hand.
 */
import { describe, it, expect } from 'vitest';
import { caseType, lineCity, playInjects, team } from '../drill/handBuilt.ts';

type Order = 'fifo' | 'priority' | 'easyFirst';

function oneServer(order: Order) {
  return lineCity(
    1,
    [
      caseType('blocker', { priority: 2, handlingMin: 60 }),
      caseType('quick', { priority: 4, handlingMin: 5 }),
      caseType('urgent', { priority: 1, handlingMin: 30 }),
      caseType('routine', { priority: 3, handlingMin: 15 }),
    ],
    [team('one')],
    { dispatch: { policy: 'nearest', order, preemption: false }, travel: { enabled: false } },
  );
}
const queueUp = [
  { atMin: 0, type: 'blocker', x: 0 },
  { atMin: 10, type: 'quick', x: 0 },
  { atMin: 20, type: 'urgent', x: 0 },
  { atMin: 30, type: 'routine', x: 0 },
];

/** Minute each case's handling started, by type. */
function startsMin(order: Order, injects = queueUp): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const r of playInjects(oneServer(order), injects).records) (out[r.type] ??= []).push(r.handlingStartS / 60);
  return out;
}

describe('dispatch order, exactly', () => {
  it('FIFO: quick at 60, urgent at 65, routine at 95', () => {
    expect(startsMin('fifo')).toEqual({ blocker: [0], quick: [60], urgent: [65], routine: [95] });
  });

  it('priority: urgent at 60, routine at 90, quick at 105', () => {
    expect(startsMin('priority')).toEqual({ blocker: [0], urgent: [60], routine: [90], quick: [105] });
  });

  it('easy-first: quick (5 min) at 60, routine (15) at 65, urgent (30) at 80', () => {
    expect(startsMin('easyFirst')).toEqual({ blocker: [0], quick: [60], routine: [65], urgent: [80] });
  });

  it('within a priority, first filed first; a later, more urgent case still goes ahead of both', () => {
    const injects = [
      { atMin: 0, type: 'blocker', x: 0 },
      { atMin: 10, type: 'routine', x: 0 },
      { atMin: 15, type: 'routine', x: 0 },
      { atMin: 40, type: 'urgent', x: 0 },
    ];
    expect(startsMin('priority', injects)).toEqual({ blocker: [0], routine: [90, 105], urgent: [60] });
  });

  it('waits follow: under priority the urgent case waits 40 min, under FIFO 45, under easy-first 60', () => {
    const wait = (order: Order) => {
      const r = playInjects(oneServer(order), queueUp).records.find((x) => x.type === 'urgent')!;
      return (r.handlingStartS - r.filedS) / 60;
    };
    expect([wait('priority'), wait('fifo'), wait('easyFirst')]).toEqual([40, 45, 60]);
  });
});
