/**
 * The experiment charts with intervals in a real browser: replications
 * (coverage by hour with its band, response/wait ECDFs with the deadline),
 * a sweep (error bars and the frontier) and an A/B comparison (bands by
 * hour), each chart's intervals read from its data attributes and checked
 * against the pure functions of src/analysis/chartData.ts; PNG and SVG
 * downloads; both languages; and no raw code (`teams.`, `shifts.0`,
 * `$.teams`, `nightStaff`, `city.gridSize`) as visible text. Screenshots
 * go to test-results/screenshots/ (20-… to 24-…).
 */
import { describe, it, expect, beforeAll, afterAll, inject } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { launch, openApp, SHOTS, type Watched } from './browser.ts';
import { coverageHourBands } from '../src/analysis/chartData.ts';

let browser: Browser;
let app: Watched;

const RAW = /teams\.|shifts\.\d|\$\.teams|nightStaff|city\.gridSize|holdHeadcount/;

async function visibleText(page: Page): Promise<string> {
  return page.locator('[data-testid="app"]').innerText();
}

async function download(page: Page, testId: string): Promise<{ name: string; bytes: Buffer }> {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click(`[data-testid="${testId}"]`)]);
  return { name: dl.suggestedFilename(), bytes: readFileSync(await dl.path()) };
}

const num = (s: string | null) => JSON.parse(s!) as number | null;

beforeAll(async () => {
  browser = await launch();
  app = await openApp(browser, inject('appUrl'));
  await app.page.waitForSelector('[data-testid="app"][data-ready="true"]');
});
afterAll(async () => {
  await browser?.close();
});

describe('experiment charts with intervals', () => {
  it('replications: coverage by hour with its 95 % CI band equal to coverageHourBands, and per-type ECDFs with the deadline', async () => {
    const { page } = app;
    await page.click('[data-testid="view-experiments"]');
    await page.click('[data-testid="exp-tab-replications"]');
    await page.fill('[data-testid="rep-count"]', '3');
    await page.click('[data-testid="rep-run"]');
    await page.waitForSelector('[data-testid="rep-progress"][data-status="done"]', { timeout: 120_000 });
    const cov = page.locator('[data-testid="coverage-hour-chart"]');
    await cov.waitFor();
    expect(await cov.getAttribute('data-replications')).toBe('3');
    const series = JSON.parse((await cov.getAttribute('data-series'))!) as (number | null)[][];
    const bands = JSON.parse((await cov.getAttribute('data-bands'))!) as [
      number | null,
      number | null,
      number | null,
    ][];
    const expected = coverageHourBands(series);
    expect(bands).toEqual(expected.map((b) => [b.mean, b.lo, b.hi]));
    const withBand = bands.filter(([m, lo, hi]) => m !== null && lo !== null && hi !== null);
    expect(withBand.length).toBeGreaterThan(12);
    for (const [m, lo, hi] of withBand) {
      expect(lo!).toBeLessThanOrEqual(m! + 1e-12);
      expect(hi!).toBeGreaterThanOrEqual(m! - 1e-12);
    }
    // the band (one path) and the mean line (a path and a circle per hour with a mean)
    expect(await cov.locator('svg path').count()).toBeGreaterThanOrEqual(2);
    expect(await cov.locator('svg circle').count()).toBeGreaterThan(12);

    const dist = page.locator('[data-testid="distribution-chart"]');
    await dist.waitFor();
    const deadlineS = Number(await dist.getAttribute('data-deadline-s'));
    expect(deadlineS).toBeGreaterThan(0);
    const within = JSON.parse((await dist.getAttribute('data-within'))!) as number[];
    const ci = JSON.parse((await dist.getAttribute('data-within-ci'))!) as [number, number, number][];
    expect(within[0]).toBeGreaterThan(0);
    expect(within[0]).toBeLessThanOrEqual(1);
    expect(ci[0][1]).toBeLessThanOrEqual(ci[0][0]);
    expect(ci[0][2]).toBeGreaterThanOrEqual(ci[0][0]);
    expect(Number(await dist.getAttribute('data-steps'))).toBeGreaterThan(5);
    expect(await page.locator('[data-testid="distribution-within"]').innerText()).toContain('时限内到场');
    await page.selectOption('[data-testid="distribution-measure"]', 'wait');
    expect(await dist.getAttribute('data-measure')).toBe('wait');
    await cov.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}20-charts-replications-1440.png` });

    const svg = await download(page, 'coverage-hour-chart-svg');
    expect(svg.name).toMatch(/\.svg$/);
    expect(svg.bytes.toString('utf8')).toMatch(/^<\?xml[^>]*>\s*<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg.bytes.toString('utf8')).toContain('达标网格占比');
    const png = await download(page, 'distribution-chart-png');
    expect(png.name).toMatch(/\.png$/);
    expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.bytes.length).toBeGreaterThan(5000);
    expect(app.consoleErrors).toEqual([]);
  });

  it('sweep: error bars at every point equal to the table, the frontier drawn, nothing raw on screen', async () => {
    const { page } = app;
    await page.click('[data-testid="exp-tab-sweep"]');
    await page.selectOption('[data-testid="sweep-kind-1"]', 'nightStaff');
    await page.click('[data-testid="sweep-run"]');
    await page.waitForSelector('[data-testid="sweep-progress"][data-status="done"]', { timeout: 180_000 });
    const chart = page.locator('[data-testid="sweep-interval-chart"]');
    await chart.waitFor();
    const bars = chart.locator('g.errorbar');
    const n = await bars.count();
    expect(n).toBe(Number(await chart.getAttribute('data-points')));
    expect(n).toBeGreaterThanOrEqual(2);
    expect(Number(await chart.getAttribute('data-frontier'))).toBeGreaterThanOrEqual(1);
    for (let i = 0; i < n; i++) {
      const b = bars.nth(i);
      const index = await b.getAttribute('data-index');
      const y = num(await b.getAttribute('data-y'))!;
      const lo = num(await b.getAttribute('data-y-lo'));
      const hi = num(await b.getAttribute('data-y-hi'));
      const row = page.locator(`[data-testid="sweep-table"] tr[data-index="${index}"]`);
      expect(num(await row.getAttribute('data-coverage'))).toBe(y);
      expect(num(await row.getAttribute('data-staff-hours'))).toBe(num(await b.getAttribute('data-x')));
      expect(await row.getAttribute('data-frontier')).toBe(await b.getAttribute('data-frontier'));
      expect(lo).not.toBeNull();
      expect(lo!).toBeLessThanOrEqual(y);
      expect(hi!).toBeGreaterThanOrEqual(y);
      expect(lo!).toBeGreaterThanOrEqual(0);
      expect(hi!).toBeLessThanOrEqual(1);
    }
    const text = await visibleText(page);
    expect(text).not.toMatch(RAW);
    await chart.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}21-charts-sweep-1440.png` });
    expect(app.consoleErrors).toEqual([]);
  });

  it('A vs B: B − A by hour with its paired band equal to the hour table, A and B bands, no raw code', async () => {
    const { page } = app;
    await page.click('[data-testid="exp-tab-compare"]');
    await page.selectOption('[data-testid="cmp-team"]', 'grid-workers');
    await page.fill('[data-testid="cmp-staff"]', '3');
    await page.fill('[data-testid="cmp-reps"]', '3');
    expect(await visibleText(page)).not.toMatch(RAW);
    await page.click('[data-testid="cmp-run"]');
    await page.waitForSelector('[data-testid="cmp-progress"][data-status="done"]', { timeout: 120_000 });
    const chart = page.locator('[data-testid="hour-band-chart"]');
    await chart.waitFor();
    expect(await chart.getAttribute('data-show')).toBe('diff');
    const diff = JSON.parse((await chart.getAttribute('data-diff'))!) as [
      number | null,
      number | null,
      number | null,
    ][];
    expect(diff).toHaveLength(24);
    for (let h = 0; h < 24; h++) {
      const row = page.locator(`[data-testid="hour-delta-table"] tr[data-hour="${h}"]`);
      expect(diff[h][0]).toBe(num(await row.getAttribute('data-diff')));
      if (diff[h][1] !== null) {
        expect(diff[h][1]!).toBeLessThanOrEqual(diff[h][0]! + 1e-12);
        expect(diff[h][2]!).toBeGreaterThanOrEqual(diff[h][0]! - 1e-12);
      }
    }
    await chart.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}22-charts-ab-diff-1440.png` });
    await page.selectOption('[data-testid="hour-band-show"]', 'both');
    expect(await chart.getAttribute('data-show')).toBe('both');
    // A and B ECDFs of the chosen type, with the deadline
    const dist = page.locator('[data-testid="distribution-chart"]');
    expect(JSON.parse((await dist.getAttribute('data-within'))!)).toHaveLength(2);
    expect(await visibleText(page)).not.toMatch(RAW);
    await page.screenshot({ path: `${SHOTS}23-charts-ab-both-1440.png` });
    expect(app.consoleErrors).toEqual([]);
  });

  it('in English: the charts titled and labelled in English, still no raw code', async () => {
    const { page } = app;
    await page.click('[data-testid="lang-en"]');
    const chart = page.locator('[data-testid="hour-band-chart"]');
    await expect.poll(async () => chart.locator('svg').textContent()).toContain('A vs B by hour');
    expect(await chart.locator('svg').textContent()).toContain('Hour of day');
    expect(await page.locator('[data-testid="distribution-chart"] svg').textContent()).toContain('ECDF');
    expect(await visibleText(page)).not.toMatch(RAW);
    await page.screenshot({ path: `${SHOTS}24-charts-ab-en-1440.png` });
    await page.click('[data-testid="exp-tab-sweep"]');
    expect(await page.locator('[data-testid="sweep-interval-chart"] svg').textContent()).toContain('Staff-hours');
    expect(await visibleText(page)).not.toMatch(RAW);
    expect(app.consoleErrors).toEqual([]);
  });
});
