/**
 * Calibration from a case log: a log generated from known parameters (testLog.ts) is recovered within stated
 * tolerances — rate within 3 standard errors, the profile's shape bin by bin, the 24/168 choice both ways, the
 * hot-spot split of the location weights, the handling mean within 5 % and the family by AIC; bad rows are
 * counted and listed with their messages; the calibrated scenario validates, runs deterministically, and its
 * trace replays the log's own cases.
 */
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../scenario/load.ts';
import { runScenario } from '../sim/run.ts';
import { calibrate, newTypeName } from './calibrate.ts';
import { badRowSplit, type CalibrationReport } from './report.ts';
import { calibrationReportHtml } from './reportHtml.ts';
import { district, generate, INSIDE, iso, toCsvLog, type TypeSpec } from './testLog.ts';

const PEAKED = [0.2, 0.1, 0.1, 0.1, 0.1, 0.3, 1, 3, 6, 6, 4, 3, 3, 3, 4, 5, 5, 3, 2, 1.5, 1, 0.6, 0.4, 0.3];
const FLATTISH = [1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 1, 1, 1];
const HOT_A = 23,
  HOT_B = 77;

const SPECS: TypeSpec[] = [
  {
    // a base type, by its Chinese name
    type: '暴露垃圾',
    ratePerDay: 60,
    profile: PEAKED,
    hot: [
      [HOT_A, 0.5],
      [HOT_B, 0.3],
    ],
    handling: { dist: 'lognormal', mean: 40, sd: 25 },
  },
  {
    // a type the base does not have, with a strong weekday pattern
    type: 'parking',
    ratePerDay: 30,
    profile: FLATTISH,
    weekday: [1, 1, 1, 1, 1, 0.3, 0.3],
    hot: [],
    handling: { dist: 'exponential', mean: 15 },
  },
];
const DAYS = 28;
const START = '2024-07-01'; // a Monday

const cases = generate(SPECS, DAYS, START, 2024);
const csv = toCsvLog(cases, START);
const base = district();
const res = calibrate(base, csv, { trace: 'replay' });
if (!res.ok) throw new Error(JSON.stringify(res.errors));
const { report, scenario } = res;
const typeReport = (id: string) => report.types.find((t) => t.id === id)!;
const eventType = (id: string) => scenario.eventTypes.find((t) => t.id === id)!;

describe('calibration from a generated log', () => {
  it('time 0, days and the weekday come from the log', () => {
    expect(report.source).toMatchObject({ days: DAYS, startDate: START, utcOffsetMin: 480, startDayOfWeek: 0 });
    expect(scenario.run).toMatchObject({ days: DAYS, startDayOfWeek: 0, warmupHours: 0, arrivals: 'trace' });
    expect(scenario.city.geo).toMatchObject({ utcOffsetMin: 480, startDate: START });
    expect(report.source.usable).toBe(cases.length);
    expect(report.badRows.total).toBe(0);
    // the HTML report's heading gives the count alone when no row had a problem
    expect(calibrationReportHtml(report)).toContain('Rows with a problem</span> (0)</h2>');
  });

  it('recovers each type’s rate within 3 standard errors', () => {
    for (const s of SPECS) {
      const id = s.type === '暴露垃圾' ? 'garbage' : s.type;
      const r = typeReport(id);
      const se = Math.sqrt(s.ratePerDay / DAYS);
      expect(Math.abs(r.ratePerDay - s.ratePerDay)).toBeLessThan(3 * se);
      expect(eventType(id).ratePerDay).toBe(r.ratePerDay);
    }
  });

  it('recovers the peaked 24-hour profile bin by bin, and chooses 24 hours without a weekday pattern', () => {
    const r = typeReport('garbage');
    expect(r.profile.chosen).toBe(24);
    expect(r.profile.test!.pValue).toBeGreaterThan(0.001);
    const p = eventType('garbage').profile!;
    expect(p).toHaveLength(24);
    const mean = PEAKED.reduce((a, b) => a + b, 0) / 24;
    p.forEach((w, h) => {
      const truth = PEAKED[h] / mean;
      const expected = (60 * DAYS * truth) / 24; // cases expected in hour h
      expect(Math.abs(w - truth)).toBeLessThan((4 * truth) / Math.sqrt(expected) + 0.05);
    });
    expect(p.indexOf(Math.max(...p))).toBeGreaterThanOrEqual(8);
    expect(p.indexOf(Math.max(...p))).toBeLessThanOrEqual(9);
    // observed and fitted by hour agree in total
    const sum = (k: 'observed' | 'fitted') => r.profile.hourly.reduce((a, x) => a + x[k], 0);
    expect(sum('fitted')).toBeCloseTo(sum('observed'), 2);
  });

  it('chooses the 168-hour profile for a weekday pattern, weekends at about 0.3 of weekdays', () => {
    const r = typeReport('parking');
    expect(r.profile.chosen).toBe(168);
    expect(r.profile.test!.pValue).toBeLessThan(1e-6);
    const p = eventType('parking').profile!;
    expect(p).toHaveLength(168);
    const day = (w: number) => p.slice(w * 24, w * 24 + 24).reduce((a, b) => a + b, 0);
    const ratio = (day(5) + day(6)) / 2 / ((day(0) + day(1) + day(2) + day(3) + day(4)) / 5);
    expect(ratio).toBeGreaterThan(0.22);
    expect(ratio).toBeLessThan(0.4);
    const sat = r.profile.weekday[5];
    expect(sat.days).toBe(4);
    expect(Math.abs(sat.fitted - sat.observed)).toBeLessThan(3 * Math.sqrt(sat.observed) + 2);
  });

  it('puts the location weight on the two hot spots in their shares', () => {
    const w = eventType('garbage').weights!.cells!;
    const floor = w.floor ?? 0;
    const weightOf = (cell: number) => w.weights.find(([c]) => c === cell)?.[1] ?? floor;
    let total = 0;
    for (const c of INSIDE) total += weightOf(c);
    // a uniform fifth of the cases falls on every inside cell, the hot ones too
    expect(Math.abs(weightOf(HOT_A) / total - (0.5 + 0.2 / INSIDE.length))).toBeLessThan(0.03);
    expect(Math.abs(weightOf(HOT_B) / total - (0.3 + 0.2 / INSIDE.length))).toBeLessThan(0.03);
    expect(floor).toBeGreaterThan(0);
    expect(
      typeReport('garbage')
        .spatial!.topCells.slice(0, 2)
        .map(([c]) => c),
    ).toEqual([HOT_A, HOT_B]);
  });

  it('recovers the handling mean within 5 % and picks lognormal by AIC (exponential for exponential data)', () => {
    const g = typeReport('garbage').handling;
    expect(g.source).toBe('fitted');
    expect(g.chosen).toBe('lognormal');
    const d = eventType('garbage').handlingMin;
    expect(d.dist).toBe('lognormal');
    if (d.dist === 'lognormal') {
      expect(Math.abs(d.mean - 40) / 40).toBeLessThan(0.05);
      expect(Math.abs(d.sd - 25) / 25).toBeLessThan(0.1);
    }
    const fits = g.fits!;
    expect(fits.map((f) => f.family)).toEqual(['exponential', 'lognormal', 'gamma']);
    expect(fits.find((f) => f.family === 'lognormal')!.deltaAic).toBe(0);
    expect(g.qq).toHaveLength(99);
    expect(fits.find((f) => f.family === 'lognormal')!.ks).toBeLessThan(0.05);

    const p = typeReport('parking').handling;
    expect(p.chosen).toBe('exponential');
    const pd = eventType('parking').handlingMin;
    expect(pd.dist === 'exponential' && Math.abs(pd.mean - 15) / 15).toBeLessThan(0.05);
  });

  it('a new type gets defaults that run, listed in the report; a base type absent from the log is kept', () => {
    expect(report.newTypes).toEqual([
      expect.objectContaining({ id: 'parking', skill: 'sanitation', team: 'grid', crew: 1, responseDeadlineMin: 30 }),
    ]);
    expect(eventType('parking').skill).toBe('sanitation');
    expect(report.notInLog).toEqual(['manhole', 'vending']);
    expect(eventType('manhole')).toEqual(base.eventTypes.find((t) => t.id === 'manhole'));
  });

  it('the calibrated scenario validates and runs deterministically; the replay has exactly the log’s cases', () => {
    const parsed = parseScenario(JSON.stringify(scenario));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const a = runScenario(parsed.scenario, { seed: 5, log: true });
    const b = runScenario(parsed.scenario, { seed: 5, log: true });
    expect(a).toEqual(b);
    const typeIds = parsed.scenario.eventTypes.map((t) => t.id);
    const got = [...a.log!].sort((x, y) => x.id - y.id).map((c) => [c.type, c.occurredS, c.cell]);
    const want = cases.map((c) => [c.type === '暴露垃圾' ? 'garbage' : c.type, c.t, c.cell]);
    expect(got).toEqual(want);
    expect(res.trace.map(([ti, t, cell]) => [typeIds[ti], t, cell])).toEqual(want);
    // Poisson arrivals (no replay) run too
    const poisson = parseScenario(JSON.stringify({ ...scenario, run: { ...scenario.run, arrivals: undefined } }));
    expect(poisson.ok).toBe(true);
    if (poisson.ok) expect(runScenario(poisson.scenario, { seed: 5, days: 2 }).kpis.casesArrived).toBeGreaterThan(100);
  });
});

describe('bad rows and bad files', () => {
  const header = 'id,type,reportedAt,lon,lat,gridCode,onSceneAt,handledAt';
  const good = (i: number) =>
    `g${i},noise,2024-07-0${1 + (i % 3)}T1${i % 10}:00:00+08:00,121.4060,31.2480,G-W,2024-07-01T10:00:00+08:00,2024-07-01T10:30:00+08:00`;
  const badLines: [string, string][] = [
    ['b1,,2024-07-01T10:00:00+08:00,121.406,31.248,,,', 'missing_type'],
    ['b2,noise,2024-07-01 25:00+08:00,121.406,31.248,,,', 'bad_time'],
    ['b3,noise,2024-07-01T10:00:00,121.406,31.248,,,', 'no_offset'],
    ['b4,noise,2024-07-01T10:00:00+08:00,east,31.248,,,', 'bad_coordinates'],
    ['b5,noise,2024-07-01T10:00:00+08:00,121.9,31.248,,,', 'outside_lattice'],
    ['b6,noise,2024-07-01T10:00:00+08:00,121.4004,31.248,,,', 'outside_district'],
    ['g1,noise,2024-07-01T10:00:00+08:00,121.406,31.248,,,', 'duplicate_id'],
    [
      'b8,noise,2024-07-01T10:00:00+08:00,121.406,31.248,,2024-07-01T10:30:00+08:00,2024-07-01T10:00:00+08:00',
      'bad_handling_time',
    ],
    [
      'b9,noise,2024-07-01T10:00:00+08:00,121.406,31.248,,2024-07-01T10:30:00+08:00,2024-07-01T10:30:00+08:00',
      'zero_handling_time',
    ],
    ['b10,noise,2024-07-01T10:00:00+08:00,121.406,31.248,G-E,,', 'grid_code_mismatch'],
  ];
  const text = '\uFEFF' + [header, ...[0, 1, 2, 3, 4].map(good), ...badLines.map(([l]) => l)].join('\r\n') + '\r\n\r\n';

  it('counts each reason with its message and lists the rows; kept rows still count as cases', () => {
    const r = calibrate(base, text);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const b: CalibrationReport['badRows'] = r.report.badRows;
    expect(b.total).toBe(badLines.length);
    expect(b.byReason.map((x) => [x.reason, x.count])).toEqual(
      [...badLines.map(([, reason]) => reason)].sort(sortByReasonOrder).map((reason) => [reason, 1]),
    );
    for (const x of b.byReason) {
      expect(x.zh.length).toBeGreaterThan(4);
      expect(x.en.length).toBeGreaterThan(4);
    }
    // rows numbered as in the file (header = 1): the bad lines follow five good ones
    expect(b.rows.map((x) => [x.row, x.reason])).toEqual(badLines.map(([, reason], i) => [i + 7, reason]));
    expect(b.rows.find((x) => x.reason === 'no_offset')!.en).toContain('offset');
    // 5 good + 3 kept (bad handling, zero handling, grid mismatch) rows are cases
    expect(r.report.source.usable).toBe(8);
    // headings split the problem rows: the dropped ones are exactly the rows that are not usable
    expect(badRowSplit(b)).toEqual({ dropped: badLines.length - 3, kept: 3 });
    expect(badRowSplit(b).dropped).toBe(r.report.source.rows - r.report.source.usable);
    expect(calibrationReportHtml(r.report)).toContain(`(${badLines.length}: `);
    expect(calibrationReportHtml(r.report)).toContain(`${badLines.length - 3} dropped, 3 kept as arrivals`);
    expect(r.report.types[0]).toMatchObject({ id: 'noise', cases: 8, isNew: true });
    expect(r.report.types[0].handling.source).toBe('default');
    expect(r.report.types[0].warnings.map((w) => w.en).join(' ')).toContain('fewer than 30');
  });

  it('a file with no usable row is an error, with the reasons counted', () => {
    const r = calibrate(base, [header, ...badLines.slice(0, 6).map(([l]) => l)].join('\n'));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors.map((e) => e.code)).toEqual(['no_usable_rows']);
      expect(r.errors[0].en).toContain('no_offset × 1');
      expect(r.errors[0].zh).toContain('没有可用的行');
    }
    const empty = calibrate(base, '');
    expect(!empty.ok && empty.errors[0].code).toBe('csv_empty');
    const headerOnly = calibrate(base, header + '\n');
    expect(!headerOnly.ok && headerOnly.errors[0].code).toBe('no_usable_rows');
  });

  it('a missing required column is an error naming it', () => {
    const r = calibrate(base, 'type,reportedAt,lon\nnoise,2024-07-01T10:00:00+08:00,121.406\n');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors).toEqual([expect.objectContaining({ code: 'missing_column', path: 'csv.header.lat' })]);
      expect(r.errors[0].zh).toContain('"lat"');
    }
  });

  it('a base scenario without city.geo is an error', () => {
    const r = calibrate({ ...base, city: { ...base.city, geo: undefined } }, text);
    expect(!r.ok && r.errors[0].code).toBe('no_geo');
  });

  it('times are read with their own offset; time 0 is local midnight at the first row’s', () => {
    const lines = [
      header,
      `a,noise,${iso(Date.parse('2024-07-02T23:30:00+08:00'))},121.406,31.248,,,`,
      // the same instant written in UTC
      'b,noise,2024-07-02T15:30:00Z,121.406,31.248,,,',
    ];
    const r = calibrate(base, lines.join('\n'), { trace: 'carry' });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.report.source).toMatchObject({ startDate: '2024-07-02', days: 1, startDayOfWeek: 1 });
    expect(r.trace.map((c) => c[1])).toEqual([84_600, 84_600]);
    expect(r.scenario.trace!.cases).toHaveLength(2);
    expect(r.scenario.run!.arrivals).toBeUndefined();
    expect(r.report.warnings.map((w) => w.en).join(' ')).toContain('several UTC offsets');
  });
});

const ORDER = [
  'missing_type',
  'bad_time',
  'no_offset',
  'bad_coordinates',
  'outside_lattice',
  'outside_district',
  'duplicate_id',
  'log_too_long',
  'bad_handling_time',
  'zero_handling_time',
  'grid_code_mismatch',
];
function sortByReasonOrder(a: string, b: string): number {
  return ORDER.indexOf(a) - ORDER.indexOf(b);
}

describe('what a calibrated scenario plays', () => {
  it('a replay plays the log’s days from its first midnight; a Poisson run plays a week after the base’s warm-up', () => {
    expect(scenario.run!.days).toBe(DAYS);
    expect(scenario.run!.warmupHours).toBe(0);
    const poisson = calibrate(base, csv);
    if (!poisson.ok) throw new Error(JSON.stringify(poisson.errors));
    expect(poisson.scenario.run!.days).toBe(7);
    expect(poisson.scenario.run!.warmupHours).toBe(base.run.warmupHours);
    expect(poisson.report.warnings.some((w) => w.en.includes('run length set to 7 days'))).toBe(true);
  });

  it('a new event type gets a readable name, not its raw id', () => {
    expect(newTypeName('illegal-parking')).toEqual({ zh: '新事件类型：Illegal parking', en: 'Illegal parking' });
    expect(newTypeName('违法停车')).toEqual({ zh: '违法停车', en: '违法停车' });
    expect(eventType('parking').name).toEqual({ zh: '新事件类型：Parking', en: 'Parking' });
  });
});
