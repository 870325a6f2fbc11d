/**
 * One entry point for every import format: sniff the file, read it into one or more named layers of raw
 * features (in the file's own coordinates) with the coordinate system the file declares, if any.
 * Reprojection, validation and the import report happen in `importLayer.ts`.
 */
import type { InputIssue } from '../core/types';
import type { CsvOptions } from './csv';
import type { DecodedText } from './encoding';
import { decodeText } from './encoding';
import { decodeFlatGeobuf } from './fgb/decode';
import type { Bbox } from './flatgeobufBbox';
import { readGeoJSON } from './geojson';
import { issue } from './issue';
import type { ReadResult } from './types';

/*
 * The readers of the other formats (and the libraries behind them: osmtogeojson, shpjs + fflate, papaparse,
 * the flatgeobuf reader) are loaded when a file of theirs is read: a GeoJSON/FlatGeobuf run, the sample city
 * in the app and every CLI thread start without parsing them.
 */
const csvReader = () => import('./csv');
const osmReader = () => import('./osm');
const shapefileReader = () => import('./shapefile');
const flatGeobufLibraryReader = () => import('./flatgeobufBbox');

export type FileFormat = 'geojson' | 'flatgeobuf' | 'shapefile' | 'csv' | 'osm';

/** One layer of a file: raw features plus what the file says about them. */
export interface LayerRead extends ReadResult {
  /** Layer name: the shapefile's base name, the OSM role, or the file name. */
  layerName: string;
  format: FileFormat;
  /** Coordinate system the file declares (.prj text, FlatGeobuf header, GeoJSON `crs` member) or null. */
  declaredCrs: string | null;
  /** Text encoding used (CSV, DBF), when the format has one. */
  encoding?: string;
  /** Features the file declares (FlatGeobuf header), when more than could be read. */
  featuresInFile?: number;
  /** CSV: 1-based line of each feature, for messages. */
  sourceLines?: number[];
}

export interface LayerSet {
  fileName: string;
  format: FileFormat;
  layers: LayerRead[];
}

export interface ReadOptions {
  /** FlatGeobuf: read only features meeting this bbox (in the file's coordinates). */
  bbox?: Bbox;
  csv?: CsvOptions;
  /** FlatGeobuf LineString layers: flat, lazily made coordinates (see `DecodeOptions.flatLines`). */
  flatLines?: boolean;
}

const FGB_MAGIC = [0x66, 0x67, 0x62]; // "fgb"
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]; // "PK\3\4"

const startsWith = (bytes: Uint8Array, magic: number[]): boolean => magic.every((b, i) => bytes[i] === b);

/** Which reader a file goes to, from its name and first bytes. */
export function sniffFormat(fileName: string, bytes: Uint8Array): FileFormat {
  const lower = fileName.toLowerCase();
  if (startsWith(bytes, FGB_MAGIC) || lower.endsWith('.fgb')) return 'flatgeobuf';
  if (startsWith(bytes, ZIP_MAGIC) || lower.endsWith('.zip')) return 'shapefile';
  if (/\.(csv|tsv|tab|txt)$/.test(lower)) return 'csv';
  if (/\.(osm|osm\.xml|xml)$/.test(lower)) return 'osm';
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 4096)).replace(/^\ufeff/, '').trimStart();
  if (head.startsWith('<?xml') || head.startsWith('<osm')) return 'osm';
  if (head.startsWith('{') && /"elements"\s*:/.test(head) && !/"type"\s*:\s*"Feature(Collection)?"/.test(head)) return 'osm';
  return 'geojson';
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * `decodeText(bytes)` with one pass over valid UTF-8 instead of two (it validates, then decodes again):
 * the strict decoder's text is the same text. Anything else goes to `decodeText` (GBK fallback).
 */
function decodeUtf8Once(bytes: Uint8Array): DecodedText {
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    return decodeText(bytes);
  }
  return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, encoding: 'utf-8', guessed: false };
}

/** The `crs` member of old (2008) GeoJSON, e.g. {"type":"name","properties":{"name":"EPSG:4490"}}. */
function geojsonCrsMember(text: string): string | null {
  const m = /"crs"\s*:\s*\{\s*"type"\s*:\s*"name"\s*,\s*"properties"\s*:\s*\{\s*"name"\s*:\s*"([^"]+)"/.exec(text.slice(0, 4096));
  if (!m) return null;
  const epsg = /EPSG:{1,2}(\d+)/i.exec(m[1]);
  if (epsg) return `EPSG:${epsg[1]}`;
  return /CRS84$/i.test(m[1]) ? 'EPSG:4326' : m[1];
}

/**
 * Read any supported file into named layers (OSM gives communities/facilities/roads; a zip one layer per .shp).
 * @example const set = await readLayers('小区.zip', bytes); set.layers[0].declaredCrs // the .prj text
 */
export async function readLayers(fileName: string, data: ArrayBuffer | Uint8Array, options: ReadOptions = {}): Promise<LayerSet> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  const format = sniffFormat(fileName, bytes);
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const layerName = base.replace(/\.[^.]+$/, '');
  switch (format) {
    case 'flatgeobuf': {
      // Whole-file reads decode straight from the bytes (×50 roads: ~1 s → ~0.25 s); bbox reads and anything
      // the fast decoder does not take (odd or broken files) go through the library reader and its messages.
      const fast = options.bbox ? null : decodeFlatGeobuf(bytes, { flatLines: options.flatLines });
      if (fast) return { fileName, format, layers: [{ fileName, features: fast.features, issues: [], layerName, format, declaredCrs: fast.crs, featuresInFile: fast.featuresCount }] };
      const { readFlatGeobufInBbox } = await flatGeobufLibraryReader();
      const r = await readFlatGeobufInBbox(bytes, fileName, options.bbox ? { bbox: options.bbox } : {});
      return { fileName, format, layers: [{ fileName, features: r.features, issues: r.issues, layerName, format, declaredCrs: r.crs, featuresInFile: r.featuresInFile }] };
    }
    case 'shapefile': {
      const { readShapefileZip } = await shapefileReader();
      const layers = readShapefileZip(bytes, fileName).map((l): LayerRead => ({
        fileName: l.fileName, features: l.features, issues: l.issues, layerName: l.layerName, format, declaredCrs: l.prj, ...(l.encoding ? { encoding: l.encoding } : {}),
      }));
      return { fileName, format, layers };
    }
    case 'csv': {
      const text = decodeText(bytes);
      const { readCsv } = await csvReader();
      const r = readCsv(text.text, fileName, options.csv);
      const issues: InputIssue[] = text.guessed ? [issue('fileNotUtf8', {}, { severity: 'warning', file: fileName, action: 'kept' }), ...r.issues] : r.issues;
      return { fileName, format, layers: [{ fileName, features: r.features, issues, layerName, format, declaredCrs: null, encoding: text.encoding, sourceLines: r.sourceLines, featuresInFile: r.rowCount }] };
    }
    case 'osm': {
      const { readOsm } = await osmReader();
      const osm = readOsm(decodeText(bytes).text, fileName);
      const layers = (['communities', 'facilities', 'roads'] as const).map((role): LayerRead => ({ ...osm[role], layerName: role, format, declaredCrs: 'EPSG:4326' }));
      return { fileName, format, layers };
    }
    case 'geojson': {
      const text = decodeUtf8Once(bytes);
      const r = readGeoJSON(text.text, fileName);
      const issues: InputIssue[] = text.guessed ? [issue('fileNotUtf8Json', {}, { severity: 'warning', file: fileName, action: 'kept' }), ...r.issues] : r.issues;
      return { fileName, format, layers: [{ fileName, features: r.features, issues, layerName, format, declaredCrs: geojsonCrsMember(text.text), encoding: text.encoding }] };
    }
  }
}

/**
 * Single-layer read for callers that want one feature list (CLI inputs, tests): the first layer, with a
 * warning naming the layers left out. Coordinates are as in the file; see `declaredCrs`.
 */
export async function readFeatureFile(fileName: string, data: ArrayBuffer | Uint8Array, options: ReadOptions = {}): Promise<LayerRead> {
  const set = await readLayers(fileName, data, options);
  const [first, ...rest] = set.layers;
  if (rest.length) first.issues.push(issue('fileManyLayers', { count: set.layers.length, layer: first.layerName, others: rest.map((l) => l.layerName).join(', ') }, { severity: 'warning', file: fileName, action: 'kept' }));
  return first;
}

const SHAPEFILE_PART = /\.(shp|shx|dbf|prj|cpg|sbn|sbx|qix|shp\.xml)$/i;

/**
 * Read what a user dropped at once: loose shapefile parts (.shp + .dbf + .prj + .cpg) are read together as
 * one set, every other file on its own. A lone .dbf/.prj without its .shp is reported, not ignored.
 */
export async function readFileSet(files: readonly { name: string; bytes: Uint8Array }[], options: ReadOptions = {}): Promise<LayerSet[]> {
  const parts = files.filter((f) => SHAPEFILE_PART.test(f.name));
  const others = files.filter((f) => !parts.includes(f));
  const sets: LayerSet[] = [];
  if (parts.length) {
    const entries = Object.fromEntries(parts.map((f) => [f.name, f.bytes]));
    const label = parts.find((f) => /\.shp$/i.test(f.name))?.name ?? parts[0].name;
    const { readShapefileEntries } = await shapefileReader();
    const layers = readShapefileEntries(entries, label, 'The dropped files contain').map((l): LayerRead => ({
      fileName: l.fileName, features: l.features, issues: l.issues, layerName: l.layerName, format: 'shapefile', declaredCrs: l.prj, ...(l.encoding ? { encoding: l.encoding } : {}),
    }));
    sets.push({ fileName: label, format: 'shapefile', layers });
  }
  for (const f of others) sets.push(await readLayers(f.name, f.bytes, options));
  return sets;
}
