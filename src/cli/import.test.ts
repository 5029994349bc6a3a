/**
 * `allweather import` as a user runs it (the built bin): the sample district imported, then validated and
 * played; bad input refused with exit 2 and a bilingual message naming the feature.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT, scratchDir, STACK_LINE } from './testCli.ts';

const SAMPLE = 'scenarios/sample-district/district.geojson';
const CASES = 'scenarios/sample-district/cases.csv';

const tmp = scratchDir('allweather-import-');

describe('allweather import', () => {
  const out = join(tmp, 'sample.json');

  it('imports the sample district; validate accepts the file and run plays it, the same twice', () => {
    const r = cli('import', SAMPLE, '--out', out, '--report', join(tmp, 'report'));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('imported-310199');
    expect(r.stdout).toMatch(/5\d 网格 grids, 5 社区 communities, 2 街道 streets/);
    const report = JSON.parse(readFileSync(join(tmp, 'report', 'import.json'), 'utf8'));
    expect(report.stats.stations).toBe(1);

    const v = cli('validate', out);
    expect(v.stderr).toBe('');
    expect(v.code).toBe(0);
    expect(v.stdout).toMatch(/^OK: imported-310199/);

    const a = cli('run', out, '--json', '--seed', '3');
    const b = cli('run', out, '--json', '--seed', '3');
    expect(a.code).toBe(0);
    const ka = JSON.parse(a.stdout).kpis,
      kb = JSON.parse(b.stdout).kpis;
    expect(JSON.stringify(kb)).toBe(JSON.stringify(ka));
  });

  it('--json prints the counts and notes; --cell-size changes the lattice', () => {
    const r = cli('import', SAMPLE, '--out', join(tmp, 'coarse.json'), '--cell-size', '200', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.ok).toBe(true);
    expect(j.stats.cols).toBeLessThanOrEqual(26);
    expect(j.notes.length).toBeGreaterThan(0);
    expect(JSON.parse(readFileSync(join(tmp, 'coarse.json'), 'utf8')).city.cellSizeM).toBe(200);
  });

  it('with --cases, calibrates from the case log: the log-only type becomes an event type', () => {
    const file = join(tmp, 'calibrated.json');
    const dir = join(tmp, 'calibration');
    const r = cli('import', SAMPLE, '--cases', CASES, '--out', file, '--report', dir, '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.calibrated).toBe(true);
    expect(j.calibration.badRows).toBeGreaterThanOrEqual(8); // the sample's rows that are bad on purpose
    // rows = usable + dropped; the other problem rows were kept as arrivals
    expect(j.calibration.droppedRows).toBe(j.calibration.rows - j.calibration.usable);
    expect(j.calibration.droppedRows + j.calibration.keptRows).toBe(j.calibration.badRows);
    expect(j.calibration.keptRows).toBeGreaterThan(0);
    expect(j.calibration.newTypes).toEqual(['illegal-parking']);
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toContain('illegal-parking');
    const sc = JSON.parse(readFileSync(file, 'utf8'));
    expect(sc.eventTypes.map((e: { id: string }) => e.id)).toContain('illegal-parking');
    expect(cli('validate', file).code).toBe(0);
  });

  it('refuses bad GeoJSON with exit 2, a bilingual message and the feature path, no stack trace', () => {
    const bad = join(tmp, 'bad.geojson');
    const text = JSON.parse(readFileSync(join(ROOT, SAMPLE), 'utf8'));
    text.features[3].properties.code = text.features[0].properties.code;
    delete text.features[5].properties.kind;
    writeFileSync(bad, JSON.stringify(text));
    const r = cli('import', bad, '--out', join(tmp, 'never.json'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('$.features[3].properties.code');
    expect(r.stderr).toContain('重复');
    expect(r.stderr).toContain('used twice');
    expect(r.stderr).toContain('$.features[5].properties.kind');
    expect(r.stderr).not.toMatch(STACK_LINE);
  });

  it('needs --out, an existing file, and --cases for --trace (exit 2)', () => {
    const t = cli('import', SAMPLE, '--out', join(tmp, 'x.json'), '--trace', 'replay');
    expect(t.code).toBe(2);
    expect(t.stderr).toContain('--trace needs --cases');
    const r = cli('import', SAMPLE);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--out');
    const missing = cli('import', join(tmp, 'nope.geojson'), '--out', join(tmp, 'x.json'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/找不到GeoJSON 文件 \/ GeoJSON file not found/);
  });
});
