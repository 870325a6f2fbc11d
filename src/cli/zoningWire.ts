/**
 * What the main thread and the zoning thread send each other, packed into typed arrays (transferred, not
 * copied) plus a few string lists. Structured-cloning the 20 000 communities of the ×50 town as objects costs the
 * main thread far more than packing them in plain loops (see zoningTask.ts). The zones stay on the thread.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { FlatLines } from '../core/geo/flatLine';
import { flatLineOf, flatLineString } from '../core/geo/flatLine';
import type { PropertyManagement, RenovationStatus } from '../core/types';
import type { BarrierLine, EligibilityResult, ExclusionReason, ZoningCommunity } from '../core/zoning';
import { EXCLUSION_REASONS, barrierLines } from '../core/zoning';
import type { GeographicCrs } from '../io/crs';
import type { WriteFailure, ZoneFileFormat } from '../io/export/zonesFiles';
import type { DraftSide } from './zoning';
import type { ZoningSettings } from './zoningOptions';

/** Polygons and multipolygons: counts per level, then the x, y pairs of every ring in order. */
export interface PackedShapes {
  /** Per shape: 1 = MultiPolygon, 0 = Polygon. */
  multi: Uint8Array;
  /** Per shape: number of polygons (1 for a Polygon). */
  polygons: Uint32Array;
  /** Per polygon: number of rings. */
  rings: Uint32Array;
  /** Per ring: number of positions. */
  positions: Uint32Array;
  xy: Float64Array;
}

/** Every position has exactly two numbers (else a packed copy would not be the same geometry). */
function flatPositions(shapes: readonly (Polygon | MultiPolygon)[]): { polygons: number; rings: number; positions: number } | null {
  let polygons = 0, rings = 0, positions = 0;
  for (const g of shapes) {
    const parts = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    polygons += parts.length;
    for (const part of parts) {
      rings += part.length;
      for (const ring of part) {
        positions += ring.length;
        for (const p of ring) if (p.length !== 2) return null;
      }
    }
  }
  return { polygons, rings, positions };
}

/** null when some position has a third number (elevation): the caller zones on the main thread instead. */
export function packShapes(shapes: readonly (Polygon | MultiPolygon)[]): PackedShapes | null {
  const size = flatPositions(shapes);
  if (!size) return null;
  const out: PackedShapes = {
    multi: new Uint8Array(shapes.length), polygons: new Uint32Array(shapes.length), rings: new Uint32Array(size.polygons),
    positions: new Uint32Array(size.rings), xy: new Float64Array(size.positions * 2),
  };
  // Indexed loops over locals: this runs once per run on the main thread, mostly before the JIT warms up.
  const { multi, polygons, rings, positions, xy } = out;
  let pi = 0, ri = 0, k = 0;
  for (let s = 0; s < shapes.length; s++) {
    const g = shapes[s];
    const one = g.type === 'Polygon';
    const nParts = one ? 1 : g.coordinates.length;
    multi[s] = one ? 0 : 1;
    polygons[s] = nParts;
    for (let q = 0; q < nParts; q++) {
      const part = one ? g.coordinates : g.coordinates[q];
      rings[pi++] = part.length;
      for (let r = 0; r < part.length; r++) {
        const ring = part[r];
        positions[ri++] = ring.length;
        for (let i = 0; i < ring.length; i++) { const p = ring[i]; xy[k++] = p[0]; xy[k++] = p[1]; }
      }
    }
  }
  return out;
}

export function unpackShapes(p: PackedShapes): (Polygon | MultiPolygon)[] {
  const out: (Polygon | MultiPolygon)[] = new Array<Polygon | MultiPolygon>(p.multi.length);
  let pi = 0, ri = 0, k = 0;
  const { xy } = p;
  for (let s = 0; s < p.multi.length; s++) {
    const parts: Position[][][] = new Array<Position[][]>(p.polygons[s]);
    for (let q = 0; q < parts.length; q++) {
      const part: Position[][] = new Array<Position[]>(p.rings[pi++]);
      for (let r = 0; r < part.length; r++) {
        const ring: Position[] = new Array<Position>(p.positions[ri++]);
        for (let i = 0; i < ring.length; i++, k += 2) ring[i] = [xy[k], xy[k + 1]];
        part[r] = ring;
      }
      parts[q] = part;
    }
    out[s] = p.multi[s] ? { type: 'MultiPolygon', coordinates: parts } : { type: 'Polygon', coordinates: parts[0] };
  }
  return out;
}

const shapeBuffers = (p: PackedShapes): ArrayBuffer[] => [p.multi, p.polygons, p.rings, p.positions, p.xy].map((a) => a.buffer as ArrayBuffer);

// --- communities ------------------------------------------------------------------------------------------

const PM: readonly (PropertyManagement | null)[] = [null, 'professional', 'self', 'none'];
const RENOVATION: readonly RenovationStatus[] = ['none', 'planned', 'done'];
/** Nullable numbers per community, in this order; a null sets bit (1 << field) in `nulls`. */
const NUMBER_FIELDS = ['buildYear', 'households', 'residents', 'willingness'] as const;

export interface PackedCommunities {
  ids: string[];
  subdistricts: (string | null)[];
  /** [community * 4 + field] (NUMBER_FIELDS). */
  numbers: Float64Array;
  nulls: Uint8Array;
  /** Per community: property management code (PM), renovation code (RENOVATION), demolition, shanty town. */
  codes: Uint8Array;
  shapes: PackedShapes;
}

/** `ids` replace the communities' own (distinct ids, see `distinctIds`). null: not packable (3D positions). */
export function packCommunities(communities: readonly ZoningCommunity[], ids: readonly string[]): PackedCommunities | null {
  const shapes = packShapes(communities.map((c) => c.geometry));
  if (!shapes) return null;
  const n = communities.length;
  const numbers = new Float64Array(n * 4), nulls = new Uint8Array(n), codes = new Uint8Array(n * 4);
  const subdistricts: (string | null)[] = new Array<string | null>(n);
  for (let i = 0; i < n; i++) {
    const c = communities[i];
    for (let f = 0; f < NUMBER_FIELDS.length; f++) {
      const v = c[NUMBER_FIELDS[f]];
      // undefined (malformed input) acts like null everywhere zoning reads these (`?? 0`, `!= null`).
      if (v == null) nulls[i] |= 1 << f; else numbers[i * 4 + f] = v;
    }
    codes[i * 4] = PM.indexOf(c.propertyManagement);
    codes[i * 4 + 1] = RENOVATION.indexOf(c.renovation);
    codes[i * 4 + 2] = c.demolitionPlanned ? 1 : 0;
    codes[i * 4 + 3] = c.shantyTown ? 1 : 0;
    subdistricts[i] = c.subdistrict;
  }
  return { ids: [...ids], subdistricts, numbers, nulls, codes, shapes };
}

export function unpackCommunities(p: PackedCommunities): ZoningCommunity[] {
  const geometry = unpackShapes(p.shapes);
  const num = (i: number, f: number): number | null => ((p.nulls[i] >> f) & 1 ? null : p.numbers[i * 4 + f]);
  return p.ids.map((id, i) => ({
    id, geometry: geometry[i], buildYear: num(i, 0), households: num(i, 1), residents: num(i, 2), willingness: num(i, 3),
    subdistrict: p.subdistricts[i], propertyManagement: PM[p.codes[i * 4]], renovation: RENOVATION[p.codes[i * 4 + 1]],
    demolitionPlanned: p.codes[i * 4 + 2] === 1, shantyTown: p.codes[i * 4 + 3] === 1,
  }));
}

// --- barriers: only their segments matter (packBarriers), so each line goes as one polyline ------------------

export interface PackedLines {
  /** Per line: number of positions. */
  positions: Uint32Array;
  xy: Float64Array;
}

export function packLines(barriers: readonly BarrierLine[]): PackedLines {
  let lines = 0, positions = 0;
  for (const b of barriers) {
    const flat = flatLineOf(b.geometry);
    if (flat) { lines++; positions += flat.lines.lineStart[flat.index + 1] - flat.lines.lineStart[flat.index]; continue; }
    for (const l of barrierLines(b.geometry)) { lines++; positions += l.length; }
  }
  const out: PackedLines = { positions: new Uint32Array(lines), xy: new Float64Array(positions * 2) };
  let li = 0, k = 0;
  for (const b of barriers) {
    // Road lines read with flat coordinates (core/geo/flatLine): copied from their numbers, no arrays made.
    const flat = flatLineOf(b.geometry);
    if (flat) {
      const from = 2 * flat.lines.lineStart[flat.index], to = 2 * flat.lines.lineStart[flat.index + 1];
      out.positions[li++] = (to - from) / 2;
      for (let i = from; i < to; i++) out.xy[k++] = flat.lines.xy[i];
      continue;
    }
    for (const l of barrierLines(b.geometry)) {
      out.positions[li++] = l.length;
      for (const p of l) { out.xy[k++] = p[0]; out.xy[k++] = p[1]; }
    }
  }
  return out;
}

/**
 * As line strings (their kind does not change how they cut links) over the posted numbers (`flatLineString`):
 * `packBarriers` reads those directly, where ~60 000 `[x, y]` arrays were made only to be packed again.
 */
export function unpackLines(p: PackedLines): BarrierLine[] {
  const n = p.positions.length;
  const lineStart = new Int32Array(n + 1);
  for (let l = 0; l < n; l++) lineStart[l + 1] = lineStart[l] + p.positions[l];
  const lines: FlatLines = { xy: p.xy, lineStart };
  const out: BarrierLine[] = new Array<BarrierLine>(n);
  for (let l = 0; l < n; l++) out[l] = { kind: 'road', geometry: flatLineString(lines, l) };
  return out;
}

// --- the job and its answer -------------------------------------------------------------------------------

export interface ZoningJob {
  type: 'zone';
  communities: PackedCommunities;
  barriers: PackedLines;
  settings: ZoningSettings;
}

export function jobBuffers(job: ZoningJob): ArrayBuffer[] {
  const c = job.communities;
  return [c.numbers.buffer, c.nulls.buffer, c.codes.buffer, ...shapeBuffers(c.shapes), job.barriers.positions.buffer, job.barriers.xy.buffer] as ArrayBuffer[];
}

/** The community side of a draft (see `DraftSide`): sent ahead of the rest, as soon as the zones are grouped. */
export interface PackedSideFields {
  /** Zone z's members: members[memberStart[z] .. memberStart[z + 1]). */
  members: Uint32Array;
  memberStart: Uint32Array;
  unzoned: Uint32Array;
  eligible: Uint8Array;
  /** Community i's reasons: indices into EXCLUSION_REASONS at reasonCodes[reasonStart[i] .. reasonStart[i + 1]). */
  reasonCodes: Uint8Array;
  reasonStart: Uint32Array;
  eligibilitySummary: EligibilityResult['summary'];
}

export interface PackedDraftSide extends PackedSideFields {
  type: 'side';
}

/**
 * The 'zone' job's answer once the whole draft is made. The thread keeps it (it finishes and writes the zones
 * later); none of it crosses: packing it (outlines, statistics, names) for a main thread that used it only when
 * the thread failed cost the thread ~40 ms and the main thread the copy's arrival, every run. The main thread
 * drafts the zones itself if it must (`lazyZoningRun`): the same draft, the same bytes.
 */
export interface ZoningDrafted {
  type: 'drafted';
}

export interface ZoningThreadError {
  type: 'error';
  message: string;
}

/** The 'zone' job's replies: its side first, then word that the whole draft is made; or an error instead of either. */
export type ZoningThreadResponse = PackedDraftSide | ZoningDrafted | ZoningThreadError;

/**
 * Second job, once the distances are known: finish the zones the thread drafted (gap statistics) and write their
 * files. Only what the gaps need crosses: the coverage table (×50: 20 000 × 19 bytes) and the score per community
 * (160 KB), copied (the main thread writes the community files from them meanwhile).
 */
export interface ZoneFilesJob {
  type: 'write';
  categoryIds: string[];
  /** Per category: 1 = required (counts towards the gaps). */
  required: Uint8Array;
  /** [community * nCat + cat]: 1 = covered. */
  covered: Uint8Array;
  /** Per community: NaN = off-network (never a gap). */
  score: Float64Array;
  outDir: string;
  /** The zone files to write, in this order. */
  formats: ZoneFileFormat[];
  /** WGS84, GCJ-02 or BD-09 (plain `{ kind, label }` objects). */
  outCrs: GeographicCrs;
}

/** The thread's answer to a ZoneFilesJob: written, a write failed (reported as such), or it could not finish (fall back). */
export type ZoneFilesResponse = { type: 'written'; paths: string[] } | { type: 'write-error'; error: WriteFailure } | ZoningThreadError;

export function zoneFilesJobBuffers(job: ZoneFilesJob): ArrayBuffer[] {
  return [job.required.buffer, job.covered.buffer, job.score.buffer] as ArrayBuffer[];
}

function packFlat(lists: readonly (readonly number[])[]): { flat: Uint32Array; start: Uint32Array } {
  const start = new Uint32Array(lists.length + 1);
  for (let z = 0; z < lists.length; z++) start[z + 1] = start[z] + lists[z].length;
  const flat = new Uint32Array(start[lists.length]);
  for (let z = 0; z < lists.length; z++) flat.set(lists[z], start[z]);
  return { flat, start };
}

/** The side fields, copied (the thread keeps its draft: it finishes and writes the zones later). */
function packSideFields(d: DraftSide): PackedSideFields {
  const members = packFlat(d.layout.members);
  const { reasons } = d.eligibility;
  const reasonStart = new Uint32Array(reasons.length + 1);
  for (let i = 0; i < reasons.length; i++) reasonStart[i + 1] = reasonStart[i] + reasons[i].length;
  const reasonCodes = new Uint8Array(reasonStart[reasons.length]);
  for (let i = 0, k = 0; i < reasons.length; i++) for (const r of reasons[i]) reasonCodes[k++] = EXCLUSION_REASONS.indexOf(r);
  return {
    members: members.flat, memberStart: members.start, unzoned: Uint32Array.from(d.layout.unzoned), eligible: d.eligibility.eligible.slice(),
    reasonCodes, reasonStart, eligibilitySummary: d.eligibility.summary,
  };
}

export function packDraftSide(d: DraftSide): PackedDraftSide {
  return { type: 'side', ...packSideFields(d) };
}

export function sideBuffers(p: PackedSideFields): ArrayBuffer[] {
  return [p.members, p.memberStart, p.unzoned, p.eligible, p.reasonCodes, p.reasonStart].map((a) => a.buffer as ArrayBuffer);
}

function unpackFlat<T>(flat: ArrayLike<number>, start: Uint32Array, map: (v: number) => T): T[][] {
  const out: T[][] = new Array<T[]>(start.length - 1);
  for (let z = 0; z < out.length; z++) {
    const list: T[] = new Array<T>(start[z + 1] - start[z]);
    for (let k = 0; k < list.length; k++) list[k] = map(flat[start[z] + k]);
    out[z] = list;
  }
  return out;
}

/** The community side of a packed draft (members, unzoned, eligibility): what the main thread needs at once. */
export function unpackDraftSide(p: PackedSideFields): DraftSide {
  return {
    layout: { members: unpackFlat(p.members, p.memberStart, (v) => v), unzoned: Array.from(p.unzoned) },
    eligibility: {
      eligible: p.eligible,
      reasons: unpackFlat(p.reasonCodes, p.reasonStart, (c): ExclusionReason => EXCLUSION_REASONS[c]),
      summary: p.eligibilitySummary,
    },
  };
}
