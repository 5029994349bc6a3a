/**
 * `warmGpu()`: resolves once the browser's GPU process is up, started from
 * a worker (workers/gpuWarm.worker.ts) so that the wait for it never
 * blocks the main thread. The scene mounts its canvas after it: creating
 * the page's first WebGL context on the main thread was a 1.6–3.3 s task
 * under a software GPU. Resolves at once where OffscreenCanvas or workers
 * are missing, and after at most `TIMEOUT_MS` whatever happens (the
 * canvas then pays the wait itself, as before). One warm-up per page.
 */
const TIMEOUT_MS = 20_000;

let warm: Promise<void> | null = null;
/** The worker, kept for the page's life (it holds the warm context). */
const holders: Worker[] = [];

export function warmGpu(): Promise<void> {
  if (warm) return warm;
  if (typeof Worker === 'undefined' || typeof OffscreenCanvas === 'undefined') return (warm = Promise.resolve());
  warm = new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(done, TIMEOUT_MS);
    try {
      const worker = new Worker(new URL('../../workers/gpuWarm.worker.ts', import.meta.url), { type: 'module' });
      worker.onmessage = done;
      worker.onerror = done;
      holders.push(worker);
    } catch {
      done();
    }
  });
  return warm;
}
