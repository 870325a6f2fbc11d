/**
 * communities.fgb written from the source features and the result arrays: the same bytes as
 * `writeFlatGeobuf(polygons of communityResultFeatures(…), { columnKinds: resultColumnKinds(…) })`, without a
 * 45-member property object per community and without typing the result columns by scanning every value
 * (their kinds are declared); only the input's own columns are inferred.
 */
import type { Feature, Geometry } from 'geojson';
import type { FgbColumn, FgbRows, WriteFlatGeobufOptions } from '../flatgeobuf';
import { encodeFlatGeobuf, unifyGeometryTypes, writeFlatGeobuf } from '../flatgeobuf';
import type { CommunityResultInput } from './communityResults';
import { communityResultFeatures, resultColumnKinds, resultColumns, resultGeometry, resultValues, rowOfSource } from './communityResults';
import { inferPropertyColumns } from './flatgeobuf/columns';

export interface CommunitiesFgbOptions {
  /** Geometry in the output coordinate system (default: as it is, WGS84). */
  mapGeometry?: (g: Geometry) => Geometry;
  crs?: WriteFlatGeobufOptions['crs'];
  layerName?: string;
}

const isPolygonal = (g: Geometry): boolean => g.type === 'Polygon' || g.type === 'MultiPolygon';

/** Own properties that read back exactly as the old `{ ...properties, …results }` copy did, results not among them. */
function plainProperties(props: unknown, resultNames: ReadonlySet<string>): boolean {
  if (props === null || props === undefined) return true;
  if (typeof props !== 'object' || Array.isArray(props) || Object.getPrototypeOf(props) !== Object.prototype) return false;
  for (const k of Object.keys(props)) if (resultNames.has(k)) return false;
  return true;
}

/** The old way: result features, then the polygon ones through writeFlatGeobuf (for inputs the fast path does not take). */
function viaFeatures(input: CommunityResultInput, options: CommunitiesFgbOptions): Uint8Array {
  const mapGeometry = options.mapGeometry;
  const features = communityResultFeatures(input).map((f): Feature => (mapGeometry && f.geometry ? { ...f, geometry: mapGeometry(f.geometry) } : f));
  // FlatGeobuf needs one geometry type family: skipped (non-polygon) features are left out of it.
  const polygons = features.filter((f) => f.geometry && isPolygonal(f.geometry));
  return writeFlatGeobuf(polygons, { layerName: options.layerName, columnKinds: resultColumnKinds(input.result.categoryIds), crs: options.crs });
}

export function communitiesFlatGeobuf(input: CommunityResultInput, options: CommunitiesFgbOptions = {}): Uint8Array {
  const rows = rowOfSource(input);
  const names = resultColumns(input.result.categoryIds);
  const resultNames = new Set(names);
  const kinds = resultColumnKinds(input.result.categoryIds);
  const sources: number[] = [];
  const geometries: Geometry[] = [];
  const props: (Record<string, unknown> | null | undefined)[] = [];
  for (let src = 0; src < input.sourceFeatures.length; src++) {
    const g = resultGeometry(input, rows, src);
    if (!g) continue;
    const out = options.mapGeometry ? options.mapGeometry(g) : g;
    if (!isPolygonal(out)) continue;
    const p: unknown = input.sourceFeatures[src].properties;
    if (!plainProperties(p, resultNames)) return viaFeatures(input, options);
    sources.push(src);
    geometries.push(out);
    props.push(p as Record<string, unknown> | null | undefined);
  }
  // Column order as inferColumns saw the result features: the first feature's own columns, the result columns,
  // then own columns first seen in later features.
  const own = inferPropertyColumns(props);
  const firstOwn = props.length ? Object.keys(props[0] ?? {}).length : 0;
  const columns: FgbColumn[] = props.length ? [...own.slice(0, firstOwn), ...names.map((name) => ({ name, kind: kinds[name] })), ...own.slice(firstOwn)] : [];
  const nResult = props.length ? names.length : 0;
  const { type, unify } = sources.length ? unifyGeometryTypes(new Set(geometries.map((g) => g.type))) : unifyGeometryTypes(new Set());
  const values: unknown[] = new Array<unknown>(names.length);
  let valuesOf = -1;
  const empty: Record<string, unknown> = {};
  const fgbRows: FgbRows = {
    length: sources.length,
    geometry: (i) => unify(geometries[i]),
    value: (i, c) => {
      if (c < firstOwn || c >= firstOwn + nResult) return (props[i] ?? empty)[columns[c].name];
      if (valuesOf !== i) { resultValues(input, rows, sources[i], values); valuesOf = i; }
      return values[c - firstOwn];
    },
  };
  return encodeFlatGeobuf(fgbRows, columns, { layerName: options.layerName, crs: options.crs, geometryType: type });
}
