/**
 * Behaviour: with preemption on, a priority-1 case that finds nobody free
 * takes a member off a lower-priority single-crew case: the lowest priority
 * first, and among cases of equal priority the member nearest to it. The
 * case it was taken from goes back to the queue with its remaining handling
 * time and is served again when someone is free.
 *
 * Hand-built (src/drill/handBuilt.ts): a line of 9 cells, two members of a
 * pooled team living at cells 2 and 6, a trip of d cells takes 100 d s.
 * Two routine cases at cells 2 and 7 occupy them for 10 h; at minute 30 an
 * urgent case occurs at cell 0. Which member came is read from the urgent
 * case's travel (200 s from cell 2, 700 s from cell 7).
 */
import { describe, it, expect } from 'vitest';
import { caseType, lineCity, playInjects, team, tripS } from '../drill/handBuilt.ts';

function city(preemption: boolean, farPriority = 3) {
  return lineCity(
    9,
    [
      caseType('near-routine', { priority: 3, handlingMin: 600, resolutionDeadlineMin: 2000 }),
      caseType('far-routine', { priority: farPriority, handlingMin: 600, resolutionDeadlineMin: 2000 }),
      caseType('urgent', { priority: 1, handlingMin: 10 }),
      caseType('important', { priority: 2, handlingMin: 10 }),
    ],
    [team('pair', { shifts: [{ start: '00:00', end: '24:00', staff: 2 }] })],
    { dispatch: { policy: 'nearest', order: 'priority', preemption } },
  );
}
const busyBoth = [
  { atMin: 0, type: 'near-routine', x: 2 },
  { atMin: 1, type: 'far-routine', x: 7 },
];

describe('preemption', () => {
  it('the two routine cases are served by the member living nearest to each', () => {
    const [near, far] = playInjects(city(true), busyBoth).records;
    expect(near.responseTravelS).toBe(tripS(0));
    expect(far.responseTravelS).toBe(tripS(1));
  });

  it('among cases of equal priority, the urgent case takes the nearest member (from cell 2, not 7)', () => {
    const [near, far, urgent] = playInjects(city(true), [...busyBoth, { atMin: 30, type: 'urgent', x: 0 }]).records;
    expect(urgent.onSceneS).toBe(30 * 60 + tripS(2));
    expect(urgent.responseQueueS).toBe(0);
    // the near routine case was interrupted after 1,750 s of handling (on scene at 50 s), went back to the queue,
    // and was finished by the same member: free at cell 0 once the urgent case is handled, it travels back two cells
    const urgentDoneS = 30 * 60 + tripS(2) + 10 * 60;
    expect(near.handledS).toBe(urgentDoneS + tripS(2) + (600 * 60 - (30 * 60 - tripS(0))));
    expect(near.handlingS).toBe(600 * 60);
    // the far one was never touched
    expect(far.handledS).toBe(60 + tripS(1) + 600 * 60);
  });

  it('the lowest priority goes first, however far: a priority-4 case at cell 7 gives up its member before a priority-3 at cell 2', () => {
    const [near, far, urgent] = playInjects(city(true, 4), [...busyBoth, { atMin: 30, type: 'urgent', x: 0 }]).records;
    expect(urgent.onSceneS).toBe(30 * 60 + tripS(7));
    expect(near.handledS).toBe(tripS(0) + 600 * 60);
    expect(far.handledS).toBeGreaterThan(60 + tripS(1) + 600 * 60);
  });

  it('without preemption the urgent case waits for the first member to finish', () => {
    const [near, , urgent] = playInjects(city(false), [...busyBoth, { atMin: 30, type: 'urgent', x: 0 }]).records;
    // the near routine case ends at 600 min + 50 s; that member then goes two cells
    expect(near.handledS).toBe(tripS(0) + 600 * 60);
    expect(urgent.onSceneS).toBe(near.handledS + tripS(2));
  });

  it('only priority-1 cases preempt: a priority-2 case waits', () => {
    const [near, , important] = playInjects(city(true), [...busyBoth, { atMin: 30, type: 'important', x: 0 }]).records;
    expect(important.onSceneS).toBe(near.handledS + tripS(2));
  });
});
