/**
 * Hand edits of zones as pure functions: (zones, context, …) → new zones array (or null when the edit does not
 * apply). A community belongs to at most one zone: taking it into one zone removes it from any other, and a
 * zone left without members is dropped. Every edited zone becomes `source: 'manual'` (kept on auto-zoning re-runs).
 */
import type { LineString, MultiPolygon, Polygon, Position } from 'geojson';
import { createLocalProjection, fromLocalX, fromLocalY, polygonContains, toLocalX, toLocalY } from '../../core/geo';
import type { Zone } from '../../core/zoning';
import { zoneGeometry } from '../../core/zoning';
import type { ZoneContext } from './context';

/** Code-unit order, as the core orders member ids. */
export const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function outlineOf(ctx: ZoneContext, memberIds: readonly string[]): Polygon | MultiPolygon {
  const geoms = memberIds.map((id) => ctx.communities[ctx.indexOf.get(id)!].geometry);
  return zoneGeometry(geoms, ctx.gapMeters);
}

/** Eligible communities whose representative point lies inside `area`, in id order. */
export function membersInside(ctx: ZoneContext, area: Polygon | MultiPolygon): string[] {
  const out: string[] = [];
  ctx.communities.forEach((c, i) => {
    if (ctx.eligible[i] && polygonContains(area, ctx.points[i])) out.push(c.id);
  });
  return out.sort(compareIds);
}

/** `Z001`, `Z002` …: the next free number after the highest in use. */
export function nextZoneId(zones: readonly Zone[]): string {
  let max = 0;
  for (const z of zones) {
    const m = /^Z(\d+)$/.exec(z.id);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return `Z${String(max + 1).padStart(3, '0')}`;
}

/** Remove `taken` ids from every zone except `keepId`; zones left empty are dropped, others get a new outline. */
function releaseMembers(zones: readonly Zone[], ctx: ZoneContext, taken: ReadonlySet<string>, keepId: string | null): Zone[] {
  const out: Zone[] = [];
  for (const z of zones) {
    if (z.id === keepId || !z.memberIds.some((id) => taken.has(id))) { out.push(z); continue; }
    const rest = z.memberIds.filter((id) => !taken.has(id));
    if (rest.length) out.push({ ...z, memberIds: rest, source: 'manual', geometry: outlineOf(ctx, rest) });
  }
  return out;
}

/** A new zone from a drawn outline; null when no eligible community lies inside. */
export function addDrawnZone(
  zones: readonly Zone[], ctx: ZoneContext, outline: Polygon, name: string,
): { zones: Zone[]; id: string } | null {
  const memberIds = membersInside(ctx, outline);
  if (!memberIds.length) return null;
  const id = nextZoneId(zones);
  const rest = releaseMembers(zones, ctx, new Set(memberIds), null);
  return { zones: [...rest, { id, name, memberIds, source: 'manual', geometry: outline }], id };
}

/** New outline for a zone (vertex editing): members are recomputed from it; null when none would remain. */
export function setZoneOutline(zones: readonly Zone[], ctx: ZoneContext, zoneId: string, outline: Polygon | MultiPolygon): Zone[] | null {
  const memberIds = membersInside(ctx, outline);
  if (!memberIds.length || !zones.some((z) => z.id === zoneId)) return null;
  const rest = releaseMembers(zones, ctx, new Set(memberIds), zoneId);
  return rest.map((z) => (z.id === zoneId ? { ...z, memberIds, source: 'manual', geometry: outline } : z));
}

/** Add the community to the zone, or remove it when it is a member. Null for an ineligible community. */
export function toggleMember(zones: readonly Zone[], ctx: ZoneContext, zoneId: string, communityId: string): Zone[] | null {
  const zone = zones.find((z) => z.id === zoneId);
  const i = ctx.indexOf.get(communityId);
  if (!zone || i === undefined) return null;
  if (zone.memberIds.includes(communityId)) {
    const rest = zone.memberIds.filter((id) => id !== communityId);
    if (!rest.length) return zones.filter((z) => z.id !== zoneId);
    return zones.map((z) => (z.id === zoneId ? { ...z, memberIds: rest, source: 'manual', geometry: outlineOf(ctx, rest) } : z));
  }
  if (!ctx.eligible[i]) return null;
  const members = [...zone.memberIds, communityId].sort(compareIds);
  const rest = releaseMembers(zones, ctx, new Set([communityId]), zoneId);
  return rest.map((z) => (z.id === zoneId ? { ...z, memberIds: members, source: 'manual', geometry: outlineOf(ctx, members) } : z));
}

/** `b` joins `a` (a keeps its id and name). */
export function mergeZones(zones: readonly Zone[], ctx: ZoneContext, aId: string, bId: string): Zone[] | null {
  const a = zones.find((z) => z.id === aId), b = zones.find((z) => z.id === bId);
  if (!a || !b || a === b) return null;
  const members = [...a.memberIds, ...b.memberIds].sort(compareIds);
  return zones.filter((z) => z !== b).map((z) => (z === a ? { ...a, memberIds: members, source: 'manual', geometry: outlineOf(ctx, members) } : z));
}

export function renameZone(zones: readonly Zone[], zoneId: string, name: string): Zone[] | null {
  const trimmed = name.trim();
  const zone = zones.find((z) => z.id === zoneId);
  if (!zone || !trimmed || trimmed === zone.name) return null;
  return zones.map((z) => (z === zone ? { ...z, name: trimmed, source: 'manual' } : z));
}

export function deleteZone(zones: readonly Zone[], zoneId: string): Zone[] | null {
  return zones.some((z) => z.id === zoneId) ? zones.filter((z) => z.id !== zoneId) : null;
}

/**
 * Which side of a cut line each point lies on. The line's end segments are extended far beyond the points, then
 * closed into a polygon on its left: points inside it are "left". Works for any cut that crosses the zone once.
 */
export function leftOfLine(line: readonly Position[], points: readonly Position[]): boolean[] {
  if (line.length < 2 || !points.length) return points.map(() => false);
  const proj = createLocalProjection(line[0][0], line[0][1]);
  const xy = line.map((p) => [toLocalX(proj, p[0]), toLocalY(proj, p[1])]);
  const pts = points.map((p) => [toLocalX(proj, p[0]), toLocalY(proj, p[1])]);
  let reach = 1000;
  for (const p of [...xy, ...pts]) reach = Math.max(reach, Math.abs(p[0]) * 4, Math.abs(p[1]) * 4);
  const unit = (a: number[], b: number[]) => { const dx = b[0] - a[0], dy = b[1] - a[1], l = Math.hypot(dx, dy) || 1; return [dx / l, dy / l]; };
  const d0 = unit(xy[1], xy[0]), d1 = unit(xy[xy.length - 2], xy[xy.length - 1]);
  const start = [xy[0][0] + d0[0] * reach, xy[0][1] + d0[1] * reach];
  const end = [xy[xy.length - 1][0] + d1[0] * reach, xy[xy.length - 1][1] + d1[1] * reach];
  const chord = unit(start, end);
  const left = [-chord[1] * reach * 4, chord[0] * reach * 4];
  const ring = [start, ...xy, end, [end[0] + left[0], end[1] + left[1]], [start[0] + left[0], start[1] + left[1]], start];
  const poly: Polygon = { type: 'Polygon', coordinates: [ring.map((p) => [fromLocalX(proj, p[0]), fromLocalY(proj, p[1])])] };
  return points.map((p) => polygonContains(poly, [p[0], p[1]]));
}

/** Split a zone by a drawn line: members on its left keep the zone, the others form a new one. */
export function splitZone(
  zones: readonly Zone[], ctx: ZoneContext, zoneId: string, line: LineString, newName: string,
): { zones: Zone[]; newId: string } | null {
  const zone = zones.find((z) => z.id === zoneId);
  if (!zone) return null;
  const sides = leftOfLine(line.coordinates, zone.memberIds.map((id) => ctx.points[ctx.indexOf.get(id)!]));
  const a = zone.memberIds.filter((_, k) => sides[k]);
  const b = zone.memberIds.filter((_, k) => !sides[k]);
  if (!a.length || !b.length) return null;
  const newId = nextZoneId(zones);
  const out: Zone[] = [];
  for (const z of zones) {
    if (z !== zone) { out.push(z); continue; }
    out.push({ ...z, memberIds: a, source: 'manual', geometry: outlineOf(ctx, a) });
    out.push({ id: newId, name: newName, memberIds: b, source: 'manual', geometry: outlineOf(ctx, b) });
  }
  return { zones: out, newId };
}

/**
 * Result of an automatic run merged with the current zones. 'keep': manual zones stay (the run was made without
 * their members) and the new auto zones are renumbered after them; 'replace': only the new zones.
 */
export function applyAutoZones(current: readonly Zone[], auto: readonly Zone[], mode: 'keep' | 'replace'): Zone[] {
  if (mode === 'replace') return [...auto];
  const kept = current.filter((z) => z.source === 'manual');
  const taken = new Set(kept.map((z) => z.id));
  const out = [...kept];
  let n = 0;
  for (const z of auto) {
    let id: string;
    do id = `Z${String(++n).padStart(3, '0')}`; while (taken.has(id));
    out.push({ ...z, id, name: z.name.replace(/区块\d+$/, `区块${n}`) });
  }
  return out;
}
