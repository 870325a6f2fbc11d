import { readFlatGeobuf } from './flatgeobuf';
import { readGeoJSON } from './geojson';
import type { ReadResult } from './types';

const FGB_MAGIC = [0x66, 0x67, 0x62]; // "fgb"

/** Read any supported vector file by extension and content sniffing. */
export async function readFeatureFile(fileName: string, data: ArrayBuffer | Uint8Array): Promise<ReadResult> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  const lower = fileName.toLowerCase();
  const isFgb = lower.endsWith('.fgb') || FGB_MAGIC.every((b, i) => bytes[i] === b);
  if (isFgb) return readFlatGeobuf(bytes, fileName);
  if (/\.(geo)?jsonl?$|\.geojsons$|\.ndjson$/.test(lower)) return readGeoJSON(new TextDecoder('utf-8').decode(bytes), fileName);
  // Unknown extension: try GeoJSON text.
  return readGeoJSON(new TextDecoder('utf-8').decode(bytes), fileName);
}
