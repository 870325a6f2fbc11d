/** Writing GeoJSON (the reader is ./geojson.ts). */
import type { Feature, FeatureCollection } from 'geojson';

/** Serialize features as an RFC 7946 FeatureCollection. */
export function writeGeoJSON(features: Feature[], extra: Record<string, unknown> = {}): string {
  const fc: FeatureCollection & Record<string, unknown> = { type: 'FeatureCollection', ...extra, features };
  return JSON.stringify(fc);
}
