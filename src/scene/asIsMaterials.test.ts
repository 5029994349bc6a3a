import { describe, expect, it } from 'vitest';
import { DataTexture, NoColorSpace, SRGBColorSpace } from 'three';
import { asIsColorMaterial, asIsTextureMaterial } from './asIsMaterials.ts';
import { srgbOf } from './paletteGl.ts';
import { GROUND } from './palette.ts';

describe('materials that write their colour as it is', () => {
  it('give a CSS colour as its own sRGB bytes (the ground: #161c24)', () => {
    const [r, g, b] = srgbOf(GROUND);
    expect(Math.round(r * 255)).toBe(0x16);
    expect(Math.round(g * 255)).toBe(0x1c);
    expect(Math.round(b * 255)).toBe(0x24);
    // and exactly, not only after rounding: the canvas byte is round(value x 255)
    expect(Math.abs(r * 255 - 0x16)).toBeLessThan(1e-6);
    expect(asIsColorMaterial(GROUND).uniforms.uColor.value).toEqual(srgbOf(GROUND));
  });

  it('read a texture without decoding it and write the texel without encoding it', () => {
    const tex = new DataTexture(new Uint8Array(4), 1, 1);
    tex.colorSpace = SRGBColorSpace;
    const m = asIsTextureMaterial(tex, 0.5);
    // an sRGB texture would be decoded to linear by the GPU, and the as-is write would then show it too dark
    expect(tex.colorSpace).toBe(NoColorSpace);
    expect(m.uniforms.uMap.value).toBe(tex);
    expect(m.uniforms.uAlphaCut.value).toBe(0.5);
    // no colour-space conversion in the shader: three adds it only where a shader includes it
    expect(m.fragmentShader).not.toContain('colorspace_fragment');
    expect(m.fragmentShader).toContain('gl_FragColor = vec4(c.rgb, 1.0)');
    expect(m.fragmentShader).toContain('discard');
  });
});
