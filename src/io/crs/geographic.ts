/**
 * The geographic coordinate systems (WGS84, GCJ-02, BD-09) and the conversions between them, without proj4:
 * what the writers need for their outputs (`--out-crs` is one of these three). Kept apart from ../crs.ts so
 * that the CLI's zoning thread, which writes the zone files, does not load and evaluate proj4 and its
 * dependencies (~200 kB of a 630 kB chunk) for conversions it never makes.
 */
import type { Feature, Position } from 'geojson';
import gcoord from 'gcoord';
import { mapFeatures } from './transform';

export type Crs =
  | { kind: 'wgs84'; label: string }
  | { kind: 'gcj02'; label: string }
  | { kind: 'bd09'; label: string }
  | { kind: 'proj4'; label: string; code: string | null; def: string; projected: boolean };

/** A system the outputs can be written in. */
export type GeographicCrs = Extract<Crs, { kind: 'wgs84' | 'gcj02' | 'bd09' }>;

export const WGS84: Extract<Crs, { kind: 'wgs84' }> = { kind: 'wgs84', label: 'WGS84 (EPSG:4326)' };
export const GCJ02: Extract<Crs, { kind: 'gcj02' }> = { kind: 'gcj02', label: 'GCJ-02 (Amap/Tencent)' };
export const BD09: Extract<Crs, { kind: 'bd09' }> = { kind: 'bd09', label: 'BD-09 (Baidu)' };

/** A function taking one position in a geographic `crs` to WGS84 [lon, lat]. */
export function geographicToWgs84(crs: GeographicCrs): (p: Position) => Position {
  switch (crs.kind) {
    case 'wgs84': return (p) => [p[0], p[1]];
    case 'gcj02': return (p) => gcoord.transform([p[0], p[1]], gcoord.GCJ02, gcoord.WGS84) as Position;
    case 'bd09': return (p) => gcoord.transform([p[0], p[1]], gcoord.BD09, gcoord.WGS84) as Position;
  }
}

/** A function taking one WGS84 position to a geographic `crs`. */
export function geographicFromWgs84(crs: GeographicCrs): (p: Position) => Position {
  switch (crs.kind) {
    case 'wgs84': return (p) => [p[0], p[1]];
    case 'gcj02': return (p) => gcoord.transform([p[0], p[1]], gcoord.WGS84, gcoord.GCJ02) as Position;
    case 'bd09': return (p) => gcoord.transform([p[0], p[1]], gcoord.WGS84, gcoord.BD09) as Position;
  }
}

/** Copies of WGS84 features in a geographic system, e.g. GCJ-02 for Amap (projected systems: ../crs.ts). */
export function fromWgs84Geographic(features: readonly Feature[], crs: GeographicCrs): Feature[] {
  if (crs.kind === 'wgs84') return features.map((f) => ({ ...f }));
  return mapFeatures(features, geographicFromWgs84(crs));
}
