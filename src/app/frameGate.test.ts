import { describe, it, expect } from 'vitest';
import { afterNextFrame, createFrameGate, type FrameClock } from './frameGate.ts';

/** A gate on a hand-driven clock and timer queue. */
function setup(intervalMs = 250) {
  let t = 0;
  const timers: { at: number; fn: () => void; id: number }[] = [];
  let nextId = 1;
  const published: { f: number; at: number }[] = [];
  let interval = intervalMs;
  const gate = createFrameGate<number>({
    publish: (f) => published.push({ f, at: t }),
    intervalMs: () => interval,
    now: () => t,
    schedule: (fn, ms) => {
      const id = nextId++;
      timers.push({ at: t + ms, fn, id });
      return id;
    },
    cancel: (h) => {
      const i = timers.findIndex((x) => x.id === h);
      if (i >= 0) timers.splice(i, 1);
    },
  });
  /** Advance the clock to `to`, running the timers due on the way, in order. */
  const advance = (to: number) => {
    for (;;) {
      timers.sort((a, b) => a.at - b.at);
      const next = timers[0];
      if (!next || next.at > to) break;
      timers.shift();
      t = next.at;
      next.fn();
    }
    t = to;
  };
  return { gate, published, timers, advance, setInterval: (ms: number) => (interval = ms) };
}

describe('frameGate', () => {
  it('never publishes inside offer: an urgent frame goes out at the next task', () => {
    const { gate, published, advance } = setup();
    gate.offer(1, true);
    expect(published).toEqual([]);
    advance(0);
    expect(published).toEqual([{ f: 1, at: 0 }]);
  });

  it('coalesces frames to the latest and publishes at most once per interval while playing', () => {
    const { gate, published, advance } = setup(250);
    // a frame every 16 ms for one second
    for (let t = 0, f = 0; t <= 1000; t += 16, f++) {
      advance(t);
      gate.offer(f, false);
    }
    advance(2000);
    const at = published.map((p) => p.at);
    for (let i = 1; i < at.length; i++) expect(at[i] - at[i - 1]).toBeGreaterThanOrEqual(250);
    expect(published.length).toBeGreaterThanOrEqual(4);
    expect(published.length).toBeLessThanOrEqual(5);
    // the last frame offered is the last published (none lost at the end)
    expect(published[published.length - 1].f).toBe(Math.floor(1000 / 16));
    // each publication is the latest frame offered before it
    for (const p of published) expect(p.f).toBe(Math.floor(Math.min(p.at, 1000) / 16));
  });

  it('an urgent frame pulls a waiting publication forward and is the one published', () => {
    const { gate, published, advance } = setup(500);
    gate.offer(1, false);
    advance(0);
    expect(published.map((p) => p.f)).toEqual([1]);
    advance(10);
    gate.offer(2, false); // due at 500
    advance(20);
    gate.offer(3, true); // the final frame: now
    advance(20);
    expect(published).toEqual([
      { f: 1, at: 0 },
      { f: 3, at: 20 },
    ]);
    advance(1000);
    expect(published.length).toBe(2); // the cancelled wait does not publish again
  });

  it('follows a changed interval at the next offer', () => {
    const { gate, published, advance, setInterval } = setup(250);
    gate.offer(1, false);
    advance(0);
    setInterval(500);
    advance(10);
    gate.offer(2, false);
    advance(300);
    expect(published.map((p) => p.f)).toEqual([1]);
    advance(500);
    expect(published.map((p) => p.f)).toEqual([1, 2]);
  });

  it('clear drops the pending frame', () => {
    const { gate, published, advance, timers } = setup();
    gate.offer(1, true);
    gate.clear();
    advance(1000);
    expect(published).toEqual([]);
    expect(timers).toEqual([]);
  });
});

describe('afterNextFrame', () => {
  /** A hand-driven browser: timers and animation frames run only when the test says. */
  function clock() {
    const timers = new Map<number, { fn: () => void; ms: number }>();
    const frames = new Map<number, () => void>();
    let id = 1;
    const log: string[] = [];
    const c: FrameClock = {
      setTimeout: (fn, ms) => {
        timers.set(id, { fn, ms });
        return id++;
      },
      clearTimeout: (h) => void timers.delete(h as number),
      requestAnimationFrame: (fn) => {
        frames.set(id, fn);
        return id++;
      },
      cancelAnimationFrame: (h) => void frames.delete(h as number),
    };
    const runTimers = () => {
      const due = [...timers.entries()];
      timers.clear();
      for (const [, t] of due) t.fn();
    };
    const renderFrame = () => {
      const due = [...frames.values()];
      frames.clear();
      for (const f of due) f();
      log.push('frame rendered');
    };
    return { c, timers, frames, log, runTimers, renderFrame };
  }

  it('runs its function in a task after the next rendered frame, not before it', () => {
    const k = clock();
    afterNextFrame(() => k.log.push('published'), 1000, k.c);
    expect([...k.timers.values()].map((t) => t.ms)).toEqual([1000]);
    k.runTimers(); // the interval is over: now it waits for a frame
    expect(k.log).toEqual([]);
    expect(k.frames.size).toBe(1);
    k.renderFrame(); // the frame where the other panels' changes are laid out and painted
    expect(k.log).toEqual(['frame rendered']);
    k.runTimers(); // the task after that frame
    expect(k.log).toEqual(['frame rendered', 'published']);
  });

  it('can be cancelled while it waits for the interval, for the frame, or for the task after it', () => {
    for (const at of [0, 1, 2]) {
      const k = clock();
      const h = afterNextFrame(() => k.log.push('published'), 0, k.c);
      if (at >= 1) k.runTimers();
      if (at >= 2) k.renderFrame();
      h.cancel();
      k.runTimers();
      k.renderFrame();
      k.runTimers();
      expect(k.log).not.toContain('published');
    }
  });

  it('without animation frames (Node) is a plain timer', async () => {
    const got: number[] = [];
    afterNextFrame(() => got.push(1), 0, null);
    await new Promise((r) => setTimeout(r, 5));
    expect(got).toEqual([1]);
  });
});
