/**
 * Mutation check: do the behaviour tests catch the bugs they are meant to?
 *
 *     npm run mutants                      # every mutation, in a scratch copy of the tree
 *     npm run mutants -- M1 M4             # only these
 *     npm run mutants -- --in-place        # mutate the working tree itself (restored afterwards)
 *     npm run mutants -- --markdown        # also print the table as Markdown (docs/mutation-check.md)
 *
 * Each mutation below is a small, plausible bug: one exact string in one
 * source file replaced by another. For each, the script applies it, runs
 * the behaviour test files named for it with Vitest (never the golden
 * tests: a golden only says "something moved"), expects at least one test
 * to fail, and restores the file. It prints which test caught each
 * mutation and exits non-zero if any mutation survives, or cannot be
 * applied because its search string is missing (or found more than once):
 * after the engine moves, re-target the table instead of losing the check.
 *
 * By default the work happens in a scratch copy of the tree (src, scenarios
 * and the configs, with node_modules linked), so other work in the tree —
 * editors, test runs — never sees a mutated file. `--in-place` mutates the
 * tree itself; the file is restored in a `finally` and on SIGINT/SIGTERM.
 * Before any mutation the named test files must pass unmutated.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
  copyFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

interface Mutation {
  id: string;
  /** The bug, in words. */
  what: string;
  /** Source file, from the repository root. */
  file: string;
  /** Exact text to replace (must occur exactly once) and its replacement. */
  search: string;
  replace: string;
  /** Behaviour test files expected to catch it (never golden tests). */
  tests: string[];
}

const T = (name: string) => `src/sim/${name}.behaviour.test.ts`;

/** The mutations. Re-target `file`/`search` here when the engine's code moves. */
export const MUTATIONS: Mutation[] = [
  {
    id: 'M1',
    what: 'multi-member crews take the farthest members instead of the nearest',
    file: 'src/sim/policies/select.ts',
    // the scan of a list under MIN_INDEXED_LIST members (every list a crew test draws from)
    search: '      consider(s, tier + sim.city.cellDistance(sim.staffCell(s), cell), need);\n    }',
    replace: '      consider(s, tier - sim.city.cellDistance(sim.staffCell(s), cell), need);\n    }',
    tests: [T('crew'), 'src/sim/policies/nearest.test.ts'],
  },
  {
    id: 'M1b',
    what: 'the same, on a city-wide list of 32 members or more (its free-candidate set)',
    file: 'src/sim/policies/select.ts',
    search: '        consider(s, tier + sim.city.cellDistance(sim.staffCell(s), cell), need);\n      });',
    replace: '        consider(s, tier - sim.city.cellDistance(sim.staffCell(s), cell), need);\n      });',
    tests: ['src/sim/scaleTables.test.ts'],
  },
  {
    id: 'M2',
    what: 'rain shortens handling instead of lengthening it',
    file: 'src/sim/drivers/rain.ts',
    search: 't.handlingFactor[h] = 1 + perMm * rain[h];',
    replace: 't.handlingFactor[h] = 1 / (1 + perMm * rain[h]);',
    tests: [T('rain'), 'src/sim/drivers/rain.test.ts'],
  },
  {
    id: 'M3',
    what: 'p90 and p95 swapped',
    file: 'src/sim/report.ts',
    search: 'p90ResponseS: all.response.quantile(0.9),\n    p95ResponseS: all.response.quantile(0.95),',
    replace: 'p90ResponseS: all.response.quantile(0.95),\n    p95ResponseS: all.response.quantile(0.9),',
    tests: [T('quantiles')],
  },
  {
    id: 'M4',
    what: 'preemption takes the farthest member among cases of equal priority',
    file: 'src/sim/policies/priority.ts',
    search: '(p === bestP && p > 1 && dd < bestD)',
    replace: '(p === bestP && p > 1 && dd > bestD)',
    tests: [T('preemption'), 'src/sim/policies/priority.test.ts'],
  },
  {
    id: 'M5',
    what: "rain set during the run (setRain) ignores the schema's travel-slowdown default",
    file: 'src/sim/drivers/rain.ts',
    search: 'this.weather = sim.sc.weather ?? WEATHER_DEFAULTS;',
    replace: 'this.weather = sim.sc.weather ?? { ...WEATHER_DEFAULTS, travelSlowdownPerMm: 0 };',
    tests: [T('rain'), 'src/sim/drivers/rain.test.ts'],
  },
  {
    id: 'M6',
    what: 'SLA response verdict uses < instead of <= (on scene at the deadline counted late)',
    file: 'src/sim/simulation.ts',
    search: 'const met = resp <= t.responseS && resol <= t.resolutionS;',
    replace: 'const met = resp < t.responseS && resol <= t.resolutionS;',
    tests: [T('sla')],
  },
  {
    id: 'M7',
    what: 'SLA resolution verdict uses < instead of <=',
    file: 'src/sim/simulation.ts',
    search: 'const met = resp <= t.responseS && resol <= t.resolutionS;',
    replace: 'const met = resp <= t.responseS && resol < t.resolutionS;',
    tests: [T('sla')],
  },
  {
    id: 'M8',
    what: 'coverage: a grid-hour exactly at the target counted as not covered',
    file: 'src/sim/report.ts',
    search: 'if (a >= target) covered++;',
    replace: 'if (a > target) covered++;',
    tests: [T('sla')],
  },
  {
    id: 'M9',
    what: 'warm-up not excluded: cases before it are counted',
    file: 'src/sim/simulation.ts',
    search: 'const counted = now >= this.warmupS ? 1 : 0;',
    replace: 'const counted = 1;',
    tests: [T('roster')],
  },
  {
    id: 'M10',
    what: 'a crew is released one member short',
    file: 'src/sim/simulation.ts',
    search: 'for (const s of extra) this.release(s);',
    replace: 'for (const s of extra.slice(1)) this.release(s);',
    tests: [T('crew')],
  },
  {
    id: 'M11',
    what: 'rain lowers arrival rates where it should raise them',
    file: 'src/sim/drivers/rain.ts',
    search: 'base[h] * (1 + rain.ratePerMm * r)',
    replace: 'base[h] * (1 - rain.ratePerMm * r)',
    tests: [T('rain'), 'src/sim/drivers/rain.test.ts'],
  },
  {
    id: 'M12',
    what: 'rain speeds travel up instead of slowing it',
    file: 'src/sim/drivers/rain.ts',
    search: 'sim.travelFactor[h] = 1 + slow * rain[h];',
    replace: 'sim.travelFactor[h] = 1 / (1 + slow * rain[h]);',
    tests: [T('rain'), 'src/sim/drivers/rain.test.ts'],
  },
  {
    id: 'M13',
    what: "a night shift running at midnight is not on duty at the run's start",
    file: 'src/sim/simulation.ts',
    search: 'let start = sh.startS - DAY_S;',
    replace: 'let start = sh.startS;',
    tests: [T('roster')],
  },
  {
    id: 'M14',
    what: 'shifts end one minute late',
    file: 'src/sim/roster.ts',
    search: 'durationS: (end - start) * 60,',
    replace: 'durationS: (end - start) * 60 + 60,',
    tests: [T('roster')],
  },
  {
    id: 'M15',
    what: 'overtime not paid',
    file: 'src/sim/dispatch.ts',
    search: 'if (to > from) this.teamOvertimeS[this.sTeam[s]] += to - from;',
    replace: 'if (to > from) this.teamOvertimeS[this.sTeam[s]] += 0;',
    tests: [T('roster')],
  },
  {
    id: 'M16',
    what: 'handover teams keep their cases at shift end (work overtime)',
    file: 'src/sim/simulation.ts',
    search: "if (forceHandover || team.shiftEnd === 'handover') handover.push(s);",
    replace: 'if (forceHandover) handover.push(s);',
    tests: [T('roster')],
  },
  {
    id: 'M17',
    what: 'priority order ignored (priority behaves as FIFO)',
    file: 'src/sim/policies/priority.ts',
    search: 'classOf: types.map((t) => t.priority - 1)',
    replace: 'classOf: types.map(() => 0)',
    tests: [T('order'), 'src/sim/dispatch.test.ts', 'src/sim/policies/priority.test.ts'],
  },
  {
    id: 'M18',
    what: 'easy-first ranks the longest handling first',
    file: 'src/sim/policies/easyFirst.ts',
    search: 'm.filter((y, j) => y < x || (y === x && j < i))',
    replace: 'm.filter((y, j) => y > x || (y === x && j < i))',
    tests: [T('order'), 'src/sim/dispatch.test.ts', 'src/sim/policies/easyFirst.test.ts'],
  },
  {
    id: 'M19',
    what: 'priority-2 cases preempt too',
    file: 'src/sim/policies/priority.ts',
    search: 'if (t.priority !== 1 || t.crew !== 1) return -1;',
    replace: 'if (t.priority > 2 || t.crew !== 1) return -1;',
    tests: [T('preemption'), 'src/sim/policies/priority.test.ts'],
  },
  {
    id: 'M20',
    what: 'a preempted case forgets the handling already done (starts over)',
    file: 'src/sim/dispatch.ts',
    search: 'if (this.cState[c] === CS.HANDLING) this.cRemainS[c] = Math.max(0, this.cHandleEnd[c] - this.now);',
    replace: '',
    tests: [T('preemption')],
  },
  {
    id: 'M21',
    what: 'a single member: ties go to the highest id instead of the lowest',
    // the scan of a list under MIN_INDEXED_LIST members: the first (lowest id) of equals is kept
    file: 'src/sim/policies/select.ts',
    search: '    if (d < bestD) {\n      bestD = d;\n      s = m;',
    replace: '    if (d <= bestD) {\n      bestD = d;\n      s = m;',
    tests: [T('crew'), 'src/sim/policies/nearest.test.ts'],
  },
  {
    id: 'M21b',
    what: 'the same, in the ring search over a city-wide list of 32 members or more',
    file: 'src/sim/policies/freeLists.ts',
    search: 'if (d < bestD || (d === bestD && m < s)) {',
    replace: 'if (d < bestD || (d === bestD && m > s)) {',
    tests: ['src/sim/scaleTables.test.ts'],
  },
  {
    id: 'M22',
    what: 'quantiles read the lower edge of their bin (no interpolation)',
    file: 'src/sim/stats.ts',
    search: 'const frac = (target - cum) / c;',
    replace: 'const frac = 0 * ((target - cum) / c);',
    tests: [T('quantiles')],
  },
  {
    id: 'M23',
    what: 'grid-first sends neighbouring grids at once, without the wait',
    file: 'src/sim/policies/gridFirst.ts',
    search: 'if (sim.now - sim.cFiled[c] >= sim.neighbourWaitS) {',
    replace: 'if (sim.cFiled[c] === sim.cFiled[c]) {',
    tests: [T('scope'), 'src/sim/policies/gridFirst.test.ts'],
  },
  {
    id: 'M24',
    what: "grid-bound members, when free, take neighbouring grids' waiting cases like grid-first",
    file: 'src/sim/policies/gridBound.ts',
    search: 'memberScopes: ownScopes,',
    replace:
      'memberScopes: (sim, s, out) => {\n      ownScopes(sim, s, out);\n      if (sim.sPooled[s] !== 1) for (const g of sim.gridNeighbours[sim.sHome[s]]) out.push(g);\n    },',
    tests: [T('scope'), 'src/sim/policies/gridBound.test.ts'],
  },
  {
    id: 'M25',
    what: 'a 24-hour shift is sent off and back on at the instant it restarts (handover, trip home)',
    file: 'src/sim/simulation.ts',
    search: 'if (this.roster.shifts[si].durationS === DAY_S && this.now < this.horizonS + DRAIN_S) return;',
    replace: 'if (this.roster.shifts[si].durationS === DAY_S && this.now < 0) return;',
    tests: [T('allDayShift')],
  },
];

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const GOLDEN = /golden|scenarios\.test|builtin\.test/i;

interface Outcome {
  m: Mutation;
  status: 'caught' | 'SURVIVED' | 'not applied' | 'ambiguous';
  caughtBy: string[];
}

/** A scratch copy of what the tests need, node_modules linked. */
function scratchCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'allweather-mutants-'));
  for (const d of ['src', 'scenarios']) cpSync(join(ROOT, d), join(dir, d), { recursive: true });
  for (const f of ['package.json', 'tsconfig.json'])
    if (existsSync(join(ROOT, f))) copyFileSync(join(ROOT, f), join(dir, f));
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

interface VitestJson {
  numFailedTests: number;
  numPassedTests: number;
  testResults: { name: string; assertionResults: { fullName: string; status: string }[]; message?: string }[];
}

/**
 * Vitest settings of their own (no global setup, no other projects): the
 * repository's config may grow steps these runs do not need. Written outside
 * the tree, with the tree as Vitest's root.
 */
const VITEST_CONFIG = `export default { test: { include: ['src/**/*.test.ts'], pool: 'forks', testTimeout: 120000, hookTimeout: 120000 } };\n`;
let configPath = '';

/** The vitest run in progress (killed on SIGINT/SIGTERM). */
let child: ChildProcess | null = null;

function killGroup(p: ChildProcess): void {
  try {
    if (p.pid) process.kill(-p.pid, 'SIGKILL');
  } catch {
    p.kill('SIGKILL'); // the group is gone already: the process alone, if still there
  }
}

/** Run the given test files; the names of failing tests (or why the run failed), and whether all passed. */
async function runTests(root: string, files: string[]): Promise<{ passed: boolean; failing: string[] }> {
  const out = join(root, `.mutants-${process.pid}.json`);
  rmSync(out, { force: true });
  const args = ['vitest', 'run', ...files, '--root', root, '--config', configPath];
  args.push('--reporter=json', `--outputFile=${out}`, '--maxWorkers=2');
  const status = await new Promise<number | string>((done) => {
    // its own process group, so that an interrupt can end vitest and its workers together
    const p = spawn('npx', args, { cwd: root, stdio: 'ignore', detached: true });
    child = p;
    const timer = setTimeout(() => killGroup(p), 300_000);
    p.on('error', (e) => done(e.message));
    p.on('exit', (code, signal) => {
      clearTimeout(timer);
      child = null;
      done(code ?? String(signal));
    });
  });
  if (typeof status === 'string') return { passed: false, failing: [`(vitest did not finish: ${status})`] };
  if (!existsSync(out)) return { passed: false, failing: [`(vitest exited ${status} without results)`] };
  const json = JSON.parse(readFileSync(out, 'utf8')) as VitestJson;
  rmSync(out, { force: true });
  const failing: string[] = [];
  for (const f of json.testResults) {
    const fails = f.assertionResults.filter((a) => a.status === 'failed');
    const file = f.name.split('/').pop();
    for (const a of fails) failing.push(`${file} › ${a.fullName}`);
    if (fails.length === 0 && f.message) failing.push(`${file} › (file failed: ${f.message.split('\n')[0]})`);
  }
  return { passed: status === 0 && failing.length === 0, failing };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const inPlace = args.includes('--in-place');
  const markdown = args.includes('--markdown');
  const only = args.filter((a) => !a.startsWith('--'));
  const unknown = only.filter((id) => !MUTATIONS.some((m) => m.id === id));
  if (unknown.length > 0) {
    console.error(`unknown mutation(s): ${unknown.join(', ')}`);
    process.exit(2);
  }
  const chosen = only.length > 0 ? MUTATIONS.filter((m) => only.includes(m.id)) : MUTATIONS;
  for (const m of chosen)
    for (const t of m.tests)
      if (GOLDEN.test(t)) throw new Error(`${m.id}: ${t} is a golden test; name behaviour tests only`);

  const root = inPlace ? ROOT : scratchCopy();
  const configDir = mkdtempSync(join(tmpdir(), 'allweather-mutants-config-'));
  configPath = join(configDir, 'vitest.config.mjs');
  writeFileSync(configPath, VITEST_CONFIG);
  console.log(inPlace ? `mutating the working tree ${root}` : `mutating a scratch copy in ${root}`);

  // restore whatever is mutated if we are interrupted
  let pending: { path: string; original: string } | null = null;
  const restore = () => {
    if (pending) {
      writeFileSync(pending.path, pending.original);
      pending = null;
    }
  };
  const cleanup = () => {
    restore();
    rmSync(configDir, { recursive: true, force: true });
    if (!inPlace) rmSync(root, { recursive: true, force: true });
  };
  for (const sig of ['SIGINT', 'SIGTERM'] as const)
    process.on(sig, () => {
      if (child) killGroup(child);
      cleanup();
      console.error(`\ninterrupted (${sig}): files restored`);
      process.exit(130);
    });

  const outcomes: Outcome[] = [];
  try {
    const files = [...new Set(chosen.flatMap((m) => m.tests))];
    const base = await runTests(root, files);
    if (!base.passed) {
      console.error(`the behaviour tests fail before any mutation:\n  ${base.failing.join('\n  ')}`);
      process.exitCode = 1;
      return;
    }
    for (const m of chosen) {
      const path = join(root, m.file);
      const original = existsSync(path) ? readFileSync(path, 'utf8') : '';
      const count = original.split(m.search).length - 1;
      if (count !== 1) {
        outcomes.push({ m, status: count === 0 ? 'not applied' : 'ambiguous', caughtBy: [] });
        console.log(
          `${m.id}  ${count === 0 ? 'NOT APPLIED (search string not found)' : `AMBIGUOUS (found ${count}x)`}`,
        );
        continue;
      }
      pending = { path, original };
      try {
        writeFileSync(
          path,
          original.replace(m.search, () => m.replace),
        );
        const r = await runTests(root, m.tests);
        outcomes.push({ m, status: r.passed ? 'SURVIVED' : 'caught', caughtBy: r.failing });
        console.log(`${m.id}  ${r.passed ? 'SURVIVED' : `caught by ${r.failing.length} test(s)`}`);
      } finally {
        restore();
      }
    }
  } finally {
    cleanup();
  }

  const caughtBy = (o: Outcome) =>
    o.caughtBy.length === 0
      ? '—'
      : o.caughtBy.slice(0, 2).join('; ') + (o.caughtBy.length > 2 ? ` (+${o.caughtBy.length - 2} more)` : '');
  const verdict = (o: Outcome) => (o.status === 'caught' ? 'yes' : `NO (${o.status})`);
  console.log('\nmutation → test that caught it → caught');
  for (const o of outcomes)
    console.log(`${o.m.id} ${o.m.what} [${o.m.file}]\n    → ${caughtBy(o)}\n    → ${verdict(o)}`);
  if (markdown) {
    console.log('\n| | mutation | file | caught by (failing tests) | caught |\n|---|---|---|---|---|');
    for (const o of outcomes)
      console.log(
        `| ${[o.m.id, o.m.what, `\`${o.m.file}\``, caughtBy(o), verdict(o)].map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`,
      );
  }
  const bad = outcomes.filter((o) => o.status !== 'caught');
  console.log(
    `\n${outcomes.length - bad.length}/${outcomes.length} mutations caught` +
      (bad.length > 0 ? `; not caught: ${bad.map((o) => `${o.m.id} (${o.status})`).join(', ')}` : ''),
  );
  if (bad.length > 0) process.exitCode = 1;
}

await main();
