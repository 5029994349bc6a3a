/**
 * Every scenario shipped in scenarios/ must load: a built-in file that fails
 * to parse is a bug in the file (or in the format change that broke it).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatErrors, parseScenario, scenarioHash } from './load.ts';
import { SCHEMA_VERSION } from './schema.ts';

const dir = fileURLToPath(new URL('../../scenarios/', import.meta.url));
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'))
  .sort();

describe('built-in scenarios', () => {
  it('exist', () => {
    expect(files).toContain('baseline-weekday.json');
  });

  it.each(files)('%s parses and validates', (file) => {
    const text = readFileSync(dir + file, 'utf8');
    const r = parseScenario(text);
    if (!r.ok) throw new Error(`${file}:\n${formatErrors(r.errors)}`);
    const raw = JSON.parse(text) as Record<string, unknown>;
    expect(raw.schemaVersion, 'built-in files are kept at the current version').toBe(SCHEMA_VERSION);
    expect(raw.$schema).toBe('./scenario.schema.json');
    expect(r.scenario.notes.length, 'say where the figures come from').toBeGreaterThan(0);
    expect(scenarioHash(text)).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe('baseline-weekday', () => {
  const r = parseScenario(readFileSync(`${dir}baseline-weekday.json`, 'utf8'));
  if (!r.ok) throw new Error(formatErrors(r.errors));
  const s = r.scenario;

  it('is a 4 km x 3 km district of 48 responsibility grids', () => {
    expect(s.city.cellSizeM).toBe(100);
    expect([s.city.cols, s.city.rows, s.city.gridSize]).toEqual([40, 30, 5]);
    expect((s.city.cols / s.city.gridSize) * (s.city.rows / s.city.gridSize)).toBe(48);
    expect(s.city.districts.length).toBeGreaterThanOrEqual(2);
  });

  it("has People's Square station at 220,000 passengers a day (seed 002)", () => {
    expect(s.city.stations.find((st) => st.id === 'peoples-square')?.dailyRidership).toBe(220_000);
  });

  it('generates 600-1,200 routine cases a day', () => {
    const total = s.eventTypes.reduce((a, e) => a + e.ratePerDay, 0);
    expect(total).toBeGreaterThanOrEqual(600);
    expect(total).toBeLessThanOrEqual(1200);
  });

  it('has a shift that crosses midnight', () => {
    expect(s.teams.some((t) => t.shifts.some((sh) => sh.end.endsWith('+1')))).toBe(true);
  });
});
