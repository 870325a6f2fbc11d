/** Writing GeoJSON (the reader is ./geojson.ts). */
import type { Feature, FeatureCollection } from 'geojson';
import type { ByteChunks } from './export/byteChunks';

/** Serialize features as an RFC 7946 FeatureCollection. */
export function writeGeoJSON(features: Feature[], extra: Record<string, unknown> = {}): string {
  const fc: FeatureCollection & Record<string, unknown> = { type: 'FeatureCollection', ...extra, features };
  return JSON.stringify(fc);
}

const FEATURES_MARK = '\u0000features\u0000';

/** Text before and after the feature list of a FeatureCollection with these extra members (as writeGeoJSON). */
export function featureCollectionFrame(extra: Record<string, unknown> = {}): [string, string] {
  const text = JSON.stringify({ type: 'FeatureCollection', ...extra, features: FEATURES_MARK });
  const mark = JSON.stringify(FEATURES_MARK);
  const at = text.indexOf(mark);
  return [`${text.slice(0, at)}[`, `]${text.slice(at + mark.length)}`];
}

/**
 * The bytes of `writeGeoJSON(features, extra)`, one feature at a time: no 13 MB string (a two-byte one as soon as
 * one zone name is Chinese) to convert to UTF-8 afterwards.
 */
export function streamGeoJSON(features: readonly Feature[], out: ByteChunks, extra: Record<string, unknown> = {}): void {
  const [head, tail] = featureCollectionFrame(extra);
  out.text(head);
  for (let i = 0; i < features.length; i++) {
    if (i) out.text(',');
    out.text(JSON.stringify(features[i]));
  }
  out.text(tail);
}
