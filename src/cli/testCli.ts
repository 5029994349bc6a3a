/**
 * What the CLI's tests share: the project root, running the built CLI as a user would (a fresh `node
 * bin/allweather.mjs` process), a scratch folder removed after the file's tests, the pattern of a stack-trace
 * line (which no error output may contain), and the KPIs every run reports. Test support only.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..') + sep;

/** A line of a JavaScript stack trace: no message of the CLI may show one. */
export const STACK_LINE = /^\s+at .+[:(]\d+:\d+\)?$/m;

/** The KPIs of every run's summary (run --json, the app's KPI panel). */
export const REQUIRED_KPIS = [
  'casesArrived',
  'casesClosed',
  'meanWaitS',
  'meanResponseS',
  'p90ResponseS',
  'slaAttainment',
  'coverageIndex',
  'staffHours',
  'utilisation',
  'overtimeHours',
] as const;

/** Run the built CLI with `args` from the project root; its exit code and output. */
export function cli(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['bin/allweather.mjs', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 110_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A scratch folder for this test file, removed after its tests. */
export function scratchDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
