/**
 * A printed PDF's pages as images, for the end-to-end tests to look at:
 * PDF.js (the npm package pdfjs-dist, no system package needed) renders
 * them inside Chromium, in a page of the app's origin whose only content is
 * PDF.js itself (served from node_modules by a route, nothing leaves the
 * machine). Each page comes back as a PNG with the share of its pixels
 * that carry ink (not near-white), over the whole page, its halves and its
 * outer edge: a page that printed blank, half empty, or on a dark
 * background (the margins not paper white), shows it.
 */
import { readFileSync } from 'node:fs';
import type { BrowserContext } from 'playwright-core';

const PDFJS = new URL('../node_modules/pdfjs-dist/build/', import.meta.url);

export interface PdfPageImage {
  /** 1-based page number. */
  n: number;
  png: Buffer;
  /** Rendered size in pixels (the page's size in points x scale). */
  width: number;
  height: number;
  /** Page size in PDF points (A4 portrait: 595 x 842). */
  widthPt: number;
  heightPt: number;
  /** Share of pixels that are not near-white, over the page, its top half and its bottom half. */
  ink: number;
  inkTop: number;
  inkBottom: number;
  /** Share of not near-white pixels in the page's outer band (5 mm, inside the print margins): paper there. */
  inkEdge: number;
}

/** Render pages `pages` (1-based) of the PDF `pdf` at `scale` (1 = 72 dpi); also the document's page count. */
export async function renderPdfPages(
  context: BrowserContext,
  appUrl: string,
  pdf: Buffer,
  pages: number[],
  scale = 1.5,
): Promise<{ numPages: number; pages: PdfPageImage[] }> {
  const origin = new URL(appUrl).origin;
  const page = await context.newPage();
  try {
    await page.route(`${origin}/__pdfjs/**`, (route) => {
      const name = new URL(route.request().url()).pathname.replace('/__pdfjs/', '');
      if (name === 'render.html')
        return route.fulfill({ contentType: 'text/html', body: '<!doctype html><meta charset="utf-8"><body></body>' });
      if (!/^pdf(\.worker)?\.mjs$/.test(name)) return route.fulfill({ status: 404, body: '' });
      return route.fulfill({ contentType: 'text/javascript', body: readFileSync(new URL(name, PDFJS)) });
    });
    await page.goto(`${origin}/__pdfjs/render.html`);
    // PDF.js as the page's own module (an import() inside evaluate would be rewritten by the test runner's transform)
    await page.addScriptTag({
      type: 'module',
      content:
        "import * as pdfjs from '/__pdfjs/pdf.mjs'; pdfjs.GlobalWorkerOptions.workerSrc = '/__pdfjs/pdf.worker.mjs'; window.__pdfjs = pdfjs;",
    });
    await page.waitForFunction(() => '__pdfjs' in window);
    const out = await page.evaluate(
      async ({ b64, pages, scale }) => {
        type PdfJs = {
          GlobalWorkerOptions: { workerSrc: string };
          getDocument(src: { data: Uint8Array }): {
            promise: Promise<{
              numPages: number;
              getPage(n: number): Promise<{
                view: number[];
                getViewport(o: { scale: number }): { width: number; height: number };
                render(o: object): { promise: Promise<void> };
              }>;
            }>;
          };
        };
        const pdfjs = (window as unknown as { __pdfjs: PdfJs }).__pdfjs;
        const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
        const doc = await pdfjs.getDocument({ data }).promise;
        const res = [];
        for (const n of pages) {
          if (n > doc.numPages) continue;
          const p = await doc.getPage(n);
          const viewport = p.getViewport({ scale });
          const canvas = document.createElement('canvas');
          canvas.width = Math.ceil(viewport.width);
          canvas.height = Math.ceil(viewport.height);
          const ctx = canvas.getContext('2d')!;
          ctx.fillStyle = '#fff';
          ctx.fillRect(0, 0, canvas.width, canvas.height);
          await p.render({ canvasContext: ctx, canvas, viewport }).promise;
          const px = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
          let inked = 0;
          let inkedTop = 0;
          let inkedEdge = 0;
          let edge = 0;
          const w = canvas.width;
          const h = canvas.height;
          const half = Math.floor(h / 2) * w;
          // 5 mm of a 210 mm wide page
          const band = Math.round((w * 5) / 210);
          for (let i = 0; i < px.length / 4; i++) {
            const x = i % w;
            const y = Math.floor(i / w);
            const onEdge = x < band || y < band || x >= w - band || y >= h - band;
            if (onEdge) edge++;
            if (px[i * 4] < 235 || px[i * 4 + 1] < 235 || px[i * 4 + 2] < 235) {
              inked++;
              if (i < half) inkedTop++;
              if (onEdge) inkedEdge++;
            }
          }
          res.push({
            n,
            dataUrl: canvas.toDataURL('image/png'),
            width: canvas.width,
            height: canvas.height,
            widthPt: p.view[2] - p.view[0],
            heightPt: p.view[3] - p.view[1],
            ink: inked / (px.length / 4),
            inkTop: inkedTop / half,
            inkBottom: (inked - inkedTop) / (w * h - half),
            inkEdge: inkedEdge / edge,
          });
        }
        return { numPages: doc.numPages, pages: res };
      },
      { b64: pdf.toString('base64'), pages, scale },
    );
    return {
      numPages: out.numPages,
      pages: out.pages.map(({ dataUrl, ...p }) => ({
        ...p,
        png: Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64'),
      })),
    };
  } finally {
    await page.close();
  }
}
