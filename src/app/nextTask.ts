/**
 * Yield the main thread: resolves in a later task, so that the work before
 * and after an `await nextTask()` are separate tasks (input, painting and
 * the browser's own work run between them). Loading the app is cut into
 * such steps so that no single task holds it all (Long Tasks API, issue 12).
 * `scheduler.yield()` where the browser has it (the continuation keeps its
 * priority), otherwise a zero-delay timer.
 */
interface YieldingScheduler {
  yield(): Promise<void>;
}

export function nextTask(): Promise<void> {
  const s = (globalThis as { scheduler?: Partial<YieldingScheduler> }).scheduler;
  if (typeof s?.yield === 'function') return s.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
