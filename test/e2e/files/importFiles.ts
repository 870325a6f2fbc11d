/**
 * Test files for the import browser test, built in the test (no committed binaries): a GeoJSON of communities
 * with Chinese field names and deliberately broken features, and a zipped Shapefile of facilities.
 */
import { shapefileFiles, zipFiles } from '../../unit/helpers/shpWriter';

export type LngLat = [number, number];

/** A square of `sideMeters` centred at `c` (closed ring, counter-clockwise). */
function square(c: LngLat, sideMeters: number): LngLat[] {
  const dLat = sideMeters / 2 / 111_320, dLng = dLat / Math.cos((c[1] * Math.PI) / 180);
  return [[c[0] - dLng, c[1] - dLat], [c[0] + dLng, c[1] - dLat], [c[0] + dLng, c[1] + dLat], [c[0] - dLng, c[1] + dLat], [c[0] - dLng, c[1] - dLat]];
}

/** Bow-tie: the ring crosses itself once (the validator splits it into two triangles). */
function bowTie(c: LngLat, sideMeters: number): LngLat[] {
  const [a, b, cc, d] = square(c, sideMeters);
  return [a, cc, b, d, a];
}

export const HTML_NAME = '<img src=x onerror="window.__xss=1"><b>危楼</b>';
export const HTML_HOUSEHOLDS = '<script>window.__xss=2</script>';

export interface CommunitiesFile { name: string; bytes: Uint8Array; featureCount: number; keptCount: number; selfIntersectingIndex: number; noGeometryIndex: number }

/** 7 features: 5 plain (one with HTML in its name), 1 self-intersecting (repaired), 1 without geometry (skipped). */
export function communitiesGeoJSON(center: LngLat): CommunitiesFile {
  const at = (dx: number, dy: number): LngLat => [center[0] + dx * 0.004, center[1] + dy * 0.003];
  const poly = (ring: LngLat[]) => ({ type: 'Polygon', coordinates: [ring] });
  const features = [
    { type: 'Feature', properties: { 小区名称: HTML_NAME, 建成年代: 1985, 户数: HTML_HOUSEHOLDS }, geometry: poly(square(at(-1, -1), 220)) },
    { type: 'Feature', properties: { 小区名称: '纺织厂宿舍', 建成年代: 1978, 户数: 320 }, geometry: poly(square(at(0, -1), 220)) },
    { type: 'Feature', properties: { 小区名称: '建设路小区', 建成年代: '1992', 户数: '486' }, geometry: poly(square(at(1, -1), 220)) },
    { type: 'Feature', properties: { 小区名称: '粮食局家属院', 建成年代: 1988, 户数: 154 }, geometry: poly(square(at(-1, 1), 220)) },
    { type: 'Feature', properties: { 小区名称: '自交小区', 建成年代: 1995, 户数: 210 }, geometry: poly(bowTie(at(0, 1), 260)) },
    { type: 'Feature', properties: { 小区名称: '无图形小区', 建成年代: 1990, 户数: 99 }, geometry: null },
    { type: 'Feature', properties: { 小区名称: '机床厂宿舍', 建成年代: 1983, 户数: 402 }, geometry: poly(square(at(1, 1), 220)) },
  ];
  const text = JSON.stringify({ type: 'FeatureCollection', features });
  return { name: '老旧小区.geojson', bytes: new TextEncoder().encode(text), featureCount: 7, keptCount: 6, selfIntersectingIndex: 4, noGeometryIndex: 5 };
}

const CGCS2000_PRJ = 'GEOGCS["China Geodetic Coordinate System 2000",DATUM["China_2000",SPHEROID["CGCS2000",6378137,298.257222101]],PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]]';

/** Two community squares near `center`: the first reuses `clashingId` (already loaded), the second has a new id. */
export function clashingCommunitiesGeoJSON(center: LngLat, clashingId: string): { name: string; bytes: Uint8Array } {
  const features = [
    { type: 'Feature', properties: { id: clashingId, 小区名称: '新增小区甲', 建成年代: 1990, 户数: 100 }, geometry: { type: 'Polygon', coordinates: [square([center[0] - 0.001, center[1]], 60)] } },
    { type: 'Feature', properties: { id: 'NEW-0001', 小区名称: '新增小区乙', 建成年代: 1991, 户数: 120 }, geometry: { type: 'Polygon', coordinates: [square([center[0] + 0.001, center[1]], 60)] } },
  ];
  return { name: '新增小区.geojson', bytes: new TextEncoder().encode(JSON.stringify({ type: 'FeatureCollection', features })) };
}

export interface FacilitiesFile { name: string; bytes: Uint8Array; featureCount: number; categories: string[] }

/** A zipped Shapefile (UTF-8 .dbf with .cpg, CGCS2000 .prj) of 4 facility points. */
export function facilitiesShapefileZip(center: LngLat): FacilitiesFile {
  const pts: [string, string, LngLat][] = [
    ['阳光幼儿园', '幼儿园', [center[0] - 0.002, center[1] - 0.0015]],
    ['育才小学', '小学', [center[0] + 0.002, center[1] - 0.0015]],
    ['惠民便利店', '便利店', [center[0] - 0.002, center[1] + 0.0015]],
    ['东门菜市场', '菜市场', [center[0] + 0.002, center[1] + 0.0015]],
  ];
  const files = shapefileFiles({
    name: 'facilities',
    geometries: pts.map(([, , c]) => ({ type: 'Point', coordinates: c })),
    fields: [{ name: '名称', type: 'C', length: 40 }, { name: '类别', type: 'C', length: 20 }],
    records: pts.map(([n, cat]) => ({ 名称: n, 类别: cat })),
    encoding: 'utf-8',
    prj: CGCS2000_PRJ,
    cpg: 'UTF-8',
  });
  return { name: 'facilities.zip', bytes: zipFiles(files), featureCount: 4, categories: pts.map(([, c]) => c) };
}

/** Facilities placed on the given WGS84 street points but written in GCJ-02 (as an Amap POI export would be). */
export function gcjFacilitiesGeoJSON(streetPointsWgs84: readonly LngLat[], toGcj: (p: LngLat) => LngLat): { name: string; bytes: Uint8Array } {
  const features = streetPointsWgs84.map((p, i) => ({ type: 'Feature', properties: { 名称: `便利店${i + 1}`, 类别: '便利店' }, geometry: { type: 'Point', coordinates: toGcj(p) } }));
  return { name: '高德POI.geojson', bytes: new TextEncoder().encode(JSON.stringify({ type: 'FeatureCollection', features })) };
}
