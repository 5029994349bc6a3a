/**
 * `--set __proto__.polluted=1` (and the other ways to write a path through
 * `__proto__`, `constructor` or `prototype`) exits 2 with one bilingual
 * message that names the override, no stack trace, and leaves
 * Object.prototype of the process clean. Issue 10.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanPrototypes, pollution } from '../scenario/pollution.ts';
import { main } from './main.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const MMC = `${ROOT}scenarios/validation-mmc.json`;
const STACK_LINE = /^\s+at .+[:(]\d+:\d+\)?$/m;

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
  });
  return { code, stdout, stderr };
}

afterEach(() => {
  const left = pollution();
  cleanPrototypes();
  expect(left).toEqual([]);
});

describe('CLI: override paths through prototypes', () => {
  const cases: [string[], string][] = [
    [['compare', MMC, '--set', '__proto__.polluted=1'], '__proto__'],
    [['compare', MMC, '--set', 'run.__proto__.polluted=1'], '__proto__'],
    [['export', MMC, '--set', 'teams.0.__proto__.polluted=1', '--out', '/nonexistent/never-written'], '__proto__'],
    [['diagnose', MMC, '--set', 'constructor.prototype.polluted=1'], 'constructor'],
    [['compare', MMC, '--set', '__proto__={"polluted":1}'], '__proto__'],
    [['sweep', MMC, '--param', '__proto__.polluted=1,2'], '__proto__'],
    [['optimise', MMC, '--min-staff', 'constructor.prototype.polluted=1'], 'constructor'],
  ];
  for (const [argv, segment] of cases) {
    it(`${argv.filter((a) => a !== MMC).join(' ')}: exit 2, one message, no stack`, async () => {
      const r = await run(...argv);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(`不允许的路径段 ${segment}`);
      expect(r.stderr).toContain(`forbidden path segment ${segment}`);
      expect(r.stderr.trim().split('\n').length).toBeLessThanOrEqual(3);
      expect(r.stderr).not.toMatch(STACK_LINE);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  }

  it('as a user runs it: node bin/allweather.mjs compare … --set __proto__.polluted=1', () => {
    const r = spawnSync(
      process.execPath,
      ['bin/allweather.mjs', 'compare', 'scenarios/validation-mmc.json', '--set', '__proto__.polluted=1'],
      { cwd: ROOT, encoding: 'utf8', timeout: 60_000 },
    );
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toContain('覆盖项无效 / invalid override: __proto__.polluted=1');
    expect(r.stderr).toContain('不允许的路径段 __proto__');
    expect(r.stderr).toContain('forbidden path segment __proto__');
    expect(r.stderr).not.toMatch(STACK_LINE);
  });
});
