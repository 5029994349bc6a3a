/**
 * Behaviour: a case needing a crew of 2 or 3 gets the nearest free members
 * who hold its skill (ties: the lowest member id), and the whole crew is
 * released when the case is handled.
 *
 * Observed from outside the engine: in the hand-built line city (see
 * src/drill/handBuilt.ts) a trip of d cells takes 100 d seconds, so the
 * case record's `responseTravelS` is the trip of the nearest member (the
 * first on scene) and `travelS` the trip of the farthest member of the crew
 * (handling starts when the whole crew is there). A frame (snapshot.ts)
 * shows which members are travelling.
 */
import { describe, it, expect } from 'vitest';
import { caseType, lineCity, playInjects, team, tripS } from '../drill/handBuilt.ts';

/** A member's state in a frame (frame.ts: 0 off, 1 idle, 2 patrol, 3 travelling, 4 on scene, 5 security lane). */
const SS = { IDLE: 1, TRAVEL: 3 } as const;

/** Nine cells, one qualified member at each (member i lives at cell i). */
const nineMembers = () =>
  lineCity(9, [caseType('pair', { crew: 2 }), caseType('trio', { crew: 3 })], [team('grid', { placement: 'perGrid' })]);

describe('crews of 2 and 3 take the nearest qualified members', () => {
  it('a crew of two for a case at cell 0 is the members at cells 0 and 1', () => {
    const [r] = playInjects(nineMembers(), [{ atMin: 0, type: 'pair', x: 0 }]).records;
    expect(r.responseTravelS).toBe(tripS(0));
    expect(r.travelS).toBe(tripS(1));
    expect(r.handlingStartS - r.filedS).toBe(tripS(1));
  });

  it('a crew of three for a case at cell 8 is the members at cells 8, 7 and 6', () => {
    const [r] = playInjects(nineMembers(), [{ atMin: 0, type: 'trio', x: 8 }]).records;
    expect(r.responseTravelS).toBe(tripS(0));
    expect(r.travelS).toBe(tripS(2));
  });

  it('a crew of three in the middle takes both neighbours; a crew of two breaks the tie by the lowest id', () => {
    const [trio] = playInjects(nineMembers(), [{ atMin: 0, type: 'trio', x: 4 }]).records;
    expect(trio.travelS).toBe(tripS(1));
    // a pair at cell 4: member 4 and, of members 3 and 5 (equally near), member 3
    const { session } = playInjects(nineMembers(), [{ atMin: 0, type: 'pair', x: 4 }], { untilMin: 0 });
    const f = session.engine.frame();
    const busy = [...f.staffState.keys()].filter((s) => f.staffState[s] === SS.TRAVEL);
    expect(busy).toEqual([3, 4]);
  });

  it('members without the skill are passed over, however near', () => {
    // unqualified members at every cell; the qualified ones (a pooled team of 3) live at cells 1, 4 and 7
    const input = lineCity(
      9,
      [caseType('pair', { crew: 2 }), caseType('trio', { crew: 3 }), caseType('other', { skill: 'y' })],
      [
        team('grid', { placement: 'perGrid', skills: ['y'] }),
        team('squad', { shifts: [{ start: '00:00', end: '24:00', staff: 3 }] }),
      ],
    );
    const [pair] = playInjects(input, [{ atMin: 0, type: 'pair', x: 0 }]).records;
    expect(pair.responseTravelS).toBe(tripS(1));
    expect(pair.travelS).toBe(tripS(4));
    const [trio] = playInjects(input, [{ atMin: 0, type: 'trio', x: 8 }]).records;
    expect(trio.responseTravelS).toBe(tripS(1));
    expect(trio.travelS).toBe(tripS(7));
  });

  it('the crew is the nearest by where members are now, not where they live', () => {
    // after a pair at cell 0 (members 0 and 1 stay at cell 0), a trio at cell 2: members 2 (here), 3 (1 cell), and one from cell 0 or 1 (2 cells)
    const { records } = playInjects(nineMembers(), [
      { atMin: 0, type: 'pair', x: 0 },
      { atMin: 30, type: 'trio', x: 2 },
    ]);
    expect(records[1].responseTravelS).toBe(tripS(0));
    expect(records[1].travelS).toBe(tripS(2));
  });
});

describe('a single member', () => {
  // a pooled team of two in nine grids lives at cells 2 and 6 (grid floor((j + 0.5) * 9 / 2))
  const two = () =>
    lineCity(9, [caseType('solo')], [team('two', { shifts: [{ start: '00:00', end: '24:00', staff: 2 }] })]);

  it('is the nearest free one', () => {
    expect(playInjects(two(), [{ atMin: 0, type: 'solo', x: 0 }]).records[0].responseTravelS).toBe(tripS(2));
    expect(playInjects(two(), [{ atMin: 0, type: 'solo', x: 7 }]).records[0].responseTravelS).toBe(tripS(1));
  });

  it('between two equally near, the lowest id', () => {
    const { session } = playInjects(two(), [{ atMin: 0, type: 'solo', x: 4 }], { untilMin: 0 });
    expect([...session.engine.frame().staffState]).toEqual([SS.TRAVEL, SS.IDLE]);
  });
});

describe('a crew is released whole', () => {
  it('after a crew-of-two case is handled, both members are free again', () => {
    const input = nineMembers();
    const { session } = playInjects(input, [{ atMin: 0, type: 'pair', x: 0 }], { untilMin: 30 });
    const f = session.engine.frame();
    expect(f.kpis.staffBusy).toBe(0);
    expect([...f.staffState].every((st) => st === SS.IDLE)).toBe(true);
  });

  it('with only two members, a second pair after the first is served by the same two', () => {
    const input = lineCity(
      3,
      [caseType('pair', { crew: 2 })],
      [team('two', { shifts: [{ start: '00:00', end: '24:00', staff: 2 }] })],
    );
    // pooled members of a team of two live at cells 0 and 2 (grid floor((j + 0.5) * 3 / 2))
    const { records } = playInjects(input, [
      { atMin: 0, type: 'pair', x: 2 },
      { atMin: 60, type: 'pair', x: 0 },
    ]);
    expect(records[0].travelS).toBe(tripS(2));
    // both members are at cell 2 now: the second crew is complete after one trip of two cells
    expect(records[1].onSceneS).toBe(3600 + tripS(2));
    expect(records[1].handlingStartS).toBe(3600 + tripS(2));
    expect(records[1].slaMet).toBe(true);
  });
});
