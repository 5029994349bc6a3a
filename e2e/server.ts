/**
 * The built app, served for the end-to-end tests: `vite build` once (unless
 * E2E_SKIP_BUILD=1 and dist/ exists), then `vite preview` on a free port.
 * Vitest's globalSetup starts it and hands the URL to the tests.
 * E2E_OUT_DIR builds and serves another folder than dist/ (several checkouts
 * or runs side by side).
 */
import { build, preview } from 'vite';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

const root = fileURLToPath(new URL('..', import.meta.url));

export default async function setup(project: TestProject) {
  const outDir = process.env.E2E_OUT_DIR || `${root}/dist`;
  if (!(process.env.E2E_SKIP_BUILD === '1' && existsSync(`${outDir}/index.html`))) {
    // a production build, as users get it: under Vitest NODE_ENV is 'test', and Vite would then bundle React's
    // development build (jsxDEV, owner stacks: several times slower, which the printed long tasks and frame rates measured)
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await build({ root, mode: 'production', logLevel: 'warn', build: { outDir, emptyOutDir: true } });
    } finally {
      process.env.NODE_ENV = nodeEnv;
    }
  }
  const server = await preview({
    root,
    build: { outDir },
    preview: { port: 0, strictPort: false, host: '127.0.0.1' },
    logLevel: 'warn',
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report a URL');
  project.provide('appUrl', url);
  return async () => {
    await server.close();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    appUrl: string;
  }
}
