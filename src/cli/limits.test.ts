/**
 * Resource limits at the command line (issue 10). Each input that used to
 * hang or exhaust memory is a small mutation of a built-in scenario, run
 * in process through `main([...])`: it is refused by validation or by the
 * run-size estimate with exit 2 and a bilingual message before anything
 * big is allocated. Nothing huge runs here: the refusals come first, and
 * the `--force` test lowers the limit (ALLWEATHER_MAX_EVENTS_PER_RUN) so
 * that a quick run is over it and the real check is exercised. Ctrl-C is
 * tested on a spawned `allweather` (a signal needs a process of its own).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { EventEmitter } from 'node:events';
import { createManifest, manifestJson } from '../export/manifest.ts';
import { InterruptedError, withPool } from './common.ts';
import { main } from './main.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const STACK_LINE = /^\s+at .+[:(]\d+:\d+\)?$/m;
const HAN = /[\u4e00-\u9fff]/;
const tmp = mkdtempSync(join(tmpdir(), 'allweather-limits-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const ENV_KEYS = ['ALLWEATHER_MAX_EVENTS_PER_RUN', 'ALLWEATHER_MAX_EVENTS', 'ALLWEATHER_MAX_MEMORY_MB'] as const;
afterEach(() => {
  for (const k of ENV_KEYS) delete process.env[k];
});

const builtinText = (name: string) => readFileSync(join(ROOT, 'scenarios', `${name}.json`), 'utf8');
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const builtin = (name: string): Record<string, any> => JSON.parse(builtinText(name));

let n = 0;
function write(content: unknown): string {
  const file = join(tmp, `s${n++}.json`);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

async function cli(...args: string[]) {
  let stdout = '';
  let stderr = '';
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

/** Exit 2, nothing on stdout, a message in both languages containing `needles`, no stack. */
function expectRefused(r: { code: number; stdout: string; stderr: string }, ...needles: string[]) {
  expect(r.code, r.stderr).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(HAN);
  expect(r.stderr).not.toMatch(STACK_LINE);
  for (const s of needles) expect(r.stderr).toContain(s);
}

describe('the inputs of issue 10 are refused with exit 2 and a message', () => {
  it('ratePerDay 1e9: the schema, at its path', async () => {
    const s = builtin('baseline-weekday');
    s.eventTypes[0].ratePerDay = 1e9;
    expectRefused(await cli('run', write(s)), '$.eventTypes[0].ratePerDay', 'must be ≤ 10000000');
  });

  it('ratePerDay 1e7 (within the schema): the estimate, with how to proceed', async () => {
    const s = builtin('baseline-weekday');
    s.eventTypes[0].ratePerDay = 1e7;
    const r = await cli('run', write(s));
    expectRefused(r, '运行规模过大', 'run too large', '10.0×10⁶ cases a day', '--force', 'memory');
  });

  it('a profile weight of 1e308', async () => {
    const s = builtin('baseline-weekday');
    s.eventTypes[0].profile[3] = 1e308;
    expectRefused(await cli('run', write(s)), '$.eventTypes[0].profile[3]');
  });

  it('staff 1e9 on a shift', async () => {
    const s = builtin('baseline-weekday');
    s.teams[1].shifts[0].staff = 1e9;
    expectRefused(await cli('run', write(s)), '$.teams[1].shifts[0].staff', 'must be ≤ 20000');
  });

  it('1e5 staff in the baseline (2,100 per grid × 48 grids)', async () => {
    const s = builtin('baseline-weekday');
    s.teams[0].shifts[0].staff = 2100;
    expectRefused(
      await cli('compare', write(s), '--set', 'nightStaff=3'),
      '$.teams[0].shifts',
      'over the limit of 100,000',
    );
  });

  it('20,000 staff patrolling (within the bounds): the estimate counts their patrol legs', async () => {
    const s = builtin('baseline-weekday');
    s.teams[0].shifts[0].staff = 400; // 19,200 rostered, one event per patrol leg (src/sim/patrol.ts)
    // a year: ~306 M events estimated, over the 250 M of a replication; ~240 M without the patrols
    s.run.days = 366;
    expectRefused(await cli('diagnose', write(s)), 'run too large', 'events per replication', '--days');
  });

  it('ridership 1e12', async () => {
    const s = builtin('baseline-weekday');
    s.city.stations[0].dailyRidership = 1e12;
    expectRefused(await cli('run', write(s)), '$.city.stations[0].dailyRidership', 'must be ≤ 5000000');
  });

  it('5 million passengers a day at three stations for a year (within the bounds): the estimate', async () => {
    const s = builtin('baseline-weekday');
    for (const st of s.city.stations) st.dailyRidership = 5e6;
    const r = await cli('run', write(s), '--days', '366');
    expectRefused(r, 'metro passengers', 'over 366 day(s)', '--force', 'smaller --days');
  });

  it('a 2000 × 2000 city at grid size 1', async () => {
    const s = builtin('lianhu-grids');
    Object.assign(s.city, { cols: 2000, rows: 2000, gridSize: 1 });
    expectRefused(await cli('validate', write(s)), '$.city:', '4,000,000 cells');
  });

  it('days 1e308 in the file, and --days 1e308', async () => {
    const s = builtin('validation-mmc');
    s.run.days = 1e308;
    expectRefused(await cli('run', write(s)), '$.run.days');
    expectRefused(
      await cli('run', join(ROOT, 'scenarios/validation-mmc.json'), '--days', '1e308'),
      '--days',
      'at most 366',
    );
    expectRefused(
      await cli('sweep', join(ROOT, 'scenarios/validation-mmc.json'), '--param', 'run.seed=1,2', '--days', '1000'),
      'at most 366',
    );
  });

  it('a 200 MB scenario file (a note of 200 MB): refused by its size, before it is read', async () => {
    const file = join(tmp, 'huge-note.json');
    writeFileSync(file, builtinText('validation-mmc'));
    truncateSync(file, 200e6); // sparse: 200 MB on paper, nothing on disk
    const r = await cli('run', file);
    expectRefused(r, '场景文件过大', 'Scenario file too large', '200 MB', '20 MB limit');
    expectRefused(await cli('validate', file), '20 MB limit');
  });

  it('replications 1e9 in a manifest: refused by replay at its path; 5,000 (within the bound) by the estimate', async () => {
    const m = createManifest({
      version: '0.1.0',
      scenario: builtinText('baseline-weekday'),
      seed: 1,
      replications: 1,
      days: 1,
      command: 'test',
    });
    const huge = write(manifestJson({ ...m, replications: 1e9 }));
    expectRefused(await cli('replay', huge), '$.replications', 'must be ≤ 10000');
    const big = write(manifestJson({ ...m, replications: 5000 }));
    expectRefused(await cli('replay', big), '5000 replications', 'fewer --replications', '--force');
  });

  it('--replications above 10,000', async () => {
    expectRefused(
      await cli('run', join(ROOT, 'scenarios/validation-mmc.json'), '--replications', '1000000000'),
      '--replications',
      'at most 10000',
    );
  });
});

describe('--force', () => {
  it('lets a run over a (lowered) limit through, and says so; without it the same run is refused', async () => {
    // validation-mmc (a day of warm-up, then 2,160 cases a day at two events each): half a day is ~6,500 events by the estimate
    process.env.ALLWEATHER_MAX_EVENTS_PER_RUN = '5000';
    const file = join(ROOT, 'scenarios/validation-mmc.json');
    const refused = await cli('run', file, '--days', '0.5', '--json');
    expectRefused(refused, 'over the limit of 5,000', '--force', 'smaller --days (at most about 0.15)');
    const forced = await cli('run', file, '--days', '0.5', '--json', '--force', '--workers', '1');
    expect(forced.code, forced.stderr).toBe(0);
    expect(forced.stderr).toContain('--force');
    expect(forced.stderr).toContain('running anyway');
    const report = JSON.parse(forced.stdout);
    expect(report.summary.casesArrived.mean).toBeGreaterThan(900); // half a day's ~1,080 cases after the warm-up: it really ran
    expect(report.manifest.days).toBe(0.5);
  });

  it('is accepted by every command that runs the engine', async () => {
    process.env.ALLWEATHER_MAX_EVENTS_PER_RUN = '100';
    const file = join(ROOT, 'scenarios/validation-mmc.json');
    const out = join(tmp, 'forced-export');
    const r = await cli('export', file, '--days', '0.05', '--format', 'csv', '--out', out, '--force', '--workers', '1');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('running anyway');
    const replayed = await cli('replay', join(out, 'manifest.json'), '--workers', '1');
    expect(replayed.code).toBe(2); // the limit still holds for the replay…
    expect(replayed.stderr).toContain('--force');
    const forced = await cli('replay', join(out, 'manifest.json'), '--workers', '1', '--force');
    expect(forced.code, forced.stderr).toBe(0); // …and --force passes it there too
    for (const cmd of [
      ['compare', file, '--set', 'run.seed=2'],
      ['sweep', file, '--param', 'run.seed=1,2'],
      ['diagnose', file],
    ]) {
      const refusedCmd = await cli(...cmd, '--days', '0.05', '--replications', '2', '--workers', '1');
      expectRefused(refusedCmd, 'run too large');
    }
  });

  it('a limit from the environment must be a positive number', async () => {
    process.env.ALLWEATHER_MAX_MEMORY_MB = 'lots';
    expectRefused(await cli('run', join(ROOT, 'scenarios/validation-mmc.json')), 'ALLWEATHER_MAX_MEMORY_MB');
  });
});

describe('--progress', () => {
  it('prints progress on stderr when stderr is not a terminal, one line per update', async () => {
    const r = await cli(
      'run',
      join(ROOT, 'scenarios/validation-mmc.json'),
      '--days',
      '0.05',
      '--replications',
      '2',
      '--workers',
      '1',
      '--json',
      '--progress',
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('重复 replications 2/2\n');
    expect(r.stderr).not.toContain('\r');
    const quiet = await cli(
      'run',
      join(ROOT, 'scenarios/validation-mmc.json'),
      '--days',
      '0.05',
      '--json',
      '--workers',
      '1',
    );
    expect(quiet.stderr).toBe('');
  });
});

describe('Ctrl-C', () => {
  it('withPool: SIGINT terminates the workers and rejects with InterruptedError', async () => {
    const signals = new EventEmitter();
    const started = Date.now();
    const p = withPool(1, 1, (run) => run(builtinText('validation-mmc'), [1, 2, 3], { days: 300 }), signals);
    setTimeout(() => signals.emit('SIGINT'), 300);
    await expect(p).rejects.toBeInstanceOf(InterruptedError);
    expect(Date.now() - started).toBeLessThan(10_000); // 900 days of M/M/c would take far longer
    expect(signals.listenerCount('SIGINT')).toBe(0);
  });

  it('allweather run: exit 130, a bilingual message, no stack', async () => {
    const child = spawn(
      process.execPath,
      [
        'bin/allweather.mjs',
        'run',
        'scenarios/validation-mmc.json',
        '--days',
        '100',
        '--replications',
        '6',
        '--workers',
        '1',
        '--progress',
      ],
      { cwd: ROOT },
    );
    let stderr = '';
    let stdout = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // interrupt once the first replication is done: the pool is busy with the second
    await new Promise<void>((resolve) => {
      child.stderr.on('data', (d) => {
        stderr += d;
        if (stderr.includes('1/6')) resolve();
      });
    });
    child.kill('SIGINT');
    const code = await exited;
    expect(code).toBe(130);
    expect(stderr).toContain('已中断');
    expect(stderr).toContain('Interrupted');
    expect(stderr).not.toMatch(STACK_LINE);
    expect(stdout).toBe('');
  }, 60_000);
});
