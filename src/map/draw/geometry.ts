/** Zone outlines ↔ terra-draw features: one polygon (outer ring only) per part, coordinates rounded for its store. */
import type { MultiPolygon, Polygon, Position } from 'geojson';

/** terra-draw rejects coordinates finer than its precision (9); 1e-7° ≈ 1 cm is plenty. */
const round = (p: Position): Position => [Math.round(p[0] * 1e7) / 1e7, Math.round(p[1] * 1e7) / 1e7];

function cleanRing(ring: readonly Position[]): Position[] {
  const out: Position[] = [];
  for (const p of ring.map(round)) {
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  if (out.length && (out[0][0] !== out[out.length - 1][0] || out[0][1] !== out[out.length - 1][1])) out.push(out[0]);
  return out;
}

/** Editable parts of a zone outline. Holes are not editable and are dropped when the outline is edited. */
export function editableParts(g: Polygon | MultiPolygon): Polygon[] {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  return polys.map((p) => ({ type: 'Polygon' as const, coordinates: [cleanRing(p[0] ?? [])] })).filter((p) => p.coordinates[0].length >= 4);
}

export function joinParts(parts: readonly Polygon[]): Polygon | MultiPolygon {
  return parts.length === 1 ? parts[0] : { type: 'MultiPolygon', coordinates: parts.map((p) => p.coordinates) };
}
