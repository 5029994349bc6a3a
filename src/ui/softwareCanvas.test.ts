import { describe, it, expect, afterEach } from 'vitest';
import { softwareCanvas } from './softwareCanvas.ts';

/** A stand-in for the DOM's canvas: records the options each getContext call was given. */
class FakeCanvas {
  static calls: { type: string; opts: unknown }[] = [];
  getContext(type: string, opts?: unknown): object {
    FakeCanvas.calls.push({ type, opts });
    return {};
  }
}
const g = globalThis as { HTMLCanvasElement?: unknown };

afterEach(() => {
  delete g.HTMLCanvasElement;
  FakeCanvas.calls = [];
});

describe('softwareCanvas keeps the 2D contexts a chart creates in software, and only those', () => {
  it('a 2D context made inside asks for willReadFrequently (keeping other options); WebGL is left alone', () => {
    g.HTMLCanvasElement = FakeCanvas;
    const original = FakeCanvas.prototype.getContext;
    softwareCanvas(() => {
      new FakeCanvas().getContext('2d', { alpha: false });
      new FakeCanvas().getContext('2d');
      new FakeCanvas().getContext('webgl2', { antialias: true });
    });
    expect(FakeCanvas.calls).toEqual([
      { type: '2d', opts: { alpha: false, willReadFrequently: true } },
      { type: '2d', opts: { willReadFrequently: true } },
      { type: 'webgl2', opts: { antialias: true } },
    ]);
    // restored: a context made afterwards is the browser's default again
    expect(FakeCanvas.prototype.getContext).toBe(original);
    new FakeCanvas().getContext('2d');
    expect(FakeCanvas.calls[3]).toEqual({ type: '2d', opts: undefined });
  });

  it('restores getContext when the chart throws, and returns what the chart returns', () => {
    g.HTMLCanvasElement = FakeCanvas;
    const original = FakeCanvas.prototype.getContext;
    expect(() =>
      softwareCanvas(() => {
        throw new Error('bad options');
      }),
    ).toThrow('bad options');
    expect(FakeCanvas.prototype.getContext).toBe(original);
    expect(softwareCanvas(() => 42)).toBe(42);
  });
});
