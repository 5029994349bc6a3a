/**
 * `gpuCaughtUp(gl)`: resolves once the GPU process has carried out every
 * command this context issued so far, without blocking the main thread.
 *
 * WebGL commands are queued to the browser's GPU process; a call that needs
 * an answer (a program's link status, say) waits on the main thread until
 * the queue before it has run. A WebGL 2 fence marks the end of the queue,
 * and its status is read without waiting (the browser updates it between
 * tasks), so polling it from timers lets the GPU work through a backlog
 * (shader links, under a software GPU 0.1–1 s each on a loaded machine)
 * while the page stays responsive; asking afterwards costs what is left of
 * it. Resolves at once when fences are unavailable or the context is lost.
 */
export interface FenceGl {
  readonly SYNC_GPU_COMMANDS_COMPLETE: number;
  readonly SYNC_STATUS: number;
  readonly SIGNALED: number;
  fenceSync(condition: number, flags: number): WebGLSync | null;
  getSyncParameter(sync: WebGLSync, pname: number): unknown;
  deleteSync(sync: WebGLSync | null): void;
  flush(): void;
  isContextLost(): boolean;
}

/** Between two reads of the fence's status. */
const POLL_MS = 8;

export async function gpuCaughtUp(
  ctx: FenceGl | WebGLRenderingContext,
  wait = (ms: number) => new Promise((r) => setTimeout(r, ms)),
): Promise<void> {
  if (!('fenceSync' in ctx) || typeof ctx.fenceSync !== 'function') return; // WebGL 1: no fences
  const gl = ctx;
  const sync = gl.fenceSync(gl.SYNC_GPU_COMMANDS_COMPLETE, 0);
  if (!sync) return;
  gl.flush();
  try {
    while (!gl.isContextLost() && gl.getSyncParameter(sync, gl.SYNC_STATUS) !== gl.SIGNALED) await wait(POLL_MS);
  } finally {
    gl.deleteSync(sync);
  }
}
