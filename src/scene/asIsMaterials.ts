/**
 * Materials that write their colour to the canvas as it is: no sRGB decode
 * of a texture, no linear → sRGB encode per pixel.
 *
 * three's built-in materials work in linear colour: an sRGB texture is
 * decoded when sampled, and every fragment is encoded back to sRGB at the
 * end of the shader (`colorspace_fragment`: a `pow` per channel, and both
 * sides of its branch). For a flat layer whose colours are known in sRGB
 * already (the 2D map's cells, the ground) that round trip gives back the
 * same bytes, so it is skipped: the texture holds sRGB bytes read as plain
 * values (`NoColorSpace`), the ground's colour is given in sRGB, and the
 * fragment shader writes them out untouched. The canvas shows the same
 * colours; a software GPU (SwiftShader, headless Chromium) draws the 2D
 * map's full-canvas quad markedly faster (README, "Large districts").
 *
 * Only for layers that are not lit, fogged, tone-mapped or blended: the
 * canvas is `flat` (no tone mapping) and these draw opaque (a texel with
 * alpha below `alphaCut` is discarded, so what is behind shows).
 */
import { NoColorSpace, ShaderMaterial, type Texture } from 'three';
import { srgbOf } from './paletteGl.ts';

const VERTEX = /* glsl */ `
varying vec2 vUv;
void main() {
  vUv = uv;
  gl_Position = projectionMatrix * modelViewMatrix * vec4(position, 1.0);
}`;

const TEXTURE_FRAGMENT = /* glsl */ `
uniform sampler2D uMap;
uniform float uAlphaCut;
varying vec2 vUv;
void main() {
  vec4 c = texture2D(uMap, vUv);
  if (c.a < uAlphaCut) discard;
  gl_FragColor = vec4(c.rgb, 1.0);
}`;

const FLAT_VERTEX = /* glsl */ `
void main() {
  gl_Position = projectionMatrix * modelViewMatrix * vec4(position, 1.0);
}`;

const FLAT_FRAGMENT = /* glsl */ `
uniform vec3 uColor;
void main() {
  gl_FragColor = vec4(uColor, 1.0);
}`;

/**
 * A texture drawn as it is. The texture's bytes must be sRGB; its colour space is set to `NoColorSpace` here so
 * the GPU does not decode them. Texels with alpha below `alphaCut` are not drawn.
 */
export function asIsTextureMaterial(map: Texture, alphaCut = 0.5): ShaderMaterial {
  map.colorSpace = NoColorSpace;
  return new ShaderMaterial({
    name: 'as-is-texture',
    uniforms: { uMap: { value: map }, uAlphaCut: { value: alphaCut } },
    vertexShader: VERTEX,
    fragmentShader: TEXTURE_FRAGMENT,
  });
}

/** One flat colour (a CSS colour string), drawn as it is. */
export function asIsColorMaterial(css: string): ShaderMaterial {
  return new ShaderMaterial({
    name: 'as-is-color',
    uniforms: { uColor: { value: srgbOf(css) } },
    vertexShader: FLAT_VERTEX,
    fragmentShader: FLAT_FRAGMENT,
  });
}
