/**
 * Floor 1 (src/analysis, src/export) runs in the browser too: the app builds
 * its experiments and downloads from the same modules the CLI uses. So no
 * Node built-ins and no Node globals, except in the files that are Node-only
 * by name and purpose (pool.ts: worker_threads). Tests are exempt.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const NODE_ONLY = new Set(['src/analysis/pool.ts']);
const BUILTINS =
  /^(node:|fs|path|os|worker_threads|child_process|crypto|url|util|stream|process|module|buffer|perf_hooks)(\/|$)/;

/** Source with comments removed (line count kept); good enough for these checks. */
function code(src: string): string {
  return src.replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' ')).replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

describe('floor 1 runs in a browser', () => {
  const files = ['src/analysis', 'src/export'].flatMap((dir) =>
    readdirSync(join(ROOT, dir))
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .map((f) => `${dir}/${f}`),
  );

  it('finds the modules', () => {
    expect(files).toContain('src/export/arrow.ts');
    expect(files).toContain('src/analysis/compare.ts');
  });

  it('imports no Node built-in and uses no Node global outside pool.ts', () => {
    const found: string[] = [];
    for (const f of files) {
      if (NODE_ONLY.has(f)) continue;
      const src = code(readFileSync(join(ROOT, f), 'utf8'));
      for (const m of src.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g))
        if (BUILTINS.test(m[1])) found.push(`${f}: import ${m[1]}`);
      for (const g of ['process.', 'Buffer.', 'require(', '__dirname']) if (src.includes(g)) found.push(`${f}: ${g}`);
    }
    expect(found).toEqual([]);
  });
});
