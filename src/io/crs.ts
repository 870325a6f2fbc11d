/**
 * Coordinate systems of Chinese planning data and their conversion to WGS84 (the only system inside core/).
 * GCJ-02 and BD-09 are obfuscated geographic systems (gcoord implements them); CGCS2000 and anything a
 * `.prj` names go through proj4.
 */
import type { Feature, Position } from 'geojson';
import proj4 from 'proj4';
import { cgcs2000Proj4, gaussKrugerInfo } from './crs/epsg';
import type { Crs } from './crs/geographic';
import { BD09, GCJ02, WGS84, fromWgs84Geographic, geographicFromWgs84, geographicToWgs84 } from './crs/geographic';
import { mapFeatures } from './crs/transform';

export type { Crs, GeographicCrs } from './crs/geographic';
export { BD09, GCJ02, WGS84 } from './crs/geographic';

const WGS_NAMES = new Set(['wgs84', 'wgs-84', 'wgs1984', 'epsg:4326', '4326', 'crs84', 'urn:ogc:def:crs:ogc:1.3:crs84', 'urn:ogc:def:crs:epsg::4326']);
const GCJ_NAMES = new Set(['gcj02', 'gcj-02', 'gcj', 'amap', 'gaode', 'tencent', 'qq', '高德', '腾讯', '火星坐标']);
const BD_NAMES = new Set(['bd09', 'bd-09', 'bd09ll', 'baidu', 'bmap', '百度']);

function fromEpsg(epsg: number): Crs | null {
  if (epsg === 4326) return WGS84;
  const def = cgcs2000Proj4(epsg);
  if (def) {
    const gk = gaussKrugerInfo(epsg);
    const label = gk
      ? `CGCS2000 / ${gk.zoneWidthDeg}° Gauss-Krüger ${gk.zonePrefix === null ? `CM ${gk.centralMeridianDeg}E` : `zone ${gk.zonePrefix}`} (EPSG:${epsg})`
      : 'CGCS2000 (EPSG:4490)';
    return { kind: 'proj4', label, code: `EPSG:${epsg}`, def, projected: gk !== null };
  }
  if (epsg === 3857 || epsg === 900913) {
    return { kind: 'proj4', label: 'Web Mercator (EPSG:3857)', code: 'EPSG:3857', def: proj4.defs('EPSG:3857')?.projStr ?? '+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +no_defs', projected: true };
  }
  return null;
}

/** ESRI and OGC names of the CGCS2000 Gauss-Krüger systems, as written in `.prj` files. */
function epsgFromWktName(wkt: string): number | null {
  let m = /CGCS[_ ]?2000[^"]*?3[_ -]Degree[_ ]G(?:auss-)?K(?:ruger)?[_ ]CM[_ ](\d+)E/i.exec(wkt);
  if (m) return 4534 + (Number(m[1]) - 75) / 3;
  m = /CGCS[_ ]?2000[^"]*?3[_ -]Degree[_ ]G(?:auss-)?K(?:ruger)?[_ ]Zone[_ ](\d+)/i.exec(wkt);
  if (m) return 4513 + Number(m[1]) - 25;
  m = /CGCS[_ ]?2000[^"]*?G(?:auss-)?K(?:ruger)?[_ ]CM[_ ](\d+)E/i.exec(wkt);
  if (m) return 4502 + (Number(m[1]) - 75) / 6;
  m = /CGCS[_ ]?2000[^"]*?G(?:auss-)?K(?:ruger)?[_ ]Zone[_ ](\d+)/i.exec(wkt);
  if (m) return 4491 + Number(m[1]) - 13;
  return null;
}

/** The EPSG code in the root AUTHORITY/ID of a WKT string (the last one written), if any. */
function rootAuthority(wkt: string): number | null {
  const all = [...wkt.matchAll(/(?:AUTHORITY|ID)\[\s*"EPSG"\s*,\s*"?(\d+)"?\s*\]/gi)];
  const last = all[all.length - 1];
  if (!last) return null;
  // The root's authority closes the WKT: only "]" may follow it.
  return /^\s*\]*\s*$/.test(wkt.slice((last.index ?? 0) + last[0].length)) ? Number(last[1]) : null;
}

/**
 * Understand a coordinate-system name as a user, a CLI flag, a `.prj` file or a FlatGeobuf header writes it:
 * `wgs84`, `gcj02`, `bd09`, `EPSG:4549`, `4549`, a proj4 string or WKT. Returns null when unknown.
 * @example parseCrs('EPSG:4550')?.label // 'CGCS2000 / 3° Gauss-Krüger CM 117E (EPSG:4550)'
 */
export function parseCrs(input: string): Crs | null {
  const text = input.trim();
  const lower = text.toLowerCase();
  if (!text) return null;
  if (WGS_NAMES.has(lower)) return WGS84;
  if (GCJ_NAMES.has(lower)) return GCJ02;
  if (BD_NAMES.has(lower)) return BD09;
  if (lower === 'cgcs2000') return fromEpsg(4490);
  const code = /^(?:epsg:)?(\d{4,6})$/.exec(lower);
  if (code) return fromEpsg(Number(code[1])) ?? proj4Known(`EPSG:${code[1]}`);
  if (text.startsWith('+')) return tryProj4(text, null, 'proj4 string');
  if (/^[A-Z_]+\[/i.test(text)) return fromWkt(text);
  return null;
}

function proj4Known(code: string): Crs | null {
  const def = proj4.defs(code);
  if (!def) return null;
  return { kind: 'proj4', label: def.title ?? code, code, def: code, projected: def.projName !== 'longlat' };
}

function fromWkt(wkt: string): Crs | null {
  const named = epsgFromWktName(wkt) ?? rootAuthority(wkt);
  if (named !== null) {
    const known = fromEpsg(named);
    if (known) return known;
  }
  const isProjected = /^\s*PROJ(?:CS|CRS)\[/i.test(wkt);
  if (!isProjected) {
    if (/WGS[_ ]?(19)?84/i.test(wkt)) return WGS84;
    if (/China[_ ]?2000|CGCS[_ ]?2000/i.test(wkt)) return fromEpsg(4490);
  }
  const name = /^\s*\w+\[\s*"([^"]*)"/.exec(wkt)?.[1] ?? 'WKT';
  return tryProj4(wkt, null, name);
}

function tryProj4(def: string, code: string | null, label: string): Crs | null {
  try {
    const p = proj4(def, 'EPSG:4326');
    p.forward([0, 0]);
    const isLongLat = /\+proj=longlat|^\s*GEOG(?:CS|CRS)\[/i.test(def);
    return { kind: 'proj4', label, code, def, projected: !isLongLat };
  } catch {
    return null;
  }
}

/** A function taking one position in `crs` to WGS84 [lon, lat]. */
export function positionToWgs84(crs: Crs): (p: Position) => Position {
  if (crs.kind !== 'proj4') return geographicToWgs84(crs);
  const conv = proj4(crs.def, 'EPSG:4326');
  return (p) => conv.forward([p[0], p[1]]);
}

/** A function taking one WGS84 position to `crs` (for exports to Chinese map platforms). */
export function positionFromWgs84(crs: Crs): (p: Position) => Position {
  if (crs.kind !== 'proj4') return geographicFromWgs84(crs);
  const conv = proj4(crs.def, 'EPSG:4326');
  return (p) => conv.inverse([p[0], p[1]]);
}

/** Copies of the features in WGS84; every geometry type (incl. collections) is transformed, properties kept. */
export function toWgs84(features: readonly Feature[], crs: Crs): Feature[] {
  if (crs.kind === 'wgs84') return features.map((f) => ({ ...f }));
  return mapFeatures(features, positionToWgs84(crs));
}

/** Copies of WGS84 features in another system, e.g. GCJ-02 for Amap. */
export function fromWgs84(features: readonly Feature[], crs: Crs): Feature[] {
  if (crs.kind !== 'proj4') return fromWgs84Geographic(features, crs);
  return mapFeatures(features, positionFromWgs84(crs));
}
