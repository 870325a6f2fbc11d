/**
 * proj4 definitions for the Chinese national systems a planner's data is most likely in.
 * CGCS2000 uses the GRS80-equivalent ellipsoid (a = 6378137, 1/f = 298.257222101) and a geocentric
 * datum that agrees with WGS84 to a few centimetres, so no datum shift is applied (towgs84 = 0).
 *
 * EPSG blocks (checked against the EPSG registry names "CGCS2000 / Gauss-Kruger …"):
 * - 4490           CGCS2000 geographic
 * - 4491–4501      6° zones 13–23, false easting carries the zone number (x_0 = zone·1e6 + 500000), CM = zone·6 − 3
 * - 4502–4512      6° "CM 75E … 135E" variants, x_0 = 500000
 * - 4513–4533      3° zones 25–45, false easting carries the zone number, CM = zone·3
 * - 4534–4554      3° "CM 75E … 135E" variants, x_0 = 500000
 * EPSG lists these with northing first; files (shapefile, CSV, GeoJSON) carry easting first, which is what we read.
 */

const GRS80 = '+ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs';

function tmerc(centralMeridianDeg: number, falseEastingMeters: number): string {
  return `+proj=tmerc +lat_0=0 +lon_0=${centralMeridianDeg} +k=1 +x_0=${falseEastingMeters} +y_0=0 ${GRS80}`;
}

export interface GaussKrugerInfo {
  epsg: number;
  centralMeridianDeg: number;
  zoneWidthDeg: 3 | 6;
  /** Zone number written into the false easting, or null for the "CM" variants. */
  zonePrefix: number | null;
}

/** Which Gauss-Krüger zone an EPSG code in 4491–4554 stands for, or null. */
export function gaussKrugerInfo(epsg: number): GaussKrugerInfo | null {
  if (epsg >= 4491 && epsg <= 4501) {
    const zone = epsg - 4491 + 13;
    return { epsg, centralMeridianDeg: zone * 6 - 3, zoneWidthDeg: 6, zonePrefix: zone };
  }
  if (epsg >= 4502 && epsg <= 4512) return { epsg, centralMeridianDeg: 75 + (epsg - 4502) * 6, zoneWidthDeg: 6, zonePrefix: null };
  if (epsg >= 4513 && epsg <= 4533) {
    const zone = epsg - 4513 + 25;
    return { epsg, centralMeridianDeg: zone * 3, zoneWidthDeg: 3, zonePrefix: zone };
  }
  if (epsg >= 4534 && epsg <= 4554) return { epsg, centralMeridianDeg: 75 + (epsg - 4534) * 3, zoneWidthDeg: 3, zonePrefix: null };
  return null;
}

/** proj4 string for the CGCS2000 codes we know by number, else null. */
export function cgcs2000Proj4(epsg: number): string | null {
  if (epsg === 4490) return '+proj=longlat +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +no_defs';
  const gk = gaussKrugerInfo(epsg);
  if (!gk) return null;
  const falseEasting = gk.zonePrefix === null ? 500000 : gk.zonePrefix * 1e6 + 500000;
  return tmerc(gk.centralMeridianDeg, falseEasting);
}

/** The 3° EPSG code (with zone prefix) for a zone number 25–45, or the 6° one for 13–23. */
export function epsgForZonePrefix(zone: number): number | null {
  if (zone >= 25 && zone <= 45) return 4513 + zone - 25;
  if (zone >= 13 && zone <= 23) return 4491 + zone - 13;
  return null;
}

/** The 3° "CM" EPSG code (no zone prefix) whose central meridian is nearest to a longitude. */
export function epsg3DegreeCmFor(lonDeg: number): number | null {
  const cm = Math.round(lonDeg / 3) * 3;
  if (cm < 75 || cm > 135) return null;
  return 4534 + (cm - 75) / 3;
}
