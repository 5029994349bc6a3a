/**
 * Integration tests of the real `allweather` command: each test spawns
 * `node bin/allweather.mjs ...` as a user would and checks exit codes,
 * stdout and stderr.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, REQUIRED_KPIS, ROOT, scratchDir, STACK_LINE } from './testCli.ts';

const MMC = 'scenarios/validation-mmc.json';
const BASELINE = 'scenarios/baseline-weekday.json';

const tmp = scratchDir('allweather-cli-');

function runJson(...args: string[]) {
  const r = cli('run', ...args, '--json');
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return { ...r, json: JSON.parse(r.stdout) };
}

describe('allweather schema / validate', () => {
  it('prints the JSON Schema', () => {
    const r = cli('schema');
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.stdout);
    expect(typeof schema).toBe('object');
    expect(JSON.stringify(schema)).toContain('eventTypes');
  });

  it('validates the built-in scenarios', () => {
    for (const file of [MMC, BASELINE]) {
      const r = cli('validate', file);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/^OK: [a-z0-9-]+ /);
    }
  });

  it('exits 2 with a bilingual message and no stack trace on a missing file', () => {
    const r = cli('validate', 'scenarios/does-not-exist.json');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('找不到场景文件');
    expect(r.stderr).toContain('not found');
    expect(r.stderr).not.toMatch(STACK_LINE);
  });

  it('exits 2 without a stack trace on invalid JSON', () => {
    const file = join(tmp, 'broken.json');
    writeFileSync(file, '{ "schemaVersion": 2, ');
    for (const cmd of ['validate', 'run']) {
      const r = cli(cmd, file);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/[\u4e00-\u9fff]/);
      expect(r.stderr).not.toMatch(STACK_LINE);
      expect(r.stdout).toBe('');
    }
  });

  it('exits 2 naming the JSON path of an invalid field', () => {
    const scenario = JSON.parse(readFileSync(join(ROOT, BASELINE), 'utf8'));
    scenario.eventTypes[0].ratePerDay = -5;
    const file = join(tmp, 'negative-rate.json');
    writeFileSync(file, JSON.stringify(scenario));
    const r = cli('validate', file);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('eventTypes[0].ratePerDay');
    expect(r.stderr).toMatch(/[\u4e00-\u9fff]/);
    expect(r.stderr).not.toMatch(STACK_LINE);
  });
});

describe('allweather usage errors', () => {
  it.each([
    [['run', MMC, '--bogus']],
    [['run', MMC, '--seed', 'abc']],
    [['run', MMC, '--seed', '-1']],
    [['run', MMC, '--replications', '0']],
    [['run', MMC, '--days', 'NaN']],
    [['run']],
    [['frobnicate']],
    [[]],
  ])('exits 2 for %j', (args) => {
    const r = cli(...args);
    expect(r.code).toBe(2);
    expect(r.stderr.length).toBeGreaterThan(0);
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect(r.stdout).toBe('');
  });

  it("says what is wrong with an option in both languages (Node's parseArgs errors translated)", () => {
    const cases: [string[], RegExp, RegExp][] = [
      [['run', MMC, '--bogus'], /没有选项 --bogus/, /has no option --bogus/],
      [['run', MMC, '--replications', '-1'], /请写成 --replications=<值>/, /write it as --replications=<value>/],
      [['run', MMC, '--seed'], /选项 --seed 缺少值/, /option --seed needs a value/],
      [['run', MMC, '--json=yes'], /选项 --json 不带值/, /option --json takes no value/],
    ];
    for (const [args, zh, en] of cases) {
      const r = cli(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(zh);
      expect(r.stderr).toMatch(en);
      expect(r.stderr).not.toMatch(/Did you forget|To specify a positional/);
    }
  });

  it('prints help with --help', () => {
    const r = cli('--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('allweather run');
  });
});

describe('allweather run', () => {
  it('--set runs the variant: the same numbers as a file holding it, its hash, the overrides in the manifest', () => {
    const variant = JSON.parse(readFileSync(join(ROOT, BASELINE), 'utf8'));
    variant.dispatch.policy = 'gridBound';
    variant.teams.find((t: { id: string }) => t.id === 'night-patrol').shifts[0].staff = 1;
    const file = join(tmp, 'variant.json');
    writeFileSync(file, JSON.stringify(variant));
    const sets = ['--set', 'dispatch.policy=gridBound', '--set', 'teams.night-patrol.shifts.0.staff=1'];
    const viaSet = runJson(BASELINE, ...sets).json;
    const viaFile = runJson(file).json;
    const base = runJson(BASELINE).json;
    expect(viaSet.summary).toEqual(viaFile.summary);
    expect(viaSet.coverage).toEqual(viaFile.coverage);
    expect(viaSet.summary).not.toEqual(base.summary);
    expect(viaSet.manifest.scenarioHash).toBe(viaFile.manifest.scenarioHash);
    expect(viaSet.manifest.scenarioHash).not.toBe(base.manifest.scenarioHash);
    expect(viaSet.manifest.overrides).toEqual({
      'dispatch.policy': 'gridBound',
      'teams.night-patrol.shifts.0.staff': 1,
    });
    expect(base.manifest.overrides).toBeUndefined();
    // validate --set checks the same variant: its hash, and the overrides under the OK line
    const checked = cli('validate', BASELINE, ...sets);
    expect(checked.code).toBe(0);
    expect(checked.stdout).toMatch(/^OK: baseline-weekday /);
    expect(checked.stdout).toContain(`hash ${viaSet.manifest.scenarioHash})`);
    expect(checked.stdout).toContain('覆盖 overrides: dispatch.policy=gridBound');
    expect(cli('validate', file).stdout).toContain(`hash ${viaSet.manifest.scenarioHash})`);
    // the table says which overrides it ran
    const table = cli('run', BASELINE, ...sets);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('覆盖 overrides: dispatch.policy=gridBound, teams.night-patrol.shifts.0.staff=1');
  });

  it('--set with a value the scenario cannot take exits 2, naming the override in both languages (run, validate)', () => {
    for (const cmd of ['run', 'validate']) {
      const r = cli(cmd, BASELINE, '--set', 'nightStaff=-2');
      expect(r.code, cmd).toBe(2);
      expect(r.stderr).toContain('nightStaff=-2');
      expect(r.stderr).toMatch(/[\u4e00-\u9fff]/);
      expect(r.stderr).toContain('must be');
      expect(r.stderr).not.toMatch(STACK_LINE);
      expect(r.stdout).toBe('');
    }
  });

  it('prints exactly one JSON object with the manifest and every required KPI', () => {
    const { json } = runJson(BASELINE);
    expect(Object.keys(json)).toEqual([
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
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(json.manifest).toMatchObject({
      app: 'allweather',
      version: pkg.version,
      scenario: 'baseline-weekday',
      replications: 1,
    });
    expect(typeof json.manifest.scenarioHash).toBe('string');
    expect(Number.isInteger(json.manifest.seed)).toBe(true);
    expect(json.manifest.days).toBeGreaterThan(0);
    for (const k of REQUIRED_KPIS) {
      expect(json.summary[k], k).toBeDefined();
      expect(json.summary[k]).toHaveProperty('mean');
      expect(json.summary[k]).toHaveProperty('ci95', null);
      expect(json.summary[k].n).toBeLessThanOrEqual(1);
    }
    expect(json.summary.casesArrived.mean).toBeGreaterThan(0);
    expect(json.coverage.hours).toBe(24);
    expect(json.coverage.attainment).toHaveLength(json.coverage.grids.length);
    for (const row of json.coverage.attainment) expect(row).toHaveLength(24);
    expect(Object.keys(json.byType).length).toBeGreaterThan(0);
    expect(json.perf.events).toBeGreaterThan(0);
    expect(json.perf.wallS).toBeGreaterThan(0);
  });

  it('gives a byte-identical summary for the same seed and a different one for another seed', () => {
    const a = runJson(MMC, '--seed', '42', '--days', '2').json;
    const b = runJson(MMC, '--seed', '42', '--days', '2').json;
    const c = runJson(MMC, '--seed', '43', '--days', '2').json;
    expect(JSON.stringify(b.summary)).toBe(JSON.stringify(a.summary));
    expect(JSON.stringify(b.byType)).toBe(JSON.stringify(a.byType));
    expect(JSON.stringify(b.coverage)).toBe(JSON.stringify(a.coverage));
    expect(JSON.stringify(c.summary)).not.toBe(JSON.stringify(a.summary));
    expect(a.manifest.seed).toBe(42);
    expect(a.manifest.days).toBe(2);
  });

  it('defaults the seed to the scenario run.seed', () => {
    const scenario = JSON.parse(readFileSync(join(ROOT, MMC), 'utf8'));
    const { json } = runJson(MMC, '--days', '1');
    expect(json.manifest.seed).toBe(scenario.run?.seed ?? 1);
  });

  it('aggregates replications with n and a 95% interval', () => {
    const { json } = runJson(MMC, '--replications', '3', '--days', '1');
    expect(json.manifest.replications).toBe(3);
    const e = json.summary.casesArrived;
    expect(e.n).toBe(3);
    expect(Array.isArray(e.ci95)).toBe(true);
    expect(e.ci95[0]).toBeLessThanOrEqual(e.mean);
    expect(e.ci95[1]).toBeGreaterThanOrEqual(e.mean);
  });

  it('does not depend on the number of worker threads', () => {
    const one = runJson(MMC, '--replications', '3', '--days', '1', '--workers', '1').json;
    const three = runJson(MMC, '--replications', '3', '--days', '1', '--workers', '3').json;
    expect(JSON.stringify({ ...three, perf: null })).toBe(JSON.stringify({ ...one, perf: null }));
  });

  it('writes result.json, summary.csv and cases.csv with --out and --log', () => {
    const out = join(tmp, 'out');
    const r = runJson(MMC, '--days', '0.5', '--out', out, '--log');
    expect(readFileSync(join(out, 'result.json'), 'utf8')).toBe(r.stdout);
    const summary = readFileSync(join(out, 'summary.csv'), 'utf8');
    expect(summary.startsWith('\uFEFFkpi,mean,ci_low,ci_high,n,unit\r\n')).toBe(true);
    for (const k of REQUIRED_KPIS) expect(summary).toContain(`\r\n${k},`);
    expect(existsSync(join(out, 'cases.csv'))).toBe(true);
    const cases = readFileSync(join(out, 'cases.csv'), 'utf8').trimEnd().split('\r\n');
    expect(cases[0].startsWith('\uFEFFreplication,seed,id,type')).toBe(true);
    expect(cases.length).toBeGreaterThan(1);
  });

  it('prints a bilingual table without --json', () => {
    const r = cli('run', BASELINE);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('平均等待开工 Mean wait to handling start');
    expect(r.stdout).toContain('平均排队等待 Mean queue wait');
    expect(r.stdout).toContain('95%');
    expect(r.stderr).toBe(''); // no progress on a pipe
  });
});
