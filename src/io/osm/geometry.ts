/**
 * Geometry of OSM ways and multipolygon relations. Extracts cut at a bounding box leave ways with missing
 * nodes: we never bridge a gap with a straight chord (it would invent a street), we split at it instead.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import osmtogeojson from 'osmtogeojson';
import type { OsmData, OsmRelation, OsmWay } from './model';

export interface WayGeometry {
  /** Consecutive present nodes; a new run starts after each missing node. */
  runs: Position[][];
  missingNodes: number;
  closed: boolean;
}

export function wayGeometry(way: OsmWay, data: OsmData): WayGeometry {
  const runs: Position[][] = [];
  let run: Position[] = [];
  let missingNodes = 0;
  for (const ref of way.refs) {
    const n = data.nodes.get(ref);
    if (!n) {
      missingNodes++;
      if (run.length) runs.push(run);
      run = [];
      continue;
    }
    run.push([n.lon, n.lat]);
  }
  if (run.length) runs.push(run);
  const closed = way.refs.length >= 4 && way.refs[0] === way.refs[way.refs.length - 1];
  return { runs, missingNodes, closed };
}

/** Why a relation cannot give a complete area, or null when all its member ways and their nodes are present. */
export function relationIncompleteReason(rel: OsmRelation, data: OsmData): string | null {
  const wayMembers = rel.members.filter((m) => m.type === 'way');
  if (!wayMembers.some((m) => m.role === 'outer' || m.role === '')) return 'has no outer way';
  for (const m of wayMembers) {
    const w = data.ways.get(m.ref);
    if (!w) return `member way/${m.ref} is missing from the file`;
    const missing = w.refs.filter((r) => !data.nodes.has(r)).length;
    if (missing) return `member way/${m.ref} has ${missing} of ${w.refs.length} nodes missing`;
  }
  return null;
}

/**
 * Assemble multipolygon relations (ring joining, inner/outer nesting) with osmtogeojson, fed with only the
 * relations asked for and their members. Returns geometry by relation id; relations it cannot build are absent.
 */
export function buildMultipolygons(rels: OsmRelation[], data: OsmData): Map<number, Polygon | MultiPolygon> {
  const out = new Map<number, Polygon | MultiPolygon>();
  if (rels.length === 0) return out;
  const elements: unknown[] = [];
  const seenWays = new Set<number>();
  const seenNodes = new Set<number>();
  for (const rel of rels) {
    // Give the relation a tag osmtogeojson finds "interesting" so it always keeps the relation id.
    elements.push({ type: 'relation', id: rel.id, tags: { ...rel.tags, type: 'multipolygon', 'rp:area': 'yes' }, members: rel.members.filter((m) => m.type === 'way') });
    for (const m of rel.members) {
      const w = m.type === 'way' ? data.ways.get(m.ref) : undefined;
      if (!w || seenWays.has(w.id)) continue;
      seenWays.add(w.id);
      elements.push({ type: 'way', id: w.id, nodes: w.refs, tags: {} });
      for (const r of w.refs) {
        const n = data.nodes.get(r);
        if (!n || seenNodes.has(r)) continue;
        seenNodes.add(r);
        elements.push({ type: 'node', id: n.id, lon: n.lon, lat: n.lat });
      }
    }
  }
  const fc = osmtogeojson({ elements });
  for (const f of fc.features) {
    const id = typeof f.id === 'string' ? f.id : '';
    if (!id.startsWith('relation/') || !f.geometry) continue;
    if (f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon') out.set(Number(id.slice(9)), f.geometry);
  }
  return out;
}

/** A point on an open line: its middle vertex (a vertex, so it lies on the line). */
export function middleVertex(runs: Position[][]): Position | null {
  const all = runs.flat();
  return all.length ? all[Math.floor((all.length - 1) / 2)] : null;
}

/** Mean of vertices: used only for incomplete closed ways, where no ring can be formed. */
export function meanOfVertices(runs: Position[][]): Position | null {
  const all = runs.flat();
  if (!all.length) return null;
  let x = 0;
  let y = 0;
  for (const p of all) { x += p[0]; y += p[1]; }
  return [x / all.length, y / all.length];
}
