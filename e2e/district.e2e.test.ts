/**
 * Your own district in the app: the sample district's GeoJSON and case log
 * (scenarios/sample-district, synthetic) opened together with "Open" are
 * imported and calibrated in the import worker; the calibration report
 * shows (observed vs fitted by hour, the handling-time families with the
 * AIC's choice, a Q-Q plot, bad rows); the district plays; the coverage
 * matrix groups it by street and community and finds a grid by its code,
 * which selects it in the 3D view. A broken GeoJSON then shows its errors
 * and the district keeps running. The longest main-thread tasks while
 * importing and while playing are printed (Long Tasks API), not asserted.
 */
import { describe, it, expect, beforeAll, afterAll, inject } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, openApp, SHOTS, type Watched } from './browser.ts';

const root = new URL('..', import.meta.url).pathname;
const GEOJSON = `${root}scenarios/sample-district/district.geojson`;
const CSV = `${root}scenarios/sample-district/cases.csv`;

let browser: Browser;
let app: Watched;

async function longTasks(page: Page): Promise<number[]> {
  return page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks.splice(0));
}

beforeAll(async () => {
  browser = await launch();
  app = await openApp(browser, inject('appUrl'));
  await app.page.waitForSelector('[data-testid="app"][data-ready="true"][data-scenario="baseline-weekday"]');
  await app.page.evaluate(() => {
    const w = window as unknown as { __longTasks: number[] };
    w.__longTasks = [];
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) w.__longTasks.push(Math.round(e.duration));
    }).observe({ type: 'longtask', buffered: false });
  });
});
afterAll(async () => {
  await browser?.close();
});

describe('an imported, calibrated district in the app', () => {
  it('opening the GeoJSON with its case log imports it in a worker and shows the calibration report', async () => {
    const { page } = app;
    await longTasks(page);
    await page.setInputFiles('[data-testid="scenario-file"]', [GEOJSON, CSV]);
    const panel = page.locator('[data-testid="import-panel"][data-report="true"]');
    await panel.waitFor({ timeout: 120_000 });
    await page.waitForSelector('[data-testid="app"][data-ready="true"][data-view="import"]');
    const scenario = await page.locator('[data-testid="app"]').getAttribute('data-scenario');
    expect(scenario).not.toBe('baseline-weekday');
    expect(Number(await panel.getAttribute('data-types'))).toBeGreaterThan(1);
    expect(Number(await page.locator('[data-stat="grids"]').getAttribute('data-value'))).toBeGreaterThan(10);
    // the first type: hourly chart, the families with one chosen by AIC, the Q-Q plot
    await page.waitForSelector('[data-testid="calibration-hour-chart"] canvas');
    expect(await page.locator('[data-testid="calibration-hour-chart"]').getAttribute('data-points')).toBe('24');
    const fits = page.locator('[data-testid="calibration-fits"] tbody tr');
    expect(await fits.count()).toBe(3);
    expect(await page.locator('[data-testid="calibration-fits"] tr[data-chosen="true"]').count()).toBe(1);
    await page.waitForSelector('[data-testid="calibration-qq"] canvas');
    const text = await panel.innerText();
    expect(text).toContain('按小时：观测与拟合案件数');
    expect(text).toMatch(/有问题的行：\d+（\d+ 行未用，\d+ 行仅计到达）/);
    // a new event type's team by its name, the id only in the data attribute and tooltip
    const team = page.locator('[data-testid="calibration-new-types"] td[data-team]').first();
    if ((await team.count()) > 0) {
      const id = (await team.getAttribute('data-team'))!;
      expect(await team.innerText()).not.toBe(id);
      expect(await team.innerText()).toMatch(/[\u4e00-\u9fff]/);
    }
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${SHOTS}district-01-calibration-report.png` });
    // another type, and English
    await page.locator('.type-tabs button').nth(1).click();
    await page.click('[data-testid="lang-en"]');
    expect(await panel.innerText()).toContain('By hour: observed and fitted cases');
    await page.locator('[data-testid="calibration-bad-rows"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}district-02-calibration-report-en.png` });
    await page.click('[data-testid="lang-zh"]');
    const tasks = await longTasks(page);
    console.log(`import: main-thread long tasks (ms) ${JSON.stringify(tasks)}, longest ${Math.max(0, ...tasks)}`);
  });

  it('plays the district, grouped by street and community in the matrix', async () => {
    const { page } = app;
    await page.click('[data-testid="view-live"]');
    await page.click('[data-testid="speed-3600"]');
    await page.click('[data-testid="play"]');
    await page.waitForFunction(
      () => Number(document.querySelector('[data-testid="clock"]')?.getAttribute('data-ts')) > 12 * 3600,
      undefined,
      { timeout: 120_000 },
    );
    await page.click('[data-testid="pause"]');
    const tasks = await longTasks(page);
    console.log(`play: main-thread long tasks (ms) ${JSON.stringify(tasks)}, longest ${Math.max(0, ...tasks)}`);
    const matrix = page.locator('[data-testid="coverage-matrix"]');
    expect(await matrix.getAttribute('data-grouped')).toBe('true');
    expect(
      await page.locator('[data-testid="coverage-matrix"] tr.m-group[data-kind="street"]').count(),
    ).toBeGreaterThan(0);
    expect(
      await page.locator('[data-testid="coverage-matrix"] tr.m-group[data-kind="community"]').count(),
    ).toBeGreaterThan(0);
    // a street's aggregate row has attainment cells once cases are decided
    expect(await page.locator('[data-testid="coverage-matrix"] tr.m-group td.m-cell[data-n]').count()).toBeGreaterThan(
      0,
    );
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${SHOTS}district-03-playing-3d.png` });
    // collapse the first street: its communities and grids go
    const before = Number(await matrix.getAttribute('data-rows'));
    await page.locator('[data-testid="coverage-matrix"] tr.m-group[data-kind="street"] button').first().click();
    expect(Number(await matrix.getAttribute('data-rows'))).toBeLessThan(before);
    await page.locator('[data-testid="coverage-matrix"] tr.m-group[data-kind="street"] button').first().click();
    expect(Number(await matrix.getAttribute('data-rows'))).toBe(before);
  });

  it('finds a grid by its code: the rows filter, Enter selects it in the 3D view and the details', async () => {
    const { page } = app;
    const code = await page.evaluate(() => window.__allweather!.layout!.gridIds[7]);
    await page.fill('[data-testid="matrix-search"]', code);
    const status = page.locator('[data-testid="matrix-search-status"]');
    expect(Number(await status.getAttribute('data-matches'))).toBe(1);
    await page.press('[data-testid="matrix-search"]', 'Enter');
    await expect
      .poll(() => page.locator('[data-testid="detail-grid"]').getAttribute('data-value'))
      .toBe(JSON.stringify(code));
    const rows = page.locator('[data-testid="coverage-matrix"] tbody tr[data-g]');
    expect(await rows.count()).toBe(1);
    expect(await rows.first().getAttribute('data-grid')).toBe(code);
    expect(await rows.first().getAttribute('aria-selected')).toBe('true');
    const detail = await page.locator('[data-testid="detail-panel"]').innerText();
    expect(detail).toContain('社区');
    expect(detail).toContain('街道');
    // by name too (the grid's name from the GeoJSON)
    const name = await page.evaluate(() => window.__allweather!.layout!.hierarchy.gridNames[7]);
    await page.fill('[data-testid="matrix-search"]', name);
    expect(Number(await status.getAttribute('data-matches'))).toBeGreaterThan(0);
    await page.fill('[data-testid="matrix-search"]', code);
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${SHOTS}district-04-search-grid.png` });
    await page.fill('[data-testid="matrix-search"]', 'no-such-grid');
    expect(await status.getAttribute('data-matches')).toBe('0');
    await page.fill('[data-testid="matrix-search"]', '');
  });

  it('a broken GeoJSON shows its errors in both languages and the district keeps running', async () => {
    const { page } = app;
    const scenario = await page.locator('[data-testid="app"]').getAttribute('data-scenario');
    await page.setInputFiles('[data-testid="scenario-file"]', {
      name: 'broken.geojson',
      mimeType: 'application/geo+json',
      buffer: Buffer.from(
        JSON.stringify({
          type: 'FeatureCollection',
          features: [
            {
              type: 'Feature',
              properties: { kind: 'grid', code: 'A' },
              geometry: { type: 'Point', coordinates: [121.4, 31.2] },
            },
          ],
        }),
      ),
    });
    const errors = page.locator('[data-testid="scenario-errors"]');
    await errors.waitFor();
    const text = await errors.innerText();
    expect(text).toContain('broken.geojson');
    expect(text).toMatch(/features\[0\]/);
    expect(text).toMatch(/[\u4e00-\u9fff]/);
    expect(text).toMatch(/[a-z]{4}/);
    expect(await page.locator('[data-testid="app"]').getAttribute('data-scenario')).toBe(scenario);
    await page.screenshot({ path: `${SHOTS}district-05-broken-geojson.png` });
    await page.click('[data-testid="scenario-errors-dismiss"]');
    expect(app.consoleErrors).toEqual([]);
    expect(app.offOrigin).toEqual([]);
  });
});
