import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../scenario/load.ts';
import type { Scenario } from '../scenario/schema.ts';
import {
  nightStaffHelp,
  nightStaffShifts,
  overrideLabel,
  paramLabel,
  policyLabel,
  POLICY_LABELS,
  valueLabel,
} from './paramLabels.ts';

const text = readFileSync(new URL('../../scenarios/baseline-weekday.json', import.meta.url), 'utf8');
const sc = (parseScenario(text) as { scenario: Scenario }).scenario;

describe('paramLabel', () => {
  it('names a shift by team and times, per grid where the team is placed per grid', () => {
    expect(paramLabel('teams.grid-workers.shifts.0.staff', sc)).toEqual({
      zh: '网格员 · 班次 08:00–16:00 人数（每网格）',
      en: 'Grid workers · shift 08:00–16:00 staff per grid',
    });
    expect(paramLabel('teams.4.shifts.2.staff', sc).en).toBe('Municipal repair · shift 22:00–06:00+1 staff');
  });

  it('names the fixed paths and the conveniences', () => {
    expect(paramLabel('city.gridSize')).toEqual({ zh: '网格大小', en: 'Grid size' });
    expect(paramLabel('nightStaff').en).toBe('Staff of shifts on duty at 02:00 (all teams)');
    expect(paramLabel('teams.sanitation.shiftEnd', sc).zh).toBe('环卫保洁 · 交班规则');
    expect(paramLabel('eventTypes.exposed-garbage.ratePerDay', sc).en).toBe('Exposed garbage · cases per day');
  });

  it('keeps a path it does not know, and works without a scenario', () => {
    expect(paramLabel('weather.drainageMmPerH', sc)).toEqual({
      zh: 'weather.drainageMmPerH',
      en: 'weather.drainageMmPerH',
    });
    expect(paramLabel('teams.x.shifts.1.staff').en).toBe('x · shift 1 staff');
  });
});

describe('values in words', () => {
  it('names every dispatch policy the schema takes, in both languages; an unknown one as written', () => {
    const schema = readFileSync(new URL('../scenario/schema.ts', import.meta.url), 'utf8');
    const ids = /policy: z\.enum\(\[([^\]]+)\]\)/
      .exec(schema)![1]
      .match(/'([^']+)'/g)!
      .map((x) => x.slice(1, -1));
    expect(ids.length).toBeGreaterThanOrEqual(3);
    for (const id of ids) {
      const l = policyLabel(id);
      expect(l.zh).not.toBe(id);
      expect(l.en).not.toBe(id);
      expect(l.zh).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(Object.keys(POLICY_LABELS).sort()).toEqual([...ids].sort());
    expect(policyLabel('nearest')).toEqual({ zh: '就近派遣', en: 'Nearest available' });
    expect(policyLabel('roundRobin')).toEqual({ zh: 'roundRobin', en: 'roundRobin' });
    expect(policyLabel('__proto__')).toEqual({ zh: '__proto__', en: '__proto__' });
  });

  it('shows a value by what its path sets, numbers as written', () => {
    expect(valueLabel('dispatch.policy', 'gridFirst').zh).toBe('本网格优先');
    expect(valueLabel('dispatch.order', 'easyFirst').en).toBe('Easy first (score gaming)');
    expect(valueLabel('teams.sanitation.shiftEnd', 'handover')).toEqual({ zh: '交接班', en: 'Hand over' });
    expect(valueLabel('teams.0.mode', 'ebike').zh).toBe('电动车');
    expect(valueLabel('holdHeadcount', true)).toEqual({ zh: '是', en: 'yes' });
    expect(valueLabel('city.gridSize', 5)).toEqual({ zh: '5', en: '5' });
    expect(valueLabel('run.note', 'nearest')).toEqual({ zh: 'nearest', en: 'nearest' }); // only where a policy is meant
  });

  it('says an override as field = value, both named', () => {
    expect(overrideLabel('dispatch.policy', 'nearest', sc)).toEqual({
      zh: '派遣策略 = 就近派遣',
      en: 'Dispatch policy = Nearest available',
    });
    expect(overrideLabel('teams.grid-workers.shifts.0.staff', 3, sc).en).toBe(
      'Grid workers · shift 08:00–16:00 staff per grid = 3',
    );
  });
});

describe('nightStaff: what it changes', () => {
  it("lists every shift of every team on duty at 02:00, the grid workers' night shift among them", () => {
    const shifts = nightStaffShifts(sc).map((s) => `${s.team}.${s.shift}`);
    expect(shifts).toEqual(['grid-workers.2', 'night-patrol.0', 'sanitation.2', 'enforcement.2', 'municipal-repair.2']);
    const help = nightStaffHelp(sc);
    expect(help.en).toContain('Grid workers 00:00–08:00 (per grid)');
    expect(help.zh).toContain('网格员 00:00–08:00（每网格）');
  });
});

describe('fieldLabel', () => {
  it('names a field of an editor error from its JSON path, the team and shift from the scenario', async () => {
    const { fieldLabel } = await import('./paramLabels.ts');
    const sc = {
      teams: [
        { id: 'gw', name: { zh: '网格员', en: 'Grid workers' }, placement: 'perGrid', shifts: [] },
        {
          id: 'enf',
          name: { zh: '城管执法', en: 'Enforcement' },
          placement: 'total',
          shifts: [{ start: '08:00', end: '16:00', staff: 2 }],
        },
      ],
      eventTypes: [],
    } as unknown as Parameters<typeof fieldLabel>[1];
    expect(fieldLabel('$.teams[1].shifts[0].staff', sc)).toEqual({
      zh: '城管执法 · 班次 08:00–16:00 人数',
      en: 'Enforcement · shift 08:00–16:00 staff',
    });
    expect(fieldLabel('$.teams[1].shifts[0].staff')).toEqual({
      zh: '队伍 2 · 第 1 班 · 人数',
      en: 'Team 2 · shift 1 · staff',
    });
    expect(fieldLabel('$.city.gridSize')).toEqual({ zh: '网格大小', en: 'Grid size' });
    expect(fieldLabel('$')).toBeNull();
    expect(fieldLabel('$.teams[0].skills[2]', sc)).toEqual({
      zh: '网格员 · 技能 · 第 3 项',
      en: 'Grid workers · skills · item 3',
    });
  });
});

describe('an opened file that does not validate', () => {
  it("names its errors' fields by the file's own teams and shifts (namesOfDraft), not by index", async () => {
    const { fieldLabel, namesOfDraft } = await import('./paramLabels.ts');
    const draft = JSON.parse(
      readFileSync(new URL('../../scenarios/baseline-weekday.json', import.meta.url), 'utf8'),
    ) as { teams: { name: { zh: string; en: string }; shifts: { start: string; end: string; staff: number }[] }[] };
    draft.teams[1].shifts[0].staff = -3; // invalid: the file fails to load
    const team = draft.teams[1];
    const sh = team.shifts[0];
    const l = fieldLabel('$.teams[1].shifts[0].staff', namesOfDraft(draft));
    expect(l).toEqual({
      zh: `${team.name.zh} · 班次 ${sh.start}–${sh.end} 人数`,
      en: `${team.name.en} · shift ${sh.start}–${sh.end} staff`,
    });
  });
});
