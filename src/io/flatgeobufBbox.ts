/**
 * FlatGeobuf reading with the header's CRS and an optional bbox (e.g. the map view) so large files show
 * their visible part first. With a spatial index the bbox read uses flatgeobuf's rect filter (only the
 * matching features are decoded); without one the file is streamed and features outside are counted.
 */
import type { Feature, Geometry } from 'geojson';
import { geojson as fgb } from 'flatgeobuf';
import type { InputIssue } from '../core/types';
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

async function readHeader(bytes: Uint8Array): Promise<HeaderInfo> {
  let info: HeaderInfo = { crs: null, featuresCount: 0, indexNodeSize: 0 };
  const it = fgb.deserialize(bytes, {
    headerMetaFn: (h) => {
      const c = h.crs;
      const crs = c ? (c.code ? `${c.org ?? 'EPSG'}:${c.code}` : c.wkt ?? c.code_string ?? null) : null;
      info = { crs, featuresCount: h.featuresCount, indexNodeSize: h.indexNodeSize };
    },
  });
  // The header callback runs before the first feature is produced.
  await it.next();
  await it.return(undefined);
  return info;
}

/** Read a FlatGeobuf file, all of it or only the features whose bbox meets `bbox`. */
export async function readFlatGeobufInBbox(bytes: Uint8Array, fileName: string, options: { bbox?: Bbox } = {}): Promise<FlatGeobufRead> {
  const features: Feature[] = [];
  const issues: InputIssue[] = [];
  let header: HeaderInfo = { crs: null, featuresCount: 0, indexNodeSize: 0 };
  const result = (): FlatGeobufRead => ({ fileName, features, issues, crs: header.crs, featuresInFile: header.featuresCount, indexed: header.indexNodeSize >= 2 });
  try {
    header = await readHeader(bytes);
  } catch (e) {
    issues.push({ severity: 'error', file: fileName, action: 'skipped', message: `Not a readable FlatGeobuf file: ${e instanceof Error ? e.message : String(e)}` });
    return result();
  }
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
    issues.push({ severity: 'error', file: fileName, featureIndex: features.length, action: 'skipped', message: `FlatGeobuf could not be read past feature ${features.length}${header.featuresCount ? ` of ${header.featuresCount}` : ''}: ${msg}` });
  }
  if (bbox) {
    const notLoaded = useRect ? header.featuresCount - features.length : outside;
    if (notLoaded > 0) issues.push({ severity: 'info', file: fileName, action: 'kept', message: `${notLoaded} features outside the requested bbox were not loaded${useRect ? ' (read through the spatial index)' : ' (file has no spatial index)'}` });
  }
  return result();
}
