import { describe, it, expect } from 'vitest';
import { erlangC, mmc, serviceLevel, staffForPWait, staffForServiceLevel } from './erlang.ts';

describe('Erlang C', () => {
  it('matches the direct formula for small c', () => {
    // direct: C = (a^c/c!) / ((1-rho) sum_{k<c} a^k/k! + a^c/c!)
    const direct = (c: number, a: number) => {
      let sum = 0,
        term = 1;
      for (let k = 0; k < c; k++) {
        sum += term;
        term *= a / (k + 1);
      }
      return term / ((1 - a / c) * sum + term);
    };
    for (const [c, a] of [
      [1, 0.5],
      [2, 1.5],
      [5, 4],
      [10, 9],
      [3, 0.1],
    ]) {
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
  it('gives the service level P(wait <= t): M/M/1 is 1 - rho e^(-(mu - lambda) t)', () => {
    expect(serviceLevel(0.8, 1, 1, 2)).toBeCloseTo(1 - 0.8 * Math.exp(-0.2 * 2), 12);
    expect(serviceLevel(9, 1, 10, 0)).toBeCloseTo(1 - erlangC(10, 9), 12);
    expect(serviceLevel(2, 1, 2, 5)).toBe(0); // unstable
    expect(serviceLevel(0, 1, 0, 1)).toBe(1); // nothing arrives
  });
  it('finds the fewest servers for a service level', () => {
    // 20 cases/h, 6 min each, 80 % within 10 min: 3 servers give 91.6 %, and 2 are unstable
    expect(staffForServiceLevel(20, 10, 1 / 6, 0.8)).toBe(3);
    const c = staffForServiceLevel(100, 6, 1 / 180, 0.8);
    expect(serviceLevel(100, 6, c, 1 / 180)).toBeGreaterThanOrEqual(0.8);
    expect(serviceLevel(100, 6, c - 1, 1 / 180)).toBeLessThan(0.8);
    expect(staffForServiceLevel(0, 6, 1, 0.8)).toBe(0);
  });
});
