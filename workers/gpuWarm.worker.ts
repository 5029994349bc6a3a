/**
 * Starts the GPU side of WebGL off the main thread.
 *
 * A page's first WebGL context waits for the browser's GPU process (and,
 * under a software GPU such as SwiftShader, its start-up): measured at
 * 3.3 s of main-thread block in headless Chromium. Created here on an
 * OffscreenCanvas, that wait blocks only this worker; the scene's own
 * context, created after, takes tens of milliseconds. Posts `true` once a
 * context exists (`false` if WebGL2 is unavailable) and holds it (1 × 1
 * pixel) for the page's life, so the GPU channel stays warm.
 */
let gl: WebGL2RenderingContext | null = null;
try {
  gl = new OffscreenCanvas(1, 1).getContext('webgl2');
  gl?.clear(gl.COLOR_BUFFER_BIT);
  gl?.finish();
} catch {
  gl = null;
}
postMessage(gl !== null);
