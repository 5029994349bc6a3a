#!/usr/bin/env node
/**
 * The `allweather` command. Starts the CLI bundle that `npm run build:cli`
 * (scripts/build-cli.mjs) builds into dist-cli/: plain JavaScript, each
 * command loaded only when asked for. `npm install` and `npm ci` build it
 * (the `prepare` script).
 *
 * Without the bundle (install scripts never ran), or when a source file is
 * newer than it (sources edited since the build; dist-cli/build.json lists
 * them), it runs src/cli/main.ts through tsx, a devDependency, and says so
 * on stderr; without tsx it says how to build the bundle and exits with 1.
 * The bundle carries its dependencies: with no sources beside it (a copy of
 * bin/, dist-cli/ and package.json) it runs as it is.
 */
import { readFileSync, statSync } from 'node:fs';

// `allweather ... | head`: a reader that stops early is not an error.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

const ROOT = new URL('../', import.meta.url);
const BUNDLE = new URL('dist-cli/main.mjs', ROOT);
const BUILD_CMD = 'npm run build:cli';

/** Why the bundle cannot be used ({ zh, en }), or null when it is there and newer than every source. */
function bundleProblem() {
  let info;
  try {
    statSync(BUNDLE);
    info = JSON.parse(readFileSync(new URL('dist-cli/build.json', ROOT), 'utf8'));
  } catch {
    return { zh: '尚未构建命令行（dist-cli/）', en: 'The CLI bundle (dist-cli/) is not built' };
  }
  try {
    statSync(new URL('src/cli/main.ts', ROOT));
  } catch {
    return null; // the bundle without its sources: nothing to be older than
  }
  for (const source of info.sources) {
    let mtimeMs;
    try {
      ({ mtimeMs } = statSync(new URL(source, ROOT)));
    } catch {
      mtimeMs = Infinity; // moved or deleted since the build
    }
    if (mtimeMs > info.builtAt) {
      return {
        zh: `命令行构建（dist-cli/）比源码旧（${source}）`,
        en: `The CLI bundle (dist-cli/) is older than the sources (${source})`,
      };
    }
  }
  return null;
}

let main;
const problem = bundleProblem();
if (problem === null) {
  ({ main } = await import(BUNDLE.href));
} else {
  let register;
  try {
    ({ register } = await import('tsx/esm/api'));
  } catch {
    process.stderr.write(`${problem.zh}。请运行 ${BUILD_CMD} / ${problem.en}. Run ${BUILD_CMD}\n`);
    process.exit(1);
  }
  process.stderr.write(
    `${problem.zh}：改用 tsx 运行源码（较慢），${BUILD_CMD} 可重建 / ` +
      `${problem.en}: running the sources through tsx (slower); ${BUILD_CMD} rebuilds it\n`,
  );
  register();
  ({ main } = await import(new URL('src/cli/main.ts', ROOT).href));
}
process.exitCode = await main(process.argv.slice(2));
