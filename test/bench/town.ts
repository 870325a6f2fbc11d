/**
 * Seeded synthetic town for benchmarks: a jittered street grid (~110 m blocks) with varied classes, mid-block
 * shape vertices, dead-end alleys, diagonal footpaths, a few missing street segments, motorways crossing without
 * shared vertices (not walkable) and private footways; communities in blocks, facilities of every category.
 * `scale` multiplies the area: ×1 ≈ 400 communities / 100 facilities / 6k graph edges, ×50 ≈ 20k / 5k / 300k.
 */
import { DEFAULT_CATEGORIES } from '../../src/core/config/categories';
import { offsetLngLat } from '../../src/core/geo/metres';
import type { Community, Facility, LngLat, Road } from '../../src/core/types';
import { mulberry32 } from '../fixtures/network/prng';

export interface BenchTown {
  roads: Road[];
  communities: Community[];
  facilities: Facility[];
}

const ORIGIN: LngLat = [115.89, 28.68];
const BLOCK_METERS = 110;
const BASE_SIDE = 48;

export function generateBenchTown(seed: number, scale: number): BenchTown {
  const rand = mulberry32(seed);
  const side = Math.round(BASE_SIDE * Math.sqrt(scale));
  const ll = (x: number, y: number): LngLat => offsetLngLat(ORIGIN[0], ORIGIN[1], x, y);
  const jx = new Float64Array(side * side), jy = new Float64Array(side * side);
  for (let i = 0; i < side * side; i++) {
    jx[i] = (rand() - 0.5) * 24;
    jy[i] = (rand() - 0.5) * 24;
  }
  const node = (i: number, j: number): [number, number] => [i * BLOCK_METERS + jx[i * side + j], j * BLOCK_METERS + jy[i * side + j]];
  // Mid-block shape vertex of the street from lattice point (i, j) east (midE) or north (midN); alleys start there.
  const midE: [number, number][] = [], midN: [number, number][] = [];
  for (let i = 0; i < side; i++) {
    for (let j = 0; j < side; j++) {
      const p = node(i, j), e = i + 1 < side ? node(i + 1, j) : p, n = j + 1 < side ? node(i, j + 1) : p;
      midE.push([(p[0] + e[0]) / 2 + (rand() - 0.5) * 4, (p[1] + e[1]) / 2 + (rand() - 0.5) * 4]);
      midN.push([(p[0] + n[0]) / 2 + (rand() - 0.5) * 4, (p[1] + n[1]) / 2 + (rand() - 0.5) * 4]);
    }
  }
  const classOf = (line: number): string => (line % 8 === 0 ? 'primary' : line % 4 === 0 ? 'secondary' : rand() < 0.1 ? 'living_street' : 'residential');
  const roads: Road[] = [];
  const addRoad = (highway: string, pts: [number, number][], properties: Record<string, unknown> = {}): void => {
    roads.push({ id: `R${roads.length}`, highway, name: null, geometry: { type: 'LineString', coordinates: pts.map(([x, y]) => ll(x, y)) }, properties });
  };
  // Streets along both axes, cut into ways of ≤ 8 blocks, with a shape vertex mid-block; 3 % of blocks missing.
  for (const vertical of [false, true]) {
    for (let line = 0; line < side; line++) {
      const highway = classOf(line);
      let pts: [number, number][] = [];
      const flush = (): void => {
        if (pts.length > 1) addRoad(highway, pts);
        pts = [];
      };
      for (let k = 0; k < side; k++) {
        const p = vertical ? node(line, k) : node(k, line);
        if (pts.length === 0) pts.push(p);
        else {
          pts.push(vertical ? midN[line * side + k - 1] : midE[(k - 1) * side + line], p);
          if (pts.length >= 17) { flush(); pts.push(p); }
        }
        if (k < side - 1 && highway === 'residential' && rand() < 0.03) { flush(); continue; }
      }
      flush();
    }
  }
  // Dead-end alleys and diagonal footpaths inside blocks; some private.
  for (let i = 0; i + 1 < side; i++) {
    for (let j = 0; j + 1 < side; j++) {
      const r = rand();
      if (r < 0.45) {
        const start = midE[i * side + j];
        addRoad('service', [start, [start[0], start[1] + 35], [start[0] + 10, start[1] + 60]]);
      } else if (r < 0.55) {
        addRoad('footway', [node(i, j), node(i + 1, j + 1)], rand() < 0.2 ? { access: 'private' } : {});
      }
    }
  }
  // Motorways crossing the grid without shared vertices: dropped as not walkable.
  for (let line = 20; line < side; line += 40) addRoad('motorway', [[line * BLOCK_METERS + 55, -200], [line * BLOCK_METERS + 55, side * BLOCK_METERS + 200]]);

  const extent = (side - 1) * BLOCK_METERS;
  const communities: Community[] = [];
  for (let n = 0; n < 400 * scale; n++) {
    const cx = 30 + rand() * (extent - 60), cy = 30 + rand() * (extent - 60);
    const w = 20 + rand() * 40, h = 20 + rand() * 40;
    const ring = [[cx - w, cy - h], [cx + w, cy - h], [cx + w, cy + h], [cx - w, cy + h], [cx - w, cy - h]].map(([x, y]) => ll(x, y));
    communities.push({
      id: `C${n}`, name: `小区${n}`, geometry: { type: 'Polygon', coordinates: [ring] }, buildYear: 1980 + Math.floor(rand() * 20),
      households: 50 + Math.floor(rand() * 1500), residents: null, buildings: null, district: null, subdistrict: null,
      propertyManagement: null, willingness: null, renovation: 'none', renovatedYear: null, demolitionPlanned: false,
      shantyTown: false, historic: false, properties: {},
    });
  }
  const ids = DEFAULT_CATEGORIES.map((c) => c.id);
  const facilities: Facility[] = [];
  for (let n = 0; n < 100 * scale; n++) {
    const categories = [ids[Math.floor(rand() * ids.length)]];
    if (rand() < 0.15) categories.push(ids[Math.floor(rand() * ids.length)]);
    const x = rand() * extent, y = rand() * extent;
    const geometry: Facility['geometry'] = rand() < 0.1
      ? { type: 'Polygon', coordinates: [[[x, y], [x + 30, y], [x + 30, y + 30], [x, y + 30], [x, y]].map(([a, b]) => ll(a, b))] }
      : { type: 'Point', coordinates: ll(x, y) };
    facilities.push({ id: `F${n}`, name: `设施${n}`, categories, geometry, planned: false, properties: {} });
  }
  return { roads, communities, facilities };
}
