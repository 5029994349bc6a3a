import { describe, expect, it } from 'vitest';
import { fmtCases, leverText, limitHours, limitLabel, namesOf } from './limitText.ts';

describe('a diagnosis in words', () => {
  it('hours: the peak hours as ranges across midnight, and every hour with a late case', () => {
    expect(limitHours({ peakHours: [0, 22, 23], hours: [23, 22, 0, 1, 9] })).toEqual({
      main: '22:00–01:00',
      all: '09:00–10:00, 22:00–02:00',
    });
    expect(limitHours({ peakHours: [], hours: [] }).main).toBe('—');
  });

  it('levers lose the command-line hint in both languages', () => {
    const lever = {
      zh: '「内涝积水」在排队等「排水抢险队」：增加该队 22:00–01:00 在岗班次的人数（allweather optimise --teams drainage-crew）',
      en: '"Waterlogging" waits in the queue for Drainage crew: add staff to that team\'s shifts on duty 22:00–01:00 (allweather optimise --teams drainage-crew)',
      fields: ['teams.drainage-crew.shifts.1.staff'],
    };
    expect(leverText(lever, 'zh-CN')).toBe('「内涝积水」在排队等「排水抢险队」：增加该队 22:00–01:00 在岗班次的人数');
    expect(leverText(lever, 'en')).toBe(
      '"Waterlogging" waits in the queue for Drainage crew: add staff to that team\'s shifts on duty 22:00–01:00',
    );
    expect(leverText({ zh: '缩小网格（说明）', en: 'smaller grids (a note)', fields: ['city.gridSize'] }, 'en')).toBe(
      'smaller grids (a note)',
    );
  });

  it('names a limit by stage, event type and team name, never by id when the scenario names them', () => {
    const names = namesOf(
      [{ id: 'waterlogging', name: { zh: '内涝积水', en: 'Waterlogging' } }],
      [{ id: 'drainage-crew', name: { zh: '排水抢险队', en: 'Drainage crew' } }],
    );
    expect(limitLabel({ stage: 'queue', eventType: 'waterlogging', team: 'drainage-crew' }, names)).toEqual({
      zh: '排队 · 内涝积水 · 等待排水抢险队',
      en: 'Queue · Waterlogging · waiting for Drainage crew',
    });
    expect(limitLabel({ stage: 'travel', eventType: 'waterlogging', team: null }, names).en).toBe(
      'Travel · Waterlogging',
    );
  });

  it('counts: whole cases for one run, one decimal for a mean over replications', () => {
    expect(fmtCases(1234, false, 'en')).toBe('1,234');
    expect(fmtCases(60.75, true, 'zh-CN')).toBe('60.8');
    expect(fmtCases(61, true, 'en')).toBe('61');
  });
});
