import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseScenario } from '../../scenario/load.ts';
import { shiftInWords } from './briefingText.ts';

const r = parseScenario(readFileSync(new URL('../../../scenarios/baseline-weekday.json', import.meta.url), 'utf8'));
if (!r.ok) throw new Error('baseline-weekday does not parse');
const sc = r.scenario;

describe('shiftInWords', () => {
  it("names a shift by its team's name and hours, not the team's id", () => {
    const team = sc.teams.find((t) => t.id === 'grid-workers')!;
    const s = team.shifts[0];
    const w = shiftInWords(sc, { team: 'grid-workers', shift: 0 });
    expect(w.zh).toBe(`${team.name.zh} ${s.start}–${s.end} 班次`);
    expect(w.en).toBe(`${team.name.en} ${s.start}–${s.end} shift`);
    expect(w.zh).not.toContain('grid-workers');
    expect(w.en).not.toContain('grid-workers');
  });

  it('falls back to the id and the shift number when the scenario lacks it', () => {
    expect(shiftInWords(null, { team: 'x', shift: 1 })).toEqual({ zh: 'x 第 2 个班次', en: 'x shift 2' });
    expect(shiftInWords(sc, { team: 'grid-workers', shift: 99 }).en).toBe('grid-workers shift 100');
  });
});
