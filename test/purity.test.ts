/**
 * Floor 0 (src/sim, src/scenario) is pure TypeScript: it must run unchanged in
 * a browser worker, in Node and in tests, and give the same numbers for the
 * same seed. This test scans its source (tests excluded) for anything that
 * breaks that: ambient randomness or clocks, UI or stream libraries, Node
 * built-ins, and browser globals.
 *
 * Comments are ignored, so a docstring may say "never Math.random()". String
 * literals are ignored for the identifier rules (an error message may say
 * "window"), but import specifiers are checked.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { strip } from './sourceText.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PURE_DIRS = ['src/sim', 'src/scenario'];

export interface Finding {
  line: number;
  rule: string;
  text: string;
}

/** Code rules, applied to source with comments and string contents blanked. */
const CODE_RULES: [string, RegExp][] = [
  ['Math.random (use the seeded generator)', /\bMath\s*\.\s*random\b/],
  ['Date.now (the engine has its own clock)', /\bDate\s*\.\s*now\b/],
  ['performance.now (the engine has its own clock)', /\bperformance\s*\.\s*now\b/],
  ['new Date( (the engine has its own clock)', /\bnew\s+Date\s*\(/],
  ['window (browser global)', /(?<![\w$.])window\b(?!\s*:)/],
  ['document (browser global)', /(?<![\w$.])document\b(?!\s*:)/],
  ['self. (worker global)', /(?<![\w$.])self\s*\./],
  ['globalThis. (global object)', /(?<![\w$.])globalThis\s*[.[]/],
  ['require( (use an import)', /(?<![\w$.])require\s*\(/],
  // implementation-approximated in ECMAScript: results differ between engines (Node vs Chromium); use detmath.ts
  [
    'Math.log/exp/pow/trig (platform-dependent bits: use dlog/dexp from detmath.ts)',
    /\bMath\s*\.\s*(log|log2|log10|log1p|exp|expm1|pow|sin|cos|tan|asin|acos|atan|atan2|sinh|cosh|tanh|cbrt|hypot)\b/,
  ],
];

const NODE_BUILTINS = new Set([
  'fs',
  'path',
  'os',
  'worker_threads',
  'crypto',
  'child_process',
  'http',
  'https',
  'net',
  'url',
  'util',
  'stream',
  'process',
  'perf_hooks',
  'module',
  'vm',
  'zlib',
  'events',
  'buffer',
  'readline',
  'cluster',
  'dgram',
  'dns',
  'tls',
  'timers',
  'assert',
  'v8',
]);

/** Why an import specifier is banned from floor 0, or null if it is fine. */
function bannedImport(spec: string): string | null {
  if (spec.startsWith('node:')) return `import of Node built-in "${spec}"`;
  const root = spec.split('/')[0];
  if (NODE_BUILTINS.has(root)) return `import of Node built-in "${spec}"`;
  if (spec.startsWith('@react-three/')) return `import of "${spec}" (UI)`;
  if (/^(react|react-dom|three|rxjs)(\/|$)/.test(spec))
    return `import of "${spec}" (UI / streams belong above floor 0)`;
  return null;
}

const IMPORT_RE =
  /(?:\bimport\s*(?:[\w*{}\s,$]+\s*from\s*)?|\bexport\s*[\w*{}\s,$]*\s*from\s*|\bimport\s*\(\s*|\brequire\s*\(\s*)(['"])([^'"\n]+)\1/g;

/** Everything in `source` that floor 0 must not contain. */
export function scanSource(source: string): Finding[] {
  const { noComments, codeOnly } = strip(source);
  const lineOf = (offset: number) => source.slice(0, offset).split('\n').length;
  const lines = source.split('\n');
  const findings: Finding[] = [];
  for (const m of noComments.matchAll(IMPORT_RE)) {
    const why = bannedImport(m[2]);
    if (why) {
      const line = lineOf(m.index! + m[0].length - 1);
      findings.push({ line, rule: why, text: lines[line - 1].trim() });
    }
  }
  const codeLines = codeOnly.split('\n');
  codeLines.forEach((code, k) => {
    for (const [rule, re] of CODE_RULES) {
      if (re.test(code)) findings.push({ line: k + 1, rule, text: lines[k].trim() });
    }
  });
  return findings.sort((p, q) => p.line - q.line);
}

function tsFiles(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return tsFiles(p);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [p] : [];
  });
}

describe('purity of floor 0 (src/sim, src/scenario)', () => {
  const files = PURE_DIRS.flatMap((d) => tsFiles(join(ROOT, d)));

  it('finds the source files', () => {
    expect(files.some((f) => f.endsWith('schema.ts'))).toBe(true);
  });

  it('has no clocks, ambient randomness, UI, Node built-ins or browser globals', () => {
    const report: string[] = [];
    for (const file of files) {
      for (const f of scanSource(readFileSync(file, 'utf8'))) {
        report.push(`${relative(ROOT, file)}:${f.line}: ${f.rule}\n    ${f.text}`);
      }
    }
    expect(report, `floor 0 must stay pure:\n${report.join('\n')}`).toEqual([]);
  });
});

describe('the purity scanner itself', () => {
  const rulesHit = (src: string) => scanSource(src).map((f) => f.rule.split(' ')[0]);

  it('catches every banned construct', () => {
    const bad = [
      "import { readFileSync } from 'node:fs';",
      "import * as path from 'path';",
      "import { Worker } from 'worker_threads';",
      "import { createHash } from 'crypto';",
      "import { spawn } from 'child_process';",
      "import os from 'os';",
      "import { useState } from 'react';",
      "import * as THREE from 'three';",
      "import { Subject } from 'rxjs';",
      "import { map } from 'rxjs/operators';",
      "import { Canvas } from '@react-three/fiber';",
      "export { x } from 'fs/promises';",
      "const m = await import('node:crypto');",
      'const r = Math.random();',
      'const t = Date.now();',
      'const p = performance.now();',
      'const d = new Date();',
      'const w = window.innerWidth;',
      'document.title = "x";',
      'self.postMessage(1);',
      'globalThis.foo = 1;',
    ].join('\n');
    const findings = scanSource(bad);
    expect(findings.map((f) => f.line)).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
    expect(rulesHit(bad)).toContain('Math.random');
  });

  it('ignores comments, strings and look-alike names', () => {
    const ok = [
      '/** Never call Math.random() or Date.now(); no window, no document. */',
      "// import fs from 'node:fs'",
      "const msg = 'see window.document and self.x and new Date( ';",
      'const t = `Date.now() ${1 + 1}`;',
      'const re = /window|"document"/g;',
      'const slidingWindow = 3; const opts = { window: 2 }; opts.window;',
      'const myself = { x: 1 }; myself.x;',
      "import { z } from 'zod';",
      "import type { Dist } from './schema.ts';",
      "import { pathOf } from './paths.ts';",
      'const ratio = a / b / c; const after = 1;',
    ].join('\n');
    expect(scanSource(ok)).toEqual([]);
  });

  it('reports the right line after multi-line comments and strings', () => {
    const src = "/*\n Math.random\n*/\nconst s = 'a\\'b';\nconst r = Math.random();";
    expect(scanSource(src)).toEqual([
      { line: 5, rule: expect.stringContaining('Math.random'), text: 'const r = Math.random();' },
    ]);
  });
});
