/**
 * One source for every default: the scenario schema. The engine reads a
 * left-out block's fields from the schema's defaults (WEATHER_DEFAULTS,
 * METRO_DEFAULTS, RAIN_EFFECT_DEFAULTS), never from a number of its own.
 * Behaviour: a dry scenario given a storm mid-run slows travel by the
 * schema's default (drivers/rain.test.ts checks the values). Source: no
 * `x?.field ?? <number>` fallback in the engine's production files.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Metro, Weather, WEATHER_DEFAULTS, METRO_DEFAULTS, RAIN_EFFECT_DEFAULTS } from '../scenario/schema.ts';

const DIR = fileURLToPath(new URL('.', import.meta.url));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return files(p);
    return p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : [];
  });
}

describe('defaults', () => {
  it('the exported defaults are the schema’s', () => {
    expect(WEATHER_DEFAULTS).toEqual(Weather.parse({}));
    expect(WEATHER_DEFAULTS.travelSlowdownPerMm).toBe(0.01);
    expect(METRO_DEFAULTS.securityServiceS).toBe(Metro.shape.securityServiceS.parse(undefined));
    expect(RAIN_EFFECT_DEFAULTS).toEqual({ ratePerMm: 0, handlingPerMm: 0, excessCasesPerMm: 0 });
  });

  it('no engine file falls back to a number of its own for an optional scenario field', () => {
    const found: string[] = [];
    for (const f of files(DIR)) {
      readFileSync(f, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (/\b(sc|scenario|et|t|team|w|m)\s*(\.\w+)*\?\.\w+(\.\w+)*\s*\?\?\s*-?[\d.]+/.test(line))
            found.push(`${f.slice(DIR.length)}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(found).toEqual([]);
  });
});
