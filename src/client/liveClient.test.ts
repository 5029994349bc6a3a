import { describe, it, expect } from 'vitest';
import { coverageKeeper } from './liveClient.ts';
import type { Frame } from '../sim/frame.ts';

const frame = (cov: number[]): Frame =>
  ({ coverage: Float32Array.from(cov), coverageCases: Float32Array.from(cov.map(() => 1)) }) as unknown as Frame;

describe('coverageKeeper', () => {
  it('puts the last coverage matrix back into frames that left it out', () => {
    const keep = coverageKeeper();
    const a = keep(frame([0.5, 1]));
    const b = keep(frame([]));
    expect(Array.from(b.coverage)).toEqual([0.5, 1]);
    expect(b.coverageCases).toBe(a.coverageCases);
    const c = keep(frame([0.25, 0.75]));
    expect(Array.from(keep(frame([])).coverage)).toEqual([0.25, 0.75]);
    expect(c.coverage.length).toBe(2);
  });
});
