/**
 * Renders the scene and publishes what the GPU was asked to do.
 *
 * A `useFrame` with a positive priority takes over rendering in R3F, so
 * this component draws the frame itself and reads `gl.info` right after,
 * when the counts are those of the frame just drawn. The figures go to
 * `window.__allweatherGl` for the browser benchmark and the end-to-end
 * tests (one object, mutated in place).
 */
import { useEffect, useMemo, useRef } from 'react';
import { useFrame } from '@react-three/fiber';
import { createDrawHold } from './drawHold.ts';

export interface GlStats {
  /** Draw calls in the last rendered frame. */
  calls: number;
  /** Triangles in the last rendered frame. */
  triangles: number;
  /** Lines (segments) in the last rendered frame. */
  lines: number;
  /** Main-thread time spent submitting the last frame (gl.render), ms. */
  renderMs: number;
  /** Frames rendered since the canvas mounted. */
  frames: number;
  /** Geometries and textures alive on the GPU (to check that nothing leaks across scenarios). */
  geometries: number;
  textures: number;
}

/** The global the figures are published on (declared loosely here so other code may declare a narrower view of it). */
const host = (): { __allweatherGl?: GlStats } => window as unknown as { __allweatherGl?: GlStats };

export interface RenderStatsProps {
  /**
   * Asked before each draw: true when the page's panels changed since the last animation frame, so that the browser
   * lays them out and paints them in this one. The draw then moves to the next animation frame (never two in a row),
   * so the canvas's draw and the panels' paint are two shorter tasks instead of one long one (issue 12). Default: none
   * (always draw).
   */
  holdDraw?: () => boolean;
}

export function RenderStats({ holdDraw }: RenderStatsProps = {}): null {
  const drawNow = useMemo(() => (holdDraw ? createDrawHold(holdDraw) : () => true), [holdDraw]);
  const statsRef = useRef<GlStats>({
    calls: 0,
    triangles: 0,
    lines: 0,
    renderMs: 0,
    frames: 0,
    geometries: 0,
    textures: 0,
  });
  useEffect(() => {
    const stats = statsRef.current;
    host().__allweatherGl = stats;
    return () => {
      if (host().__allweatherGl === stats) delete host().__allweatherGl;
    };
  }, []);
  useFrame(({ gl, scene, camera, invalidate }) => {
    if (!drawNow()) {
      invalidate(); // the next animation frame
      return;
    }
    const stats = statsRef.current;
    const t0 = performance.now();
    gl.render(scene, camera);
    stats.renderMs = performance.now() - t0;
    const r = gl.info.render;
    stats.calls = r.calls;
    stats.triangles = r.triangles;
    stats.lines = r.lines;
    stats.frames++;
    stats.geometries = gl.info.memory.geometries;
    stats.textures = gl.info.memory.textures;
  }, 1);
  return null;
}
