/**
 * The drill header's weather follows the drill's injects: at every inject
 * time of the built-in drill, the warning shown is the one the last
 * bulletin announced and the rain is the one the last storm inject set (the
 * base scenario's before any), never the base scenario's forecast warning.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseScenario } from '../scenario/load.ts';
import { rainSeries, warningLevels } from '../sim/weather.ts';
import { parseDrill } from './validate.ts';
import { DrillSession } from './session.ts';
import { WARNING_NAMES, type Drill, type Inject } from './schema.ts';
import { forecastWarning, rainAt, warningAfter } from './weather.ts';

const read = (p: string) => readFileSync(new URL(`../../${p}`, import.meta.url), 'utf8');
const parsed = parseScenario(read('scenarios/rainstorm-red-night.json'));
if (!parsed.ok) throw new Error('scenario');
const scenario = parsed.scenario;
const loaded = parseDrill(read('scenarios/drills/red-night-drill.json'), scenario);
if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
const drill: Drill = loaded.drill;
const hours = scenario.run.warmupHours + scenario.run.days * 24;
const baseRain = rainSeries(scenario, hours);

/** What the injects say at drill minute `m`, worked out from the inject list alone. */
function expected(m: number): { warning: string; rain: number } {
  const fired = drill.injects.filter((x) => x.atMin <= m);
  let warning = 'none';
  for (const x of fired) if ((x.kind === 'message' || x.kind === 'storm') && x.warning) warning = x.warning;
  const tS = drill.startHour * 3600 + m * 60;
  const hour = Math.floor(tS / 3600);
  const storms = fired.filter((x): x is Extract<Inject, { kind: 'storm' }> => x.kind === 'storm');
  const last = storms[storms.length - 1];
  const rain = last
    ? (last.rainMmPerH[hour - Math.floor((drill.startHour * 3600 + last.atMin * 60) / 3600)] ?? 0)
    : baseRain[hour];
  return { warning, rain };
}

describe("the drill header's weather", () => {
  it('announces yellow at 20:00, red at 20:20, orange at 22:30 (I01, I03, I12)', () => {
    const w = (id: string) => drill.injects.find((x) => x.id === id);
    expect(w('I01')).toMatchObject({ atMin: 0, warning: 'yellow' });
    expect(w('I03')).toMatchObject({ atMin: 20, warning: 'red' });
    expect(w('I12')).toMatchObject({ atMin: 150, warning: 'orange' });
  });

  it('each bulletin names in its text the level it announces', () => {
    const zh = { blue: '蓝色', yellow: '黄色', orange: '橙色', red: '红色', none: '解除' };
    for (const x of drill.injects) {
      if (x.kind !== 'message' || !x.warning) continue;
      expect(x.text.zh, x.id).toContain(zh[x.warning]);
      expect(x.text.en.toLowerCase(), x.id).toContain(x.warning);
    }
  });

  it('at every inject time (and at the end) the session shows what the injects say', () => {
    const s = new DrillSession(drill, scenario);
    // loaded, before the clock has moved: 20:00, I01's yellow is already out
    expect(WARNING_NAMES[s.weather().warning]).toBe('yellow');
    const times = [...new Set([...drill.injects.map((x) => x.atMin), drill.durationMin])].sort((a, b) => a - b);
    const seen: { m: number; warning: string; rain: number }[] = [];
    for (const m of times) {
      s.advanceTo(s.startS + m * 60);
      const w = s.weather();
      const exp = expected(m);
      expect({ m, warning: WARNING_NAMES[w.warning], rain: w.rainMmPerH }).toEqual({ m, ...exp });
      seen.push({ m, warning: WARNING_NAMES[w.warning], rain: w.rainMmPerH });
    }
    // the story, spelled out: yellow at 20:00 (not the forecast's orange), red from 20:20, orange from 22:30 to 23:00
    const at = (m: number) => seen.find((x) => x.m === m)!;
    expect(at(0).warning).toBe('yellow');
    expect(at(20).warning).toBe('red');
    expect(at(150).warning).toBe('orange');
    expect(at(180).warning).toBe('orange');
    // the rain eases when I12 says so (I13), below the storm's peak
    expect(at(150).rain).toBeLessThan(at(100).rain);
    // the engine's own level (from the rain series) would say otherwise: that is what the header must not show
    expect(forecastWarning(23, (h) => s.engine.rainMmPerH(h))).toBe(4);
  });

  it('a drill without any announcement keeps the engine level; live announcements count', () => {
    expect(warningAfter([], false)).toBeNull();
    expect(warningAfter([], true)).toEqual({ level: 0, id: null });
    const msg: Inject = { kind: 'message', atMin: 0, id: 'X', text: { zh: '红色', en: 'red' }, warning: 'red' };
    expect(warningAfter([msg], false)).toEqual({ level: 4, id: 'X' });
    const s = new DrillSession(
      { ...drill, injects: drill.injects.filter((x) => !('warning' in x && x.warning)) },
      scenario,
    );
    s.advanceTo(s.startS + 60);
    expect(s.weather().source).toEqual({ kind: 'forecast' });
    expect(s.weather().warning).toBe(forecastWarning(20, (h) => s.engine.rainMmPerH(h)));
    expect(s.act({ kind: 'inject', tS: 0, inject: { ...msg, atMin: 1 } })).toEqual({ ok: true });
    expect(s.weather()).toMatchObject({ warning: 4, source: { kind: 'inject', id: 'X' } });
  });

  it("forecastWarning gives the engine's level for an hour (the base scenario's: orange at 20:00)", () => {
    const levels = warningLevels(baseRain);
    for (const h of [0, 12, 19, 20, 21, 23, 26, 30, hours - 1])
      expect(
        forecastWarning(h, (x) => baseRain[x] ?? 0),
        String(h),
      ).toBe(levels[h]);
    expect(WARNING_NAMES[levels[20]]).toBe('orange');
  });

  it('rainAt: a storm replaces the series from the hour it fired in, zero after its end', () => {
    const base = (h: number) => h * 10;
    const storms = [{ tS: 20.5 * 3600, rainMmPerH: [1, 2] }];
    expect(rainAt(20 * 3600, base, storms)).toBe(200);
    expect(rainAt(20.6 * 3600, base, storms)).toBe(1);
    expect(rainAt(21.1 * 3600, base, storms)).toBe(2);
    expect(rainAt(22.1 * 3600, base, storms)).toBe(0);
  });
});
