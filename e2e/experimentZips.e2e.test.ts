/**
 * Every kind of experiment's zip, downloaded from the app's Downloads tab in
 * Chromium as a user would, replays with `allweather replay <zip>` (the built
 * CLI, a fresh process): replications, an A/B comparison, a sweep, a
 * staffing search, a diagnosis and a cheapest-plan search run in the
 * browser, each zip is saved, and the CLI re-runs the experiment and
 * says every result file matches byte for byte (exit 0). Each zip's manifest
 * carries the experiment (kind and search parameters) and a real
 * `allweather` command line.
 */
import { describe, it, expect, beforeAll, afterAll, inject } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { readZip } from '../src/export/zip.ts';
import { launch, openApp, type Watched } from './browser.ts';

const ROOT = new URL('..', import.meta.url).pathname;
let browser: Browser;
let app: Watched;
const tmp = mkdtempSync(join(tmpdir(), 'allweather-e2e-zip-'));

async function download(page: Page, testId: string): Promise<{ name: string; bytes: Buffer }> {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click(`[data-testid="${testId}"]`)]);
  return { name: dl.suggestedFilename(), bytes: readFileSync(await dl.path()) };
}

function replay(path: string) {
  const r = spawnSync(process.execPath, ['bin/allweather.mjs', 'replay', path, '--workers', '2'], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 200_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(async () => {
  browser = await launch();
  app = await openApp(browser, inject('appUrl'));
  await app.page.waitForSelector('[data-testid="app"][data-ready="true"]');
});
afterAll(async () => {
  await browser?.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe("each experiment's zip from the browser replays byte for byte", () => {
  it('replications, A/B, sweep, staffing search, diagnosis and optimise: downloaded, replayed, every file equal', async () => {
    const { page } = app;
    await page.click('[data-testid="view-experiments"]');
    await page.click('[data-testid="exp-tab-sweep"]');
    await page.selectOption('[data-testid="sweep-kind-1"]', 'nightStaff');
    await page.fill('[data-testid="sweep-reps"]', '2');
    await page.click('[data-testid="sweep-run"]');
    await page.waitForSelector('[data-testid="sweep-progress"][data-status="done"]', { timeout: 200_000 });

    const staffing = page.locator('[data-testid="staffing"]');
    await staffing.locator('input[inputmode="numeric"]').fill('2');
    await page.click('[data-testid="staffing-run"]');
    await page.waitForSelector('[data-testid="staffing-progress"][data-status="done"]', { timeout: 200_000 });

    await page.click('[data-testid="exp-tab-diagnose"]');
    await page.fill('[data-testid="diag-reps"]', '2');
    await page.fill('[data-testid="diag-days"]', '0.5');
    await page.click('[data-testid="diag-run"]');
    await page.waitForSelector('[data-testid="diag-progress"][data-status="done"]', { timeout: 200_000 });

    await page.click('[data-testid="exp-tab-replications"]');
    await page.fill('[data-testid="rep-count"]', '2');
    await page.click('[data-testid="rep-run"]');
    await page.waitForSelector('[data-testid="rep-progress"][data-status="done"]', { timeout: 200_000 });

    await page.click('[data-testid="exp-tab-compare"]');
    await page.selectOption('[data-testid="cmp-team"]', 'grid-workers');
    await page.fill('[data-testid="cmp-staff"]', '3');
    await page.fill('[data-testid="cmp-reps"]', '2');
    await page.click('[data-testid="cmp-run"]');
    await page.waitForSelector('[data-testid="cmp-progress"][data-status="done"]', { timeout: 200_000 });

    await page.click('[data-testid="exp-tab-optimise"]');
    await page.fill('[data-testid="opt-reps"]', '2');
    await page.fill('[data-testid="opt-budget"]', '3');
    await page.fill('[data-testid="opt-days"]', '0.5');
    await page.click('[data-testid="opt-run"]');
    await page.waitForSelector('[data-testid="opt-progress"][data-status="done"]', { timeout: 240_000 });

    await page.click('[data-testid="exp-tab-downloads"]');
    await page.waitForSelector('[data-testid="downloads"][data-ready="true"]');
    // replications and A/B: every file re-made by the replay and equal
    for (const k of [
      { source: 'replications', manifest: 'manifest.json', cmd: /^allweather export .* --replications 2 / },
      { source: 'comparison', manifest: 'manifest-b.json', cmd: /^allweather compare .* --set / },
    ]) {
      const zip = await download(page, `download-${k.source}-zip`);
      const entries = readZip(new Uint8Array(zip.bytes));
      const manifest = JSON.parse(new TextDecoder().decode(entries.get(k.manifest))) as {
        command: string;
        files: { name: string }[];
      };
      expect(manifest.command).toMatch(k.cmd);
      const path = join(tmp, zip.name);
      writeFileSync(path, zip.bytes);
      const r = replay(path);
      for (const f of manifest.files)
        expect(r.stderr, r.stderr).toContain(`✓ ${path}:${f.name} 与重放逐字节一致 / matches the replay byte for byte`);
      expect(r.code, r.stderr).toBe(0);
    }
    const kinds = [
      { source: 'sweep', files: ['sweep.csv', 'sweep-replications.csv', 'sweep.json'], cmd: /^allweather sweep / },
      { source: 'staffing', files: ['staffing.csv', 'staffing.json'], cmd: /^allweather staffing .* --shift / },
      { source: 'diagnosis', files: ['diagnosis.json'], cmd: /^allweather diagnose .* --days 0\.5/ },
      {
        source: 'optimise',
        files: ['optimise-plan.csv', 'optimise-evaluations.csv', 'optimise.json'],
        cmd: /^allweather optimise .* --budget-evaluations 3 .*--days 0\.5/,
      },
    ];
    for (const k of kinds) {
      const zip = await download(page, `download-${k.source}-zip`);
      const entries = readZip(new Uint8Array(zip.bytes));
      const manifest = JSON.parse(new TextDecoder().decode(entries.get('manifest.json'))) as {
        command: string;
        experiment: { kind: string };
        files: { name: string }[];
      };
      expect(manifest.experiment.kind).toBe(k.source === 'diagnosis' ? 'diagnose' : k.source);
      expect(manifest.command).toMatch(k.cmd);
      expect(manifest.files.map((f) => f.name)).toEqual(k.files);
      const path = join(tmp, zip.name);
      writeFileSync(path, zip.bytes);
      const r = replay(path);
      for (const f of k.files)
        expect(r.stderr, r.stderr).toContain(`✓ ${path}:${f} 与重放逐字节一致 / matches the replay byte for byte`);
      expect(r.code, r.stderr).toBe(0);
    }
    expect(app.consoleErrors).toEqual([]);
  });
});
