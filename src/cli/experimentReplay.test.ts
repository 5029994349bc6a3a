/**
 * Every experiment kind's zip replays: the app's sweep and staffing
 * downloads (built by src/app/exportFiles.ts from results the app's own
 * analysis made) go through the real `allweather replay` (the built CLI, a
 * fresh process), which re-runs the experiment and checks every file byte
 * for byte; a changed number in a result file (its manifest hash fixed up so
 * only the replay can tell) is named, exit 3. And the "equivalent command"
 * of each kind parses with the CLI's own argument parser.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { createInlineRunner } from '../analysis/runner.ts';
import { findStaffing } from '../analysis/staffing.ts';
import { sweep, type SweepParam } from '../analysis/sweep.ts';
import { diagnose } from '../analysis/diagnose.ts';
import { optimise } from '../analysis/optimise.ts';
import { consecutiveSeeds } from '../analysis/runner.ts';
import { parseScenario } from '../scenario/load.ts';
import { diagnosisFiles, experimentZip, optimiseFiles, staffingFiles, sweepFiles } from '../app/exportFiles.ts';
import type { DiagnoseJob, OptimiseJob, OptimiseRequest } from '../app/decisions.ts';
import type { StaffingJob } from '../app/experiments.ts';
import {
  diagnoseCommand,
  experimentCommand,
  optimiseCommand,
  staffingSpec,
  type CommandSpec,
  type OptimiseExperiment,
} from '../export/experiment.ts';
import { main } from './main.ts';
import { manifestJson, type ExportManifest } from '../export/manifest.ts';
import { bundleFileEntry, readZip } from '../export/zip.ts';
import { cli, ROOT, scratchDir } from './testCli.ts';

const utf8 = (b: Uint8Array | undefined) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(b);
const text = readFileSync(join(ROOT, 'scenarios/baseline-weekday.json'), 'utf8');
const tmp = scratchDir('allweather-xr-');
const run = createInlineRunner();

/** The zip with `name`'s bytes changed and the manifest's hash of it updated: only a replay can tell. */
function forged(zip: Uint8Array, name: string, change: (t: string) => string): Uint8Array {
  const entries = readZip(zip);
  const data = change(utf8(entries.get(name)));
  entries.set(name, new TextEncoder().encode(data));
  const m = JSON.parse(utf8(entries.get('manifest.json'))) as ExportManifest;
  m.files = m.files!.map((f) => (f.name === name ? bundleFileEntry(name, data) : f));
  entries.set('manifest.json', new TextEncoder().encode(manifestJson(m)));
  return zipSync(Object.fromEntries(entries));
}

describe('a sweep zip replays byte for byte', () => {
  const params: SweepParam[] = [{ path: 'nightStaff', values: [1, 2] }];
  const made = sweep(run, text, params, { seed: 3, replications: 2 });

  it('every file re-made by the CLI and equal; a changed number is named, exit 3', async () => {
    const result = await made;
    const command = experimentCommand(
      { kind: 'sweep', params, baseOverrides: {}, seed: 3, replications: 2 },
      'baseline-weekday.json',
    );
    const zip = experimentZip(sweepFiles({ scenarioText: text, seed: 3, result, command, baseOverrides: {} }));
    expect(zip.name).toBe('allweather-baseline-weekday-sweep.zip');
    const path = join(tmp, 'sweep.zip');
    writeFileSync(path, zip.data as Uint8Array);
    const r = cli('replay', path, '--workers', '2');
    for (const f of ['sweep.csv', 'sweep-replications.csv', 'sweep.json'])
      expect(r.stderr).toContain(`✓ ${path}:${f} 与重放逐字节一致 / matches the replay byte for byte`);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(utf8(readZip(zip.data as Uint8Array).get('sweep.csv')));

    const bad = join(tmp, 'sweep-forged.zip');
    writeFileSync(
      bad,
      forged(zip.data as Uint8Array, 'sweep-replications.csv', (t) =>
        t.replace(/,0\.(\d)/, (_m, d) => `,0.${(+d + 1) % 10}`),
      ),
    );
    const b = cli('replay', bad, '--workers', '2');
    expect(b.stderr).toContain(`✗ ${bad}:sweep-replications.csv 与重放不一致 / differs from the replay`);
    expect(b.stderr).toContain(`✓ ${bad}:sweep.csv 与重放逐字节一致`);
    expect(b.code).toBe(3);
  }, 120_000);
});

describe('allweather sweep --out writes the same files as the app, with a manifest that replays', () => {
  it('the folder replays byte for byte', () => {
    const out = join(tmp, 'cli-sweep');
    const w = cli(
      'sweep',
      'scenarios/validation-mmc.json',
      '--param',
      'teams.servers.shifts.0.staff=10..11',
      '--replications',
      '2',
      '--days',
      '0.5',
      '--out',
      out,
    );
    expect(w.code, w.stderr).toBe(0);
    const m = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as ExportManifest;
    expect(m.experiment).toEqual({
      kind: 'sweep',
      params: [{ path: 'teams.servers.shifts.0.staff', values: [10, 11] }],
      baseOverrides: {},
    });
    expect(m.days).toBe(0.5);
    expect(m.files!.map((f) => f.name)).toEqual(['sweep.csv', 'sweep-replications.csv', 'sweep.json']);
    const r = cli('replay', out, '--workers', '2');
    for (const f of ['sweep.csv', 'sweep-replications.csv', 'sweep.json'])
      expect(r.stderr).toContain(`✓ ${join(out, f)} 与重放逐字节一致 / matches the replay byte for byte`);
    expect(r.code, r.stderr).toBe(0);
  }, 120_000);
});

describe("allweather staffing --out and diagnose --out write the app's files with a manifest that replays", () => {
  it('both folders replay byte for byte', () => {
    const MMC = 'scenarios/validation-mmc.json';
    const runs = [
      {
        dir: join(tmp, 'cli-staffing'),
        args: ['staffing', MMC, '--shift', 'servers.0', '--target', '0.7', '--max-staff', '14'],
        files: ['staffing.csv', 'staffing.json'],
      },
      {
        dir: join(tmp, 'cli-diagnose'),
        args: ['diagnose', MMC, '--set', 'teams.servers.shifts.0.staff=11'],
        files: ['diagnosis.json'],
      },
    ];
    for (const r of runs) {
      const w = cli(...r.args, '--replications', '2', '--days', '0.5', '--out', r.dir);
      expect(w.code, w.stderr).toBe(0);
      const m = JSON.parse(readFileSync(join(r.dir, 'manifest.json'), 'utf8')) as ExportManifest;
      expect(m.files!.map((f) => f.name)).toEqual(r.files);
      expect(m.command).toBe(
        `allweather ${[...r.args, '--replications', '2', '--days', '0.5', '--out', r.dir].join(' ')}`,
      );
      const p = cli('replay', r.dir, '--workers', '2');
      for (const f of r.files)
        expect(p.stderr).toContain(`✓ ${join(r.dir, f)} 与重放逐字节一致 / matches the replay byte for byte`);
      expect(p.code, p.stderr).toBe(0); // the folder is a bundle of ours: the same command may write it again (replaced whole)
      const again = cli(...r.args, '--replications', '2', '--days', '0.5', '--out', r.dir);
      expect(again.code, again.stderr).toBe(0);
    }
  }, 120_000);
});

describe("allweather optimise --out writes the app's optimise files with a manifest that replays", () => {
  const files = ['optimise-plan.csv', 'optimise-evaluations.csv', 'optimise.json'];

  it('--set goes into the manifest as base overrides, --fixed as the teams searched; the folder replays byte for byte', () => {
    const dir = join(tmp, 'cli-optimise');
    const args = [
      'optimise',
      'scenarios/baseline-weekday.json',
      '--fixed',
      'grid-workers',
      '--set',
      'teams.grid-workers.hourlyCostCny=55',
      '--budget-evaluations',
      '2',
      '--replications',
      '2',
      '--days',
      '0.5',
      '--out',
      dir,
    ];
    const w = cli(...args);
    expect(w.code, w.stderr).toBe(0);
    expect(w.stdout).toContain(`已写入 / Written: ${dir}`);
    const m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as ExportManifest;
    expect(m.files!.map((f) => f.name)).toEqual(files);
    expect(m.command).toBe(`allweather ${args.join(' ')}`);
    const exp = m.experiment as OptimiseExperiment;
    expect(exp.kind).toBe('optimise');
    expect(exp.baseOverrides).toEqual({ 'teams.grid-workers.hourlyCostCny': 55 });
    // every case-handling team but the fixed one, in the scenario's order
    const sc = JSON.parse(text) as { teams: { id: string; role?: string }[] };
    const expected = sc.teams.filter((t) => t.id !== 'grid-workers' && t.role !== 'securityLanes').map((t) => t.id);
    expect(exp.teams).toEqual(expected);
    // the plan printed carries the base override, as the CLI's own output does
    const saved = JSON.parse(readFileSync(join(dir, 'optimise.json'), 'utf8')) as {
      result: { plan: { overrides: Record<string, unknown> } };
    };
    expect(saved.result.plan.overrides['teams.grid-workers.hourlyCostCny']).toBe(55);
    const p = cli('replay', dir, '--workers', '2');
    for (const f of files)
      expect(p.stderr).toContain(`✓ ${join(dir, f)} 与重放逐字节一致 / matches the replay byte for byte`);
    expect(p.code, p.stderr).toBe(0);
    // a changed plan in the folder (its manifest hash fixed up) is found by the replay, exit 3
    const plan = join(dir, 'optimise-plan.csv');
    const changed = readFileSync(plan, 'utf8').replace(
      /,(\d+),(\d+),(-?\d+)/,
      (_all, a, b, c) => `,${a},${b},${Number(c) + 1}`,
    );
    writeFileSync(plan, changed);
    m.files = m.files!.map((f) => (f.name === 'optimise-plan.csv' ? bundleFileEntry(f.name, changed) : f));
    writeFileSync(join(dir, 'manifest.json'), manifestJson(m));
    const q = cli('replay', dir, '--workers', '2');
    expect(q.stderr).toContain(`✗ ${plan} 与重放不一致 / differs from the replay`);
    expect(q.code).toBe(3);
    // the folder is a bundle of ours: the command writes it again, replaced whole, and it replays
    expect(cli(...args).code).toBe(0);
    expect(cli('replay', dir, '--workers', '2').code).toBe(0);
  }, 300_000);

  it('an --out that is an existing file is refused before the search, exit 2', () => {
    const file = join(tmp, 'notes.txt');
    writeFileSync(file, 'mine');
    // a search of 400 plans × 1,000 replications would run for hours: refused first, it ends at once
    const w = cli(
      'optimise',
      'scenarios/validation-mmc.json',
      '--budget-evaluations',
      '400',
      '--replications',
      '1000',
      '--out',
      file,
    );
    expect(w.code).toBe(2);
    expect(w.stderr).toContain('不会覆盖');
    expect(readFileSync(file, 'utf8')).toBe('mine');
  });
});

describe('a staffing zip has a manifest and replays byte for byte', () => {
  it('staffing.csv and staffing.json re-made by the CLI and equal', async () => {
    const request = {
      seed: 5,
      replications: 2,
      shift: { team: 'grid-workers', shift: 0 },
      target: 0.6,
      confidence: 0.9,
      criterion: 'coverage' as const,
    };
    const plan = await findStaffing(run, text, [request.shift], { ...request });
    const job = { status: 'done', plan, scenarioId: 'baseline-weekday', evaluations: [] } as unknown as StaffingJob;
    const command = experimentCommand(staffingSpec(request), 'baseline-weekday.json');
    const files = staffingFiles(job, { byStaff: {}, scenarioText: text, request, plan, command })!;
    expect(files.map((f) => f.short)).toEqual(['staffing.csv', 'staffing.json', 'manifest.json']);
    const zip = experimentZip(files);
    const path = join(tmp, 'staffing.zip');
    writeFileSync(path, zip.data as Uint8Array);
    const r = cli('replay', path, '--workers', '2');
    expect(r.stderr).toContain(`✓ ${path}:staffing.csv 与重放逐字节一致 / matches the replay byte for byte`);
    expect(r.stderr).toContain(`✓ ${path}:staffing.json 与重放逐字节一致`);
    expect(r.code).toBe(0);

    const bad = join(tmp, 'staffing-forged.zip');
    writeFileSync(
      bad,
      forged(zip.data as Uint8Array, 'staffing.json', (t) => t.replace('"target": 0.6', '"target": 0.7')),
    );
    const b = cli('replay', bad, '--workers', '2');
    expect(b.stderr).toContain(`✗ ${bad}:staffing.json 与重放不一致 / differs from the replay`);
    expect(b.code).toBe(3);
  }, 120_000);
});

describe('a diagnosis downloads as a zip and replays byte for byte', () => {
  it('diagnosis.json re-made by the CLI and equal', async () => {
    const results = await run(text, consecutiveSeeds(7, 2));
    const sc = parseScenario(text);
    if (!sc.ok) throw new Error('scenario');
    const job = {
      status: 'done',
      scenarioId: 'baseline-weekday',
      scenarioText: text,
      seed: 7,
      done: 2,
      total: 2,
      days: null,
      diagnosis: diagnose(sc.scenario, results),
      runKpis: results.map((r) => ({ seed: r.seed, kpis: r.kpis })),
    } as unknown as DiagnoseJob;
    const zip = experimentZip(diagnosisFiles(job)!);
    expect(zip.name).toBe('allweather-baseline-weekday-diagnosis.zip');
    const path = join(tmp, 'diagnosis.zip');
    writeFileSync(path, zip.data as Uint8Array);
    const r = cli('replay', path, '--workers', '2');
    expect(r.stderr).toContain(`✓ ${path}:diagnosis.json 与重放逐字节一致 / matches the replay byte for byte`);
    expect(r.code).toBe(0);
  }, 120_000);
});

describe('an optimise zip replays byte for byte', () => {
  it('optimise-plan.csv, optimise-evaluations.csv and optimise.json re-made by the CLI and equal', async () => {
    const request: OptimiseRequest = {
      seed: 2,
      replications: 2,
      criterion: 'coverage',
      target: 0.5,
      confidence: 0.9,
      teams: ['grid-workers'],
      minStaff: {},
      maxStaff: { 'teams.grid-workers.shifts.0.staff': 3 },
      budgetEvaluations: 3,
    };
    const result = await optimise(run, text, { ...request });
    const job = {
      status: 'done',
      scenarioId: 'baseline-weekday',
      scenarioText: text,
      seed: 2,
      request,
      result,
    } as unknown as OptimiseJob;
    const zip = experimentZip(optimiseFiles(job)!);
    const path = join(tmp, 'optimise.zip');
    writeFileSync(path, zip.data as Uint8Array);
    const r = cli('replay', path, '--workers', '2');
    for (const f of ['optimise-plan.csv', 'optimise-evaluations.csv', 'optimise.json'])
      expect(r.stderr).toContain(`✓ ${path}:${f} 与重放逐字节一致 / matches the replay byte for byte`);
    expect(r.code).toBe(0);
  }, 300_000);
});

/** A POSIX shell's words of a command line (plain words and '…' quotes, as shellArg writes them). */
function words(line: string): string[] {
  const out: string[] = [];
  for (const m of line.matchAll(/(?:[^\s'\\]+|'[^']*'|\\.)+/g))
    out.push(m[0].replace(/'([^']*)'|\\(.)/g, (_x, q: string | undefined, e: string | undefined) => q ?? e ?? ''));
  return out;
}

describe('the equivalent command is a real allweather command line', () => {
  const specs: CommandSpec[] = [
    { kind: 'replications', seed: 3, replications: 4 },
    {
      kind: 'compare',
      seed: 1,
      replications: 5,
      overrides: { nightStaff: 3, 'dispatch.policy': 'nearest' },
      independent: true,
    },
    {
      kind: 'sweep',
      seed: 1,
      replications: 2,
      params: [{ path: 'nightStaff', values: [0, 1, 2, 3] }],
      baseOverrides: { holdHeadcount: true },
    },
    staffingSpec({
      seed: 1,
      replications: 8,
      shift: { team: 'grid-workers', shift: 0 },
      target: 0.8,
      confidence: 0.95,
      criterion: 'coverage',
    }),
  ];
  const commands = [
    ...specs.map((s) => experimentCommand(s, 'my scenario.json')),
    optimiseCommand(
      {
        seed: 1,
        replications: 6,
        days: 2,
        criterion: 'hourly',
        target: 0.8,
        confidence: 0.95,
        teams: ['grid-workers', 'enforcement'],
        minStaff: { 'teams.enforcement.shifts.0.staff': 2 },
        maxStaff: {},
        budgetEvaluations: 40,
      },
      'my scenario',
    ),
    diagnoseCommand({ seed: 4, done: 4, days: 1, scenarioId: 'my scenario' }),
  ];

  it('reads as the CLI writes it', () => {
    expect(commands[2]).toBe(
      "allweather sweep 'my scenario.json' --param nightStaff=0,1,2,3 --set holdHeadcount=true --replications 2 --seed 1",
    );
    expect(commands[3]).toBe(
      "allweather staffing 'my scenario.json' --shift grid-workers.0 --target 0.8 --confidence 0.95 --criterion coverage --replications 8 --seed 1",
    );
    for (const c of commands) expect(c).not.toMatch(/^app:/);
  });

  it("each kind's command passes the CLI's own argument parser (it stops only at the missing scenario file)", async () => {
    for (const c of commands) {
      const argv = words(c);
      expect(argv[0]).toBe('allweather');
      expect(argv[2]).toMatch(/^my[ -]scenario\.json$/);
      let err = '';
      const io = {
        stdout: { write: () => true },
        stderr: { write: (s: string) => ((err += s), true) },
      } as unknown as Parameters<typeof main>[1];
      const code = await main(argv.slice(1), io);
      expect(err, c).not.toMatch(/Bad arguments|Unknown command|must be|takes exactly/);
      expect(err, c).toMatch(/not found: my[ -]scenario/);
      expect(code).toBe(2);
    }
  });
});
