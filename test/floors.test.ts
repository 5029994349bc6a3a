/**
 * The floors of the house (DESIGN.md, "The house, floor by floor"), checked
 * on every import of every production file (tests and test data excluded):
 *
 *   floor 4  src/app (controllers, stores) ← src/scene ← src/ui
 *            only the entry points (src/app/main.tsx, src/app/App.tsx,
 *            src/app/drill/main.tsx) compose app with scene and ui
 *   floor 3  src/client
 *   floor 2  workers, src/cli, bin
 *   floor 1  src/analysis ← src/export ← src/i18n; src/analysis ← src/importer
 *   floor 0  src/scenario ← src/sim ← src/drill   (src/types: ambient declarations)
 *
 * "a ← b" on a floor: b may import a, never the other way. Each folder's
 * `may` list below is the whole rule; an import of a folder not in it is an
 * upward or forbidden sideways import, reported with the file, the line and
 * the import. Besides the folders:
 * - the drill page builds on the main page's modules, never the reverse
 *   (src/app and src/ui outside their drill/ folders import no drill/ module);
 * - packages stay on their floor: React, three and chart libraries only on
 *   floor 4, rxjs only on floors 3–4, Node built-ins only in the CLI, the
 *   workers, bin and the Node-only worker pool (src/analysis/pool.ts);
 *   floors 1 (and src/i18n) also use no Node globals, because the app runs
 *   them in the browser.
 * Floor 0's finer purity rules (clocks, randomness, browser globals) are in
 * purity.test.ts.
 *
 * The engine's narrow surface: outside src/sim, no file (tests, benches and
 * scripts included) imports the engine's own modules (the state, dispatch,
 * patrols, the event loop, core/, policies/, drivers/, and the snapshot and
 * report functions that take the engine object); they go through
 * src/sim/api.ts. Only src/sim's own files, tests among them, may.
 *
 * Imports counted: `import … from`, `import '…'`, `export … from`,
 * `import(…)`, and `new URL('…', import.meta.url)` (how a worker file is
 * spawned). Comments are ignored.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { strip } from './sourceText.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

const FLOOR0 = ['src/scenario', 'src/sim', 'src/drill', 'src/types'];
const FLOOR1 = ['src/analysis', 'src/export', 'src/i18n', 'src/importer'];
const BELOW_APP = [...FLOOR0, ...FLOOR1, 'src/client', 'workers'];

interface Folder {
  floor: number;
  /** Folders this one may import (itself always). */
  may: string[];
}

/** Every folder of production code, its floor and what it may import. */
export const FOLDERS: Record<string, Folder> = {
  'src/types': { floor: 0, may: [] },
  'src/scenario': { floor: 0, may: ['src/types'] },
  'src/sim': { floor: 0, may: ['src/types', 'src/scenario'] },
  'src/drill': { floor: 0, may: ['src/types', 'src/scenario', 'src/sim'] },
  'src/analysis': { floor: 1, may: FLOOR0 },
  'src/export': { floor: 1, may: [...FLOOR0, 'src/analysis'] },
  // labels, dictionaries and formatters shared by the CLI, app logic and ui (see src/i18n/lang.ts)
  'src/i18n': { floor: 1, may: [...FLOOR0, 'src/analysis', 'src/export'] },
  // a district's GeoJSON and case log to a scenario (allweather import, and the app's open/drop): pure
  'src/importer': { floor: 1, may: [...FLOOR0, 'src/analysis'] },
  workers: { floor: 2, may: [...FLOOR0, 'src/analysis', 'src/export', 'src/importer'] },
  // the queue-backed Runner and the queue worker (BullMQ on Redis, Node only): used by the CLI
  'src/queue': { floor: 2, may: [...FLOOR0, ...FLOOR1] },
  'src/cli': { floor: 2, may: [...FLOOR0, ...FLOOR1, 'workers', 'src/queue'] },
  bin: { floor: 2, may: ['src/cli'] },
  'src/client': { floor: 3, may: [...FLOOR0, ...FLOOR1, 'workers'] },
  'src/app': { floor: 4, may: BELOW_APP },
  'src/scene': { floor: 4, may: [...BELOW_APP, 'src/app'] },
  'src/ui': { floor: 4, may: [...BELOW_APP, 'src/app', 'src/scene'] },
};

/** The files that compose app, scene and ui: they may import anything on floors 0–4 except the CLI. */
export const ENTRY_POINTS = new Set(['src/app/main.tsx', 'src/app/App.tsx', 'src/app/drill/main.tsx']);

/**
 * Known references that cross a floor on purpose, each with its reason.
 * The Node pool spawns the Node worker by file name (a path, not a module
 * it runs in its own thread), as src/client spawns the browser workers.
 */
const EXCEPTIONS: Record<string, string> = {
  'src/analysis/pool.ts -> workers/sim.node-worker.mjs': 'the Node pool spawns its worker thread by path',
};

/** Files anyone may read: the package manifest (the app's version). */
const SHARED_FILES = new Set(['package.json']);

const NODE_ONLY_FILES = new Set(['src/analysis/pool.ts']);
const NODE_FOLDERS = new Set(['src/cli', 'src/queue', 'workers', 'bin']);
const BROWSER_SAFE_FOLDERS = new Set(['src/analysis', 'src/export', 'src/i18n', 'src/importer']);
const UI_PACKAGES = /^(react|react-dom|three|@react-three\/[\w-]+|uplot)(\/|$)/;
const STREAM_PACKAGES = /^rxjs(\/|$)/;
const NODE_BUILTIN =
  /^(node:|(fs|path|os|worker_threads|child_process|crypto|url|util|stream|process|module|buffer|perf_hooks|http|https|net|events|zlib|readline|v8|vm)(\/|$))/;

export interface Import {
  line: number;
  spec: string;
}

const IMPORT_RE =
  /(?:\bimport\s*(?:[\w*{}\s,$]+?\s*from\s*)?|\bexport\s*(?:type\s*)?[\w*{}\s,$]*?\s*from\s*|\bimport\s*\(\s*|\bnew\s+URL\s*\(\s*)(['"])([^'"\n]+)\1/g;

/** Every import specifier in `source` with its line; comments are skipped. */
export function importsOf(source: string): Import[] {
  const { noComments } = strip(source);
  const out: Import[] = [];
  for (const m of noComments.matchAll(IMPORT_RE)) {
    if (/^new\s+URL/.test(m[0]) && !/^\s*,\s*import\.meta\.url/.test(noComments.slice(m.index! + m[0].length)))
      continue;
    out.push({ line: source.slice(0, m.index! + m[0].length).split('\n').length, spec: m[2] });
  }
  return out;
}

/** The folder of FOLDERS a repository path belongs to, or null. */
export function folderOf(path: string): string | null {
  if (SHARED_FILES.has(path)) return null;
  for (const f of Object.keys(FOLDERS)) if (path === f || path.startsWith(f + '/')) return f;
  return null;
}

const isDrillPage = (path: string) => /^src\/(app|ui)\/drill\//.test(path);

/** Why importing `spec` from `file` (repository paths) breaks a floor rule, or null. */
export function violation(file: string, spec: string): string | null {
  const from = folderOf(file);
  if (!from) return `${file} is in no folder of the floor table: add its folder to FOLDERS`;
  if (!spec.startsWith('.')) {
    if (file.endsWith('.d.ts')) return null; // ambient declarations describe a module's types; no code runs
    if (UI_PACKAGES.test(spec) && FOLDERS[from].floor < 4)
      return `package "${spec}" belongs to floor 4 (app, scene, ui)`;
    if (STREAM_PACKAGES.test(spec) && FOLDERS[from].floor < 3) return `package "${spec}" belongs to floors 3–4`;
    if (NODE_BUILTIN.test(spec) && !NODE_FOLDERS.has(from) && !NODE_ONLY_FILES.has(file))
      return `Node built-in "${spec}" outside the CLI, the workers and the Node pool`;
    return null;
  }
  const target = relative(ROOT, resolve(ROOT, dirname(file), spec))
    .split('\\')
    .join('/');
  if (EXCEPTIONS[`${file} -> ${target}`]) return null;
  if (SHARED_FILES.has(target)) return null;
  // the launcher finds the CLI from the repository root: its bundle (dist-cli/) or its source
  if (from === 'bin' && (target === '' || target.startsWith('dist-cli/'))) return null;
  const to = folderOf(target);
  if (!to) return `imports ${target}, which is in no folder of the floor table`;
  if (isDrillPage(target) && !isDrillPage(file) && !ENTRY_POINTS.has(file) && to !== 'src/scene')
    return `the main page imports the drill page's ${target}`;
  if (to === from) return null;
  if (ENTRY_POINTS.has(file) && FOLDERS[to].floor <= 4 && to !== 'src/cli' && to !== 'bin') return null;
  if (FOLDERS[from].may.includes(to)) return null;
  const dir = FOLDERS[to].floor > FOLDERS[from].floor ? 'upward' : 'sideways';
  return `${dir} import: ${from} (floor ${FOLDERS[from].floor}) may not import ${to} (floor ${FOLDERS[to].floor})`;
}

/** The engine's own modules (repository paths): outside src/sim, only src/sim/api.ts may be imported instead. */
const ENGINE_INTERNALS = [
  /^src\/sim\/(engine|dispatch|patrol|simulation|manual|snapshot|report)\.ts$/,
  /^src\/sim\/(core|policies|drivers)\//,
];

/** Why importing `spec` from `file` (repository paths) reaches into the engine past its API, or null. */
export function engineReach(file: string, spec: string): string | null {
  if (file.startsWith('src/sim/') || !spec.startsWith('.')) return null;
  const target = relative(ROOT, resolve(ROOT, dirname(file), spec))
    .split('\\')
    .join('/');
  if (!ENGINE_INTERNALS.some((re) => re.test(target))) return null;
  return `reaches into the engine (${target}): use src/sim/api.ts`;
}

/** Every source file under `dir`, tests included (node_modules and test data skipped). */
function sourceFiles(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(join(ROOT, dir));
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const p = `${dir}/${name}`;
    if (statSync(join(ROOT, p)).isDirectory())
      return name === 'testdata' || name === 'node_modules' ? [] : sourceFiles(p);
    return /\.(tsx?|mts|mjs|js)$/.test(name) ? [p] : [];
  });
}

function productionFiles(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(join(ROOT, dir));
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const p = `${dir}/${name}`;
    if (statSync(join(ROOT, p)).isDirectory()) return name === 'testdata' ? [] : productionFiles(p);
    return /\.(tsx?|mts|mjs)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [p] : [];
  });
}

const TOP = ['src', 'workers', 'bin'];

describe('the floors of every folder', () => {
  const files = TOP.flatMap(productionFiles);

  it('finds the production files of every floor', () => {
    for (const f of ['src/sim/core/queue.ts', 'src/analysis/compare.ts', 'src/cli/main.ts', 'src/client/pool.ts'])
      expect(files).toContain(f);
    for (const f of ['src/app/store.ts', 'src/ui/KpiPanel.tsx', 'src/scene/CityScene.tsx', 'workers/sim.worker.ts'])
      expect(files).toContain(f);
    expect(files.some((f) => f.endsWith('.test.ts'))).toBe(false);
  });

  it('knows the floor of every folder under src/', () => {
    const dirs = readdirSync(join(ROOT, 'src')).filter((n) => statSync(join(ROOT, 'src', n)).isDirectory());
    expect(dirs.map((d) => `src/${d}`).filter((d) => !(d in FOLDERS))).toEqual([]);
  });

  it('has no upward or forbidden sideways import', () => {
    const report: string[] = [];
    for (const file of files) {
      for (const imp of importsOf(readFileSync(join(ROOT, file), 'utf8'))) {
        const why = violation(file, imp.spec);
        if (why) report.push(`${file}:${imp.line}: import '${imp.spec}': ${why}`);
      }
    }
    expect(report, `imports that break the floors (DESIGN.md):\n${report.join('\n')}`).toEqual([]);
  });

  it('floor 1 and src/i18n use no Node globals (the app runs them in the browser)', () => {
    const found: string[] = [];
    for (const file of files) {
      if (!BROWSER_SAFE_FOLDERS.has(folderOf(file) ?? '') || NODE_ONLY_FILES.has(file)) continue;
      const code = strip(readFileSync(join(ROOT, file), 'utf8')).codeOnly;
      for (const g of [/\bprocess\s*\./, /\bBuffer\s*\./, /(?<![\w$.])require\s*\(/, /\b__dirname\b/])
        if (g.test(code)) found.push(`${file}: ${g.source}`);
    }
    expect(found).toEqual([]);
  });
});

describe("the engine's surface (src/sim/api.ts)", () => {
  it('no file outside src/sim imports the engine past its API', () => {
    const files = ['src', 'workers', 'bench', 'scripts', 'test', 'e2e', 'bin'].flatMap(sourceFiles);
    expect(files).toContain('src/drill/session.ts');
    expect(files).toContain('src/drill/drill.test.ts');
    expect(files).toContain('bench/scale.ts');
    const report: string[] = [];
    for (const file of files) {
      for (const imp of importsOf(readFileSync(join(ROOT, file), 'utf8'))) {
        const why = engineReach(file, imp.spec);
        if (why) report.push(`${file}:${imp.line}: import '${imp.spec}': ${why}`);
      }
    }
    expect(report, `imports past the engine's API:\n${report.join('\n')}`).toEqual([]);
  });

  it('stays small: at most 30 members, each with a doc comment', () => {
    const api = readFileSync(join(ROOT, 'src/sim/api.ts'), 'utf8');
    const members: string[] = [];
    for (const name of ['Engine', 'DrillEngine']) {
      const body = new RegExp(`export interface ${name} (?:extends \\w+ )?\\{\\n([\\s\\S]*?)\\n\\}`).exec(api)?.[1];
      expect(body, name).toBeDefined();
      const lines = body!.split('\n');
      lines.forEach((line, i) => {
        const m = /^ {2}(?:readonly )?(\w+)[(:?]/.exec(line);
        if (!m) return;
        members.push(m[1]);
        expect(lines[i - 1], `${name}.${m[1]} needs a one-line doc comment`).toMatch(/^ {2}\/\*\*.*\*\/$/);
      });
    }
    expect(members.length).toBeGreaterThan(10);
    expect(members.length).toBeLessThanOrEqual(30);
  });
});

describe('the floor checker itself', () => {
  it('parses every form of import, with its line, and skips comments', () => {
    const src = [
      "import { a } from './a.ts';",
      "import type { B } from '../b.ts';",
      "import './styles.css';",
      "export { c } from './c.ts';",
      "export type { D } from './d.ts';",
      "export * from './e.ts';",
      "const f = await import('./f.ts');",
      "const w = new Worker(new URL('../../workers/x.worker.ts', import.meta.url));",
      "// import { z } from '../ui/z.ts';",
      "const u = new URL('https://example.org/');",
      'import {',
      '  g,',
      "} from './g.ts';",
    ].join('\n');
    expect(importsOf(src)).toEqual([
      { line: 1, spec: './a.ts' },
      { line: 2, spec: '../b.ts' },
      { line: 3, spec: './styles.css' },
      { line: 4, spec: './c.ts' },
      { line: 5, spec: './d.ts' },
      { line: 6, spec: './e.ts' },
      { line: 7, spec: './f.ts' },
      { line: 8, spec: '../../workers/x.worker.ts' },
      { line: 13, spec: './g.ts' },
    ]);
  });

  it('names upward and forbidden sideways imports, allows the rest', () => {
    expect(violation('src/app/readableCsv.ts', '../ui/i18n/index.ts')).toMatch(/upward|sideways/);
    expect(violation('src/sim/engine.ts', '../analysis/erlang.ts')).toMatch(/^upward import: src\/sim/);
    expect(violation('src/scenario/load.ts', '../sim/run.ts')).toMatch(/^sideways import/);
    expect(violation('src/analysis/compare.ts', '../export/csv.ts')).toMatch(/^sideways import/);
    expect(violation('src/scene/CityScene.tsx', '../ui/Legend.tsx')).toMatch(/^sideways import/);
    expect(violation('src/client/pool.ts', '../app/store.ts')).toMatch(/^upward import/);
    expect(violation('src/ui/KpiPanel.tsx', '../cli/labels.ts')).toMatch(/may not import src\/cli/);
    expect(violation('src/app/store.ts', './drill/store.ts')).toMatch(/main page imports the drill page/);
    expect(violation('src/analysis/replicate.ts', 'react')).toMatch(/floor 4/);
    expect(violation('src/export/csv.ts', 'node:fs')).toMatch(/Node built-in/);
    expect(violation('src/sim/queues.ts', 'rxjs')).toMatch(/floors 3–4/);

    expect(violation('src/ui/KpiPanel.tsx', '../app/useStore.ts')).toBeNull();
    expect(violation('src/ui/SceneSlot.tsx', '../scene/CityScene.tsx')).toBeNull();
    expect(violation('src/app/App.tsx', '../ui/Header.tsx')).toBeNull();
    expect(violation('src/app/drill/main.tsx', '../../ui/drill/DrillApp.tsx')).toBeNull();
    expect(violation('src/ui/drill/Inbox.tsx', '../../app/drill/store.ts')).toBeNull();
    expect(violation('src/ui/drill/Inbox.tsx', '../format.ts')).toBeNull();
    expect(violation('src/export/csv.ts', '../analysis/aggregate.ts')).toBeNull();
    expect(violation('src/cli/labels.ts', '../i18n/kpi.ts')).toBeNull();
    expect(violation('src/client/pool.ts', '../../workers/sim.worker.ts')).toBeNull();
    expect(violation('src/app/version.ts', '../../package.json')).toBeNull();
    expect(violation('src/analysis/pool.ts', 'node:worker_threads')).toBeNull();
    expect(violation('src/analysis/pool.ts', '../../workers/sim.node-worker.mjs')).toBeNull();
    expect(violation('bin/allweather.mjs', '../')).toBeNull();
    expect(violation('bin/allweather.mjs', '../src/ui/Header.tsx')).toMatch(/^upward import/);
  });

  it("names imports past the engine's API, allows the API, result types and src/sim itself", () => {
    expect(engineReach('src/drill/session.ts', '../sim/engine.ts')).toMatch(/reaches into the engine/);
    expect(engineReach('src/drill/session.ts', '../sim/simulation.ts')).toMatch(/reaches into the engine/);
    expect(engineReach('src/analysis/liveService.ts', '../sim/snapshot.ts')).toMatch(/reaches into the engine/);
    expect(engineReach('src/drill/drill.test.ts', '../sim/core/cases.ts')).toMatch(/reaches into the engine/);
    expect(engineReach('bench/scale.ts', '../src/sim/policies/registry.ts')).toMatch(/reaches into the engine/);
    expect(engineReach('test/x.test.ts', '../src/sim/drivers/rain.ts')).toMatch(/reaches into the engine/);
    expect(engineReach('src/drill/session.ts', '../sim/api.ts')).toBeNull();
    expect(engineReach('src/drill/scoring.ts', '../sim/result.ts')).toBeNull();
    expect(engineReach('src/ui/drill/Inbox.tsx', '../../sim/frame.ts')).toBeNull();
    expect(engineReach('src/sim/policies/nearest.test.ts', '../dispatch.ts')).toBeNull();
    expect(engineReach('src/sim/api.ts', './simulation.ts')).toBeNull();
  });
});
