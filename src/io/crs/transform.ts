import type { Feature, Geometry, Position } from 'geojson';

export type PositionFn = (p: Position) => Position;

/** A copy of a geometry with every position mapped; extra ordinates (z) are kept as they were. */
export function mapGeometry(g: Geometry, fn: PositionFn): Geometry {
  const one = (p: Position): Position => {
    const [x, y] = fn(p);
    return p.length > 2 ? [x, y, ...p.slice(2)] : [x, y];
  };
  switch (g.type) {
    case 'Point': return { type: 'Point', coordinates: one(g.coordinates) };
    case 'MultiPoint': return { type: 'MultiPoint', coordinates: g.coordinates.map(one) };
    case 'LineString': return { type: 'LineString', coordinates: g.coordinates.map(one) };
    case 'MultiLineString': return { type: 'MultiLineString', coordinates: g.coordinates.map((l) => l.map(one)) };
    case 'Polygon': return { type: 'Polygon', coordinates: g.coordinates.map((r) => r.map(one)) };
    case 'MultiPolygon': return { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map((r) => r.map(one))) };
    case 'GeometryCollection': return { type: 'GeometryCollection', geometries: g.geometries.map((c) => mapGeometry(c, fn)) };
  }
}

/** Copies of the features with every geometry mapped; properties and ids are shared, not copied. */
export function mapFeatures(features: readonly Feature[], fn: PositionFn): Feature[] {
  return features.map((f) => (f.geometry ? { ...f, geometry: mapGeometry(f.geometry, fn) } : { ...f }));
}

/** Every position of a geometry, in order (rings and parts flattened). */
export function* positionsOf(g: Geometry): Generator<Position> {
  switch (g.type) {
    case 'Point': yield g.coordinates; return;
    case 'MultiPoint': case 'LineString': yield* g.coordinates; return;
    case 'MultiLineString': case 'Polygon': for (const l of g.coordinates) yield* l; return;
    case 'MultiPolygon': for (const p of g.coordinates) for (const r of p) yield* r; return;
    case 'GeometryCollection': for (const c of g.geometries) yield* positionsOf(c);
  }
}
