/**
 * The experiment and export commands: exit codes, that --json prints exactly
 * one JSON object, the files written, and that a replayed manifest
 * reproduces the export byte for byte. The export → replay round trip and
 * one comparison run as a user would (`node bin/allweather.mjs ...`); the
 * rest call `main` in this process (same code, without a second of start-up
 * per case).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KPI_NAMES } from '../analysis/aggregate.ts';
import { casesFromArrow } from '../export/arrow.ts';
import { createManifest, manifestJson } from '../export/manifest.ts';
import { sweepReplicationsCsv } from '../export/summary.ts';
import { TEMP_PREFIX } from './bundleDir.ts';
import { main } from './main.ts';
import { cli, ROOT, scratchDir, STACK_LINE } from './testCli.ts';

const MMC = 'scenarios/validation-mmc.json';
const BASELINE = 'scenarios/baseline-weekday.json';

const tmp = scratchDir('allweather-exp-');

/** `main` in this process, capturing stdout and stderr. */
async function inProcess(...args: string[]) {
  let stdout = '',
    stderr = '';
  const code = await main(args, {
    stdout: {
      write: (x: string) => {
        stdout += x;
      },
    },
    stderr: {
      write: (x: string) => {
        stderr += x;
      },
    },
  });
  return { code, stdout, stderr };
}

/** Runs a command (in process) with --json; it must succeed and print exactly one JSON object. */
async function json(...args: string[]) {
  const r = await inProcess(...args, '--json');
  expect(r.code, r.stderr).toBe(0);
  const parsed = JSON.parse(r.stdout);
  expect(typeof parsed).toBe('object');
  expect(r.stdout.trimEnd().endsWith('}')).toBe(true);
  return parsed;
}

describe('allweather compare', () => {
  it('A vs A with overrides: common seeds, every KPI with a paired CI, hours and grids', () => {
    const r = cli(
      'compare',
      MMC,
      '--set',
      'teams.servers.shifts.0.staff=11',
      '--replications',
      '5',
      '--days',
      '3',
      '--json',
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    const j = JSON.parse(r.stdout);
    expect(Object.keys(j)).toEqual(['a', 'b', 'comparison', 'verdict']);
    expect(j.a.headcount).toMatchObject({ grids: 1, peakOnDuty: 10, staffHoursPerDay: 240 });
    expect(j.b.headcount).toMatchObject({ peakOnDuty: 11, staffHoursPerDay: 264 });
    expect(j.a.headcount.byHour).toHaveLength(24);
    expect(j.verdict.headcountChanged).toBe(true);
    expect(j.verdict.cost).toBe('costlier');
    expect(j.a.label).toBe('validation-mmc');
    expect(j.b.label).toBe('validation-mmc + teams.servers.shifts.0.staff=11');
    expect(j.b.manifest.overrides).toEqual({ 'teams.servers.shifts.0.staff': 11 });
    const c = j.comparison;
    expect(c.mode).toBe('crn');
    expect(c.seedsA).toEqual([1, 2, 3, 4, 5]);
    expect(c.seedsB).toEqual([1, 2, 3, 4, 5]);
    expect(c.kpis.casesArrived.diff).toEqual({ mean: 0, ci95: [0, 0], n: 5 });
    // An 11th server at ρ = 0.9 cuts the wait, and with CRN 5 replications show it.
    expect(c.kpis.meanWaitS.diff.mean).toBeLessThan(0);
    expect(c.kpis.meanWaitS.significant).toBe(true);
    expect(c.byHour.attainment).toHaveLength(24);
    expect(c.byGrid.sameGrids).toBe(true);
  });

  it('two files with different grids: says the grids differ; --out writes the files', async () => {
    const b = JSON.parse(readFileSync(join(ROOT, BASELINE), 'utf8'));
    b.city.gridSize = 10;
    const bFile = join(tmp, 'baseline-grid10.json');
    writeFileSync(bFile, JSON.stringify(b));
    const out = join(tmp, 'cmp');
    const r = await inProcess('compare', BASELINE, bFile, '--replications', '2', '--out', out);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('覆盖指数 Coverage index');
    expect(r.stdout).toContain('different responsibility grids (48 vs 12)');
    // the headcount the grid size took away is said, in both languages
    expect(r.stdout).toMatch(/峰值在岗 peak on duty\s+122\s+86\s+−36/);
    expect(r.stdout).toContain('B 改变了在岗人数：峰值 122 → 86 人');
    expect(r.stdout).toContain('B changes headcount: peak on duty 122 → 86');
    expect(r.stdout).not.toMatch(/改善 better/); // fewer staff-hours are cheaper, never better
    for (const f of ['comparison.json', 'summary.csv', 'tidy.csv', 'manifest-a.json', 'manifest-b.json'])
      expect(existsSync(join(out, f)), f).toBe(true);
    expect(readFileSync(join(out, 'summary.csv'), 'utf8')).toContain('\r\nB-A,coverageIndex,');
  });

  it("--hold-headcount: B keeps A's headcount on other grids, and the manifest records it", async () => {
    const j = await json(
      'compare',
      BASELINE,
      '--set',
      'city.gridSize=10',
      '--hold-headcount',
      '--replications',
      '2',
      '--days',
      '0.25',
    );
    expect(j.b.manifest.overrides).toEqual({ 'city.gridSize': 10, holdHeadcount: true });
    expect(j.b.headcount.grids).toBe(12);
    expect(j.b.headcount.byHour).toEqual(j.a.headcount.byHour);
    expect(j.b.headcount.peakOnDuty).toBe(j.a.headcount.peakOnDuty);
    expect(j.verdict.headcountChanged).toBe(false);
  });

  it.each([
    [['compare', MMC]], // neither b nor --set
    [['compare', MMC, '--hold-headcount']], // holding alone changes nothing
    [['compare', MMC, '--set', 'teams.nobody.shifts.0.staff=1']],
    [['compare', MMC, '--set', 'city.gridSize=0']],
    [['compare', MMC, '--set', 'nostaff']],
    [['compare', MMC, '--set', 'nightStaff=1', '--replications', '1']],
    [['compare', MMC, 'scenarios/missing.json']],
  ])('exits 2 with a bilingual message for %j', async (args) => {
    const r = await inProcess(...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/[\u4e00-\u9fff]/);
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect(r.stdout).toBe('');
  });
});

describe('allweather sweep', () => {
  it('sweeps a parameter over a range with CRN and marks the frontier; --out writes sweep.csv and sweep-replications.csv', async () => {
    const out = join(tmp, 'sweep');
    const j = await json(
      'sweep',
      MMC,
      '--param',
      'teams.servers.shifts.0.staff=10..12',
      '--replications',
      '2',
      '--days',
      '0.5',
      '--out',
      out,
    );
    expect(j.scenario).toBe('validation-mmc');
    expect(j.seeds).toEqual([1, 2]);
    expect(j.points.map((p: { values: Record<string, number> }) => p.values['teams.servers.shifts.0.staff'])).toEqual([
      10, 11, 12,
    ]);
    for (const p of j.points)
      for (const k of ['coverageIndex', 'slaAttainment', 'staffHours', 'costCny']) expect(p[k].n).toBe(2);
    expect(j.points[2].staffHours.mean).toBeGreaterThan(j.points[0].staffHours.mean);
    expect(j.frontier.length).toBeGreaterThan(0);
    expect(j.baseHeadcount.peakOnDuty).toBe(10);
    expect(j.points.map((p: { headcount: { peakOnDuty: number } }) => p.headcount.peakOnDuty)).toEqual([10, 11, 12]);
    const csv = readFileSync(join(out, 'sweep.csv'), 'utf8');
    expect(csv.startsWith('\uFEFFteams.servers.shifts.0.staff,coverageIndex_mean,')).toBe(true);
    expect(csv).toContain(',peak_on_duty,rostered_staff_hours_per_day,n,');
    expect(csv.trimEnd().split('\r\n')).toHaveLength(4);
    // per replication: the browser's sweep download's rows (one writer), each KPI of each replication at each point
    const reps = readFileSync(join(out, 'sweep-replications.csv'), 'utf8');
    expect(reps).toBe(sweepReplicationsCsv(j));
    const lines = reps
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe('point,teams.servers.shifts.0.staff,replication,seed,measure,value,unit');
    expect(lines).toHaveLength(1 + 3 * 2 * KPI_NAMES.length);
    const cov = lines.filter((l) => l.split(',')[4] === 'coverageIndex').map((l) => l.split(','));
    expect(cov.map((c) => [c[0], c[1], c[2], c[3]])).toEqual([
      ['0', '10', '0', '1'],
      ['0', '10', '1', '2'],
      ['1', '11', '0', '1'],
      ['1', '11', '1', '2'],
      ['2', '12', '0', '1'],
      ['2', '12', '1', '2'],
    ]);
    // the mean of a point's replications is the point's mean in sweep.json
    const mean0 = (Number(cov[0][5]) + Number(cov[1][5])) / 2;
    expect(mean0).toBeCloseTo(j.points[0].coverageIndex.mean, 12);
  });

  it('exits 2 on a bad --param', async () => {
    for (const args of [
      ['sweep', MMC],
      ['sweep', MMC, '--param', 'x'],
      ['sweep', MMC, '--param', 'city.gridSize=5..2'],
      ['sweep', MMC, '--param', 'city.gridSize=2,3'],
    ]) {
      const r = await inProcess(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).not.toMatch(STACK_LINE);
    }
  });
});

describe('allweather staffing', () => {
  it('finds the fewest servers and prints Erlang C beside it', async () => {
    const j = await json(
      'staffing',
      MMC,
      '--shift',
      'servers.0',
      '--replications',
      '3',
      '--days',
      '0.5',
      '--target',
      '0.7',
    );
    expect(j.criterion).toBe('coverage');
    expect(j.target).toBe(0.7);
    expect(j.confidence).toBe(0.95);
    const s = j.shifts[0];
    expect(s.shift).toEqual({ team: 'servers', shift: 0 });
    expect(s.feasible).toBe(true);
    expect(s.staff).toBeGreaterThanOrEqual(10); // ρ = 0.9 at 10: fewer is unstable
    expect(s.erlang).toHaveLength(24);
    expect(j.overrides).toEqual({ 'teams.servers.shifts.0.staff': s.staff });
    for (const e of s.evaluations) expect(e.feasible).toBe(e.staff >= s.staff);
  });

  it('exits 2 on a bad shift or target', async () => {
    for (const args of [
      ['staffing', MMC],
      ['staffing', MMC, '--shift', 'servers'],
      ['staffing', MMC, '--shift', 'servers.4'],
      ['staffing', MMC, '--shift', 'servers.0', '--target', '1.5'],
    ]) {
      const r = await inProcess(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).not.toMatch(STACK_LINE);
    }
  });
});

describe('allweather export and replay', () => {
  const out = join(tmp, 'export');

  it('writes manifest.json, summary.csv, tidy.csv, result.json and cases.arrow', () => {
    const r = cli(
      'export',
      MMC,
      '--replications',
      '3',
      '--days',
      '0.5',
      '--seed',
      '5',
      '--set',
      'teams.servers.shifts.0.staff=11',
      '--out',
      out,
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('allweather replay');
    for (const f of ['manifest.json', 'summary.csv', 'tidy.csv', 'result.json', 'cases.arrow'])
      expect(existsSync(join(out, f)), f).toBe(true);
    const m = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(m).toMatchObject({
      app: 'allweather',
      scenario: 'validation-mmc',
      seed: 5,
      replications: 3,
      days: 0.5,
      overrides: { 'teams.servers.shifts.0.staff': 11 },
    });
    expect(m.command).toContain('allweather export scenarios/validation-mmc.json');
    expect(m.scenarioFile.id).toBe('validation-mmc');
    const rows = casesFromArrow(new Uint8Array(readFileSync(join(out, 'cases.arrow'))));
    const result = JSON.parse(readFileSync(join(out, 'result.json'), 'utf8'));
    expect(rows.length).toBe(
      result.replications.reduce((s: number, x: { kpis: { casesArrived: number } }) => s + x.kpis.casesArrived, 0),
    );
    expect(new Set(rows.map((x) => x.seed))).toEqual(new Set([5, 6, 7]));
  });

  it('replays the manifest byte for byte: summary.csv on stdout, result.json with --json', () => {
    const r = cli('replay', join(out, 'manifest.json'));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(readFileSync(join(out, 'summary.csv'), 'utf8'));
    expect(r.stderr).toContain('✓');
    const j = cli('replay', join(out, 'result.json'), '--json');
    expect(j.code, j.stderr).toBe(0);
    expect(j.stdout).toBe(readFileSync(join(out, 'result.json'), 'utf8'));
  });

  it('exits 3 when the export beside the manifest differs, 2 on an edited manifest', async () => {
    const copy = join(tmp, 'edited');
    rmSync(copy, { recursive: true, force: true });
    const m = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(
      (await inProcess('export', MMC, '--format', 'csv', '--replications', '2', '--days', '0.5', '--out', copy)).code,
    ).toBe(0);
    writeFileSync(
      join(copy, 'summary.csv'),
      readFileSync(join(copy, 'summary.csv'), 'utf8').replace(
        'validation-mmc,casesArrived,',
        'validation-mmc,casesArrived,1',
      ),
    );
    const r = await inProcess('replay', join(copy, 'manifest.json'));
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('✗');
    m.overrides['teams.servers.shifts.0.staff'] = 12;
    writeFileSync(join(copy, 'manifest.json'), JSON.stringify(m));
    const e = await inProcess('replay', join(copy, 'manifest.json'));
    expect(e.code).toBe(2);
    expect(e.stderr).toContain('hash');
    expect(e.stderr).not.toMatch(STACK_LINE);
  });

  it('--format and --json: only the chosen files, one JSON object', async () => {
    const dir = join(tmp, 'arrow-only');
    const j = await json('export', MMC, '--format', 'arrow', '--days', '0.25', '--out', dir);
    expect(j.files).toEqual(['manifest.json', 'cases.arrow']);
    expect(existsSync(join(dir, 'summary.csv'))).toBe(false);
    expect((await inProcess('export', MMC, '--format', 'xlsx')).code).toBe(2); // parquet is a format now
  });
});

describe('nothing lost: atomic bundles, checked replays, refused --out (issue 10)', () => {
  const dir = join(tmp, 'atomic');
  mkdirSync(dir, { recursive: true });
  const temps = () => readdirSync(dir).filter((n) => n.startsWith(TEMP_PREFIX));

  /** Starts a long export, waits until its temporary folder holds the streamed files, then kills it with `signal`. */
  async function killMidExport(out: string, signal: NodeJS.Signals) {
    const child = spawn(
      process.execPath,
      ['bin/allweather.mjs', 'export', MMC, '--replications', '30', '--days', '2', '--workers', '2', '--out', out],
      { cwd: ROOT },
    );
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += String(d);
    });
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.on('exit', (code, sig) => resolve({ code, signal: sig })),
    );
    const t0 = Date.now();
    let seen = false;
    while (Date.now() - t0 < 60_000 && child.exitCode === null) {
      seen = temps().some((t) => existsSync(join(dir, t, 'tidy.csv')));
      if (seen) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(seen, `no temporary folder appeared; stderr: ${stderr}`).toBe(true);
    await new Promise((r) => setTimeout(r, 500)); // mid-run: replications are being written
    child.kill(signal);
    const end = await exited;
    return { ...end, stderr };
  }

  it('SIGTERM mid-export leaves no folder at the target and no temporary folder', async () => {
    const out = join(dir, 'killed');
    const r = await killMidExport(out, 'SIGTERM');
    expect(r.signal === 'SIGTERM' || r.code === 143, JSON.stringify(r)).toBe(true);
    expect(existsSync(out)).toBe(false);
    expect(temps()).toEqual([]);
  }, 90_000);

  it('kill -9 leaves only a .allweather-tmp-* folder, which the next export beside it removes', async () => {
    const out = join(dir, 'sigkilled');
    const r = await killMidExport(out, 'SIGKILL');
    expect(r.signal).toBe('SIGKILL');
    expect(existsSync(out)).toBe(false);
    const left = temps();
    expect(left).toHaveLength(1);
    expect(left[0]).toMatch(/^\.allweather-tmp-\d+-[0-9a-f]+$/);
    const next = await inProcess('export', MMC, '--format', 'csv', '--days', '0.1', '--out', join(dir, 'after-kill'));
    expect(next.code, next.stderr).toBe(0);
    expect(temps()).toEqual([]);
  }, 90_000);

  it('SIGTERM while re-exporting over a complete bundle leaves that bundle whole (it still replays)', async () => {
    const out = join(dir, 'previous');
    expect((await inProcess('export', MMC, '--replications', '2', '--days', '0.25', '--out', out)).code).toBe(0);
    const before = Object.fromEntries(readdirSync(out).map((f) => [f, readFileSync(join(out, f))]));
    await killMidExport(out, 'SIGTERM');
    expect(readdirSync(out).sort()).toEqual(Object.keys(before).sort());
    for (const [f, bytes] of Object.entries(before)) expect(readFileSync(join(out, f)).equals(bytes), f).toBe(true);
    expect(temps()).toEqual([]);
    const replay = await inProcess('replay', join(out, 'manifest.json'));
    expect(replay.code, replay.stderr).toBe(0);
  }, 120_000);

  it('the manifest lists every file with its size and SHA-256; replay exits 3 naming a missing or altered file', async () => {
    const out = join(dir, 'tamper');
    expect((await inProcess('export', MMC, '--replications', '2', '--days', '0.25', '--out', out)).code).toBe(0);
    const m = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(m.files.map((f: { name: string }) => f.name)).toEqual([
      'summary.csv',
      'tidy.csv',
      'result.json',
      'cases.arrow',
    ]);
    for (const f of m.files) expect(f.bytes).toBe(statSync(join(out, f.name)).size);
    // result.json embeds the manifest without the list
    expect(JSON.parse(readFileSync(join(out, 'result.json'), 'utf8')).manifest.files).toBeUndefined();

    // the manifest alone, copied out of its bundle, still replays
    const alone = join(dir, 'alone');
    mkdirSync(alone);
    writeFileSync(join(alone, 'manifest.json'), readFileSync(join(out, 'manifest.json')));
    const standalone = await inProcess('replay', join(alone, 'manifest.json'));
    expect(standalone.code, standalone.stderr).toBe(0);
    expect(standalone.stderr).toContain('replaying the manifest on its own');
    expect(standalone.stdout).toBe(readFileSync(join(out, 'summary.csv'), 'utf8'));

    const arrow = readFileSync(join(out, 'cases.arrow'));
    rmSync(join(out, 'cases.arrow'));
    const missing = await inProcess('replay', join(out, 'manifest.json'));
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain(`✗ ${join(out, 'cases.arrow')}`);
    expect(missing.stderr).toContain('缺失');
    expect(missing.stderr).toContain('is missing');
    expect(missing.stdout).toBe(''); // not replayed

    const flipped = Buffer.from(arrow);
    flipped[flipped.length >> 1] ^= 1; // same size, other bytes
    writeFileSync(join(out, 'cases.arrow'), flipped);
    const altered = await inProcess('replay', join(out, 'manifest.json'));
    expect(altered.code).toBe(3);
    expect(altered.stderr).toMatch(/✗ .*cases\.arrow 与清单记录的 SHA-256 不符/);
    expect(altered.stderr).toContain('does not match its SHA-256 in the manifest');
    expect(altered.stderr).toContain(`✓ ${join(out, 'tidy.csv')}`);

    // --out still replays (to repair), and says the source was damaged
    const repaired = join(dir, 'repaired');
    const again = await inProcess('replay', join(out, 'manifest.json'), '--out', repaired);
    expect(again.code).toBe(3);
    expect(readFileSync(join(repaired, 'cases.arrow')).equals(arrow)).toBe(true);
  }, 60_000);

  it('replay --out writes the export again byte for byte, manifest included; the worker count changes no byte', () => {
    const a = join(dir, 'w1'),
      b = join(dir, 'w3'),
      c = join(dir, 'replayed');
    const common = ['export', MMC, '--replications', '3', '--days', '0.25', '--seed', '11', '--cases'];
    expect(cli(...common, '--workers', '1', '--out', a).code).toBe(0);
    expect(cli(...common, '--workers', '3', '--out', b).code).toBe(0);
    const files = ['summary.csv', 'tidy.csv', 'result.json', 'cases.arrow'];
    for (const f of ['summary.csv', 'tidy.csv', 'cases.arrow'])
      expect(readFileSync(join(a, f)).equals(readFileSync(join(b, f))), f).toBe(true);
    // result.json embeds the manifest, which says when and how (--workers) it was made
    const noManifest = (d: string) => ({ ...JSON.parse(readFileSync(join(d, 'result.json'), 'utf8')), manifest: null });
    expect(noManifest(a)).toEqual(noManifest(b));
    const listed = (d: string) =>
      JSON.parse(readFileSync(join(d, 'manifest.json'), 'utf8')).files.filter(
        (f: { name: string }) => f.name !== 'result.json',
      );
    expect(listed(a)).toEqual(listed(b));
    const r = cli('replay', join(b, 'manifest.json'), '--cases', '--workers', '2', '--out', c);
    expect(r.code, r.stderr).toBe(0);
    for (const f of [...files, 'manifest.json'])
      expect(readFileSync(join(c, f)).equals(readFileSync(join(b, f))), f).toBe(true);
    const rows = casesFromArrow(new Uint8Array(readFileSync(join(c, 'cases.arrow'))));
    expect(rows.map((x) => x.replication)).toEqual([...rows.map((x) => x.replication)].sort((x, y) => x - y));
  }, 120_000);

  /** A manifest of a small run, on its own (written here, so this test does not depend on another). */
  function manifestAlone(): string {
    const path = join(dir, 'alone-manifest.json');
    const scenario = readFileSync(join(ROOT, MMC), 'utf8');
    writeFileSync(
      path,
      manifestJson(createManifest({ version: '0', scenario, seed: 1, replications: 1, days: 0.1, command: 'test' })),
    );
    return path;
  }

  it.each([
    [
      'an existing file',
      (p: string) => {
        writeFileSync(p, 'keep');
        return p;
      },
      /existing file/,
    ],
    [
      'a path under a file',
      (p: string) => {
        writeFileSync(p, 'keep');
        return join(p, 'sub');
      },
      /not a folder/,
    ],
    [
      'a folder of other things',
      (p: string) => {
        mkdirSync(p);
        writeFileSync(join(p, 'thesis.docx'), 'keep');
        return p;
      },
      /not an AllWeather bundle/,
    ],
  ])(
    '--out as %s exits 2 for export, run, compare and sweep, touching nothing',
    async (_what, make, message) => {
      const commands = [
        ['export', MMC, '--days', '0.1'],
        ['run', MMC, '--days', '0.1'],
        ['compare', MMC, '--set', 'teams.servers.shifts.0.staff=11', '--replications', '2', '--days', '0.1'],
        ['sweep', MMC, '--param', 'teams.servers.shifts.0.staff=10,11', '--replications', '1', '--days', '0.1'],
        ['replay', manifestAlone()],
      ];
      for (const [i, args] of commands.entries()) {
        const p = join(dir, `refused-${_what.replace(/\W/g, '')}-${i}`);
        const target = make(p);
        const r = await inProcess(...args, '--out', target);
        expect(r.code, `${args[0]}: ${r.stderr}`).toBe(2);
        expect(r.stderr).toMatch(message);
        expect(r.stderr).toMatch(/[\u4e00-\u9fff]/);
        expect(r.stderr).not.toMatch(STACK_LINE);
        expect(r.stdout).toBe('');
        expect(
          existsSync(join(p, 'thesis.docx')) ? readFileSync(join(p, 'thesis.docx'), 'utf8') : readFileSync(p, 'utf8'),
        ).toBe('keep');
      }
      expect(temps()).toEqual([]);
    },
    60_000,
  );
});
