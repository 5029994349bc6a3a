/**
 * Large districts in the 2D map (issue 12): lianhu-grids (14,535 cells,
 * 1,615 grids) opens in the 2D map by default, draws (the canvas is not
 * blank), shows street names zoomed out and grid codes zoomed in, and a
 * click selects the cell under it as in 3D; the baseline opens in 3D and
 * switches to the map; the sample district (opened as a file) in the map.
 *
 * Printed, never asserted (a shared, noisy machine; README rule): the
 * longest main-thread task while loading lianhu-grids and the tasks over
 * 50 ms while it plays at 60× and at maximum speed (Long Tasks API), frames
 * per second in the 2D map (also zoomed in to grid codes) and in 3D (frames the scene drew,
 * `window.__allweatherGl.frames`, and requestAnimationFrame callbacks), the
 * machine's load average.
 *
 * Long Tasks measure wall time, so on a loaded machine a task can pass 50 ms
 * while the main thread waits for a core. A last play at maximum speed runs
 * under a Chromium trace and prints, for the same kind of tasks, the main
 * thread's CPU time beside their wall time: the app's own cost apart from the
 * machine's contention.
 */
import { describe, it, expect, beforeAll, afterAll, inject } from 'vitest';
import os from 'node:os';
import { PNG } from 'pngjs';
import type { Browser, Page } from 'playwright-core';
import { launch, SHOTS } from './browser.ts';
import { LAND_USE_COLORS } from '../src/scene/palette.ts';

const root = new URL('..', import.meta.url).pathname;
const GEOJSON = `${root}scenarios/sample-district/district.geojson`;
const CSV = `${root}scenarios/sample-district/cases.csv`;
const PLAY_MS = 10_000;

/** Installed before the app: long tasks (buffered from the page's start) and animation frames. */
const INIT = `
(() => {
  const m = { longTasks: [], raf: [] };
  window.__perf = m;
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) m.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  const tick = (t) => { m.raf.push(t); requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
})();
`;

interface Perf {
  longTasks: { start: number; duration: number }[];
  raf: number[];
}
declare global {
  interface Window {
    __perf?: Perf;
  }
}

let browser: Browser;
let page: Page;
const errors: string[] = [];

/** Share of pixels that differ from the most common colour: 0 for a blank canvas. */
function nonBackgroundShare(png: Buffer): number {
  const img = PNG.sync.read(png);
  const counts = new Map<number, number>();
  for (let i = 0; i < img.data.length; i += 4) {
    const key = (img.data[i] << 16) | (img.data[i + 1] << 8) | img.data[i + 2];
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return 1 - Math.max(...counts.values()) / (img.width * img.height);
}

/** Share of pixels whose colour is exactly one of `hexes` ('#rrggbb'). */
function paletteShare(png: Buffer, hexes: readonly string[]): number {
  const img = PNG.sync.read(png);
  const want = new Set(hexes.map((h) => parseInt(h.slice(1), 16)));
  let hits = 0;
  for (let i = 0; i < img.data.length; i += 4)
    if (want.has((img.data[i] << 16) | (img.data[i + 1] << 8) | img.data[i + 2])) hits++;
  return hits / (img.width * img.height);
}

const drawn = (p: Page) => p.evaluate(() => window.__allweatherGl?.frames ?? 0);

/**
 * Click play; when it stays disabled (the run ended, also one whose end arrives just after the last pause, a moment
 * after any check could see it), restart on another seed and try again. Two CI runs failed on that race.
 */
async function startPlay(p: Page, speed: '60' | 'max') {
  for (let i = 0; i < 5; i++) {
    const clicked = await p.click('[data-testid="play"]', { timeout: 5000 }).then(
      () => true,
      () => false,
    );
    if (clicked) return;
    await p.fill('[data-testid="seed"]', String(490 + i));
    await p.click('[data-testid="restart"]');
    await p.click(`[data-testid="speed-${speed}"]`);
  }
  throw new Error('play stayed disabled after five restarts');
}

/**
 * Play for PLAY_MS at `speed` (restarting when the day ends); what the main thread and the scene did. At 60× (the
 * default) the worker sends a frame every 30 ms, so frames drawn per second measure the scene; at 'max' the worker
 * sends one at most every 100 ms, as fast as it computes them (the engine, not the scene, sets that rate).
 */
async function playFor(p: Page, label: string, speed: '60' | 'max') {
  await p.click(`[data-testid="speed-${speed}"]`);
  const t0 = await p.evaluate(() => performance.now());
  const f0 = await drawn(p);
  await startPlay(p, speed);
  const start = Date.now();
  let seed = 500;
  while (Date.now() - start < PLAY_MS) {
    const done = await p
      .waitForSelector('[data-testid="app"][data-done="true"]', {
        timeout: Math.max(1, PLAY_MS - (Date.now() - start)),
      })
      .then(
        () => true,
        () => false,
      );
    if (!done) break;
    await p.fill('[data-testid="seed"]', String(++seed));
    await p.click('[data-testid="restart"]');
    await p.click(`[data-testid="speed-${speed}"]`);
    await startPlay(p, speed);
  }
  const m = await p.evaluate((t0) => {
    const b = window.__perf!;
    const s = (performance.now() - t0) / 1000;
    const lt = b.longTasks.filter((x) => x.start >= t0).map((x) => Math.round(x.duration));
    return { s, raf: b.raf.filter((t) => t >= t0).length / s, lt };
  }, t0);
  const fps = ((await drawn(p)) - f0) / m.s;
  await p.click('[data-testid="pause"]');
  console.log(
    `lianhu-grids ${label} playing at ${speed === 'max' ? 'max speed' : `${speed}×`} ${m.s.toFixed(1)} s: ${fps.toFixed(1)} frames drawn/s, ` +
      `${m.raf.toFixed(1)} animation frames/s, longest main-thread task ${Math.max(0, ...m.lt)} ms, ` +
      `${m.lt.filter((d) => d > 50).length} tasks over 50 ms ${JSON.stringify(m.lt)}`,
  );
}

/**
 * Run `act` under a Chromium trace; print the renderer main thread's tasks: how many passed 50 ms of wall time,
 * their CPU time, and the longest CPU time of any task.
 */
async function traced(p: Page, label: string, act: () => Promise<void>) {
  await browser.startTracing(p, { categories: ['disabled-by-default-devtools.timeline', 'devtools.timeline'] });
  await act();
  const events = (JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] }).traceEvents;
  const mains = events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const tasksOf = (m: TraceEvent) =>
    events.filter((e) => e.pid === m.pid && e.tid === m.tid && e.ph === 'X' && e.name === 'RunTask');
  // the page's renderer is the main thread that ran the most tasks
  const tasks = mains.map(tasksOf).sort((a, b) => b.length - a.length)[0] ?? [];
  const ms = (us: number | undefined) => Math.round((us ?? 0) / 1000);
  const long = tasks.filter((t) => t.dur > 50_000);
  const thread =
    tasks.length > 0 ? events.filter((e) => e.pid === tasks[0].pid && e.tid === tasks[0].tid && e.ph === 'X') : [];
  // what each long task spent its wall time in: its longest event inside
  const what = (t: TraceEvent) =>
    thread
      .filter((e) => e !== t && e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur && !/RunTask/.test(e.name))
      .sort((a, b) => b.dur - a.dur)[0]?.name ?? '?';
  console.log(
    `lianhu-grids ${label}, traced: ${tasks.length} main-thread tasks, longest CPU time ${Math.max(0, ...tasks.map((t) => ms(t.tdur)))} ms; ` +
      `${long.length} over 50 ms of wall time, as wall/CPU ms ${JSON.stringify(long.map((t) => `${ms(t.dur)}/${ms(t.tdur)} ${what(t)}`))}`,
  );
  expect(tasks.length).toBeGreaterThan(0);
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur: number;
  tdur?: number;
  args?: { name?: string };
}

beforeAll(async () => {
  browser = await launch();
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.addInitScript(INIT);
});
afterAll(async () => {
  await browser?.close();
});

describe('the 2D map of a large district', () => {
  it('lianhu-grids opens in the 2D map, draws, and loads without long main-thread tasks (printed)', async () => {
    console.log(
      `machine: ${os.cpus()[0]?.model} × ${os.availableParallelism()}, load average ${os
        .loadavg()
        .map((x) => x.toFixed(1))
        .join(' ')}`,
    );
    await page.goto(`${inject('appUrl')}?scenario=lianhu-grids`);
    await page.waitForSelector('[data-testid="app"][data-ready="true"][data-scenario="lianhu-grids"]');
    const slot = page.locator('[data-testid="city-canvas"]');
    expect(await slot.getAttribute('data-map-mode')).toBe('2d');
    await page.waitForSelector('[data-testid="city-canvas"] canvas', { timeout: 60_000 });
    await page.waitForFunction(() => (window.__allweatherGl?.frames ?? 0) >= 1, undefined, { timeout: 60_000 });
    await page.waitForTimeout(2000); // shaders compiled in the background, the first frames
    const load = await page.evaluate(() => window.__perf!.longTasks.map((x) => Math.round(x.duration)));
    console.log(
      `lianhu-grids loading: longest main-thread task ${Math.max(0, ...load)} ms, all ${JSON.stringify(load)}`,
    );
    expect(await page.locator('[data-testid="map-mode-2d"]').getAttribute('aria-checked')).toBe('true');
    expect(await page.locator('[data-testid="city-canvas"] [data-map-mode="2d"]').count()).toBe(1);
    const shot = await slot.screenshot();
    expect(nonBackgroundShare(shot)).toBeGreaterThan(0.2);
    await page.screenshot({ path: `${SHOTS}map2d-01-lianhu-zoomed-out.png` });
    // zoomed out: street names
    const labels = page.locator('[data-testid="map-labels"]');
    expect(await labels.getAttribute('data-level')).toBe('street');
    expect(Number(await labels.getAttribute('data-count'))).toBeGreaterThan(0);
    // the same load again under a trace: the long tasks' CPU time beside their wall time
    await traced(page, 'loading again', async () => {
      await page.reload();
      await page.waitForSelector('[data-testid="app"][data-ready="true"][data-scenario="lianhu-grids"]');
      await page.waitForFunction(() => (window.__allweatherGl?.frames ?? 0) >= 1, undefined, { timeout: 60_000 });
      await page.waitForTimeout(2000);
    });
  });

  it('a click on the map selects the cell under it, and its grid is outlined', async () => {
    const box = (await page.locator('[data-testid="city-canvas"] canvas').boundingBox())!;
    // framed, the centre of the canvas is the centre of the plan: cell (127, 28) of 255 × 57
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const detail = page.locator('[data-testid="detail-panel"][data-kind="cell"]');
    await detail.waitFor();
    expect(await detail.locator('.detail-head').innerText()).toContain('(127, 28)');
    const grid = await page.evaluate(() => {
      const l = window.__allweather!.layout!;
      return l.gridIds[l.cellGrid[28 * l.cols + 127]];
    });
    expect(JSON.parse((await page.locator('[data-testid="detail-grid"]').getAttribute('data-value'))!)).toBe(grid);
  });

  it('the coverage matrix keeps its header, summary row and grid column in view when scrolled (layers printed)', async () => {
    const m = page.locator('[data-testid="coverage-matrix"]');
    await m.scrollIntoViewIfNeeded();
    const at = await m.evaluate((el) => {
      el.scrollTop = 600;
      el.scrollLeft = 40;
      const box = el.getBoundingClientRect();
      const head = el.querySelector('thead th:nth-child(5)')!.getBoundingClientRect();
      const foot = el.querySelector('tfoot th, tfoot td')!.getBoundingClientRect();
      const name = el.querySelector('tbody tr[data-g] .m-grid')!.getBoundingClientRect();
      return {
        scrolled: [el.scrollTop, el.scrollLeft],
        head: head.top - box.top,
        foot: box.top + el.clientHeight - foot.bottom,
        name: name.left - box.left,
      };
    });
    // at 1440 px the table is wider than its box: it scrolls both ways
    expect(at.scrolled[0]).toBeGreaterThan(0);
    expect(at.scrolled[1]).toBeGreaterThan(0);
    // the header row at the top, the summary row at the bottom, the grid names at the left: within a pixel of the edge
    expect(Math.abs(at.head)).toBeLessThanOrEqual(1);
    expect(Math.abs(at.foot)).toBeLessThanOrEqual(1);
    expect(Math.abs(at.name)).toBeLessThanOrEqual(1);
    const cdp = await page.context().newCDPSession(page);
    const layers = new Promise<{ drawsContent: boolean }[]>((resolve) =>
      cdp.on(
        'LayerTree.layerTreeDidChange',
        (e: { layers?: { drawsContent: boolean }[] }) => e.layers && resolve(e.layers),
      ),
    );
    await cdp.send('LayerTree.enable');
    await m.evaluate((el) => (el.scrollTop = 0));
    const n = (await layers).filter((l) => l.drawsContent).length;
    console.log(`lianhu-grids: ${n} compositing layers that draw (the matrix scrolled ${JSON.stringify(at.scrolled)})`);
    await cdp.detach();
  });

  it('plays in the 2D map (figures printed), then zoomed in it shows grid codes', async () => {
    await playFor(page, '2D map', '60');
    await playFor(page, '2D map', 'max');
    await traced(page, '2D map playing at max speed', () => playFor(page, '2D map (traced)', 'max'));
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${SHOTS}map2d-02-lianhu-playing.png` });
    const box = (await page.locator('[data-testid="city-canvas"] canvas').boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.5);
    for (let i = 0; i < 9; i++) {
      await page.mouse.wheel(0, -400);
      await page.waitForTimeout(120);
    }
    await page.waitForTimeout(800);
    const labels = page.locator('[data-testid="map-labels"]');
    expect(await labels.getAttribute('data-level')).toBe('grid');
    expect(Number(await labels.getAttribute('data-count'))).toBeGreaterThan(3);
    // zoomed in, the map fills the canvas and a hundred-odd grid codes lie over it: the frame rate there too
    // (a new day first: the plays above ran the day to its end, and a restart inside the measurement draws nothing)
    await page.fill('[data-testid="seed"]', '600');
    await page.click('[data-testid="restart"]');
    await page.waitForSelector('[data-testid="app"][data-ready="true"]');
    await playFor(page, '2D map zoomed to grid codes', '60');
    expect(await labels.getAttribute('data-level')).toBe('grid');
    await page.screenshot({ path: `${SHOTS}map2d-03-lianhu-zoomed-in.png` });
    // zoomed in, most of the map is cell interiors: they show the legend's land-use colours to the byte (the cells'
    // texture holds sRGB bytes written as they are, asIsMaterials.ts; a decode or encode too many shifts every one)
    const map = await page.locator('[data-testid="city-canvas"]').screenshot();
    expect(paletteShare(map, Object.values(LAND_USE_COLORS))).toBeGreaterThan(0.5);
    // another colouring, same map
    await page.click('[data-testid="colorby-backlog"]');
    await page.waitForTimeout(500);
    await page.screenshot({ path: `${SHOTS}map2d-04-lianhu-zoomed-in-backlog.png` });
    await page.click('[data-testid="colorby-landUse"]');
  });

  it('switches to 3D and back (3D figures printed)', async () => {
    await page.click('[data-testid="map-mode-3d"]');
    await page.waitForSelector('[data-testid="city-canvas"][data-map-mode="3d"]');
    await page.waitForTimeout(2000);
    await playFor(page, '3D', '60');
    await playFor(page, '3D', 'max');
    await page.screenshot({ path: `${SHOTS}map2d-05-lianhu-3d.png` });
    await page.click('[data-testid="map-mode-2d"]');
    await page.waitForSelector('[data-testid="city-canvas"][data-map-mode="2d"]');
    expect(await page.locator('[data-testid="map-labels"]').count()).toBe(1);
  });

  it('the baseline opens in 3D; its 2D map draws', async () => {
    await page.goto(`${inject('appUrl')}?scenario=baseline-weekday`);
    await page.waitForSelector('[data-testid="app"][data-ready="true"][data-scenario="baseline-weekday"]');
    const slot = page.locator('[data-testid="city-canvas"]');
    expect(await slot.getAttribute('data-map-mode')).toBe('3d');
    await page.click('[data-testid="map-mode-2d"]');
    await page.waitForSelector('[data-testid="city-canvas"][data-map-mode="2d"] canvas');
    await page.click('[data-testid="speed-3600"]');
    await page.click('[data-testid="play"]');
    await page.waitForFunction(
      () => Number(document.querySelector('[data-testid="clock"]')?.getAttribute('data-ts')) > 10 * 3600,
      undefined,
      { timeout: 120_000 },
    );
    await page.click('[data-testid="pause"]');
    await page.waitForTimeout(500);
    expect(nonBackgroundShare(await slot.screenshot())).toBeGreaterThan(0.2);
    await page.screenshot({ path: `${SHOTS}map2d-06-baseline-2d.png` });
    await page.click('[data-testid="lang-en"]');
    expect(await page.locator('[data-testid="map-mode-2d"]').innerText()).toBe('2D map');
    await page.click('[data-testid="lang-zh"]');
  });

  it('the sample district, opened as a file, in the 2D map', async () => {
    await page.setInputFiles('[data-testid="scenario-file"]', [GEOJSON, CSV]);
    await page.waitForSelector('[data-testid="app"][data-ready="true"][data-view="import"]', { timeout: 120_000 });
    await page.click('[data-testid="view-live"]');
    await page.click('[data-testid="map-mode-2d"]');
    await page.waitForSelector('[data-testid="city-canvas"][data-map-mode="2d"] canvas');
    await page.click('[data-testid="speed-3600"]');
    await page.click('[data-testid="play"]');
    await page.waitForFunction(
      () => Number(document.querySelector('[data-testid="clock"]')?.getAttribute('data-ts')) > 10 * 3600,
      undefined,
      { timeout: 120_000 },
    );
    await page.click('[data-testid="pause"]');
    await page.waitForTimeout(500);
    const slot = page.locator('[data-testid="city-canvas"]');
    expect(nonBackgroundShare(await slot.screenshot())).toBeGreaterThan(0.2);
    await page.screenshot({ path: `${SHOTS}map2d-07-sample-district-2d.png` });
    expect(errors).toEqual([]);
  });
});
