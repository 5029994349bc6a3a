/**
 * When the panels get a new frame: coalesce to the latest, at most one
 * publication per interval while a run plays, each in a task of its own.
 *
 * Frames reach the controller inside an animation frame (the live client
 * keeps the latest per animation frame), where the scene also draws and the
 * browser then lays out and paints. Publishing there put React's render of
 * the panels into that same task: at maximum speed on a large district the
 * sum went over 50 ms (issue 12). The gate never publishes inside `offer`;
 * it keeps the latest frame and publishes it from a timer task:
 *
 * - an urgent frame (the final one, or any frame while paused: load, step,
 *   seek, restart) at the next task (delay 0);
 * - otherwise no sooner than `intervalMs()` after the last publication
 *   (the interval is read at each offer, so it can follow the speed).
 *
 * Frames offered meanwhile replace the pending one (never a queue of stale
 * frames); an urgent one pulls a waiting publication forward. The clock and
 * the timer are injected so tests run without wall-clock time.
 */

export interface FrameGateOptions<F> {
  /** Publishes a frame (sets the store). */
  publish: (f: F) => void;
  /** Minimum time between two publications of non-urgent frames, ms (read at each offer). */
  intervalMs: () => number;
  /** Current time, ms (default performance.now). */
  now?: () => number;
  /** Runs `fn` after `ms` in a task of its own (default setTimeout). */
  schedule?: (fn: () => void, ms: number) => unknown;
  /** Cancels a scheduled run (default clearTimeout). */
  cancel?: (handle: unknown) => void;
}

export interface FrameGate<F> {
  /** A new frame; `urgent` publishes it at the next task whatever the interval. */
  offer(f: F, urgent: boolean): void;
  /** Drop the pending frame and its timer (a new city, dispose). */
  clear(): void;
}

export function createFrameGate<F>(opts: FrameGateOptions<F>): FrameGate<F> {
  const now = opts.now ?? (() => performance.now());
  const schedule = opts.schedule ?? ((fn: () => void, ms: number) => setTimeout(fn, ms));
  const cancel = opts.cancel ?? ((h: unknown) => clearTimeout(h as ReturnType<typeof setTimeout>));
  let pending: { f: F } | null = null;
  let handle: unknown = null;
  /** When the scheduled run fires (ms, `now` clock); Infinity when none. */
  let dueAt = Infinity;
  let lastPublish = -Infinity;

  const fire = () => {
    handle = null;
    dueAt = Infinity;
    const p = pending;
    pending = null;
    if (!p) return;
    lastPublish = now();
    opts.publish(p.f);
  };

  return {
    offer(f, urgent) {
      pending = { f };
      const t = now();
      const due = urgent ? t : Math.max(t, lastPublish + opts.intervalMs());
      if (handle !== null && dueAt <= due) return; // already due no later: it will take this frame
      if (handle !== null) cancel(handle);
      dueAt = due;
      handle = schedule(fire, due - t);
    },
    clear() {
      if (handle !== null) cancel(handle);
      handle = null;
      dueAt = Infinity;
      pending = null;
    },
  };
}

/** A run scheduled by `afterNextFrame`, cancellable at any of its three steps. */
export interface FrameTimer {
  cancel(): void;
}

/** The browser's timers and animation frames, injectable for tests. */
export interface FrameClock {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(h: unknown): void;
  requestAnimationFrame(fn: () => void): unknown;
  cancelAnimationFrame(h: unknown): void;
}

/** The page's own timers and frames; null where there are no animation frames (Node). */
const BROWSER_CLOCK: FrameClock | null =
  typeof requestAnimationFrame === 'function'
    ? {
        setTimeout: (fn, ms) => setTimeout(fn, ms),
        clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
        requestAnimationFrame: (fn) => requestAnimationFrame(fn),
        cancelAnimationFrame: (h) => cancelAnimationFrame(h as number),
      }
    : null;

/**
 * A `schedule` for `createFrameGate` whose publication gets a rendered frame of its own: after `ms`, it waits for the
 * next animation frame (where the browser lays out and paints what changed before) and runs `fn` in a task after
 * that frame. The coverage matrix uses it, so that its layout and paint and the other panels' land in two frames
 * rather than one task (issue 12). A hidden tab renders no frames: there `fn` waits until the tab is shown again.
 * Without animation frames (Node, tests) it is a plain timer.
 */
export function afterNextFrame(fn: () => void, ms: number, clock: FrameClock | null = BROWSER_CLOCK): FrameTimer {
  if (!clock) {
    const h = setTimeout(fn, ms);
    return { cancel: () => clearTimeout(h) };
  }
  // each step replaces `cancel` with the undoing of the step now pending
  const h0 = clock.setTimeout(() => {
    const h1 = clock.requestAnimationFrame(() => {
      const h2 = clock.setTimeout(fn, 0);
      cancel = () => clock.clearTimeout(h2);
    });
    cancel = () => clock.cancelAnimationFrame(h1);
  }, ms);
  let cancel = () => clock.clearTimeout(h0);
  return { cancel: () => cancel() };
}
