import type { Feature, FeatureCollection } from 'geojson';
import { geojson as fgb } from 'flatgeobuf';
import type { InputIssue } from '../core/types';
import type { ReadResult } from './types';

/** Read a whole FlatGeobuf file into GeoJSON features. */
export async function readFlatGeobuf(bytes: Uint8Array, fileName: string): Promise<ReadResult> {
  const features: Feature[] = [];
  const issues: InputIssue[] = [];
  try {
    for await (const f of fgb.deserialize(bytes)) {
      features.push({ type: 'Feature', geometry: f.geometry as Feature['geometry'], properties: { ...(f.properties ?? {}) } });
    }
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    issues.push({ severity: 'error', file: fileName, featureIndex: features.length, action: 'skipped', message: `FlatGeobuf could not be read past feature ${features.length}: ${msg}` });
  }
  return { fileName, features, issues };
}

/** Write features as FlatGeobuf (WGS84). */
export function writeFlatGeobuf(features: Feature[]): Uint8Array {
  const fc: FeatureCollection = { type: 'FeatureCollection', features };
  return fgb.serialize(fc, 4326);
}
