import { describe, expect, it } from 'vitest';
import { aggregate } from '../analysis/aggregate.ts';
import { compareResults } from '../analysis/compare.ts';
import { fakeRun } from '../analysis/fakeRun.ts';
import { comparisonTableCsv, replicationsTableCsv, roundDisplay } from './readableCsv.ts';

describe('readable table.csv', () => {
  it('rounds to one digit more than the panel shows, never floating-point noise', () => {
    expect(roundDisplay(62.2345678912345, 2)).toBe(62.23);
    expect(roundDisplay(-0.0001, 1)).toBe(0);
    const runs = [1, 2, 3].map((s) => fakeRun(s));
    const csv = replicationsTableCsv(aggregate(runs).summary, 'zh-CN');
    expect(csv).not.toMatch(/\d\.\d{5,}/);
    const sla = csv.split('\r\n').find((l) => l.endsWith(',slaAttainment'))!;
    // a share shown with 1 decimal (%) is written with 2
    for (const v of sla.split(',').slice(2, 5)) expect(v).toMatch(/^-?\d+(\.\d{1,2})?$/);
    const cmp = comparisonTableCsv(
      compareResults(
        runs,
        [4, 5, 6].map((s) => fakeRun(s)),
      ),
      'en',
    );
    expect(cmp).not.toMatch(/\d\.\d{5,}/);
  });
});
