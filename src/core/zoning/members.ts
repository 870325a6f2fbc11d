/**
 * A zone's members in local metres for its outline: the same projection and the same arithmetic as
 * `packPolygons` (so the same doubles), but written into scratch arrays reused from zone to zone. At ×50 the
 * outline is made for ~4 100 multi-member zones of 2–6 members; a fresh `packPolygons` per zone (nine typed arrays
 * and an index each) was ~10 % of zoning, mostly allocation and the garbage collection after it.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { LocalProjection } from '../geo';
import type { MetricPolygon } from './overlay';
import { projectionFor } from './polygons';

export interface MemberPack {
  count: number;
  projection: LocalProjection;
  /** Interleaved x, y (metres) of all ring vertices, rings closed. Scratch: valid until the next `packMembers`. */
  xy: Float64Array;
  /** Vertex index where ring r starts (rings + 1 entries used). Scratch. */
  ringStart: Uint32Array;
  /** Ring index where member k starts (count + 1 entries used). Scratch. */
  itemRingStart: Uint32Array;
  /** [minX, minY, maxX, maxY] per member. Scratch. */
  bbox: Float64Array;
  /** Per member, its rings as fresh interleaved arrays (parts and holes together), for the overlay. */
  rings: MetricPolygon[];
}

let xy = new Float64Array(1024);
let ringStart = new Uint32Array(64);
let itemRingStart = new Uint32Array(64);
let bbox = new Float64Array(256);

export function packMembers(members: readonly (Polygon | MultiPolygon)[]): MemberPack {
  const projection = projectionFor(members);
  const n = members.length;
  let nRings = 0, nVerts = 0;
  for (const g of members) {
    const parts = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    for (const part of parts) { nRings += part.length; for (const ring of part) nVerts += ring.length; }
  }
  if (xy.length < nVerts * 2) xy = new Float64Array(nVerts * 4);
  if (ringStart.length < nRings + 1) ringStart = new Uint32Array(nRings * 2 + 1);
  if (itemRingStart.length < n + 1) itemRingStart = new Uint32Array(n * 2 + 1);
  if (bbox.length < n * 4) bbox = new Float64Array(n * 8);
  const kx = projection.metersPerDegreeLng, ky = projection.metersPerDegreeLat;
  const ox = projection.originLng, oy = projection.originLat;
  const rings: MetricPolygon[] = [];
  let r = 0, v = 0;
  for (let k = 0; k < n; k++) {
    itemRingStart[k] = r;
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    const g = members[k];
    const own: number[][] = [];
    const parts = g.type === 'Polygon' ? 1 : g.coordinates.length;
    for (let pi = 0; pi < parts; pi++) {
      const partRings: Position[][] = g.type === 'Polygon' ? g.coordinates : g.coordinates[pi];
      for (const ring of partRings) {
        ringStart[r++] = v;
        // Pushed, not stored into `new Array(n)`: packed doubles like the bridges' and the overlay's own rings, so
        // the overlay's loops see one array shape (a holey one here deoptimised them: `--trace-deopt`, wrong map).
        const flat: number[] = [];
        for (let q = 0; q < ring.length; q++) {
          const x = (ring[q][0] - ox) * kx, y = (ring[q][1] - oy) * ky;
          xy[v * 2] = x; xy[v * 2 + 1] = y; v++;
          flat.push(x, y);
          if (x < minX) minX = x;
          if (x > maxX) maxX = x;
          if (y < minY) minY = y;
          if (y > maxY) maxY = y;
        }
        own.push(flat);
      }
    }
    rings.push(own);
    bbox[k * 4] = minX; bbox[k * 4 + 1] = minY; bbox[k * 4 + 2] = maxX; bbox[k * 4 + 3] = maxY;
  }
  ringStart[r] = v;
  itemRingStart[n] = r;
  return { count: n, projection, xy, ringStart, itemRingStart, bbox, rings };
}
