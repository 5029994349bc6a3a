import { describe, expect, it } from 'vitest';
import { fileKind, planOpen } from './fileKinds.ts';

const fc = '{"type": "FeatureCollection", "features": []}';

describe('what opened files are', () => {
  it('tells a GeoJSON by its extension or by a FeatureCollection in a .json', () => {
    expect(fileKind({ name: 'd.geojson', text: 'x' })).toBe('geojson');
    expect(fileKind({ name: 'D.JSON', text: fc })).toBe('geojson');
    expect(fileKind({ name: 'd.json', text: '\uFEFF {\n "name": "x",\n "type": "FeatureCollection"}' })).toBe(
      'geojson',
    );
    expect(fileKind({ name: 'scenario.json', text: '{"id": "a", "city": {"type": "x"}}' })).toBe('json');
    expect(fileKind({ name: 'cases.CSV', text: '' })).toBe('csv');
    expect(fileKind({ name: 'notes.txt', text: '' })).toBe('other');
  });

  it('plans an import (with or without a log), a calibration, or a scenario', () => {
    const g = { name: 'district.geojson', text: fc },
      c = { name: 'cases.csv', text: 'type' },
      s = { name: 'baseline.json', text: '{}' };
    expect(planOpen([c, g])).toEqual({ kind: 'import', geojson: g, csv: c });
    expect(planOpen([g])).toEqual({ kind: 'import', geojson: g, csv: null });
    expect(planOpen([c])).toEqual({ kind: 'calibrate', csv: c });
    expect(planOpen([s])).toEqual({ kind: 'scenario', file: s });
  });

  it('refuses unknown kinds and mixtures, in both languages', () => {
    const g = { name: 'district.geojson', text: fc };
    const e1 = planOpen([{ name: 'a.txt', text: '' }]);
    expect(e1.kind === 'error' && e1.errors[0].code).toBe('unknown_file_kind');
    const e2 = planOpen([g, g]);
    expect(e2.kind === 'error' && e2.errors[0].code).toBe('too_many_files');
    const e3 = planOpen([g, { name: 'b.json', text: '{}' }]);
    expect(e3.kind === 'error' && [e3.errors[0].zh, e3.errors[0].en]).toEqual([
      expect.stringContaining('一次只能'),
      expect.stringContaining('one scenario file'),
    ]);
    expect(planOpen([]).kind).toBe('error');
  });
});
