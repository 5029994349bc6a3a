/**
 * A drill with two trainee seats, dispatched at the keyboard, and a header
 * that follows the injects. One browser context (BroadcastChannel joins
 * its pages): the trainer's console and two trainee windows opened from
 * the trainer's seat links (Yuyuan, G05-06; Nanjing East Road, G03-03 and
 * G02-04). While the whole drill plays, both the trainer's and a trainee's
 * header are sampled every 50 ms: at every sample (so at every inject time)
 * the warning and the rain shown equal what the injects say by then (the
 * bulletins' levels, the storms' rain; the base scenario's rain before the
 * first storm). Each seat's inbox holds only its grids' cases, and so does
 * every message its window receives: a recorder on the window's
 * BroadcastChannels sees frames on its own seat's channel only, with its
 * grids' cases and its own dispatches, never another seat's. The Yuyuan
 * trainee works its inbox with ↓, Enter (nearest crew) and 1 (the first
 * crew listed); a P1 arrival (I02, 20:10, in Yuyuan) turns red and counts
 * an alert; clicking the selected case again keeps it open. The trainer
 * sees each seat's windows, inbox and score; the live-score panel keeps its
 * size as the inbox grows; above 10x a warning shows.
 */
import { describe, it, expect, beforeAll, afterAll, inject } from 'vitest';
import { readFileSync } from 'node:fs';
import { mkdirSync, writeFileSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { SHOTS } from './browser.ts';
import { resolveChromium } from './chromiumPath.ts';
import { renderPdfPages } from './pdfPages.ts';
import { parseScenario } from '../src/scenario/load.ts';
import { rainSeries } from '../src/sim/weather.ts';

const DRILL = 'red-night-drill';
const root = new URL('../', import.meta.url);
const drillFile = JSON.parse(readFileSync(new URL(`scenarios/drills/${DRILL}.json`, root), 'utf8')) as {
  startHour: number;
  durationMin: number;
  seats: { id: string; grids: string[] }[];
  injects: { id: string; atMin: number; kind: string; warning?: string; rainMmPerH?: number[] }[];
};
const sc = parseScenario(readFileSync(new URL('scenarios/rainstorm-red-night.json', root), 'utf8'));
if (!sc.ok) throw new Error('scenario');
const baseRain = rainSeries(sc.scenario, sc.scenario.run.warmupHours + sc.scenario.run.days * 24);
const LEVELS = ['none', 'blue', 'yellow', 'orange', 'red'];
const startS = drillFile.startHour * 3600;
const injectS = (x: { atMin: number }) => startS + x.atMin * 60;

/** What the injects say at simulated time tS: the last announced warning, the last storm's rain (else the base's). */
function expectedAt(tS: number): { warning: string; rain: number } {
  const fired = drillFile.injects.filter((x) => injectS(x) <= tS);
  let warning = 'none';
  for (const x of fired) if (x.warning) warning = x.warning;
  const storms = fired.filter((x) => x.kind === 'storm');
  const last = storms[storms.length - 1];
  const hour = Math.floor(tS / 3600);
  const rain = last ? (last.rainMmPerH![hour - Math.floor(injectS(last) / 3600)] ?? 0) : baseRain[hour];
  return { warning, rain };
}

let browser: Browser;
let context: BrowserContext;
let trainer: Page;
let yuyuan: Page;
let nanjing: Page;
const errors: string[] = [];

const watch = (p: Page, who: string) => {
  p.on('console', (m) => {
    if (m.type() === 'error') errors.push(`${who}: ${m.text()}`);
  });
  p.on('pageerror', (e) => errors.push(`${who}: ${String(e)}`));
  return p;
};

/** Record the header (clock, warning, rain) every 50 ms into window.__header. */
async function sampleHeader(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __header: [number, number, number][] };
    w.__header = [];
    setInterval(() => {
      const clock = document.querySelector('[data-testid="drill-clock"]');
      const warn = document.querySelector('[data-testid="drill-warning"]');
      const rain = document.querySelector('[data-testid="drill-weather"] .weather-rain');
      if (!clock || !warn || !rain) return;
      w.__header.push([
        Number(clock.getAttribute('data-ts')),
        Number(warn.getAttribute('data-level')),
        Number(JSON.parse(rain.getAttribute('data-value') ?? '0')),
      ]);
    }, 50);
  });
}

async function checkHeader(page: Page, who: string): Promise<number> {
  const samples = await page.evaluate(() => (window as unknown as { __header: [number, number, number][] }).__header);
  expect(samples.length, who).toBeGreaterThan(50);
  for (const [tS, level, rain] of samples) {
    const exp = expectedAt(tS);
    expect({ who, tS, warning: LEVELS[level] }).toEqual({ who, tS, warning: exp.warning });
    expect(rain, `${who} rain at ${tS}`).toBeCloseTo(exp.rain, 6);
  }
  // every inject time was seen: a sample at or after it and before the next one
  const times = [...new Set(drillFile.injects.map(injectS))].sort((a, b) => a - b);
  times.forEach((t, i) => {
    const next = times[i + 1] ?? startS + drillFile.durationMin * 60 + 1;
    expect(
      samples.some(([tS]) => tS >= t && tS < next),
      `${who}: a header sample between ${t} and ${next}`,
    ).toBe(true);
  });
  return samples.length;
}

const grids = (seat: string) => drillFile.seats.find((x) => x.id === seat)!.grids;

/** What a trainee window received on its BroadcastChannels (installed before the page's own scripts run). */
interface Heard {
  /** Channel names frames arrived on. */
  channels: string[];
  frames: number;
  /** Grids of every inbox item of every frame received. */
  grids: string[];
  /** Seats named by the dispatches in the feeds received ('' for one without a seat). */
  actionSeats: string[];
  /** The most cases any received frame's inbox held. */
  maxInbox: number;
}
function recordChannels(): void {
  if (!location.search.includes('role=trainee')) return;
  const heard = {
    channels: [] as string[],
    frames: 0,
    grids: [] as string[],
    actionSeats: [] as string[],
    maxInbox: 0,
  };
  (window as unknown as { __heard: typeof heard }).__heard = heard;
  const Real = window.BroadcastChannel;
  window.BroadcastChannel = class extends Real {
    constructor(name: string) {
      super(name);
      this.addEventListener('message', (e: MessageEvent) => {
        const d = e.data as {
          t?: string;
          state?: { inbox: { grid: string }[]; timeline: { kind: string; detail: { seat?: string } }[] };
        };
        if (d?.t !== 'frame' || !d.state) return;
        heard.frames++;
        if (!heard.channels.includes(name)) heard.channels.push(name);
        heard.maxInbox = Math.max(heard.maxInbox, d.state.inbox.length);
        for (const it of d.state.inbox) if (!heard.grids.includes(it.grid)) heard.grids.push(it.grid);
        for (const x of d.state.timeline)
          if (x.kind === 'action' && !heard.actionSeats.includes(x.detail.seat ?? ''))
            heard.actionSeats.push(x.detail.seat ?? '');
      });
    }
  };
}
const TRAINER_PANELS = [
  '.drill-header',
  '.trainer-top .controls',
  '.trainee-link',
  '.trainer-stage',
  '[data-testid="live-score"]',
  '[data-testid="seat-board"]',
  '[data-testid="trainer-inbox"]',
  '[data-testid="staff-board"]',
  '.trainer-bottom > .panel',
];
const TRAINEE_PANELS = [
  '.drill-header',
  '.seat-bar',
  '.trainee-left .inbox',
  '[data-testid="case-panel"]',
  '[data-testid="staff-board"]',
  '.trainee-stage',
  '[data-testid="message-feed"]',
];

/**
 * A drill console in a narrow window: nothing wider than the window, and
 * its panels side by side or one under another, never on top of each other
 * or cut off at the window's edge; `whole` panels show all they hold (no
 * content squeezed out of them).
 */
async function checkNarrowLayout(
  page: Page,
  panels: readonly string[] = TRAINER_PANELS,
  whole: readonly string[] = [],
): Promise<void> {
  const r = await page.evaluate(
    ([sel, whole]) => {
      const cut = whole.flatMap((s) =>
        [...document.querySelectorAll(s)]
          .filter((e) => e.scrollHeight > e.clientHeight + 1)
          .map((e) => `${s}: ${e.scrollHeight} > ${e.clientHeight}`),
      );
      const boxes = sel.flatMap((s) =>
        [...document.querySelectorAll(s)].map((e, i) => {
          const b = e.getBoundingClientRect();
          return { s: `${s}#${i}`, x: b.left + scrollX, y: b.top + scrollY, w: b.width, h: b.height };
        }),
      );
      return { scrollWidth: document.documentElement.scrollWidth, width: innerWidth, boxes, cut };
    },
    [panels, whole] as const,
  );
  expect(r.scrollWidth, 'no sideways scroll').toBeLessThanOrEqual(r.width);
  expect(r.boxes.length).toBeGreaterThanOrEqual(panels.length);
  expect(r.cut, 'nothing squeezed out of its panel').toEqual([]);
  for (const b of r.boxes) {
    expect(b.w * b.h, `${b.s} shown`).toBeGreaterThan(0);
    expect(b.x, `${b.s} inside the window`).toBeGreaterThanOrEqual(0);
    expect(b.x + b.w, `${b.s} inside the window`).toBeLessThanOrEqual(r.width + 0.5);
  }
  for (let i = 0; i < r.boxes.length; i++)
    for (let j = i + 1; j < r.boxes.length; j++) {
      const a = r.boxes[i];
      const b = r.boxes[j];
      const overlap =
        Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x) > 0.5 &&
        Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y) > 0.5;
      expect(overlap, `${a.s} overlaps ${b.s}`).toBe(false);
    }
}

const heardBy = (p: Page) => p.evaluate(() => (window as unknown as { __heard: Heard }).__heard);

async function inboxGrids(page: Page): Promise<string[]> {
  return page
    .locator('[data-testid="inbox-item"] [data-grid]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-grid')!));
}

beforeAll(async () => {
  // four windows at once, as in a real drill room: none of them may be throttled for being in the background
  mkdirSync(SHOTS, { recursive: true });
  const { executablePath, args, env } = await resolveChromium();
  browser = await chromium.launch({
    executablePath,
    args: [
      ...args,
      '--disable-background-timer-throttling',
      '--disable-renderer-backgrounding',
      '--disable-backgrounding-occluded-windows',
    ],
    ...(env ? { env } : {}),
  });
  context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  await context.addInitScript(recordChannels);
  trainer = watch(await context.newPage(), 'trainer');
});
afterAll(async () => {
  await browser?.close();
});

describe('drill: two trainee seats, keyboard dispatch, a header that follows the injects', () => {
  it("the trainer's seat links open two trainee windows, each in its seat", async () => {
    await trainer.goto(new URL(`drill.html?drill=${DRILL}&role=trainer`, inject('appUrl')).href);
    await trainer.waitForSelector('[data-testid="seat-board"] [data-testid="seat-row"][data-seat="yuyuan"]');
    const link = async (seat: string) =>
      new URL(
        (await trainer.locator(`[data-testid="open-seat-window"][data-seat="${seat}"]`).getAttribute('href'))!,
        trainer.url(),
      ).href;
    yuyuan = watch(await context.newPage(), 'yuyuan');
    nanjing = watch(await context.newPage(), 'nanjing-east');
    await yuyuan.goto(await link('yuyuan'));
    await nanjing.goto(await link('nanjing-east'));
    for (const [p, seat] of [
      [yuyuan, 'yuyuan'],
      [nanjing, 'nanjing-east'],
    ] as const) {
      await p.waitForSelector(`[data-testid="trainee-seat"][data-seat="${seat}"]`, { timeout: 30_000 });
      await p.waitForSelector('[data-testid="trainee-console"] [data-testid="drill-canvas"] canvas');
    }
    // the trainer counts one window in each seat
    await trainer.waitForSelector('[data-testid="seat-row"][data-seat="yuyuan"][data-windows="1"]');
    await trainer.waitForSelector('[data-testid="seat-row"][data-seat="nanjing-east"][data-windows="1"]');
    await trainer.waitForSelector('[data-testid="seat-row"][data-seat="the-bund"][data-windows="0"]');
    // before the clock starts: 20:00, the drill's own warning (I01 yellow), not the forecast's orange
    expect(await trainer.locator('[data-testid="drill-warning"]').getAttribute('data-level')).toBe('2');
    expect(await yuyuan.locator('[data-testid="drill-warning"]').getAttribute('data-level')).toBe('2');
  });

  it('a trainee window without a seat asks for one', async () => {
    const href = (await trainer.locator('[data-testid="open-trainee-window"]').getAttribute('href'))!;
    const p = watch(await context.newPage(), 'chooser');
    await p.goto(new URL(href, trainer.url()).href);
    await p.waitForSelector('[data-testid="seat-chooser"] [data-testid="seat-option"][data-seat="the-bund"]', {
      timeout: 30_000,
    });
    expect(await p.locator('[data-testid="seat-option"]').count()).toBe(drillFile.seats.length + 1);
    await p.screenshot({ path: `${SHOTS}drill-seats-00-chooser.png` });
    await p.close();
  });

  it('the drill plays; each seat sees its own cases; the Yuyuan trainee dispatches at the keyboard', async () => {
    await sampleHeader(trainer);
    await sampleHeader(yuyuan);
    const scoreBox0 = (await trainer.locator('[data-testid="live-score"]').boundingBox())!;
    // 30x: fast enough for a test, and above what a person can follow: the trainer is warned
    await trainer.click('[data-testid="drill-speed-30"]');
    await trainer.waitForSelector('[data-testid="speed-warning"][data-speed="30"]');
    await trainer.click('[data-testid="drill-play"]');
    await trainer.waitForSelector('[data-testid="drill-clock"][data-playing="true"]');

    // I02 (20:10): a P1 ponding case in Yuyuan's grid: it arrives red and counts an alert
    const p1 = yuyuan.locator('[data-testid="inbox-item"][data-priority="1"][data-fresh="true"]');
    await p1.first().waitFor({ timeout: 60_000 });
    await yuyuan.waitForSelector('[data-testid="p1-alert"].is-on');
    expect(Number(await yuyuan.locator('[data-testid="p1-alert"]').getAttribute('data-count'))).toBeGreaterThan(0);
    await yuyuan.screenshot({ path: `${SHOTS}drill-seats-01-yuyuan-p1.png` });

    // keyboard: ↓ selects the first case, a click on it again keeps it open, Enter sends the nearest crew
    await yuyuan.bringToFront();
    const notice = yuyuan.locator('[data-testid="drill-notice"]');
    let viaEnter = 0;
    let viaDigit = 0;
    for (let attempt = 0; attempt < 40 && (viaEnter === 0 || viaDigit === 0); attempt++) {
      await yuyuan.locator('[data-testid="inbox-item"]').first().waitFor({ timeout: 60_000 });
      // walk down the inbox one case further each attempt (the first may have no free crew of its size)
      const n = await yuyuan.locator('[data-testid="inbox-item"]').count();
      await yuyuan.locator('body').press('Escape');
      for (let k = 0; k <= attempt % Math.max(1, n); k++) await yuyuan.locator('body').press('ArrowDown');
      const panel = yuyuan.locator('[data-testid="case-panel"]:not([data-case-id=""])');
      if (
        !(await panel.waitFor({ timeout: 5000 }).then(
          () => true,
          () => false,
        ))
      )
        continue;
      const caseId = await panel.getAttribute('data-case-id');
      if (attempt === 0) {
        // the selected case clicked again stays selected
        const sel = yuyuan.locator(`[data-testid="inbox-item"][data-case-id="${caseId}"] button`);
        if (
          await sel.click({ timeout: 3000 }).then(
            () => true,
            () => false,
          )
        ) {
          await yuyuan.waitForTimeout(400);
          expect(await yuyuan.locator('[data-testid="case-panel"]').getAttribute('data-case-id')).toBe(caseId);
        }
      }
      const listed = await yuyuan
        .waitForSelector('[data-testid="candidate-crews"], [data-testid="no-candidates"]', { timeout: 5000 })
        .then(
          () => yuyuan.locator('[data-testid="crew-option"]').count(),
          () => 0,
        );
      if (listed === 0) {
        await yuyuan.waitForTimeout(1000);
        continue;
      }
      const seq = Number(await notice.getAttribute('data-seq'));
      const useDigit = viaEnter > 0;
      await yuyuan.locator('body').press(useDigit ? '1' : 'Enter');
      await yuyuan.waitForFunction(
        (s) => Number(document.querySelector('[data-testid="drill-notice"]')?.getAttribute('data-seq')) > s,
        seq,
        { timeout: 10_000 },
      );
      if ((await notice.getAttribute('data-kind')) !== 'ok') continue;
      if (useDigit) viaDigit++;
      else viaEnter++;
      await yuyuan.waitForSelector(`[data-testid="inbox-item"][data-case-id="${caseId}"]`, {
        state: 'detached',
        timeout: 10_000,
      });
    }
    expect({ viaEnter, viaDigit }).toEqual({ viaEnter: 1, viaDigit: 1 });

    // each seat's inbox holds only its grids' cases
    for (const g of await inboxGrids(yuyuan)) expect(grids('yuyuan')).toContain(g);
    for (const g of await inboxGrids(nanjing)) expect(grids('nanjing-east')).toContain(g);
    // and so did every frame the window received: on its own seat's channel, its grids' cases, its own dispatches
    for (const [p, seat] of [
      [yuyuan, 'yuyuan'],
      [nanjing, 'nanjing-east'],
    ] as const) {
      const heard = await heardBy(p);
      expect(heard.frames, seat).toBeGreaterThan(20);
      expect(heard.channels, seat).toEqual([`allweather-drill-${DRILL}/seat/${seat}`]);
      expect(heard.maxInbox, seat).toBeGreaterThan(0);
      for (const g of heard.grids) expect(grids(seat), `${seat} received a case of ${g}`).toContain(g);
      expect(
        heard.actionSeats.filter((x) => x !== seat),
        seat,
      ).toEqual([]);
    }
    expect((await heardBy(yuyuan)).actionSeats).toEqual(['yuyuan']);
    // the trainer's inbox of a seat, picked on the seat board
    await trainer.click('[data-testid="seat-row"][data-seat="nanjing-east"] .seat-show');
    await trainer.waitForTimeout(600);
    for (const g of await inboxGrids(trainer)) expect(grids('nanjing-east')).toContain(g);

    // the live score (every 5 s while playing) shows per seat; the Yuyuan trainee's dispatches count there
    await trainer.waitForSelector(
      '[data-testid="seat-row"][data-seat="yuyuan"] [data-testid="seat-score"]:not([data-value=""])',
      {
        timeout: 30_000,
      },
    );
    // the live-score panel keeps its size while the inbox grows (it has its own height; the inbox scrolls)
    await trainer.click('[data-testid="seat-row"][data-seat="all"] .seat-show');
    await trainer.waitForFunction(
      () => Number(document.querySelector('[data-testid="trainer-inbox"]')?.getAttribute('data-count')) >= 8,
      undefined,
      { timeout: 120_000 },
    );
    const scoreBox1 = (await trainer.locator('[data-testid="live-score"]').boundingBox())!;
    expect(scoreBox1.height).toBe(scoreBox0.height);
    // inbox items and what has happened show their text whole: wrapped, never cut with "…"
    for (const p of [trainer, yuyuan, nanjing]) {
      const cut = await p.evaluate(() =>
        [...document.querySelectorAll('.inbox-item *, .fired-timeline .tl-detail')]
          .filter((e) => {
            const cs = getComputedStyle(e);
            return (
              cs.textOverflow === 'ellipsis' ||
              cs.webkitLineClamp !== 'none' ||
              e.scrollWidth > e.clientWidth + 1 ||
              (cs.overflow !== 'visible' && e.scrollHeight > e.clientHeight + 1)
            );
          })
          .map((e) => `${e.className}: ${e.textContent}`),
      );
      expect(cut).toEqual([]);
    }
    await trainer.screenshot({ path: `${SHOTS}drill-seats-02-trainer.png` });
    await yuyuan.screenshot({ path: `${SHOTS}drill-seats-03-yuyuan.png` });
    await nanjing.screenshot({ path: `${SHOTS}drill-seats-04-nanjing.png` });

    // 900 x 700: the console stacks (no sideways scroll), no panel overlaps another or leaves the page,
    // and the live score still keeps its size while the inbox grows
    await trainer.setViewportSize({ width: 900, height: 700 });
    await trainer.waitForTimeout(500);
    await checkNarrowLayout(trainer);
    const narrow0 = await trainer.locator('[data-testid="live-score"]').boundingBox();
    const count0 = Number(await trainer.locator('[data-testid="trainer-inbox"]').getAttribute('data-count'));
    await trainer.waitForFunction(
      (n) => Number(document.querySelector('[data-testid="trainer-inbox"]')?.getAttribute('data-count')) > n,
      count0,
      { timeout: 120_000 },
    );
    expect((await trainer.locator('[data-testid="live-score"]').boundingBox())!.height).toBe(narrow0!.height);
    await checkNarrowLayout(trainer);
    await trainer.screenshot({ path: `${SHOTS}drill-seats-02b-trainer-900.png`, fullPage: true });
    await trainer.setViewportSize({ width: 1440, height: 900 });

    // the trainee's console at 900 x 700 too: inbox and case side by side, the case whole (crews, actions), no sideways scroll
    await yuyuan.setViewportSize({ width: 900, height: 700 });
    await yuyuan.bringToFront();
    await yuyuan.locator('body').press('Escape');
    if ((await yuyuan.locator('[data-testid="inbox-item"]').count()) > 0) {
      await yuyuan.locator('body').press('ArrowDown');
      await yuyuan.waitForSelector('[data-testid="case-panel"]:not([data-case-id=""])');
    }
    await yuyuan.waitForTimeout(500);
    await checkNarrowLayout(yuyuan, TRAINEE_PANELS, ['[data-testid="case-panel"]']);
    await yuyuan.screenshot({ path: `${SHOTS}drill-seats-03b-yuyuan-900.png`, fullPage: true });
    await yuyuan.locator('body').press('Escape');

    // under 720 px one column (inbox above the case): the hint names the inbox by its title, not "on the left"
    await yuyuan.setViewportSize({ width: 700, height: 900 });
    await yuyuan.waitForTimeout(500);
    const hint = yuyuan.locator('[data-testid="case-panel"] p.muted').first();
    const hintText = (await hint.innerText()).trim();
    expect(hintText).not.toMatch(/左侧|left/);
    expect(hintText).toContain(`“${(await yuyuan.locator('.trainee-left .inbox').getAttribute('aria-label'))!}”`);
    const [inboxBox, caseBox] = [
      (await yuyuan.locator('.trainee-left .inbox').boundingBox())!,
      (await yuyuan.locator('[data-testid="case-panel"]').boundingBox())!,
    ];
    expect(caseBox.y, 'one column: the case below the inbox').toBeGreaterThanOrEqual(inboxBox.y + inboxBox.height - 1);
    await yuyuan.screenshot({ path: `${SHOTS}drill-seats-03c-yuyuan-700.png`, fullPage: true });
    await yuyuan.setViewportSize({ width: 1440, height: 900 });

    // on past the last injects (I12 and I13, 22:30) at 60x, then the trainer finishes the drill (to 23:00 at once)
    await trainer.click('[data-testid="drill-speed-60"]');
    await trainer.waitForFunction(
      (t) => Number(document.querySelector('[data-testid="drill-clock"]')?.getAttribute('data-ts')) >= t,
      startS + 152 * 60,
      { timeout: 360_000, polling: 250 },
    );
    await trainer.click('[data-testid="drill-finish"]');
    await trainer.click('[data-testid="drill-finish-confirm"]');
    await trainer.waitForSelector('[data-testid="drill-clock"][data-done="true"]', { timeout: 60_000 });
    await yuyuan.waitForSelector('[data-testid="drill-clock"][data-done="true"]', { timeout: 60_000 });
    await trainer.waitForSelector('[data-testid="final-score"]', { timeout: 60_000 });
    await trainer.screenshot({ path: `${SHOTS}drill-seats-05-trainer-end.png` });
  }, 600_000);

  it('at every inject time, in the trainer and the trainee windows, the header shows what the injects say', async () => {
    const n1 = await checkHeader(trainer, 'trainer');
    const n2 = await checkHeader(yuyuan, 'yuyuan');
    expect(n1 + n2).toBeGreaterThan(100);
    // at 23:00 (the drill's end): orange, as I12 said at 22:30, not the forecast's red
    expect(await trainer.locator('[data-testid="drill-warning"]').getAttribute('data-level')).toBe('3');
  });

  it("the drill's printable report scores each seat (its grids, cases, on-time share, the score's parts) besides the total", async () => {
    await trainer.click('[data-testid="open-review"]');
    await trainer.waitForSelector('[data-testid="open-report"]', { timeout: 60_000 });
    const [report] = await Promise.all([context.waitForEvent('page'), trainer.click('[data-testid="open-report"]')]);
    await report.waitForLoadState();
    const rows = await report.locator('[data-testid="seat-scores"] tbody tr').evaluateAll((trs) =>
      trs.map((tr) => ({
        seat: tr.getAttribute('data-seat')!,
        score: Number(tr.getAttribute('data-score')),
        cases: Number(tr.getAttribute('data-cases')),
        cells: [...tr.children].map((c) => (c as HTMLElement).innerText.trim()),
        parts: ['onTime', 'notLate', 'order'].map((k) => Number(tr.querySelector(`[data-part="${k}"]`)!.textContent)),
      })),
    );
    expect(rows.map((r) => r.seat)).toEqual([...drillFile.seats.map((x) => x.id), 'total']);
    const total = rows.at(-1)!;
    expect(total.score).toBe(Number(await report.locator('body').getAttribute('data-score')));
    // the seats cover the command scope once: their cases add up to the drill's
    expect(rows.slice(0, -1).reduce((n, r) => n + r.cases, 0)).toBe(total.cases);
    for (const r of rows) {
      // the parts add up to the score (each shown to one decimal)
      expect(Math.abs(r.parts[0] + r.parts[1] + r.parts[2] - r.score), r.seat).toBeLessThanOrEqual(0.65);
      if (r.seat !== 'total') for (const g of grids(r.seat)) expect(r.cells[0]).toContain(g);
    }
    // Yuyuan's trainee dispatched two cases at the keyboard: they count in its row (column "by trainee")
    const yu = rows.find((r) => r.seat === 'yuyuan')!;
    expect(yu.cases).toBeGreaterThan(0);
    expect(Number(yu.cells[2])).toBeGreaterThanOrEqual(2);
    // printed on A4: the scores and the seat table within a portrait page's width (186 mm), the case table
    // (17 columns) on landscape pages of its own; the PDF's pages looked at (PDF.js renders them: pdfPages.ts)
    await report.setViewportSize({ width: 703, height: 1000 });
    await report.emulateMedia({ media: 'print' });
    const widths = await report.evaluate(() => ({
      page: document.documentElement.clientWidth,
      tables: [...document.querySelectorAll('table:not(.cases)')].map((t) => t.getBoundingClientRect().right),
    }));
    expect(widths.tables.length).toBeGreaterThanOrEqual(3);
    // inside the page's margin, not on its edge (a border there was cut off in the PDF)
    for (const right of widths.tables) expect(right).toBeLessThanOrEqual(widths.page - 1);
    // the drill's date and the report's in local time, in the report's language, not ISO UTC
    const dates = await report.locator('dd[data-iso]').allInnerTexts();
    expect(dates.length).toBe(2);
    for (const d of dates) {
      expect(d).toMatch(/\d{4}年\d{1,2}月\d{1,2}日星期. \d\d:\d\d（GMT[+-−]?\d*(:\d\d)?）/);
      expect(d).not.toMatch(/T\d\d:\d\d:\d\d/);
    }
    await report.screenshot({ path: `${SHOTS}drill-seats-06-report-print.png`, fullPage: true });
    const pdf = await report.pdf({ format: 'A4', printBackground: true });
    const printed = await renderPdfPages(context, inject('appUrl'), pdf, [1, 2, 3, 4]);
    const first = printed.pages[0];
    // A4 portrait: 595.3 x 841.9 pt (Chromium's: 595.9 x 842.9)
    expect(Math.abs(first.widthPt - 595.3)).toBeLessThan(1.5);
    expect(Math.abs(first.heightPt - 841.9)).toBeLessThan(1.5);
    expect(first.inkTop).toBeGreaterThan(0.02);
    // the case table's pages are landscape, none blank
    const landscape = printed.pages.filter((p) => p.widthPt > p.heightPt);
    expect(landscape.length).toBeGreaterThan(0);
    for (const p of printed.pages) {
      writeFileSync(`${SHOTS}drill-seats-07-report-pdf-page${p.n}.png`, p.png);
      expect(p.ink, `page ${p.n} not blank`).toBeGreaterThan(0.02);
    }
    await report.close();
  });

  it('no console errors', () => {
    expect(errors).toEqual([]);
  });
});
