/**
 * A chart's SVG element saved as a file: the SVG itself (self-contained:
 * every colour and font is an attribute, no stylesheet needed), or a PNG
 * drawn from it on a canvas at twice its size. Nothing leaves the machine.
 */
import { saveFile } from '../download.ts';

/** The SVG's markup as a standalone file (XML declaration, namespace). */
export function svgText(svg: SVGSVGElement): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  const vb = svg.viewBox.baseVal;
  clone.setAttribute('width', String(vb.width));
  clone.setAttribute('height', String(vb.height));
  clone.removeAttribute('class');
  clone.removeAttribute('style');
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(clone)}`;
}

export function saveSvg(svg: SVGSVGElement, name: string): void {
  saveFile(`${name}.svg`, 'image/svg+xml', svgText(svg));
}

/** Draws the SVG on a canvas (scale × its viewBox) and saves it as PNG. */
export async function savePng(svg: SVGSVGElement, name: string, scale = 2): Promise<void> {
  const vb = svg.viewBox.baseVal;
  const url = URL.createObjectURL(new Blob([svgText(svg)], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(vb.width * scale);
    canvas.height = Math.round(vb.height * scale);
    const ctx = canvas.getContext('2d')!;
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0, vb.width, vb.height);
    const blob = await new Promise<Blob | null>((res) => canvas.toBlob(res, 'image/png'));
    if (!blob) throw new Error('PNG encoding failed');
    saveFile(`${name}.png`, 'image/png', new Uint8Array(await blob.arrayBuffer()));
  } finally {
    URL.revokeObjectURL(url);
  }
}
