import type { Feature, Geometry } from 'geojson';
import { Builder } from 'flatbuffers';
import { Column } from 'flatgeobuf/lib/mjs/flat-geobuf/column.js';
import { Crs } from 'flatgeobuf/lib/mjs/flat-geobuf/crs.js';
import { GeometryType } from 'flatgeobuf/lib/mjs/flat-geobuf/geometry-type.js';
import { Header } from 'flatgeobuf/lib/mjs/flat-geobuf/header.js';
import { buildFeature } from 'flatgeobuf/lib/mjs/generic/feature.js';
import type { IProperties } from 'flatgeobuf/lib/mjs/generic/feature.js';
import { parseGeometry } from 'flatgeobuf/lib/mjs/geojson/geometry.js';
import type { HeaderMeta } from 'flatgeobuf/lib/mjs/header-meta.js';
import type { ColumnMeta } from 'flatgeobuf/lib/mjs/column-meta.js';
import { COLUMN_TYPE, coerce, inferColumns } from './export/flatgeobuf/columns';
import type { FgbColumn, FgbColumnKind } from './export/flatgeobuf/columns';
import type { Bbox } from './export/flatgeobuf/packedRTree';
import { DEFAULT_INDEX_NODE_SIZE, buildPackedRTree, hilbertOrder, unionBbox } from './export/flatgeobuf/packedRTree';

export type { FgbColumn, FgbColumnKind } from './export/flatgeobuf/columns';

export { readFlatGeobuf } from './flatgeobufRead';

export interface WriteFlatGeobufOptions {
  /** Layer name shown by GIS tools (ogrinfo, QGIS); default "features". */
  layerName?: string;
  /** Column names and types; default: inferred over all features (integers → Int, other numbers → Real …). */
  columns?: FgbColumn[];
  /** Types for some columns, over the inferred ones (e.g. a result column that is null in every feature). */
  columnKinds?: Record<string, FgbColumnKind>;
  /**
   * Write the packed Hilbert R-tree (default true), so readers can fetch a bbox without reading everything.
   * Features are then stored in Hilbert order (as GDAL does), not input order.
   */
  spatialIndex?: boolean;
  /**
   * Coordinate system in the header: 'EPSG:4326' (default), or a name only for systems without an EPSG code
   * (GCJ-02, BD-09), which GIS tools then show as unknown rather than wrongly as WGS84.
   */
  crs?: 'EPSG:4326' | { name: string };
}

const MAGIC = new Uint8Array([0x66, 0x67, 0x62, 0x03, 0x66, 0x67, 0x62, 0x00]);
const MULTI: Record<string, Geometry['type']> = { Point: 'MultiPoint', LineString: 'MultiLineString', Polygon: 'MultiPolygon' };

/** One geometry type for the header: Polygon + MultiPolygon (etc.) are written as Multi*, other mixes as Unknown. */
function unifyGeometries(features: readonly Feature[]): { geometries: Geometry[]; type: GeometryType } {
  const types = new Set<string>(features.map((f) => f.geometry?.type ?? 'null'));
  if (types.has('null')) throw new Error('FlatGeobuf: every feature needs a geometry');
  let geometries = features.map((f) => f.geometry!);
  if (types.size === 2) {
    const [a, b] = [...types];
    const single = MULTI[a] === b ? a : MULTI[b] === a ? b : null;
    if (single) {
      geometries = geometries.map((g) => (g.type === single ? ({ type: MULTI[single], coordinates: [(g as { coordinates: unknown }).coordinates] } as Geometry) : g));
      types.clear();
      types.add(MULTI[single]);
    }
  }
  const type = types.size === 1 ? (GeometryType[[...types][0] as keyof typeof GeometryType] ?? GeometryType.Unknown) : GeometryType.Unknown;
  return { geometries, type };
}

function bboxOf(g: Geometry): Bbox {
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
  if (g.type === 'GeometryCollection') return unionBbox(g.geometries.map(bboxOf));
  visit(g.coordinates);
  return box;
}

function columnMeta(c: FgbColumn): ColumnMeta {
  return { name: c.name, type: COLUMN_TYPE[c.kind], title: null, description: null, width: -1, precision: -1, scale: -1, nullable: true, unique: false, primary_key: false };
}

function buildHeader(meta: HeaderMeta, layerName: string, envelope: Bbox | null, crs: WriteFlatGeobufOptions['crs']): Uint8Array {
  const builder = new Builder(1024);
  const columns = meta.columns ?? [];
  const columnOffsets = columns.map((c) => {
    const name = builder.createString(c.name);
    Column.startColumn(builder);
    Column.addName(builder, name);
    Column.addType(builder, c.type);
    Column.addNullable(builder, true);
    return Column.endColumn(builder);
  });
  const columnsVector = columnOffsets.length ? Header.createColumnsVector(builder, columnOffsets) : 0;
  const nameOffset = builder.createString(layerName);
  let crsOffset: number;
  if (crs === undefined || crs === 'EPSG:4326') {
    const org = builder.createString('EPSG');
    Crs.startCrs(builder);
    Crs.addOrg(builder, org);
    Crs.addCode(builder, 4326);
    crsOffset = Crs.endCrs(builder);
  } else {
    const name = builder.createString(crs.name);
    Crs.startCrs(builder);
    Crs.addName(builder, name);
    crsOffset = Crs.endCrs(builder);
  }
  const envelopeOffset = envelope ? Header.createEnvelopeVector(builder, envelope) : 0;
  Header.startHeader(builder);
  Header.addName(builder, nameOffset);
  if (envelopeOffset) Header.addEnvelope(builder, envelopeOffset);
  Header.addGeometryType(builder, meta.geometryType);
  if (columnsVector) Header.addColumns(builder, columnsVector);
  Header.addFeaturesCount(builder, BigInt(meta.featuresCount));
  Header.addIndexNodeSize(builder, meta.indexNodeSize);
  Header.addCrs(builder, crsOffset);
  builder.finishSizePrefixed(Header.endHeader(builder));
  return builder.asUint8Array();
}

/**
 * Write features as FlatGeobuf (WGS84, EPSG:4326) with a layer name, typed columns and a spatial index.
 *
 * @example writeFlatGeobuf(features, { layerName: 'communities' }) // ogrinfo: Layer name: communities
 */
export function writeFlatGeobuf(features: Feature[], options: WriteFlatGeobufOptions = {}): Uint8Array {
  const layerName = options.layerName ?? 'features';
  const hints = options.columnKinds ?? {};
  const columns = (options.columns ?? inferColumns(features)).map((c) => (hints[c.name] ? { name: c.name, kind: hints[c.name] } : c));
  const { geometries, type } = features.length ? unifyGeometries(features) : { geometries: [], type: GeometryType.Unknown };
  const boxes = geometries.map(bboxOf);
  const extent = boxes.length ? unionBbox(boxes) : null;
  const withIndex = (options.spatialIndex ?? true) && features.length > 0;
  const order = withIndex && extent ? hilbertOrder(boxes, extent) : features.map((_, i) => i);
  const meta: HeaderMeta = {
    geometryType: type, columns: columns.map(columnMeta), envelope: null, featuresCount: features.length,
    indexNodeSize: withIndex ? DEFAULT_INDEX_NODE_SIZE : 0, crs: null, title: null, description: null, metadata: null,
  };
  const featureBytes = order.map((i) => {
    const props: IProperties = {};
    const src = features[i].properties ?? {};
    for (const c of columns) props[c.name] = coerce(src[c.name], c.kind) as IProperties[string];
    return buildFeature(parseGeometry(geometries[i] as Parameters<typeof parseGeometry>[0]), props, meta);
  });
  const header = buildHeader(meta, layerName, extent, options.crs);
  let index: Uint8Array = new Uint8Array(0);
  if (withIndex) {
    const offsets: number[] = [];
    let at = 0;
    for (const b of featureBytes) { offsets.push(at); at += b.length; }
    index = buildPackedRTree(order.map((i) => boxes[i]), offsets);
  }
  const total = MAGIC.length + header.length + index.length + featureBytes.reduce((s, b) => s + b.length, 0);
  const out = new Uint8Array(total);
  out.set(MAGIC, 0);
  out.set(header, MAGIC.length);
  out.set(index, MAGIC.length + header.length);
  let at = MAGIC.length + header.length + index.length;
  for (const b of featureBytes) { out.set(b, at); at += b.length; }
  return out;
}
