/**
 * `npm run bench:browser`: the live twin under load, in headless Chromium
 * (CHROMIUM_PATH, else Debian's, else the npm @sparticuz/chromium: e2e/chromiumPath.ts).
 *
 * Builds the app, serves it, opens the largest built-in scenario
 * (lianhu-grids: 1,615 grids, ~1,000 staff) and plays it at maximum speed,
 * then reports what a user would feel and what the design budgets:
 * frames per second, the longest main-thread task (PerformanceObserver
 * 'longtask', budget 50 ms while playing), bytes per frame sent by the
 * worker, and WebGL draw calls per rendered frame. Also the baseline
 * scenario for comparison. Headless Chromium renders WebGL with SwiftShader
 * (on the CPU), so FPS here is a floor, not what a GPU gives.
 *
 * A measurement, not a test: it prints figures and asserts nothing.
 */
import os from 'node:os';
import { build, preview } from 'vite';
import { fileURLToPath } from 'node:url';
import { launch } from '../e2e/browser.ts';
import { resolveChromium } from '../e2e/chromiumPath.ts';
import type { GlStats } from '../src/scene/RenderStats.tsx';

const root = fileURLToPath(new URL('..', import.meta.url));
const PLAY_S = Number(process.env.BENCH_PLAY_S ?? 15);

/** Installed in the page before the app: records long tasks, animation frames and event-loop gaps. */
const INIT_SCRIPT = `
(() => {
  const b = { longTasks: [], rafTimes: [], gaps: [] };
  window.__bench = b;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) b.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  const tick = (t) => { b.rafTimes.push(t); requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
  // event-loop gaps: a message loop records how long the main thread was away (the longest task, even under 50 ms)
  const ch = new MessageChannel();
  let last = performance.now();
  ch.port1.onmessage = () => {
    const t = performance.now();
    if (t - last > 4) b.gaps.push({ t, gap: t - last });
    last = t;
    setTimeout(() => ch.port2.postMessage(0), 0);
  };
  ch.port2.postMessage(0);
})();
`;

declare global {
  interface Window {
    __bench?: {
      longTasks: { start: number; duration: number }[];
      rafTimes: number[];
      gaps: { t: number; gap: number }[];
    };
    __allweatherGl?: GlStats;
  }
}

async function main() {
  console.log('AllWeather browser benchmark');
  console.log(`date     ${new Date().toISOString()}`);
  console.log(`cpu      ${os.cpus()[0]?.model ?? 'unknown'} (${os.availableParallelism()} threads)`);
  await build({ root, logLevel: 'warn' });
  const server = await preview({ root, preview: { port: 0, host: '127.0.0.1' }, logLevel: 'warn' });
  const url = server.resolvedUrls!.local[0];
  const browser = await launch();
  const chosen = await resolveChromium();
  console.log(`browser  Chromium ${browser.version()} (${chosen.source}: ${chosen.executablePath}), SwiftShader WebGL`);
  try {
    for (const scenario of ['lianhu-grids', 'baseline-weekday']) {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
      // a string, not a function: tsx adds helper calls (__name) to function source that do not exist in the page
      await page.addInitScript(INIT_SCRIPT);
      await page.goto(`${url}?scenario=${scenario}`);
      await page.waitForSelector(`[data-scenario="${scenario}"][data-ready="true"], [data-scenario="${scenario}"]`);
      await page.waitForSelector('[data-testid="city-canvas"] canvas');
      await page.waitForTimeout(1500); // first render and shader compilation happen before play
      const t0 = await page.evaluate(() => performance.now());
      const before = await page.evaluate(() => ({
        frames: window.__allweather?.framesReceived ?? 0,
        bytes: window.__allweather?.bytesReceived ?? 0,
      }));
      await page.click('[data-testid="speed-max"]');
      await page.click('[data-testid="play"]');
      const wallStart = Date.now();
      // a day at max speed can end in about a second: replay it (new seed) until the window is over
      let days = 0;
      while (Date.now() - wallStart < PLAY_S * 1000) {
        const done = await page
          .waitForSelector('[data-done="true"]', { timeout: Math.max(1, PLAY_S * 1000 - (Date.now() - wallStart)) })
          .then(
            () => true,
            () => false,
          );
        if (!done) break;
        days++;
        await page.fill('[data-testid="seed"]', String(100 + days));
        await page.click('[data-testid="restart"]');
        await page.click('[data-testid="speed-max"]');
        await page.click('[data-testid="play"]');
      }
      const wallS = (Date.now() - wallStart) / 1000;
      const m = await page.evaluate((t0) => {
        const b = window.__bench!;
        const raf = b.rafTimes.filter((t) => t >= t0);
        const lt = b.longTasks.filter((x) => x.start >= t0);
        const gaps = b.gaps
          .filter((x) => x.t >= t0)
          .map((x) => x.gap)
          .sort((a, c) => a - c);
        return {
          maxGap: gaps.length ? gaps[gaps.length - 1] : 0,
          p99Gap: gaps.length ? gaps[Math.floor(gaps.length * 0.99)] : 0,
          fps: raf.length > 1 ? (raf.length - 1) / ((raf[raf.length - 1] - raf[0]) / 1000) : 0,
          longest: lt.reduce((a, x) => Math.max(a, x.duration), 0),
          over50: lt.filter((x) => x.duration > 50).length,
          frames: window.__allweather?.framesReceived ?? 0,
          bytes: window.__allweather?.bytesReceived ?? 0,
          simT: window.__allweather?.lastFrameT ?? 0,
          calls: window.__allweatherGl?.calls ?? NaN,
          triangles: window.__allweatherGl?.triangles ?? NaN,
          done: document.querySelector('[data-done="true"]') !== null,
        };
      }, t0);
      const frames = m.frames - before.frames;
      const layout = await page.evaluate(() => {
        const l = window.__allweather?.layout as {
          cols: number;
          rows: number;
          nStaff: number;
          gridIds: string[];
        } | null;
        return l ? { cells: l.cols * l.rows, staff: l.nStaff, grids: l.gridIds.length } : null;
      });
      console.log(`\n${scenario}: ${layout?.cells} cells, ${layout?.grids} grids, ${layout?.staff} staff`);
      console.log(
        `  played ${wallS.toFixed(1)} s wall at max speed: ${days} simulated day(s) finished (${(days / wallS).toFixed(2)} days/s with rendering)`,
      );
      console.log(`  frames per second (rAF)        ${m.fps.toFixed(1)}`);
      console.log(
        `  longest main-thread task       ${Math.max(m.longest, m.maxGap).toFixed(0)} ms (${m.over50} long tasks over 50 ms; event-loop gap p99 ${m.p99Gap.toFixed(0)} ms)`,
      );
      console.log(`  worker frames received         ${frames} (${(frames / wallS).toFixed(1)}/s)`);
      console.log(
        `  bytes per worker frame         ${frames > 0 ? Math.round((m.bytes - before.bytes) / frames).toLocaleString('en-US') : '—'}`,
      );
      console.log(
        `  draw calls per render          ${m.calls} (${Number(m.triangles).toLocaleString('en-US')} triangles)`,
      );
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
