/**
 * Baked face shading.
 *
 * The city's solid shapes are lit by one fixed sun, so instead of lighting
 * every fragment (costly on software renderers such as SwiftShader, which
 * the tests and CI use) each vertex gets a grey level from its normal once,
 * as a `color` attribute, and an unlit material multiplies it by the
 * instance colour. Top faces keep exactly the palette colour, which is
 * what the legends show; walls are darker so height still reads.
 */
import { Float32BufferAttribute, Vector3, type BufferGeometry } from 'three';

/** Direction towards the light (up, a little east and south, towards the default camera). */
const SUN = new Vector3(0.35, 1, 0.45).normalize();
/** Grey level of a face facing away from the sun. */
const AMBIENT = 0.52;

/** Add a per-vertex `color` attribute with the shade of each vertex's normal; top faces shade to 1. */
export function bakeShading<G extends BufferGeometry>(geometry: G): G {
  const normal = geometry.getAttribute('normal');
  const n = normal.count;
  const col = new Float32Array(n * 3);
  const v = new Vector3();
  const top = Math.max(0, SUN.y);
  for (let i = 0; i < n; i++) {
    v.fromBufferAttribute(normal, i);
    const lit = Math.max(0, v.dot(SUN)) / top; // 1 on an upward face
    const k = Math.min(1, AMBIENT + (1 - AMBIENT) * lit);
    col[i * 3] = k;
    col[i * 3 + 1] = k;
    col[i * 3 + 2] = k;
  }
  geometry.setAttribute('color', new Float32BufferAttribute(col, 3));
  return geometry;
}
