/**
 * FlatGeobuf reading with the header's CRS and an optional bbox (e.g. the map view) so large files show
 * their visible part first. With a spatial index the bbox read uses flatgeobuf's rect filter (only the
 * matching features are decoded); without one the file is streamed and features outside are counted.
 */
import type { Feature, Geometry } from 'geojson';
import { ByteBuffer } from 'flatbuffers';
import { geojson as fgb } from 'flatgeobuf';
import { fromByteBuffer } from 'flatgeobuf/lib/mjs/header-meta.js';
import type { InputIssue } from '../core/types';
import { issue } from './issue';
import { positionsOf } from './crs/transform';
import type { ReadResult } from './types';

/** [minLon, minLat, maxLon, maxLat] in the file's own coordinates. */
export type Bbox = [number, number, number, number];

export interface FlatGeobufRead extends ReadResult {
  /** CRS the header declares (`EPSG:4326`, a WKT string) or null. */
  crs: string | null;
  /** Features in the file according to the header (may be 0 = unknown). */
  featuresInFile: number;
  /** Whether the file has a spatial index (bbox reads are then cheap). */
  indexed: boolean;
}

interface HeaderInfo { crs: string | null; featuresCount: number; indexNodeSize: number }

function geometryBbox(g: Geometry): Bbox {
  const b: Bbox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of positionsOf(g)) {
    if (p[0] < b[0]) b[0] = p[0];
    if (p[1] < b[1]) b[1] = p[1];
    if (p[0] > b[2]) b[2] = p[0];
    if (p[1] > b[3]) b[3] = p[1];
  }
  return b;
}

const intersects = (a: Bbox, b: Bbox): boolean => a[0] <= b[2] && a[2] >= b[0] && a[1] <= b[3] && a[3] >= b[1];

/**
 * Parse and sanity-check the header ourselves: the library trusts it, and a garbage header (or an index
 * declared over zero features) sends it into an endless loop or a huge allocation.
 */
function readHeader(bytes: Uint8Array): HeaderInfo {
  if (bytes.length < 12 || !MAGIC.every((b, i) => bytes[i] === b)) throw new Error('missing FlatGeobuf magic bytes');
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(8, true);
  if (12 + headerLength > bytes.length) throw new Error(`header claims ${headerLength} bytes but the file has ${bytes.length}`);
  const bb = new ByteBuffer(bytes.subarray(8, 12 + headerLength));
  const h = fromByteBuffer(bb);
  if (h.indexNodeSize > 0 && h.indexNodeSize < 2) throw new Error(`invalid index node size ${h.indexNodeSize}`);
  // Each index leaf takes 40 bytes: an index longer than the file means a truncated or corrupt file.
  if (h.indexNodeSize > 0 && 12 + headerLength + h.featuresCount * 40 > bytes.length) throw new Error(`its spatial index for ${h.featuresCount} features is longer than the file (${bytes.length} bytes): truncated?`);
  const c = h.crs;
  const crs = c ? (c.code ? `${c.org ?? 'EPSG'}:${c.code}` : c.wkt ?? c.code_string ?? null) : null;
  return { crs, featuresCount: h.featuresCount, indexNodeSize: h.indexNodeSize };
}

const MAGIC = [0x66, 0x67, 0x62];

/** Read a FlatGeobuf file, all of it or only the features whose bbox meets `bbox`. */
export async function readFlatGeobufInBbox(bytes: Uint8Array, fileName: string, options: { bbox?: Bbox } = {}): Promise<FlatGeobufRead> {
  const features: Feature[] = [];
  const issues: InputIssue[] = [];
  let header: HeaderInfo = { crs: null, featuresCount: 0, indexNodeSize: 0 };
  const result = (): FlatGeobufRead => ({ fileName, features, issues, crs: header.crs, featuresInFile: header.featuresCount, indexed: header.indexNodeSize >= 2 });
  try {
    header = readHeader(bytes);
  } catch (e) {
    issues.push(issue('fgbNotReadable', { detail: e instanceof Error ? e.message : String(e) }, { severity: 'error', file: fileName, action: 'skipped' }));
    return result();
  }
  if (header.featuresCount === 0 && header.indexNodeSize > 0) return result(); // empty, and the library would loop
  const { bbox } = options;
  const useRect = bbox !== undefined && header.indexNodeSize >= 2;
  let outside = 0;
  try {
    const rect = useRect ? { minX: bbox[0], minY: bbox[1], maxX: bbox[2], maxY: bbox[3] } : undefined;
    for await (const f of fgb.deserialize(bytes, rect ? { rect } : {})) {
      const geometry = f.geometry as Geometry;
      if (bbox && !useRect && !intersects(geometryBbox(geometry), bbox)) { outside++; continue; }
      features.push({ type: 'Feature', geometry, properties: { ...(f.properties ?? {}) } });
    }
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const fields = { severity: 'error', file: fileName, featureIndex: features.length, action: 'skipped' } as const;
    issues.push(header.featuresCount
      ? issue('fgbTruncatedLost', { index: features.length, lost: header.featuresCount - features.length, total: header.featuresCount, detail: msg }, fields)
      : issue('fgbTruncated', { index: features.length, detail: msg }, fields));
  }
  if (bbox) {
    const notLoaded = useRect ? header.featuresCount - features.length : outside;
    if (notLoaded > 0) issues.push(issue(useRect ? 'fgbOutsideIndexed' : 'fgbOutsideNoIndex', { count: notLoaded }, { severity: 'info', file: fileName, action: 'kept' }));
  }
  return result();
}
