/**
 * The calibration report's files: tidy CSVs with a BOM that papaparse reads back, and an HTML page with both
 * languages' headings and its charts inline.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { calibrate } from '../importer/calibrate.ts';
import { district, generate, toCsvLog } from '../importer/testLog.ts';
import { writeCalibrationReport } from './calibrationReportFiles.ts';

const PROFILE = [1, 1, 1, 1, 1, 1, 2, 3, 4, 4, 3, 3, 3, 3, 3, 3, 3, 3, 2, 2, 2, 1, 1, 1];

describe('calibration report files', () => {
  it('writes report.json, five tidy CSVs and a self-contained report.html', () => {
    const cases = generate(
      [
        {
          type: 'garbage',
          ratePerDay: 40,
          profile: PROFILE,
          hot: [[23, 0.5]],
          handling: { dist: 'lognormal', mean: 30, sd: 20 },
        },
      ],
      7,
      '2024-07-01',
      1,
    );
    const log = toCsvLog(cases, '2024-07-01') + 'x1,garbage,2024-07-02T10:00:00,121.406,31.248,,,\n';
    const r = calibrate(district(), log);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const dir = mkdtempSync(join(tmpdir(), 'calib-'));
    try {
      writeCalibrationReport(dir, r.report);
      expect(readdirSync(dir).sort()).toEqual([
        'bad_rows.csv',
        'handling_fit.csv',
        'hourly.csv',
        'qq.csv',
        'report.html',
        'report.json',
        'weekday.csv',
      ]);
      expect(JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'))).toEqual(r.report);
      const csv = (name: string) => {
        const text = readFileSync(join(dir, name), 'utf8');
        expect(text.charCodeAt(0)).toBe(0xfeff);
        return Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true }).data;
      };
      expect(csv('hourly.csv')).toHaveLength(24);
      expect(csv('weekday.csv')).toHaveLength(7);
      const fits = csv('handling_fit.csv');
      expect(fits.map((f) => f.family)).toEqual(['exponential', 'lognormal', 'gamma']);
      expect(fits.filter((f) => f.chosen === 'true')).toHaveLength(1);
      expect(csv('qq.csv')).toHaveLength(99 * 3);
      expect(csv('bad_rows.csv')).toEqual([expect.objectContaining({ reason: 'no_offset', dropped: 'true' })]);
      const html = readFileSync(join(dir, 'report.html'), 'utf8');
      expect(html).toMatch(/^<!doctype html>/);
      expect(html).toContain('案件记录校准报告');
      expect(html).toContain('Calibration report from a case log');
      expect(html.match(/<svg /g)!.length).toBe(2);
      expect(html).not.toMatch(/<script|src=|href=/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
