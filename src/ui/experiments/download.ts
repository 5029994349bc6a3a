/**
 * Save bytes or text as a file: a Blob, an object URL and a click on a
 * temporary `<a download>`. Nothing leaves the machine. The URL is revoked
 * once the browser has taken the file.
 */
import type { ExportFile } from '../../app/exportFiles.ts';

export function saveFile(name: string, mime: string, data: string | Uint8Array): void {
  const body = typeof data === 'string' ? data : (data.slice().buffer as ArrayBuffer);
  const url = URL.createObjectURL(new Blob([body], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function saveExport(f: ExportFile): void {
  saveFile(f.name, f.mime, f.data);
}

/** Size of a file as it will be saved, in bytes. */
export const sizeOf = (f: ExportFile) =>
  typeof f.data === 'string' ? new TextEncoder().encode(f.data).byteLength : f.data.byteLength;
