/**
 * Files dropped anywhere on the page open as if chosen with "Open"
 * (controller.openFiles): a scenario, an export, or a district's GeoJSON
 * with its case log. Returns whether files are being dragged over the page
 * (for a drop hint). Dragging other things (text, links) is left alone.
 */
import { useEffect, useState } from 'react';
import type { Controller } from './controller.ts';

export function useFileDrop(ctl: Controller): boolean {
  const [over, setOver] = useState(false);
  useEffect(() => {
    let depth = 0;
    const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth++;
      setOver(true);
    };
    const leave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setOver(false);
    };
    const dragOver = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setOver(false);
      const files = [...(e.dataTransfer?.files ?? [])];
      if (files.length === 0 || files.some((f) => ctl.refuseLargeFile(f))) return;
      void Promise.all(files.map(async (f) => ({ name: f.name, text: await f.text() }))).then((read) =>
        ctl.openFiles(read),
      );
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragleave', leave);
    window.addEventListener('dragover', dragOver);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('dragover', dragOver);
      window.removeEventListener('drop', drop);
    };
  }, [ctl]);
  return over;
}
