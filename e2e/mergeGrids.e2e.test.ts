/**
 * Merging an imported district's grids to a count in the app (`city.mergeToGrids`, src/scenario/merge.ts): the
 * editor's grid section offers the field for a district only; applied, the district plays on the merged grids
 * (the coverage matrix counts them, their codes end in "+N"); variant B of a comparison and the sweep form take
 * the count too. Screenshots of the editor and the matrix.
 */
import { describe, it, expect, beforeAll, afterAll, inject } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, openApp, SHOTS, type Watched } from './browser.ts';

const root = new URL('..', import.meta.url).pathname;
const GEOJSON = `${root}scenarios/sample-district/district.geojson`;
const MERGE = 'input[data-path="$.city.mergeToGrids"]';

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

describe('merging a district’s grids to a count', () => {
  it('the editor offers it for a district only; applied, the district plays on the merged grids', async () => {
    const { page } = app;
    await page.click('[data-testid="view-editor"]');
    await page.waitForSelector('[data-testid="ed-grid"]');
    expect(await page.locator(MERGE).count()).toBe(0); // the baseline is a k x k city

    await page.setInputFiles('[data-testid="scenario-file"]', [GEOJSON]);
    await page.waitForSelector('[data-testid="app"][data-ready="true"][data-scenario^="imported-"]', {
      timeout: 120_000,
    });
    await page.click('[data-testid="view-live"]');
    const matrix = page.locator('[data-testid="coverage-matrix"]');
    await expect.poll(() => matrix.getAttribute('data-grids'), { timeout: 60_000 }).toBe('51');

    await page.click('[data-testid="view-editor"]');
    await page.locator(MERGE).fill('12');
    await page.locator('[data-testid="ed-grid"]').screenshot({ path: `${SHOTS}merge-01-editor.png` });
    await page.click('[data-testid="ed-apply"]');
    await page.waitForSelector('[data-testid="app"][data-ready="true"]', { timeout: 120_000 });
    await page.click('[data-testid="view-live"]');
    await expect.poll(() => matrix.getAttribute('data-grids'), { timeout: 60_000 }).toBe('12');
    await page.click('[data-testid="speed-max"]');
    await page.click('[data-testid="play"]');
    await page.waitForSelector('[data-done="true"]', { timeout: 300_000 });
    expect(await matrix.innerText()).toMatch(/\+\d+/); // merged codes: the largest constituent's + the others
    await matrix.screenshot({ path: `${SHOTS}merge-02-matrix.png` });
    expect(app.consoleErrors).toEqual([]);
  });

  it('variant B of a comparison and the sweep form take a count', async () => {
    const { page } = app;
    await page.click('[data-testid="view-experiments"]');
    await page.click('[data-testid="exp-tab-compare"]');
    // the live scenario now merges to 12: B asks for 6
    await page.fill('[data-testid="cmp-merge"]', '6');
    await expect
      .poll(() => page.locator('[data-testid="cmp-overrides"]').getAttribute('data-overrides'))
      .toContain('city.mergeToGrids=6');
    await page.fill('[data-testid="cmp-merge"]', '0');
    expect(await page.locator('[data-testid="cmp-merge"]').getAttribute('aria-invalid')).toBe('true');
    await page.click('[data-testid="exp-tab-sweep"]');
    await page.selectOption('[data-testid="sweep-kind-1"]', 'mergeToGrids');
    expect(await page.locator('[data-testid="sweep-param-1"] [data-path="city.mergeToGrids"]').count()).toBe(1);
  });
});
