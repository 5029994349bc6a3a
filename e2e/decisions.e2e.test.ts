/**
 * From numbers to decisions in a real browser, on the red-warning storm
 * night: the live twin's "覆盖短板 / What limits coverage" refreshed while
 * the run plays and final at its end, naming the queue for the drainage
 * crew or municipal repair in words, and colouring the city by one limit's
 * late cases; in Experiments the diagnosis over replications, and the
 * cheapest plan (a small budget) with its progress, its plan table, the
 * A/B comparison with today's plan, and the plan applied to the live run
 * (the editor shows the new staff). Screenshots go to
 * test-results/screenshots/ (diagnosis-live-zh.png, diagnose-en.png,
 * optimise-en.png, optimise-compare-en.png, optimise-applied-en.png).
 */
import { describe, it, expect, beforeAll, afterAll, inject } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { launch, openApp, SHOTS, type Watched } from './browser.ts';

const SCENARIO = JSON.parse(
  readFileSync(new URL('../scenarios/rainstorm-red-night.json', import.meta.url), 'utf8'),
) as { teams: { id: string }[] };

let browser: Browser;
let app: Watched;

async function ready(page: Page): Promise<void> {
  await page.waitForSelector('[data-testid="app"][data-ready="true"]');
  await page.waitForSelector('[data-testid="city-canvas"] canvas');
}

beforeAll(async () => {
  browser = await launch();
  app = await openApp(browser, `${inject('appUrl')}?scenario=rainstorm-red-night&seed=1&lang=zh-CN`);
  await ready(app.page);
});
afterAll(async () => {
  await browser?.close();
});

describe('what limits coverage, and the cheapest plan', () => {
  it('the live twin diagnoses the run as it plays and at its end, in words, and colours the city by a limit', async () => {
    const { page } = app;
    expect(await page.getAttribute('[data-testid="app"]', 'data-scenario')).toBe('rainstorm-red-night');
    // an hour a second first: refreshed while it plays (every few seconds), not only at the end
    await page.click('[data-testid="speed-3600"]');
    await page.click('[data-testid="play"]');
    await page.waitForFunction(
      () => {
        const el = document.querySelector('[data-testid="live-diagnosis"]');
        return el?.getAttribute('data-final') === 'false' && Number(el.getAttribute('data-t')) > 0;
      },
      undefined,
      { timeout: 60_000 },
    );
    expect(await page.getAttribute('[data-testid="app"]', 'data-playing')).toBe('true');
    await page.click('[data-testid="speed-max"]');
    await page.waitForSelector('[data-testid="app"][data-done="true"]', { timeout: 180_000 });
    await page.waitForSelector('[data-testid="live-diagnosis"][data-final="true"]', { timeout: 30_000 });

    const panel = page.locator('[data-testid="live-diagnosis"]');
    expect(await panel.innerText()).toMatch(/全天结果/);
    // five stages, shares adding up to 1
    const stages = page.locator('[data-testid="live-diagnosis"] [data-testid="stage-bars"] tbody tr');
    expect(await stages.count()).toBe(5);
    const shares = await stages.evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-share'))));
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);

    // every limit, in words: a queue waiting for the drainage crew or municipal repair is among them
    const more = page.locator('[data-testid="live-diag-limits-more"]');
    if (await more.count()) await more.click();
    const rows = page.locator('[data-testid="live-diag-limits"] li');
    expect(await rows.count()).toBeGreaterThanOrEqual(3);
    const queue = page
      .locator(
        '[data-testid="live-diag-limits"] li[data-stage="queue"][data-team="drainage-crew"], [data-testid="live-diag-limits"] li[data-stage="queue"][data-team="municipal-repair"]',
      )
      .first();
    await queue.waitFor();
    const text = await queue.innerText();
    expect(text).toMatch(/排队/);
    expect(text).toMatch(/等待(排水抢险队|市政维修)/);
    expect(text).toMatch(/\d+ 件/);
    expect(text).toMatch(/\d+:00–\d+:00/);
    // names, never raw ids, in the rows
    const all = await page.locator('[data-testid="live-diag-limits"]').innerText();
    expect(all).not.toMatch(/drainage-crew|municipal-repair|waterlogging|allweather/);

    // colour the city by that limit's late cases: the legend says which, and how many grids
    await queue.locator('[data-testid="limit-colour"]').click();
    const legend = page.locator('[data-testid="late-legend"]');
    await legend.waitFor();
    expect(Number(await legend.getAttribute('data-grids'))).toBeGreaterThan(0);
    expect(await legend.innerText()).toMatch(/超时案件：排队 · /);
    expect(await page.getAttribute('[data-testid="colorby-delta"]', 'aria-checked')).toBe('true');
    expect(await page.locator('[data-testid="colorby-delta"]').innerText()).toBe('超时案件');
    if (await more.count()) await more.click(); // back to the top rows
    await panel.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.waitForTimeout(500);
    await page.screenshot({ path: `${SHOTS}diagnosis-live-zh.png` });

    // the queue's lever leads to the cheapest plan for that team alone
    const team = await queue.getAttribute('data-team');
    await queue.locator('[data-testid="limit-optimise"]').click();
    await page.waitForSelector('[data-testid="app"][data-view="experiments"]');
    await page.waitForSelector('[data-testid="exp-tab-optimise"][aria-selected="true"]');
    await page.waitForFunction((t) => {
      const on = [...document.querySelectorAll('[data-testid="opt-teams"] input:checked')].map((x) =>
        x.getAttribute('data-team'),
      );
      return on.length === 1 && on[0] === t;
    }, team);
    expect(app.consoleErrors).toEqual([]);
  });

  it('Experiments diagnose R replications into the same view, per replication', async () => {
    const { page } = app;
    await page.click('[data-testid="lang-en"]');
    await page.click('[data-testid="view-experiments"]');
    await page.click('[data-testid="exp-tab-diagnose"]');
    await page.fill('[data-testid="diag-reps"]', '2');
    await page.fill('[data-testid="diag-days"]', '0.5');
    await page.click('[data-testid="diag-run"]');
    await page.waitForSelector('[data-testid="diag-progress"][data-status="done"]', { timeout: 120_000 });
    const view = page.locator('[data-testid="exp-diag"]');
    expect(await view.getAttribute('data-replications')).toBe('2');
    expect(await view.innerText()).toMatch(/Mean per replication/);
    expect(await page.locator('[data-testid="exp-diag-limits"] li').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="exp-diag-limits"] li').first().innerText()).toMatch(/late\/rep\./);
    await page.screenshot({ path: `${SHOTS}diagnose-en.png` });
  });

  it("finds the cheapest plan with a small budget, compares it with today's (A/B), and applies it to the live run", async () => {
    const { page } = app;
    await page.click('[data-testid="exp-tab-optimise"]');
    // the case-handling teams are checked, the security lanes are not
    expect(await page.locator('[data-testid="opt-teams"] input[data-team="drainage-crew"]').isChecked()).toBe(true);
    expect(await page.locator('[data-testid="opt-bounds"] tbody tr').count()).toBeGreaterThan(5);
    await page.fill('[data-testid="opt-reps"]', '2');
    await page.fill('[data-testid="opt-budget"]', '4');
    await page.fill('[data-testid="opt-days"]', '0.5');
    await page.click('[data-testid="opt-run"]');

    // the progress bar moves: evaluation i of 4, with the phase, the cost and ✓/✗
    await page.waitForSelector('[data-testid="opt-progress"][data-status="running"][data-total="4"]');
    await page.waitForFunction(
      () => Number(document.querySelector('[data-testid="opt-progress"]')?.getAttribute('data-done')) >= 2,
      undefined,
      { timeout: 120_000 },
    );
    const now = await page.locator('[data-testid="opt-progress-box"]').innerText();
    expect(now).toMatch(/\d\/4 evaluations/);
    await page.waitForSelector('[data-testid="opt-progress"][data-status="done"]', { timeout: 240_000 });

    // the plan per team and shift, totals, the verification in words, the remaining limits
    const plan = page.locator('[data-testid="opt-plan-table"] tbody tr');
    expect(await plan.count()).toBeGreaterThan(5);
    const firstTeam = await plan.first().locator('th').innerText();
    expect(firstTeam).not.toMatch(/^[a-z-]+$/); // a team's name, not its id
    const summary = await page.locator('[data-testid="opt-summary"]').innerText();
    expect(summary).toMatch(/Staff cost\s+¥[\d,]+ → ¥[\d,]+/);
    expect(summary).toMatch(/fresh seeds 1000001–1000002/);
    expect(summary).toMatch(/(✓ meets|✗ does not meet)/);
    expect(await page.locator('[data-testid="opt-limits"] li').count()).toBeGreaterThan(0);
    const changed = await plan.evaluateAll((rows) =>
      rows
        .filter((r) => r.getAttribute('data-now') !== r.getAttribute('data-plan'))
        .map((r) => ({ path: r.getAttribute('data-path')!, plan: Number(r.getAttribute('data-plan')) })),
    );
    expect(changed.length).toBeGreaterThan(0);
    await page.locator('[data-testid="opt-result"]').scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${SHOTS}optimise-en.png` });

    // A/B with B = the plan: the comparison tab opens and runs it
    await page.click('[data-testid="opt-compare"]');
    await page.waitForSelector('[data-testid="exp-tab-compare"][aria-selected="true"]');
    await page.waitForSelector('[data-testid="cmp-progress"][data-status="done"]', { timeout: 240_000 });
    expect(await page.locator('[data-testid="delta-table"] tbody tr').count()).toBeGreaterThan(5);
    // B is the plan, said in words (the variant form shows one shift only)
    const b = page.locator('[data-testid="cmp-b"]');
    expect(Number(await b.getAttribute('data-count'))).toBe(changed.length);
    expect(await b.innerText()).toMatch(/· shift \d\d:\d\d–\d\d:\d\d(\+1)? staff = \d+/);
    await page.screenshot({ path: `${SHOTS}optimise-compare-en.png` });

    // apply: the live run reloads with the plan's staff, and the editor shows them
    await page.click('[data-testid="exp-tab-optimise"]');
    expect(await page.inputValue('[data-testid="opt-budget"]')).toBe('4'); // the form as the search had it
    await page.click('[data-testid="opt-apply"]');
    await page.waitForSelector('[data-testid="opt-action-note"]:has-text("Applied")');
    expect(await page.getAttribute('[data-testid="app"]', 'data-scenario')).toBe('rainstorm-red-night');
    expect(await page.getAttribute('[data-testid="app"]', 'data-done')).toBe('false');
    expect(await page.locator('[data-testid="opt-compare"]').isDisabled()).toBe(true);
    expect(await page.locator('[data-testid="opt-apply"]').isDisabled()).toBe(true);
    await page.screenshot({ path: `${SHOTS}optimise-applied-en.png` });
    await page.click('[data-testid="view-editor"]');
    for (const c of changed.slice(0, 3)) {
      const [, team, , shift] = c.path.split('.');
      const k = SCENARIO.teams.findIndex((t) => t.id === team);
      const field = page.locator(`input[data-path="$.teams[${k}].shifts[${shift}].staff"]`);
      await field.waitFor();
      expect(Number(await field.inputValue())).toBe(c.plan);
    }
    expect(app.consoleErrors).toEqual([]);
    expect(app.offOrigin).toEqual([]);
  });
});
