/**
 * The feature section of a FlatGeobuf file: features in Hilbert order (when indexed), each record encoded by
 * `FeatureEncoder` (or by the npm package for geometries it does not flatten), with each record's offset for
 * the packed R-tree.
 */
import type { Geometry } from 'geojson';
import { buildFeature } from 'flatgeobuf/lib/mjs/generic/feature.js';
import type { IProperties } from 'flatgeobuf/lib/mjs/generic/feature.js';
import { parseGeometry } from 'flatgeobuf/lib/mjs/geojson/geometry.js';
import type { HeaderMeta } from 'flatgeobuf/lib/mjs/header-meta.js';
import { COLUMN_TYPE, coerce } from './columns';
import type { FgbColumn } from './columns';
import type { FlatGeometry } from './featureEncoder';
import { FeatureEncoder, flattenGeometry } from './featureEncoder';
import type { Bbox } from './packedRTree';
import { unionBbox } from './packedRTree';

/** What a FlatGeobuf file is written from: one geometry and one raw value per column for each feature. */
export interface FgbRows {
  readonly length: number;
  /** Geometry of feature i, already in the file's geometry type family (see `unifyGeometryTypes`). */
  geometry(i: number): Geometry;
  /** Raw value of column c of feature i; written as `coerce` makes it fit the column's kind. */
  value(i: number, c: number): unknown;
}

function bboxOfPositions(g: Geometry): Bbox {
  const box: Bbox = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') {
      const [x, y] = c as number[];
      if (x < box[0]) box[0] = x;
      if (y < box[1]) box[1] = y;
      if (x > box[2]) box[2] = x;
      if (y > box[3]) box[3] = y;
    } else if (Array.isArray(c)) c.forEach(visit);
  };
  if (g.type === 'GeometryCollection') return unionBbox(g.geometries.map(bboxOfPositions));
  visit(g.coordinates);
  return box;
}

function bboxOfFlat(g: FlatGeometry, box: Bbox): Bbox {
  if (g.parts) {
    for (const p of g.parts) bboxOfFlat(p, box);
    return box;
  }
  const xy = g.xy;
  for (let i = 0; i < xy.length; i += 2) {
    const x = xy[i];
    const y = xy[i + 1];
    if (x < box[0]) box[0] = x;
    if (y < box[1]) box[1] = y;
    if (x > box[2]) box[2] = x;
    if (y > box[3]) box[3] = y;
  }
  return box;
}

/** Flattened geometries (null where the package's path is needed) and their bboxes. */
export function prepareGeometries(rows: FgbRows): { geometries: Geometry[]; flat: (FlatGeometry | null)[]; boxes: Bbox[] } {
  const geometries: Geometry[] = new Array<Geometry>(rows.length);
  const flat: (FlatGeometry | null)[] = new Array<FlatGeometry | null>(rows.length);
  const boxes: Bbox[] = new Array<Bbox>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const g = rows.geometry(i);
    geometries[i] = g;
    const f = flattenGeometry(g);
    flat[i] = f;
    boxes[i] = f ? bboxOfFlat(f, [Infinity, Infinity, -Infinity, -Infinity]) : bboxOfPositions(g);
  }
  return { geometries, flat, boxes };
}

/** Encode the features in `order`; returns the concatenated records and each record's byte offset. */
export function encodeFeatures(rows: FgbRows, columns: readonly FgbColumn[], prepared: ReturnType<typeof prepareGeometries>, order: readonly number[], meta: HeaderMeta): { bytes: Uint8Array; offsets: number[] } {
  const encoder = new FeatureEncoder();
  const types = columns.map((c) => COLUMN_TYPE[c.kind]);
  const kinds = columns.map((c) => c.kind);
  let out = new Uint8Array(1 << 20);
  let length = 0;
  const offsets: number[] = new Array<number>(order.length);
  for (let n = 0; n < order.length; n++) {
    const i = order[n];
    const flat = prepared.flat[i];
    let record: Uint8Array;
    if (flat) {
      encoder.startProperties();
      for (let c = 0; c < columns.length; c++) {
        const v = coerce(rows.value(i, c), kinds[c]);
        if (v !== null) encoder.property(c, types[c], v);
      }
      record = encoder.finishFeature(flat);
    } else {
      const props: IProperties = {};
      for (let c = 0; c < columns.length; c++) props[columns[c].name] = coerce(rows.value(i, c), kinds[c]) as IProperties[string];
      record = buildFeature(parseGeometry(prepared.geometries[i] as Parameters<typeof parseGeometry>[0]), props, meta);
    }
    if (length + record.length > out.length) {
      const next = new Uint8Array(Math.max(out.length * 2, length + record.length));
      next.set(out.subarray(0, length));
      out = next;
    }
    offsets[n] = length;
    out.set(record, length);
    length += record.length;
  }
  return { bytes: out.subarray(0, length), offsets };
}
