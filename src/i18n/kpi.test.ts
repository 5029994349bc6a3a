import { describe, expect, it } from 'vitest';
import { fmtCi, shownCi } from './kpi.ts';

describe('intervals as shown', () => {
  it('an estimate within its range: no figure below 0, no share above 100 %', () => {
    expect(shownCi('h', [-0.23, 6.34])).toEqual([0, 6.34]);
    expect(shownCi('share', [0.95, 1.02])).toEqual([0.95, 1]);
    expect(shownCi('share', [-0.01, 0.2])).toEqual([0, 0.2]);
    expect(shownCi('cases', [3, 1200])).toEqual([3, 1200]); // inside: unchanged
    expect(fmtCi('h', [-0.23, 6.34], 'en', 2)).toBe('[0.00, 6.34]');
    expect(fmtCi('share', [0.95, 1.02], 'en', 1)).toBe('[95.0, 100.0]');
  });

  it('a difference (signed) as computed, below 0 too', () => {
    expect(fmtCi('h', [-0.23, 6.34], 'en', 2, true)).toBe('[−0.23, +6.34]');
    expect(fmtCi('share', [-0.05, 0.02], 'en', 1, true)).toBe('[−5.0, +2.0]');
  });
});
