import { describe, expect, it } from 'vitest';
import { legendLayout, linear, textWidth } from './chartLayout.ts';

describe('chart layout', () => {
  it('wraps legend entries to new rows instead of cutting them', () => {
    const labels = ['A 组 · 均值', 'B 组 · 均值', '95 % 置信区间（B − A）', 'Response deadline 30 min'];
    const { slots, rows } = legendLayout(labels, 200, 11);
    expect(slots).toHaveLength(4);
    expect(rows).toBeGreaterThan(1);
    for (const s of slots) expect(s.x + 26 + textWidth(labels[s.index], 11)).toBeLessThanOrEqual(200 + 1e-9);
    expect(slots[0]).toEqual({ index: 0, x: 0, row: 0 });
    expect(legendLayout([], 200, 11).rows).toBe(0);
  });
  it('measures CJK as a full em and maps linearly', () => {
    expect(textWidth('网格', 10)).toBe(20);
    expect(textWidth('ab', 10)).toBeCloseTo(11.6, 9);
    const f = linear(0, 10, 100, 0);
    expect(f(0)).toBe(100);
    expect(f(2.5)).toBe(75);
  });
});
