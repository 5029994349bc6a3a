/**
 * Two saved diagnoses compared in a real browser: diagnoses run in the
 * Experiments workspace are saved with each replication's figures; picked
 * in the history, they compare cause by cause, stage by stage and hour by
 * hour, paired on the same seeds (said), Welch on other seeds (said).
 * Causes are named in words, never by their internal keys. Screenshots go
 * to test-results/screenshots/.
 */
import { describe, it, expect, beforeAll, afterAll, inject } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, openApp, SHOTS, type Watched } from './browser.ts';

let browser: Browser;
let app: Watched;

beforeAll(async () => {
  browser = await launch();
  app = await openApp(browser, inject('appUrl'));
  await app.page.waitForSelector('[data-testid="app"][data-ready="true"]');
});
afterAll(async () => {
  await browser?.close();
});

async function diagnoseRun(page: Page, reps: number, days: number): Promise<void> {
  await page.click('[data-testid="exp-tab-diagnose"]');
  await page.fill('[data-testid="diag-reps"]', String(reps));
  await page.fill('[data-testid="diag-days"]', String(days));
  await page.click('[data-testid="diag-run"]');
  await page.waitForSelector('[data-testid="diag-progress"][data-status="done"]', { timeout: 180_000 });
}

/** Tick the two newest diagnoses in the history and compare them. */
async function compareNewest(page: Page, saved: number): Promise<void> {
  await page.click('[data-testid="exp-tab-history"]');
  await page.waitForSelector(`[data-testid="history"][data-count="${saved}"]`);
  const rows = page.locator('[data-testid="history-table"] tbody tr[data-kind="diagnose"]');
  for (const i of [1, 0]) {
    const box = rows.nth(i).locator('[data-testid="history-pick"]');
    if (!(await box.isChecked())) await box.check();
  }
  await page.click('[data-testid="history-compare"]');
  await page.waitForSelector('[data-testid="saved-diag-compare"]');
}

describe('saved diagnoses compared', () => {
  it('compares two diagnoses on the same seeds, paired, cause by cause; other seeds by Welch', async () => {
    const { page } = app;
    await page.click('[data-testid="view-experiments"]');
    await diagnoseRun(page, 3, 0.5);
    await diagnoseRun(page, 3, 0.25);
    await compareNewest(page, 2);

    const diag = page.locator('[data-testid="saved-diag-compare"]');
    expect(await page.locator('[data-testid="saved-compare"]').getAttribute('data-method')).toBe('paired');
    expect(await diag.getAttribute('data-method')).toBe('paired');
    expect(await page.locator('[data-testid="saved-diag-method"]').innerText()).toContain('配对');
    // totals with a paired interval
    const late = page.locator('[data-testid="saved-diag-totals"] tr[data-row="late"]');
    expect(await late.getAttribute('data-ci-low')).not.toBe('');
    expect(Number(await late.getAttribute('data-ci-low'))).toBeLessThanOrEqual(
      Number(await late.getAttribute('data-diff')),
    );
    // causes named in words, the largest change first
    const causes = page.locator('[data-testid="saved-diag-causes"] tbody tr');
    expect(await causes.count()).toBeGreaterThan(0);
    const first = await causes.first().locator('th').innerText();
    expect(first).toMatch(/[\u4e00-\u9fff]/);
    expect(first).not.toContain('|');
    const diffs = await causes.evaluateAll((rs) => rs.map((r) => Math.abs(Number(r.getAttribute('data-diff')))));
    expect(diffs).toEqual([...diffs].sort((a, b) => b - a));
    // by hour: 24 rows with attainment
    await page.click('[data-testid="saved-diag-hours"] summary');
    expect(await page.locator('[data-testid="saved-diag-hours"] tbody tr').count()).toBe(24);
    await diag.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}13-saved-diagnoses-compared-1440.png` });

    // other seeds (two replications against three): independent samples, said
    await diagnoseRun(page, 2, 0.25);
    await compareNewest(page, 3);
    expect(await diag.getAttribute('data-method')).toBe('welch');
    expect(await page.locator('[data-testid="saved-diag-method"]').innerText()).toContain('Welch');
    expect(app.consoleErrors).toEqual([]);
  });
});
