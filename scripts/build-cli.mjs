/**
 * Builds the `allweather` command line into dist-cli/ with esbuild, so that
 * bin/allweather.mjs starts plain JavaScript instead of compiling TypeScript
 * at every start.
 *
 *     npm run build:cli        # also run by `npm install` / `npm ci` (prepare)
 *
 * Two entries, ESM for Node 20:
 *   dist-cli/main.mjs             src/cli/main.ts: argument dispatch only; each
 *                                 command is a chunk loaded with import() on demand
 *   dist-cli/sim.node-worker.mjs  workers/sim.node-service.ts: the worker_threads
 *                                 side of the worker pool, needing no TypeScript loader
 * and the chunks they share (dist-cli/chunk-<hash>.mjs), all in one folder:
 * src/cli/common.ts finds the worker and ../package.json beside its chunk
 * when the build defines ALLWEATHER_CLI_BUNDLE. Dependencies are bundled
 * too: tree-shaken, fewer and smaller files to load than from node_modules
 * (`validate` measured 0.07 s less CPU than with `packages: 'external'`),
 * and the bundle runs with no node_modules beside it.
 *
 * Safe while other processes run the CLI or build it too (tests build it in
 * their global setup): files are written only when their content changed,
 * each through a temporary file renamed into place, and files of earlier
 * builds are removed only once they are a minute old. dist-cli/build.json
 * lists the source files and the time of the build; bin/allweather.mjs
 * compares them to say when the bundle is older than the sources.
 */
import { Buffer } from 'node:buffer';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const OUT_DIR = join(ROOT, 'dist-cli');
const BUILD_INFO = 'build.json';
const STALE_AFTER_MS = 60_000;

/**
 * zod's 50-odd translations of its own messages (`z.locales`, ~370 kB of
 * the bundle, parsed at every start): the CLI never uses them (it says every
 * scenario error itself, in zh and en: src/scenario/messages.ts), and zod's
 * default English map is imported from its own file, which stays.
 */
const withoutZodLocales = {
  name: 'without-zod-locales',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      args.importer.includes('node_modules/zod/') ? { path: 'zod-locales', namespace: 'empty' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'empty' }, () => ({ contents: 'export {};', loader: 'js' }));
  },
};

/** Writes `bytes` to `path` through a temporary file and a rename, unless it already holds them. */
function writeIfChanged(path, bytes) {
  try {
    if (Buffer.compare(readFileSync(path), bytes) === 0) return false;
  } catch {
    // missing: write it
  }
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, bytes);
  renameSync(tmp, path);
  return true;
}

/**
 * Builds dist-cli/. Resolves to { files, written, ms }: the bundle's files,
 * how many changed, the build time.
 */
export async function buildCli({ log = console.error } = {}) {
  const t0 = performance.now();
  const builtAt = Date.now();
  const { build } = await import('esbuild');
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: { main: 'src/cli/main.ts', 'sim.node-worker': 'workers/sim.node-service.ts' },
    outdir: OUT_DIR,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outExtension: { '.js': '.mjs' },
    chunkNames: '[name]-[hash]',
    define: { ALLWEATHER_CLI_BUNDLE: 'true' },
    // bundled CommonJS packages (@stdlib's, and `debug` under them) require Node built-ins
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);",
    },
    legalComments: 'none',
    charset: 'utf8',
    metafile: true,
    plugins: [withoutZodLocales],
    write: false,
    logLevel: 'warning',
  });
  mkdirSync(OUT_DIR, { recursive: true });
  const files = new Set([BUILD_INFO]);
  let written = 0;
  for (const f of result.outputFiles) {
    files.add(basename(f.path));
    if (writeIfChanged(f.path, Buffer.from(f.contents))) written++;
  }
  const sources = Object.keys(result.metafile.inputs)
    .filter((p) => !p.includes('node_modules/') && !p.includes(':')) // not zod's stubbed locales
    .sort();
  writeIfChanged(join(OUT_DIR, BUILD_INFO), Buffer.from(JSON.stringify({ builtAt, sources }, null, 1) + '\n'));
  for (const name of readdirSync(OUT_DIR)) {
    if (files.has(name)) continue;
    const p = join(OUT_DIR, name);
    try {
      if (Date.now() - statSync(p).mtimeMs > STALE_AFTER_MS) rmSync(p, { force: true });
    } catch {
      // removed meanwhile by another build
    }
  }
  const ms = performance.now() - t0;
  log(
    `CLI 已构建 / CLI built: ${relative(process.cwd(), OUT_DIR) || '.'}/ ` +
      `(${files.size - 1} files, ${written} changed, ${Math.round(ms)} ms)`,
  );
  return { files: [...files], written, ms };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    await import('esbuild');
  } catch {
    // `npm ci --omit=dev` runs `prepare` too, without devDependencies: not a failed install
    console.error(
      '未安装 esbuild（开发依赖），跳过 CLI 构建 / esbuild (a devDependency) is not installed: CLI build skipped',
    );
    process.exit(0);
  }
  await buildCli();
}
