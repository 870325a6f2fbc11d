/**
 * Output text in pieces, handed on in chunks of about a megabyte: the big exports (communities.geojson is 30 MB
 * at ×50) are written straight from the result arrays instead of one object tree and one giant string.
 */
export class TextChunks {
  private parts: string[] = [];
  private chars = 0;

  constructor(private readonly emit: (chunk: string) => void, private readonly chunkChars = 1 << 20) {}

  push(text: string): void {
    this.parts.push(text);
    this.chars += text.length;
    if (this.chars >= this.chunkChars) this.flush();
  }

  /** Hand on what is buffered (call once at the end). */
  flush(): void {
    if (!this.parts.length) return;
    this.emit(this.parts.join(''));
    this.parts = [];
    this.chars = 0;
  }
}

/** The whole text a writer produces, as one string (browser downloads, tests). */
export function collectText(write: (out: TextChunks) => void): string {
  const chunks: string[] = [];
  const out = new TextChunks((c) => chunks.push(c));
  write(out);
  out.flush();
  return chunks.join('');
}
