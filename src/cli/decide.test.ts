/**
 * The decision commands, `diagnose` and `optimise`: their JSON contracts
 * (keys relied on by other tools), the readable report, and bad input (exit 2,
 * bilingual, no stack trace). `diagnose` runs once as a user would
 * (`node bin/allweather.mjs`), the rest through `main` in this process.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from './main.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const STACK_LINE = /^\s+at .+[:(]\d+:\d+\)?$/m;

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

describe('allweather diagnose', () => {
  it('prints limits sorted by late cases, shares adding up to 1, with stage totals and levers (node bin/allweather.mjs)', () => {
    const r = spawnSync(
      process.execPath,
      ['bin/allweather.mjs', 'diagnose', 'scenarios/rainstorm-red-night.json', '--replications', '2', '--json'],
      { cwd: ROOT, encoding: 'utf8', timeout: 110_000 },
    );
    expect(r.status, r.stderr).toBe(0);
    const d = JSON.parse(r.stdout);
    expect(d).toMatchObject({ scenario: 'rainstorm-red-night', seed: 1, replications: 2 });
    expect(Object.keys(d.stages)).toEqual(['discovery', 'centre', 'queue', 'travel', 'handling']);
    expect(d.limits.length).toBeGreaterThan(3);
    let share = 0;
    d.limits.forEach((l: Record<string, unknown>, i: number) => {
      expect(Object.keys(l)).toEqual(
        expect.arrayContaining(['stage', 'eventType', 'team', 'hours', 'grids', 'lateCases', 'share']),
      );
      expect(['discovery', 'centre', 'queue', 'travel', 'handling']).toContain(l.stage);
      if (l.stage !== 'queue') expect(l.team).toBeNull();
      else expect(typeof l.team).toBe('string');
      if (i > 0) expect(l.lateCases as number).toBeLessThanOrEqual(d.limits[i - 1].lateCases);
      expect((l.grids as string[]).every((g) => /^G\d\d-\d\d$/.test(g))).toBe(true);
      share += l.share as number;
    });
    expect(share).toBeCloseTo(1, 9);
    // the storm: the drainage crew's queue is among the limits, in the storm's hours
    const drainage = d.limits.find(
      (l: { stage: string; team: string | null }) => l.stage === 'queue' && l.team === 'drainage-crew',
    );
    expect(drainage).toBeDefined();
    expect(drainage.eventType).toBe('waterlogging');
    expect(drainage.hours.every((h: number) => h >= 21 || h <= 3)).toBe(true); // the storm night: 21:00 on
  });

  it('reads as a table in both languages, and takes --set', async () => {
    const r = await inProcess(
      'diagnose',
      'scenarios/night-incidents.json',
      '--replications',
      '1',
      '--days',
      '0.5',
      '--set',
      'staffScale=2',
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('覆盖短板 / What limits coverage');
    expect(r.stdout).toContain('对策 / Levers:');
  });

  it('rejects bad input with exit 2 and no stack', async () => {
    for (const args of [
      ['diagnose'],
      ['diagnose', 'nope.json'],
      ['diagnose', 'scenarios/baseline-weekday.json', '--set', 'teams.nobody.shifts.0.staff=1'],
    ]) {
      const r = await inProcess(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).not.toMatch(STACK_LINE);
    }
  });
});

describe('allweather optimise', () => {
  it('prints the plan with every searched shift, cost, criterion and verification (contract keys)', async () => {
    const r = await inProcess(
      'optimise',
      'scenarios/validation-mmc.json',
      '--criterion',
      'types',
      '--target',
      '0.5',
      '--replications',
      '2',
      '--days',
      '2',
      '--budget-evaluations',
      '4',
      '--json',
    );
    expect(r.code, r.stderr).toBe(0);
    const o = JSON.parse(r.stdout);
    expect(Object.keys(o)).toEqual(
      expect.arrayContaining([
        'plan',
        'costCny',
        'staffHours',
        'criterion',
        'target',
        'confidence',
        'feasible',
        'evaluations',
        'verification',
      ]),
    );
    expect(o.criterion).toBe('types');
    expect(Object.keys(o.plan.overrides)).toEqual(['teams.servers.shifts.0.staff']);
    expect(o.verification.seeds.every((s: number) => s >= 1_000_000)).toBe(true);
    expect(Object.keys(o.verification.criterion)).toEqual(expect.arrayContaining(['mean', 'lowerBound']));
    expect(typeof o.verification.meets).toBe('boolean');
    expect(o.evaluations).toBeLessThanOrEqual(4);
  });

  it('rejects a bad criterion, an unknown team and a bad bound with exit 2', async () => {
    for (const args of [
      ['--criterion', 'best'],
      ['--teams', 'ghosts'],
      ['--min-staff', 'teams.servers.shifts.0.staff=-1'],
      ['--replications', '1'],
    ]) {
      const r = await inProcess('optimise', 'scenarios/validation-mmc.json', ...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/\//); // bilingual: "中文 / English"
      expect(r.stderr).not.toMatch(STACK_LINE);
    }
  });
});
