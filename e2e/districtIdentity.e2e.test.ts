/**
 * One engine for an imported district too: the sample district and its case log, imported and calibrated in
 * the browser's import worker and played there to the end of its run, show exactly the KPIs the CLI prints
 * after `allweather import` and `allweather run` on the same files with the same seed (same importer, same
 * calibration, same engine, in Chromium and in Node).
 */
import { describe, it, expect, beforeAll, afterAll, inject } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { REQUIRED_KPIS } from '../src/cli/testCli.ts';
import { launch, openApp, SHOTS, type Watched } from './browser.ts';

const root = new URL('..', import.meta.url).pathname;
const GEOJSON = `${root}scenarios/sample-district/district.geojson`;
const CSV = `${root}scenarios/sample-district/cases.csv`;
const KPIS = REQUIRED_KPIS;

let browser: Browser;
let app: Watched;

beforeAll(async () => {
  browser = await launch();
  app = await openApp(browser, inject('appUrl'));
  await app.page.waitForSelector('[data-testid="app"][data-ready="true"][data-scenario="baseline-weekday"]');
});
afterAll(async () => {
  await browser?.close();
});

describe('an imported district: the browser and the CLI agree', () => {
  it('plays the calibrated sample district to the end with exactly the CLI numbers', async () => {
    const { page } = app;
    await page.setInputFiles('[data-testid="scenario-file"]', [GEOJSON, CSV]);
    await page.waitForSelector('[data-testid="import-panel"][data-report="true"]', { timeout: 120_000 });
    await page.waitForSelector('[data-testid="app"][data-ready="true"][data-view="import"]');
    const id = await page.locator('[data-testid="app"]').getAttribute('data-scenario');
    await page.click('[data-testid="view-live"]');
    const seed = Number(await page.locator('[data-seed]').first().getAttribute('data-seed'));
    await page.click('[data-testid="speed-max"]');
    await page.click('[data-testid="play"]');
    await page.waitForSelector('[data-done="true"]', { timeout: 300_000 });
    await page.waitForTimeout(400); // let the KPI panel take the final frame
    await page.screenshot({ path: `${SHOTS}district-identity-end.png` });

    const dir = mkdtempSync(join(tmpdir(), 'aw-district-'));
    const out = join(dir, 'district.json');
    const cli = (args: string[]) =>
      execFileSync(process.execPath, ['bin/allweather.mjs', ...args], { cwd: root, encoding: 'utf8' });
    cli(['import', GEOJSON, '--cases', CSV, '--out', out]);
    const run = JSON.parse(cli(['run', out, '--seed', String(seed), '--json'])) as {
      scenario?: { id?: string };
      summary: Record<string, { mean: number | null }>;
    };
    expect(id).toMatch(/^imported-/);
    for (const k of KPIS) {
      const v = await page.locator(`[data-kpi="${k}"]`).first().getAttribute('data-value');
      expect({ kpi: k, value: JSON.parse(v!) }).toEqual({ kpi: k, value: run.summary[k].mean });
    }
    expect(run.summary.casesArrived.mean).toBeGreaterThan(100);
    expect(app.consoleErrors).toEqual([]);
  });
});
