/**
 * Behaviour: who may serve a case, by dispatch policy.
 * - gridBound: only members answering for the case's grid (and pooled teams,
 *   a city-wide force under every policy);
 * - nearest: any member with the skill;
 * - gridFirst: the own grid's members first; once the case has waited
 *   `neighbourWaitMin`, the neighbouring grids' members too.
 *
 * Hand-built (src/drill/handBuilt.ts): three cells, one grid each, one grid
 * worker per grid (member g at cell g); a trip of d cells takes 100 d s.
 * A 60-minute case at cell 0 (minute 0) keeps grid 0's worker busy until
 * 60 min 50 s; a second case at cell 0 is filed at minute 5.
 */
import { describe, it, expect } from 'vitest';
import { caseType, lineCity, playInjects, team, tripS } from '../drill/handBuilt.ts';

type Policy = 'gridBound' | 'nearest' | 'gridFirst';

function threeGrids(policy: Policy, pooled = false) {
  return lineCity(
    3,
    [caseType('job', { handlingMin: 60 }), caseType('half', { handlingMin: 30 })],
    [
      team('grid', { placement: 'perGrid' }),
      ...(pooled ? [team('squad', { skills: ['x'], shifts: [{ start: '00:00', end: '24:00', staff: 1 }] })] : []),
    ],
    { dispatch: { policy, neighbourWaitMin: 15, order: 'priority', preemption: false } },
  );
}
const twoAtCellZero = [
  { atMin: 0, type: 'job', x: 0 },
  { atMin: 5, type: 'job', x: 0 },
];
const secondOnScene = (policy: Policy, pooled = false) =>
  playInjects(threeGrids(policy, pooled), twoAtCellZero).records[1].onSceneS;

describe('dispatch scope, exactly', () => {
  it("nearest: the next grid's worker comes at once (one cell away)", () => {
    expect(secondOnScene('nearest')).toBe(5 * 60 + tripS(1));
  });

  it("gridBound: the case waits for its own grid's worker, free at 60 min 50 s, then a trip inside the cell", () => {
    expect(secondOnScene('gridBound')).toBe(tripS(0) + 60 * 60 + tripS(0));
  });

  it("gridFirst: after 15 min of waiting the neighbouring grid's worker is sent", () => {
    expect(secondOnScene('gridFirst')).toBe(5 * 60 + 15 * 60 + tripS(1));
  });

  // grid 1's worker is busy too (a 30-minute case at cell 1 from minute 0) and becomes free at 30 min 50 s
  const neighbourBusy = [twoAtCellZero[0], { atMin: 0, type: 'half', x: 1 }, twoAtCellZero[1]];
  const thirdOnScene = (policy: Policy) => playInjects(threeGrids(policy), neighbourBusy).records[2].onSceneS;

  it("gridFirst: a neighbouring grid's worker who becomes free after the wait takes the case", () => {
    expect(thirdOnScene('gridFirst')).toBe(tripS(0) + 30 * 60 + tripS(1));
  });

  it("gridBound: a neighbouring grid's worker who becomes free does not; the own grid's worker comes at 60 min 50 s", () => {
    expect(thirdOnScene('gridBound')).toBe(tripS(0) + 60 * 60 + tripS(0));
  });

  it('a pooled team serves every grid under gridBound (its member lives at cell 1)', () => {
    expect(secondOnScene('gridBound', true)).toBe(5 * 60 + tripS(1));
  });
});
