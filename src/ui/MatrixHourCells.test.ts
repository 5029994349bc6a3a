import { describe, it, expect } from 'vitest';
import { sameCells, type MatrixHourCellsProps } from './MatrixHourCells.tsx';

const warm = Array.from({ length: 24 }, () => false);
function props(over: Partial<MatrixHourCellsProps> = {}): MatrixHourCellsProps {
  const n = new Float64Array(48).fill(2);
  const met = new Float64Array(48).fill(1);
  return {
    label: 'G01-01',
    n: n.subarray(24, 48),
    met: met.subarray(24, 48),
    day: NaN,
    agg: false,
    nowHour: 3,
    target: 0.8,
    warm,
    ...over,
  };
}

describe('MatrixHourCells: a row renders again only when what it shows changed', () => {
  it('views of new arrays with the same counts (a new frame where this row did not change) are the same cells', () => {
    expect(sameCells(props(), props())).toBe(true);
    expect(sameCells(props({ day: NaN }), props({ day: NaN }))).toBe(true);
  });

  it('one changed count, day attainment, current hour, label, target or warm-up is a change', () => {
    const met = new Float64Array(24).fill(1);
    met[23] = 2;
    expect(sameCells(props(), props({ met }))).toBe(false);
    const n = new Float64Array(24).fill(2);
    n[0] = 3;
    expect(sameCells(props(), props({ n }))).toBe(false);
    expect(sameCells(props(), props({ day: 0.5 }))).toBe(false);
    expect(sameCells(props(), props({ nowHour: 4 }))).toBe(false);
    expect(sameCells(props(), props({ label: 'G01-02' }))).toBe(false);
    expect(sameCells(props(), props({ target: 0.9 }))).toBe(false);
    expect(sameCells(props(), props({ agg: true }))).toBe(false);
    expect(sameCells(props(), props({ warm: [...warm] }))).toBe(false);
  });
});
