/**
 * Vitest global setup: builds the CLI bundle (dist-cli/, scripts/build-cli.mjs)
 * once before the suite, so the tests that start `node bin/allweather.mjs`
 * as a user would run the bundle of the sources under test, never a stale one.
 * Unchanged files are not rewritten; it takes a second or two with esbuild.
 */
import { buildCli } from '../scripts/build-cli.mjs';

export default async function setup(): Promise<void> {
  await buildCli({ log: () => {} });
}
