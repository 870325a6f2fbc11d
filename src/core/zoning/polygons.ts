/**
 * Community polygons projected once into local metres and packed into typed arrays, with a grid over
 * their bboxes. Every later phase (distances, splitting, bridges) reads these arrays instead of GeoJSON.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { LocalProjection } from '../geo';
import { createLocalProjection } from '../geo';
import { BoxGrid } from './boxGrid';

export interface PackedPolygons {
  projection: LocalProjection;
  /** Which input positions were packed (ascending); packed item k is input `source[k]`. */
  source: Uint32Array;
  /** Interleaved x, y (metres) of all ring vertices; rings keep their closing vertex. */
  xy: Float64Array;
  /** Vertex index where ring r starts; length rings + 1. */
  ringStart: Uint32Array;
  /** Ring index where item k starts; length items + 1. Holes and parts together: tests use the even-odd rule. */
  itemRingStart: Uint32Array;
  /** [minX, minY, maxX, maxY] per item. */
  bbox: Float64Array;
  /** Area-weighted centroid per item (metres). */
  cx: Float64Array;
  cy: Float64Array;
  /** Planar area per item, m² (holes subtracted). */
  areaSqm: Float64Array;
  /** The bboxes in a grid (a flatbush before: its Hilbert sort over 20 000 items was ~35–50 ms cold at ×50). */
  grid: BoxGrid | null;
}

type Shape = Polygon | MultiPolygon;

/** A projection centred on the bbox of the given shapes (shared by polygons and barrier lines). */
export function projectionFor(shapes: Iterable<Shape>): LocalProjection {
  const box = [Infinity, Infinity, -Infinity, -Infinity];
  for (const g of shapes) growBox(g, box);
  return projectionOfBox(box);
}

function projectionOfBox(box: readonly number[]): LocalProjection {
  return Number.isFinite(box[0]) ? createLocalProjection((box[0] + box[2]) / 2, (box[1] + box[3]) / 2) : createLocalProjection(0, 0);
}

/** Grow [minX, minY, maxX, maxY] by every ring vertex of g (plain loops: no flattened copies of the rings). */
function growBox(g: Shape, box: number[]): void {
  if (g.type === 'Polygon') { growBoxRings(g.coordinates, box); return; }
  for (const part of g.coordinates) growBoxRings(part, box);
}

function growBoxRings(rings: readonly Position[][], box: number[]): void {
  let minX = box[0], minY = box[1], maxX = box[2], maxY = box[3];
  for (let r = 0; r < rings.length; r++) {
    const ring = rings[r];
    for (let i = 0; i < ring.length; i++) {
      const x = ring[i][0], y = ring[i][1];
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
  }
  box[0] = minX; box[1] = minY; box[2] = maxX; box[3] = maxY;
}

/**
 * Pack `shapes[i]` for every i with `mask[i] === 1` (all when no mask). `withIndex: false` skips the grid
 * (`grid` stays null): zone outlines pack 2–6 members per zone, thousands of times, and need no index.
 */
export function packPolygons(
  shapes: readonly Shape[], mask: ArrayLike<number> | null, projection?: LocalProjection, withIndex = true,
): PackedPolygons {
  const box = [Infinity, Infinity, -Infinity, -Infinity];
  // Each pass in a function of its own: on one call over 20 000 communities the first loop was optimised on the
  // stack, and the code after it (never run by then) sent that code back to the interpreter, so the second loop
  // was optimised again (`--trace-deopt`: two compiles of ~12–17 ms a run, now one each, smaller).
  const { n, nRings, nVerts } = countShapes(shapes, mask, projection ? null : box);
  const proj = projection ?? projectionOfBox(box);
  const packed: PackedPolygons = {
    projection: proj,
    source: new Uint32Array(n),
    xy: new Float64Array(nVerts * 2),
    ringStart: new Uint32Array(nRings + 1),
    itemRingStart: new Uint32Array(n + 1),
    bbox: new Float64Array(n * 4),
    cx: new Float64Array(n), cy: new Float64Array(n), areaSqm: new Float64Array(n),
    grid: null,
  };
  fillPacked(shapes, mask, packed);
  if (n > 0 && withIndex) packed.grid = new BoxGrid(packed.bbox, n);
  return packed;
}

/** How many shapes (of `mask`), rings and vertices there are; grows `box` (degrees) over them when given. */
function countShapes(shapes: readonly Shape[], mask: ArrayLike<number> | null, box: number[] | null): { n: number; nRings: number; nVerts: number } {
  let n = 0, nRings = 0, nVerts = 0;
  for (let i = 0; i < shapes.length; i++) {
    if (mask && !mask[i]) continue;
    n++;
    const g = shapes[i];
    if (box) growBox(g, box);
    if (g.type === 'Polygon') {
      nRings += g.coordinates.length;
      for (const ring of g.coordinates) nVerts += ring.length;
    } else {
      for (const part of g.coordinates) { nRings += part.length; for (const ring of part) nVerts += ring.length; }
    }
  }
  return { n, nRings, nVerts };
}

/** The shapes' vertices in local metres, their rings, boxes, centroids and areas into `P` (sized by countShapes). */
function fillPacked(shapes: readonly Shape[], mask: ArrayLike<number> | null, P: PackedPolygons): void {
  const { source, xy, ringStart, itemRingStart, bbox, cx, cy, areaSqm } = P;
  const proj = P.projection;
  const kx = proj.metersPerDegreeLng, ky = proj.metersPerDegreeLat;
  const ox = proj.originLng, oy = proj.originLat;
  let r = 0, v = 0, k = 0;
  for (let i = 0; i < shapes.length; i++) {
    if (mask && !mask[i]) continue;
    source[k] = i;
    itemRingStart[k] = r;
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    let a2 = 0, sx = 0, sy = 0;
    const g = shapes[i];
    const parts = g.type === 'Polygon' ? 1 : g.coordinates.length;
    for (let pi = 0; pi < parts; pi++) {
      const rings = g.type === 'Polygon' ? g.coordinates : g.coordinates[pi];
      for (let ri = 0; ri < rings.length; ri++) {
        const ring = rings[ri];
        ringStart[r++] = v;
        const first = v;
        for (let q = 0; q < ring.length; q++) {
          const p = ring[q];
          const x = (p[0] - ox) * kx, y = (p[1] - oy) * ky;
          xy[v * 2] = x; xy[v * 2 + 1] = y; v++;
          if (x < minX) minX = x;
          if (x > maxX) maxX = x;
          if (y < minY) minY = y;
          if (y > maxY) maxY = y;
        }
        // Shoelace with the sign forced per ring role: outer rings add, holes subtract, whatever their winding.
        let ra = 0, rx = 0, ry = 0;
        for (let j = first; j < v - 1; j++) {
          const x0 = xy[j * 2], y0 = xy[j * 2 + 1], x1 = xy[j * 2 + 2], y1 = xy[j * 2 + 3];
          const cross = x0 * y1 - x1 * y0;
          ra += cross; rx += (x0 + x1) * cross; ry += (y0 + y1) * cross;
        }
        // A ring is a hole when it is not the first ring of its polygon part.
        const isHole = ri > 0;
        const sign = (ra >= 0) !== isHole ? 1 : -1;
        a2 += sign * ra; sx += sign * rx; sy += sign * ry;
      }
    }
    bbox[k * 4] = minX; bbox[k * 4 + 1] = minY; bbox[k * 4 + 2] = maxX; bbox[k * 4 + 3] = maxY;
    areaSqm[k] = Math.abs(a2) / 2;
    if (a2 !== 0) { cx[k] = sx / (3 * a2); cy[k] = sy / (3 * a2); }
    else { cx[k] = (minX + maxX) / 2; cy[k] = (minY + maxY) / 2; }
    k++;
  }
  ringStart[r] = v;
  itemRingStart[k] = r;
}

/** Even-odd point-in-polygon over all rings of item k. */
export function pointInItem(P: PackedPolygons, k: number, px: number, py: number): boolean {
  const b = P.bbox;
  if (px < b[k * 4] || px > b[k * 4 + 2] || py < b[k * 4 + 1] || py > b[k * 4 + 3]) return false;
  const xy = P.xy;
  let inside = false;
  for (let r = P.itemRingStart[k]; r < P.itemRingStart[k + 1]; r++) {
    const end = P.ringStart[r + 1];
    for (let j = P.ringStart[r]; j < end - 1; j++) {
      const x0 = xy[j * 2], y0 = xy[j * 2 + 1], x1 = xy[j * 2 + 2], y1 = xy[j * 2 + 3];
      if ((y0 > py) !== (y1 > py) && px < ((x1 - x0) * (py - y0)) / (y1 - y0) + x0) inside = !inside;
    }
  }
  return inside;
}
