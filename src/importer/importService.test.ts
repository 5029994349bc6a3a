/** The app's import service, run inline on the sample district: a loadable scenario, its report, and errors by file. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../scenario/load.ts';
import { createImportService } from './importService.ts';

const read = (p: string) => readFileSync(new URL(`../../${p}`, import.meta.url), 'utf8');
const baseText = read('scenarios/baseline-weekday.json');

describe('the import service (the app runs it in a worker)', () => {
  const svc = createImportService();
  it('imports the sample district and calibrates it with its log: a scenario the app can load, and the report', () => {
    const r = svc.run({
      geojsonText: read('scenarios/sample-district/district.geojson'),
      csvText: read('scenarios/sample-district/cases.csv'),
      baseText,
    });
    if (!r.ok) throw new Error(JSON.stringify(r.errors.slice(0, 3)));
    expect(parseScenario(r.scenarioText).ok).toBe(true);
    expect(r.stats!.grids).toBeGreaterThan(0);
    expect(r.report!.types.length).toBeGreaterThan(0);
    // structured-cloneable (it crosses to the page)
    expect(() => structuredClone(r)).not.toThrow();
  });

  it('says which file an error is in: a broken GeoJSON, a log with no usable row, a log without a district', () => {
    const g = svc.run({ geojsonText: '{"type": "FeatureCollection", "features": [{}]}', baseText });
    expect(g.ok === false && g.stage).toBe('geojson');
    expect(g.ok === false && g.errors[0].zh.length).toBeGreaterThan(0);
    const c = svc.run({
      geojsonText: read('scenarios/sample-district/district.geojson'),
      csvText: 'type,reportedAt,lon,lat\n',
      baseText,
    });
    expect(c.ok === false && c.stage).toBe('csv');
    const alone = svc.run({
      geojsonText: null,
      csvText: 'type,reportedAt,lon,lat\nx,2024-01-01T00:00:00+08:00,121,31\n',
      baseText,
    });
    expect(alone.ok === false && [alone.stage, alone.errors[0].path]).toEqual(['csv', '$.city.geo']);
  });
});
