import type { Feature, Geometry } from 'geojson';
import { Builder } from 'flatbuffers';
import { Column } from 'flatgeobuf/lib/mjs/flat-geobuf/column.js';
import { Crs } from 'flatgeobuf/lib/mjs/flat-geobuf/crs.js';
import { GeometryType } from 'flatgeobuf/lib/mjs/flat-geobuf/geometry-type.js';
import { Header } from 'flatgeobuf/lib/mjs/flat-geobuf/header.js';
import type { HeaderMeta } from 'flatgeobuf/lib/mjs/header-meta.js';
import type { ColumnMeta } from 'flatgeobuf/lib/mjs/column-meta.js';
import type { FgbRows } from './export/flatgeobuf/body';
import { encodeFeatures, prepareGeometries } from './export/flatgeobuf/body';
import { COLUMN_TYPE, inferColumns } from './export/flatgeobuf/columns';
import type { FgbColumn, FgbColumnKind } from './export/flatgeobuf/columns';
import type { Bbox } from './export/flatgeobuf/packedRTree';
import { DEFAULT_INDEX_NODE_SIZE, buildPackedRTree, hilbertOrder, unionBbox } from './export/flatgeobuf/packedRTree';

export type { FgbColumn, FgbColumnKind } from './export/flatgeobuf/columns';
export type { FgbRows } from './export/flatgeobuf/body';


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

/**
 * One geometry type for the header: Polygon + MultiPolygon (etc.) are written as Multi*, other mixes as Unknown.
 * Returns the header type and how to bring each geometry into it.
 */
export function unifyGeometryTypes(types: ReadonlySet<string>): { type: GeometryType; unify: (g: Geometry) => Geometry } {
  if (types.has('null')) throw new Error('FlatGeobuf: every feature needs a geometry');
  let unify = (g: Geometry): Geometry => g;
  let family = [...types];
  if (types.size === 2) {
    const [a, b] = family;
    const single = MULTI[a] === b ? a : MULTI[b] === a ? b : null;
    if (single) {
      const multi = MULTI[single];
      unify = (g) => (g.type === single ? ({ type: multi, coordinates: [(g as { coordinates: unknown }).coordinates] } as Geometry) : g);
      family = [multi];
    }
  }
  const type = family.length === 1 ? (GeometryType[family[0] as keyof typeof GeometryType] ?? GeometryType.Unknown) : GeometryType.Unknown;
  return { type, unify };
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

/** FlatGeobuf options once the columns are known. */
export type EncodeFlatGeobufOptions = Pick<WriteFlatGeobufOptions, 'layerName' | 'spatialIndex' | 'crs'> & { geometryType: GeometryType };

/**
 * Write rows as FlatGeobuf with these columns (the lower level of `writeFlatGeobuf`, for writers that have the
 * values in arrays rather than as GeoJSON features).
 */
export function encodeFlatGeobuf(rows: FgbRows, columns: readonly FgbColumn[], options: EncodeFlatGeobufOptions): Uint8Array {
  const layerName = options.layerName ?? 'features';
  const count = rows.length;
  const prepared = prepareGeometries(rows);
  const boxes = prepared.boxes;
  const extent = boxes.length ? unionBbox(boxes) : null;
  const withIndex = (options.spatialIndex ?? true) && count > 0;
  const order = withIndex && extent ? hilbertOrder(boxes, extent) : boxes.map((_, i) => i);
  const meta: HeaderMeta = {
    geometryType: options.geometryType, columns: columns.map(columnMeta), envelope: null, featuresCount: count,
    indexNodeSize: withIndex ? DEFAULT_INDEX_NODE_SIZE : 0, crs: null, title: null, description: null, metadata: null,
  };
  const body = encodeFeatures(rows, columns, prepared, order, meta);
  const header = buildHeader(meta, layerName, extent, options.crs);
  const index = withIndex ? buildPackedRTree(order.map((i) => boxes[i]), body.offsets) : new Uint8Array(0);
  const out = new Uint8Array(MAGIC.length + header.length + index.length + body.bytes.length);
  out.set(MAGIC, 0);
  out.set(header, MAGIC.length);
  out.set(index, MAGIC.length + header.length);
  out.set(body.bytes, MAGIC.length + header.length + index.length);
  return out;
}

/**
 * Write features as FlatGeobuf (WGS84, EPSG:4326) with a layer name, typed columns and a spatial index.
 *
 * @example writeFlatGeobuf(features, { layerName: 'communities' }) // ogrinfo: Layer name: communities
 */
export function writeFlatGeobuf(features: Feature[], options: WriteFlatGeobufOptions = {}): Uint8Array {
  const hints = options.columnKinds ?? {};
  const columns = (options.columns ?? inferColumns(features)).map((c) => (hints[c.name] ? { name: c.name, kind: hints[c.name] } : c));
  const { type, unify } = features.length ? unifyGeometryTypes(new Set(features.map((f) => f.geometry?.type ?? 'null'))) : { type: GeometryType.Unknown, unify: (g: Geometry) => g };
  const names = columns.map((c) => c.name);
  const rows: FgbRows = {
    length: features.length,
    geometry: (i) => unify(features[i].geometry!),
    value: (i, c) => (features[i].properties ?? {})[names[c]],
  };
  return encodeFlatGeobuf(rows, columns, { layerName: options.layerName, spatialIndex: options.spatialIndex, crs: options.crs, geometryType: type });
}
