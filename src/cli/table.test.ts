import { describe, expect, it } from 'vitest';
import { aggregate } from '../analysis/aggregate.ts';
import { fakeRun } from '../analysis/fakeRun.ts';
import { buildReport, casesCsv, summaryCsv, type Manifest } from './report.ts';
import { displayWidth, formatReport, lateGridHours } from './table.ts';

const manifest: Manifest = {
  app: 'allweather',
  version: '0.0.0',
  scenario: 'fake',
  scenarioHash: 'abc',
  seed: 1,
  replications: 3,
  days: 1,
};
const runs = [fakeRun(1, { log: true }), fakeRun(2, { log: true }), fakeRun(3, { log: true })];
const report = buildReport(manifest, aggregate(runs), 1.25, runs);

describe('report', () => {
  it('has the documented top-level keys in order', () => {
    expect(Object.keys(report)).toEqual([
      'manifest',
      'summary',
      'byType',
      'coverage',
      'byTeam',
      'backlogByHour',
      'stations',
      'weather',
      'perf',
    ]);
    expect(report.perf.wallS).toBe(1.25);
  });

  it('writes a tidy summary.csv with BOM', () => {
    const csv = summaryCsv(report);
    expect(csv.startsWith('\uFEFFkpi,mean,ci_low,ci_high,n,unit\r\n')).toBe(true);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines).toHaveLength(1 + Object.keys(report.summary).length);
    const [kpi, mean, lo, hi, n] = lines[1].split(',');
    expect(kpi).toBe('casesArrived');
    expect(Number(mean)).toBe(report.summary.casesArrived.mean);
    expect(Number(lo)).toBe(report.summary.casesArrived.ci95![0]);
    expect(Number(hi)).toBe(report.summary.casesArrived.ci95![1]);
    expect(n).toBe('3');
  });

  it('writes one cases.csv row per logged case with its replication', () => {
    const lines = casesCsv(runs).trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      '\uFEFFreplication,seed,id,type,cell,grid,priority,channel,occurredS,discoveredS,filedS,dispatchedS,onSceneS,handlingStartS,handledS,verifiedS,closedS,slaMet,' +
        'discoveryS,centreS,queueS,travelS,handlingS,responseCentreS,responseQueueS,responseTravelS',
    );
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 2).join(','))).toEqual(['0,1', '1,2', '2,3']);
    // the grid by its code, not its index
    expect(lines[1].split(',')[5]).toBe(runs[0].log![0].gridCode);
  });
});

describe('human-readable table', () => {
  it('counts CJK as double width', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('利用率')).toBe(6);
  });

  it('lists late grid-hours by missed cases, below target only', () => {
    const late = lateGridHours(report.coverage, 100);
    for (const c of late) expect(c.attainment).toBeLessThan(report.coverage.target);
    for (let i = 1; i < late.length; i++) expect(late[i - 1].missed).toBeGreaterThanOrEqual(late[i].missed);
    const expected = report.coverage.attainment.flat().filter((a) => a !== null && a < report.coverage.target).length;
    expect(late).toHaveLength(expected);
  });

  it('prints bilingual KPI rows with intervals', () => {
    const text = formatReport(report, { zh: '假场景', en: 'Fake' });
    expect(text).toContain('平均等待开工 Mean wait to handling start');
    expect(text).toContain('时限达标率 SLA attainment');
    expect(text).toMatch(/\[\d[\d,.]*, \d[\d,.]*\]/);
    expect(text).toContain('未达标最多的网格时段');
  });

  it("shows an interval within its figure's range: overtime from 0, a share up to 100 %; summary.csv keeps it as computed", () => {
    const r = structuredClone(report);
    r.summary.overtimeHours = { mean: 1.5, ci95: [-0.25, 3.25], n: 4 };
    r.summary.slaAttainment = { mean: 0.99, ci95: [0.97, 1.01], n: 4 };
    const text = formatReport(r, { zh: '假场景', en: 'Fake' });
    const row = (label: string) => text.split('\n').find((l) => l.includes(label))!;
    expect(row('加班 Overtime')).toContain('[0.00, 3.25]');
    expect(row('时限达标率 SLA attainment')).toContain('[97.00, 100.00]');
    const csv = summaryCsv(r).split('\r\n');
    expect(csv.find((l) => l.startsWith('overtimeHours,'))).toBe('overtimeHours,1.5,-0.25,3.25,4,h');
  });
});
