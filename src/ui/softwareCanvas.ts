/**
 * `softwareCanvas(make)`: run `make` (a chart's constructor) with every 2D canvas context it creates kept
 * in software (`willReadFrequently`). The charts' canvases are small; a GPU-backed one made its first draw
 * wait for the browser's GPU process: a main-thread task of 0.3–1.3 s while `lianhu-grids` loaded (headless
 * Chromium, software GL), before anything else was drawn. uPlot creates its canvas and context inside its
 * constructor, with no option for this, hence the scoped wrapper (restored before returning).
 */
export function softwareCanvas<T>(make: () => T): T {
  if (typeof HTMLCanvasElement === 'undefined') return make();
  const proto = HTMLCanvasElement.prototype;
  const orig = proto.getContext;
  proto.getContext = function (this: HTMLCanvasElement, type: string, opts?: unknown) {
    const o = type === '2d' ? { ...(opts as object | undefined), willReadFrequently: true } : opts;
    return (orig as (t: string, o?: unknown) => RenderingContext | null).call(this, type, o);
  } as typeof proto.getContext;
  try {
    return make();
  } finally {
    proto.getContext = orig;
  }
}
