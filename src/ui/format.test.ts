import { describe, expect, it } from 'vitest';
import { dataValue, dayOf, fmtPct, isDaytime, parseHhMm, timeOfDay } from './format.ts';

describe('format', () => {
  it('clock parts', () => {
    expect(timeOfDay(8 * 3600)).toBe('08:00');
    expect(timeOfDay(86400 + 59)).toBe('00:00');
    expect(timeOfDay(86400)).toBe('24:00');
    expect(timeOfDay(0)).toBe('00:00');
    expect(dayOf(0)).toBe(1);
    expect(dayOf(86400)).toBe(1);
    expect(dayOf(86400 + 1)).toBe(2);
    expect(isDaytime(12 * 3600)).toBe(true);
    expect(isDaytime(22 * 3600)).toBe(false);
  });
  it('parses HH:MM', () => {
    expect(parseHhMm('08:30')).toBe(8 * 3600 + 1800);
    expect(parseHhMm('8:05')).toBe(8 * 3600 + 300);
    expect(parseHhMm('24:00')).toBe(86400);
    expect(parseHhMm('25:00')).toBeNull();
    expect(parseHhMm('abc')).toBeNull();
  });
  it('data values are exact JSON', () => {
    expect(dataValue(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(dataValue(null)).toBe('null');
    expect(dataValue(NaN)).toBe('null');
    expect(fmtPct(0.9234)).toBe('92.3%');
  });
});
