/** Save bytes or text as a file in the browser (an object URL on a temporary link; nothing leaves the machine). */

export const MIME = {
  geojson: 'application/geo+json',
  fgb: 'application/octet-stream',
  csv: 'text/csv;charset=utf-8',
  png: 'image/png',
  zip: 'application/zip',
} as const;

export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoke later: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

export function downloadData(fileName: string, data: string | Uint8Array, mime: string): void {
  const part: BlobPart = typeof data === 'string' ? data : new Uint8Array(data);
  downloadBlob(fileName, new Blob([part], { type: mime }));
}
