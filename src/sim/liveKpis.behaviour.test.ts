/**
 * The live indicators (snapshot.ts, the page's key indicators while a run
 * plays) count staff time up to the moment of the frame. On-duty staff
 * change only at shift boundaries: read as the sums at the last change,
 * staff-hours lagged by hours and utilisation (busy / on duty) went over
 * 100 % (131 % on baseline-weekday at 07:49). Checked against sums taken
 * independently, minute by minute, from the members' states.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadScenarioOrThrow } from '../scenario/load.ts';
import { Simulation } from './simulation.ts';
import { frameOf } from './snapshot.ts';
import { SS } from './engine.ts';
import { runScenario } from './run.ts';

const H = 3600;
const load = (name: string) =>
  loadScenarioOrThrow(readFileSync(new URL(`../../scenarios/${name}.json`, import.meta.url), 'utf8'));

describe('live indicators count staff time up to the frame', () => {
  it('validation-mmc six hours after its warm-up: 10 staff all day make 60 staff-hours; utilisation near ρ = 0.9', () => {
    const sc = load('validation-mmc');
    const sim = new Simulation(sc, 1, { days: 2 });
    const warm = sc.run.warmupHours * H;
    sim.runUntil(warm + 6 * H);
    const k = frameOf(sim).kpis;
    expect(k.staffHours).toBe(60);
    expect(k.overtimeHours).toBe(0);
    expect(k.utilisation).toBeGreaterThan(0.7);
    expect(k.utilisation).toBeLessThanOrEqual(1);
  });

  it('lianhu-grids, every hour of day 1: staff-hours, overtime and utilisation as summed minute by minute from the members', () => {
    const sc = load('lianhu-grids');
    const sim = new Simulation(sc, sc.run.seed, {});
    const warm = sim.warmupS;
    let onS = 0,
      busyS = 0,
      overS = 0,
      inOvertime = 0;
    sim.runUntil(0); // the shifts that start at 00:00
    for (let t = 60; t <= 24 * H; t += 60) {
      // the minute before t, as the members were at its start (shifts change on whole minutes)
      let on = 0,
        b = 0,
        over = 0;
      for (let s = 0; s < sim.nStaff; s++) {
        const working = sim.sState[s] === SS.TRAVEL || sim.sState[s] === SS.ON_SCENE;
        if (sim.sOnDuty[s] === 1) {
          on++;
          if (working) b++;
        } else if (working) over++; // finishing a case after the shift: overtime
      }
      if (t - 60 >= warm) {
        onS += on * 60;
        busyS += b * 60;
        overS += over * 60;
      }
      sim.runUntil(t);
      if (t % H !== 0 || t <= warm) continue;
      // on duty / busy now: the busy are on-duty members travelling to a case or on scene, not those in overtime
      // (counted before the frame: the last one closes the books, and the drain moves the members on)
      let onNow = 0,
        busyNow = 0;
      for (let s = 0; s < sim.nStaff; s++) {
        if (sim.sOnDuty[s] !== 1) {
          if (sim.sState[s] === SS.TRAVEL || sim.sState[s] === SS.ON_SCENE) inOvertime++;
          continue;
        }
        onNow++;
        if (sim.sState[s] === SS.TRAVEL || sim.sState[s] === SS.ON_SCENE) busyNow++;
      }
      const k = frameOf(sim).kpis;
      const at = `at ${t / H}:00`;
      expect(k.staffHours! - k.overtimeHours!, `on-duty staff-hours ${at}`).toBeCloseTo(onS / H, 6);
      // cases start and end inside a minute: the minute sums are close, not exact
      expect(k.overtimeHours!, `overtime ${at}`).toBeCloseTo(overS / H, 0);
      expect(Math.abs(k.utilisation! - busyS / onS), `utilisation ${at}`).toBeLessThan(0.01);
      expect(k.utilisation!).toBeLessThanOrEqual(1);
      expect([k.staffOnDuty, k.staffBusy], `on duty / busy ${at}`).toEqual([onNow, busyNow]);
    }
    expect(inOvertime, 'frames taken while members worked overtime').toBeGreaterThan(0);
  });

  it('reading the indicators changes nothing: a run with a frame every simulated minute ends as a run without', () => {
    const sc = load('baseline-weekday');
    const sim = new Simulation(sc, 7, {});
    for (let t = 60; t < sim.horizonS; t += 60) {
      sim.runUntil(t);
      frameOf(sim);
    }
    sim.runUntil(sim.horizonS);
    expect(frameOf(sim).result).toEqual(runScenario(sc, { seed: 7 }));
  });
});
