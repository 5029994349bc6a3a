import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { tableFromIPC } from 'apache-arrow';
import { aggregate } from '../analysis/aggregate.ts';
import { compareResults, headcountsOf } from '../analysis/compare.ts';
import { applyOverridesToText } from '../analysis/overrides.ts';
import { createSimService } from '../analysis/service.ts';
import { loadManifest } from '../export/manifest.ts';
import { comparisonFiles, fileBytes, replicationFiles } from './exportFiles.ts';
import { deltaOverlay } from './experiments.ts';

const text = readFileSync(new URL('../../scenarios/baseline-weekday.json', import.meta.url), 'utf8');
const service = createSimService();
const run = (t: string, seeds: number[]) => seeds.map((s) => service.runReplication(t, s, { log: true, days: 0.25 }));

describe('app export files', () => {
  const results = run(text, [1, 2]);

  it('replications: BOM CSVs, a result.json whose manifest loads back, an Arrow file with every case', () => {
    const files = replicationFiles({
      scenarioText: text,
      seed: 1,
      results,
      aggregate: aggregate(results),
      command: 'app: test',
    });
    const names = files.map((f) => f.name);
    expect(names).toEqual([
      'allweather-baseline-weekday-replications-tidy.csv',
      'allweather-baseline-weekday-replications-summary.csv',
      'allweather-baseline-weekday-replications-table.csv',
      'allweather-baseline-weekday-replications-result.json',
      'allweather-baseline-weekday-replications-cases.arrow',
      'allweather-baseline-weekday-replications-tidy.parquet',
      'allweather-baseline-weekday-replications-cases.parquet',
      'allweather-baseline-weekday-replications-manifest.json',
    ]);
    const tidy = files[0].data as string;
    expect(tidy.charCodeAt(0)).toBe(0xfeff);
    expect(files[2].data as string).toMatch(/^\uFEFF指标,单位,均值/);
    const json = files[3].data as string;
    const loaded = loadManifest(json);
    expect(loaded.ok).toBe(true);
    const arrow = tableFromIPC(fileBytes(files[4]));
    expect(arrow.numRows).toBe(results.reduce((s, r) => s + r.log!.length, 0));
  });

  it('comparison: A and B files, and the per-grid difference maps onto the layout grids', () => {
    const bText = applyOverridesToText(text, { 'teams.grid-workers.shifts.0.staff': 3 });
    const b = run(bText, [1, 2]);
    const comparison = compareResults(results, b);
    const files = comparisonFiles({
      aText: text,
      overrides: { 'teams.grid-workers.shifts.0.staff': 3 },
      seed: 1,
      mode: 'crn',
      seedsB: [1, 2],
      a: results,
      b,
      comparison,
      command: 'app: test',
      headcount: headcountsOf(text, bText),
    });
    expect(files.map((f) => f.name.replace('allweather-baseline-weekday-compare-', ''))).toEqual([
      'tidy.csv',
      'summary.csv',
      'table.csv',
      'comparison.json',
      'cases-a.arrow',
      'cases-b.arrow',
      'cases-a.parquet',
      'cases-b.parquet',
      'manifest-a.json',
      'manifest-b.json',
    ]);
    expect(loadManifest(files.find((f) => f.name.endsWith('manifest-b.json'))!.data as string).ok).toBe(true);
    const summary = files[1].data as string;
    expect(summary).toContain('B-A,slaAttainment');
    // comparison.json: the same shape as `allweather compare --json`, headcount and verdict included
    const report = JSON.parse(files[3].data as string);
    expect(Object.keys(report)).toEqual(['a', 'b', 'comparison', 'verdict']);
    expect(report.a.headcount.peakOnDuty).toBe(122);
    expect(report.b.headcount.byTeam[0]).toMatchObject({ id: 'grid-workers', peakOnDuty: 144 }); // 3 per grid on the day shift
    expect(report.verdict.headcountChanged).toBe(true);

    if (!comparison.byGrid.sameGrids) throw new Error('expected the same grids');
    const ids = comparison.byGrid.grids;
    const overlay = deltaOverlay(comparison, [...ids].reverse())!;
    expect(overlay.values.length).toBe(ids.length);
    const last = comparison.byGrid.attainment[ids.length - 1].diff.mean;
    if (last !== null) expect(overlay.values[0]).toBeCloseTo(last, 5);
    expect(overlay.maxAbs).toBeGreaterThan(0);
    expect(deltaOverlay(comparison, ['nope'])).toBeNull();
  });
});

describe('delta colour scale', () => {
  it('is the 90th percentile of |B − A|, at least 1 pp', async () => {
    const { deltaScale } = await import('./experiments.ts');
    expect(deltaScale([0.3, 0.01, 0.02, 0.03, 0.04, 0.05, 0.06, 0.07, 0.08, 0.09, 0.1])).toBeCloseTo(0.1, 6);
    expect(deltaScale([0.001])).toBe(0.01);
    expect(deltaScale([])).toBe(0.01);
  });
});
