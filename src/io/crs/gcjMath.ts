/**
 * GCJ-02 → WGS84 and BD-09 → WGS84 for one position, the arithmetic of gcoord 1.0.7 (MIT, Jiulong Hu) step
 * for step, so the numbers are the same to the bit (a test compares them with `gcoord.transform`). Why a
 * copy: `gcoord.transform` builds its assertion messages with `${input}` on every call, turning both numbers
 * into text each time — the street-offset hint's 4000 conversions (×50 facilities) took ~125 ms on a first
 * run, the plain arithmetic a small fraction of that.
 */

const A = 6378245;
const EE = 0.006693421622965823;
const BAIDU_FACTOR = (Math.PI * 3000.0) / 180.0;

function isInChinaBbox(lon: number, lat: number): boolean {
  return lon >= 72.004 && lon <= 137.8347 && lat >= 0.8293 && lat <= 55.8271;
}

function transformLat(x: number, y: number): number {
  let ret = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  ret += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  ret += ((20 * Math.sin(y * Math.PI) + 40 * Math.sin((y / 3) * Math.PI)) * 2) / 3;
  ret += ((160 * Math.sin((y / 12) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30)) * 2) / 3;
  return ret;
}

function transformLon(x: number, y: number): number {
  let ret = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  ret += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  ret += ((20 * Math.sin(x * Math.PI) + 40 * Math.sin((x / 3) * Math.PI)) * 2) / 3;
  ret += ((150 * Math.sin((x / 12) * Math.PI) + 300 * Math.sin((x / 30) * Math.PI)) * 2) / 3;
  return ret;
}

/** WGS84 → GCJ-02 (the library's WGS84ToGCJ02), inside the China bbox; unchanged outside. */
function wgs84ToGcj02(lon: number, lat: number): [number, number] {
  if (!isInChinaBbox(lon, lat)) return [lon, lat];
  let dLon = transformLon(lon - 105, lat - 35);
  let dLat = transformLat(lon - 105, lat - 35);
  const radLat = (lat / 180) * Math.PI;
  let magic = Math.sin(radLat);
  magic = 1 - EE * magic * magic;
  const sqrtMagic = Math.sqrt(magic);
  dLon = (dLon * 180) / ((A / sqrtMagic) * Math.cos(radLat) * Math.PI);
  dLat = (dLat * 180) / (((A * (1 - EE)) / (magic * sqrtMagic)) * Math.PI);
  return [lon + dLon, lat + dLat];
}

/** GCJ-02 → WGS84 by iteration (the library's GCJ02ToWGS84). */
export function gcj02ToWgs84(lon: number, lat: number): [number, number] {
  if (!isInChinaBbox(lon, lat)) return [lon, lat];
  let wgsLon = lon, wgsLat = lat;
  let temp = wgs84ToGcj02(wgsLon, wgsLat);
  let dx = temp[0] - lon;
  let dy = temp[1] - lat;
  while (Math.abs(dx) > 1e-6 || Math.abs(dy) > 1e-6) {
    wgsLon -= dx;
    wgsLat -= dy;
    temp = wgs84ToGcj02(wgsLon, wgsLat);
    dx = temp[0] - lon;
    dy = temp[1] - lat;
  }
  return [wgsLon, wgsLat];
}

/** BD-09 → WGS84: BD-09 → GCJ-02 (the library's BD09ToGCJ02), then GCJ-02 → WGS84. */
export function bd09ToWgs84(lon: number, lat: number): [number, number] {
  const x = lon - 0.0065;
  const y = lat - 0.006;
  const z = Math.sqrt(x * x + y * y) - 0.00002 * Math.sin(y * BAIDU_FACTOR);
  const theta = Math.atan2(y, x) - 0.000003 * Math.cos(x * BAIDU_FACTOR);
  return gcj02ToWgs84(z * Math.cos(theta), z * Math.sin(theta));
}
