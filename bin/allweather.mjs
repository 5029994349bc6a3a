#!/usr/bin/env node
// The `allweather` command: teaches Node to load TypeScript (tsx), then runs src/cli/main.ts.
import { register } from 'tsx/esm/api';

// `allweather ... | head`: a reader that stops early is not an error.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
