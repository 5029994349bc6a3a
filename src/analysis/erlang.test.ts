import { describe, it, expect } from 'vitest';
import { erlangC, mmc, staffForPWait } from './erlang.ts';

describe('Erlang C', () => {
  it('matches the direct formula for small c', () => {
    // direct: C = (a^c/c!) / ((1-rho) sum_{k<c} a^k/k! + a^c/c!)
    const direct = (c: number, a: number) => {
      let sum = 0, term = 1;
      for (let k = 0; k < c; k++) { sum += term; term *= a / (k + 1); }
      return term / ((1 - a / c) * sum + term);
    };
    for (const [c, a] of [[1, 0.5], [2, 1.5], [5, 4], [10, 9], [3, 0.1]]) {
      expect(erlangC(c, a)).toBeCloseTo(direct(c, a), 12);
    }
  });
  it('reduces to M/M/1: P(wait) = rho, Wq = rho/(mu - lambda)', () => {
    const m = mmc(0.8, 1, 1);
    expect(m.pWait).toBeCloseTo(0.8, 12);
    expect(m.wq).toBeCloseTo(0.8 / 0.2, 12);
  });
  it('finds the fewest servers for a waiting probability', () => {
    const c = staffForPWait(9, 1, 0.2);
    expect(erlangC(c, 9)).toBeLessThanOrEqual(0.2);
    expect(erlangC(c - 1, 9)).toBeGreaterThan(0.2);
  });
});
