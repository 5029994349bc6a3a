/**
 * Rain: ONE LineSegments of short slanted streaks over the city, drawn only
 * while it rains. Intensity shows three ways, all scaled by rainMmPerH:
 * how many streaks are drawn (draw range), how opaque and how fast they
 * fall. The fall is computed in the vertex shader from a time uniform, so
 * animating costs the CPU one uniform per frame, not a buffer upload.
 *
 * The only animation in the scene: while the run plays and it rains, each
 * rendered frame asks for the next one. Paused (or the run over), the
 * streaks freeze and nothing is requested.
 */
import { useEffect, useMemo, useRef } from 'react';
import { useFrame } from '@react-three/fiber';
import { AdditiveBlending, BufferGeometry, Color, Float32BufferAttribute, LineSegments, ShaderMaterial } from 'three';
import type { SceneMetrics } from './cityGeometry.ts';
import type { FrameStore } from './frameStore.ts';
import { RAIN_COLOR } from './palette.ts';

export interface RainProps {
  metrics: SceneMetrics;
  store: FrameStore;
  /** Freeze the streaks (no animation, no render requests). */
  paused: boolean;
}

/** Rain rate (mm/h) at which the effect is at full strength: a downpour. */
const FULL_MM_PER_H = 40;

const vertexShader = /* glsl */ `
uniform float uTime;
uniform float uSpeed;
uniform float uHeight;
uniform float uLen;
attribute float aEnd;
varying float vEnd;
void main() {
  vec3 p = position;
  float y = mod(p.y - uTime * uSpeed, uHeight);
  p.y = y + aEnd * uLen;
  p.x += aEnd * uLen * 0.18;
  vEnd = aEnd;
  gl_Position = projectionMatrix * modelViewMatrix * vec4(p, 1.0);
}`;

const fragmentShader = /* glsl */ `
uniform vec3 uColor;
uniform float uOpacity;
varying float vEnd;
void main() {
  gl_FragColor = vec4(uColor, uOpacity * (1.0 - 0.75 * vEnd));
}`;

/** A small deterministic generator, so screenshots are repeatable. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296;
}

export function Rain({ metrics, store, paused }: RainProps) {
  const { obj, capacity } = useMemo(() => {
    const area = metrics.cols * metrics.rows;
    const capacity = Math.round(Math.min(24000, Math.max(3000, area * 2.5)));
    const height = Math.max(6, metrics.span * 0.35);
    const rnd = lcg(20240611);
    const pos = new Float32Array(capacity * 6);
    const end = new Float32Array(capacity * 2);
    const pad = 2;
    for (let i = 0; i < capacity; i++) {
      const x = -metrics.halfX - pad + rnd() * (metrics.cols + 2 * pad);
      const z = -metrics.halfZ - pad + rnd() * (metrics.rows + 2 * pad);
      const y = rnd() * height;
      pos.set([x, y, z, x, y, z], i * 6);
      end[i * 2] = 0;
      end[i * 2 + 1] = 1;
    }
    const g = new BufferGeometry();
    g.setAttribute('position', new Float32BufferAttribute(pos, 3));
    g.setAttribute('aEnd', new Float32BufferAttribute(end, 1));
    g.setDrawRange(0, 0);
    const m = new ShaderMaterial({
      vertexShader,
      fragmentShader,
      uniforms: {
        uTime: { value: 0 },
        uSpeed: { value: 10 },
        uHeight: { value: height },
        uLen: { value: 0.5 },
        uColor: { value: new Color(RAIN_COLOR) },
        uOpacity: { value: 0.5 },
      },
      transparent: true,
      depthWrite: false,
      blending: AdditiveBlending,
    });
    const obj = new LineSegments(g, m);
    obj.frustumCulled = false;
    obj.visible = false;
    obj.renderOrder = 3;
    obj.name = 'rain';
    return { obj, capacity };
  }, [metrics]);

  useEffect(
    () => () => {
      obj.geometry.dispose();
      (obj.material as ShaderMaterial).dispose();
    },
    [obj],
  );

  // The streaks as mounted (useFrame sets visibility, draw range and uniforms through this ref).
  const objRef = useRef<LineSegments>(null);
  useFrame((state, delta) => {
    const obj = objRef.current;
    if (!obj) return;
    const f = store.frame;
    const mm = f ? f.rainMmPerH : 0;
    obj.visible = mm > 0.05;
    if (!obj.visible || !f) return;
    const k = Math.min(1, mm / FULL_MM_PER_H);
    const u = (obj.material as ShaderMaterial).uniforms;
    const scale = metrics.span / 40;
    obj.geometry.setDrawRange(0, Math.round(capacity * (0.08 + 0.92 * Math.sqrt(k))) * 2);
    u.uOpacity.value = 0.16 + 0.32 * k;
    u.uSpeed.value = (9 + 16 * k) * Math.max(1, scale * 0.6);
    u.uLen.value = (0.35 + 0.9 * k) * Math.max(1, scale * 0.5);
    if (!paused && !f.done) {
      u.uTime.value = (u.uTime.value + Math.min(delta, 0.1)) % 1000;
      state.invalidate();
    }
  });

  return <primitive ref={objRef} object={obj} />;
}
