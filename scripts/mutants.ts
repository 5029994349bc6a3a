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

import { MUTATIONS, type Mutation } from './mutations.ts';

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
