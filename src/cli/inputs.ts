/**
 * Reading one input layer from disk, the way the app's import does it: `readLayers` (every import format;
 * an OSM file gives the layer matching the role), the coordinate system (flag > the file's declaration >
 * WGS84, with hints when nobody said), transformation to WGS84 and validation. Unlike `importLayer`, the
 * index of every kept feature is kept, so outputs can list every input row in input order.
 */
import { readFile } from 'node:fs/promises';
import type { Feature } from 'geojson';
import type { InputIssue } from '../core/types';
import type { LayerCounts } from '../io/export/summary';
import type { Crs } from '../io/crs';
import { WGS84, parseCrs, toWgs84 } from '../io/crs';
import { detectCrsHints } from '../io/crs/hints';
import type { StreetLines } from '../io/crs/streetLines';
import type { RoadTable } from '../io/fgb/roadTable';
import { readRoadTable } from '../io/fgb/roadTable';
import type { FileFormat, LayerRead, LayerSet } from '../io/read';
import { readLayers, sniffFormat } from '../io/read';
import { validateFeatures } from '../io/validate';
import { InputError, UsageError } from './errors';

export type InputRole = 'communities' | 'facilities' | 'roads';

export interface LoadedLayer {
  file: string;
  format: FileFormat;
  layerName: string;
  crs: { label: string; source: 'flag' | 'file' | 'default' };
  /** Every feature read, in file order, transformed to WGS84 (geometry may be invalid: see issues). */
  allFeatures: Feature[];
  /** The features that passed validation (WGS84, repaired where safe). */
  features: Feature[];
  /** keptIndex[i] = index in allFeatures of features[i]. */
  keptIndex: number[];
  /** Reader, CRS and validation issues; featureIndex refers to allFeatures. */
  issues: InputIssue[];
}

/** .osm / .osm.xml / .xml, or a JSON file whose start looks like Overpass output (an "elements" array). */
export function looksLikeOsm(path: string, bytes: Uint8Array): boolean {
  const lower = path.toLowerCase();
  if (/\.(osm|osm\.xml|xml)$/.test(lower)) return true;
  if (!/\.json$/.test(lower)) return false;
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 4096));
  return /"elements"\s*:/.test(head) && !/"type"\s*:\s*"FeatureCollection"/.test(head);
}

/** Parse a `--crs-*` / `--out-crs` value; throws UsageError naming the option. */
export function crsOption(option: string, value: string): Crs {
  const crs = parseCrs(value);
  if (!crs) throw new UsageError(`${option} ${value}: unknown coordinate system (use wgs84, gcj02, bd09, EPSG:4490, EPSG:4513–4554, a proj4 string or WKT)`);
  return crs;
}

/**
 * The coordinate system a layer is read in: the user's flag, else the one the file declares, else WGS84 (the
 * default). `chosen` is null when the declaration cannot be understood (read as WGS84, with a warning).
 */
function chooseCrs(flag: Crs | undefined, declared: string | null | undefined): { chosen: Crs | null; source: LoadedLayer['crs']['source'] } {
  if (flag) return { chosen: flag, source: 'flag' };
  if (declared) {
    const parsed = parseCrs(declared);
    return parsed ? { chosen: parsed, source: 'file' } : { chosen: null, source: 'default' };
  }
  return { chosen: WGS84, source: 'default' };
}

/** The summary's figures of a layer read: `used` of its features became analysis items. */
export function layerCounts(layer: LoadedLayer, used: number): LayerCounts {
  return { file: layer.file, format: layer.format, crs: layer.crs, read: layer.allFeatures.length, used };
}

export class InputReader {
  /** Parsed files by path: an OSM file used for several roles is read once. */
  private readonly sets = new Map<string, LayerSet>();

  /** File contents by path: a roads file read as a table first and then as features (when it is not clean) is read once. */
  private readonly files = new Map<string, Uint8Array>();

  private async bytesOf(role: InputRole, path: string): Promise<Uint8Array> {
    const cached = this.files.get(path);
    if (cached) return cached;
    let bytes: Uint8Array;
    try {
      // The file's own buffer rather than a copy (23.5 MB for the ×50 roads) when it owns the whole ArrayBuffer,
      // as a large read does; a small, pooled read is copied so readers looking at `.buffer` see only the file.
      const buffer = await readFile(path);
      const own = buffer.byteOffset === 0 && buffer.byteLength === buffer.buffer.byteLength;
      bytes = own ? new Uint8Array(buffer.buffer, 0, buffer.byteLength) : new Uint8Array(buffer);
    } catch (e) {
      const code = (e as { code?: string }).code;
      throw new InputError(`--${role} ${path}: ${code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a directory, not a file' : `cannot read (${e instanceof Error ? e.message : String(e)})`}`);
    }
    this.files.set(path, bytes);
    return bytes;
  }

  private async layerSet(role: InputRole, path: string): Promise<LayerSet> {
    const cached = this.sets.get(path);
    if (cached) return cached;
    const bytes = await this.bytesOf(role, path);
    this.files.delete(path); // the layers hold what is needed from here on
    // Road lines with flat coordinates: their readers here (validation, the walk network, the street-offset hint)
    // walk the numbers, so the ×50 roads make no array per vertex (656k) — see core/geo/flatLine.
    const set = await readLayers(path, bytes, { flatLines: role === 'roads' });
    this.sets.set(path, set);
    return set;
  }

  /**
   * The roads of `path` as columns (io/fgb/roadTable), when it is a clean FlatGeobuf roads file in WGS84 (`crs`,
   * else the file's declaration, else the default) that `read` would take without a word; else null, and `read`
   * reads it as features. The bytes stay with the table (`bytes`), for the roads as objects if anyone asks.
   */
  async roadTable(path: string, crs?: Crs): Promise<{ table: RoadTable; crs: LoadedLayer['crs']; bytes: Uint8Array } | null> {
    const bytes = await this.bytesOf('roads', path);
    if (sniffFormat(path, bytes) !== 'flatgeobuf') return null;
    const table = readRoadTable(bytes);
    if (!table) return null;
    const { chosen, source } = chooseCrs(crs, table.crs);
    // An unreadable declaration is a warning to give, and reprojected lines are not the file's: the feature path.
    if (chosen === null || chosen.kind !== 'wgs84') return null;
    this.files.delete(path);
    return { table, crs: { label: chosen.label, source }, bytes };
  }

  /**
   * Read the layer for `role` from `path` in WGS84. `crs` is the user's flag; `roads` (WGS84) lets the hints
   * spot GCJ-02/BD-09 points that sit off the streets.
   */
  async read(role: InputRole, path: string, crs?: Crs, roads?: readonly Feature[] | StreetLines): Promise<LoadedLayer> {
    const set = await this.layerSet(role, path);
    const issues: InputIssue[] = [];
    let layer: LayerRead | undefined = set.format === 'osm' ? set.layers.find((l) => l.layerName === role) : set.layers[0];
    if (!layer) throw new InputError(`--${role} ${path}: the file holds no layers`);
    if (set.format !== 'osm' && set.layers.length > 1) {
      const named = set.layers.find((l) => l.layerName.toLowerCase().includes(role.slice(0, 4)));
      if (named) layer = named;
      issues.push({ severity: 'warning', file: path, action: 'kept', message: `File holds ${set.layers.length} layers (${set.layers.map((l) => l.layerName).join(', ')}); used ${layer.layerName}` });
    }
    const fileError = layer.issues.find((i) => i.severity === 'error' && i.featureIndex === undefined && i.featureId === undefined);
    if (layer.features.length === 0 && fileError) throw new InputError(`--${role} ${path}: ${fileError.message}`);

    const choice = chooseCrs(crs, layer.declaredCrs);
    const chosen = choice.chosen ?? WGS84;
    const source = choice.source;
    if (choice.chosen === null && layer.declaredCrs) {
      issues.push({ severity: 'warning', file: path, action: 'kept', message: `The file's coordinate system could not be understood (${layer.declaredCrs.slice(0, 80)}); read as WGS84 — give --crs-${role}` });
    }
    if (source === 'default') {
      for (const h of detectCrsHints(layer.features, roads)) {
        issues.push({ severity: 'warning', file: path, action: 'kept', message: `Coordinate system: ${h.message}${h.suggested ? ` (try --crs-${role} ${h.suggested})` : ''}` });
      }
    }
    // In WGS84 already: the features as read (a new list), not a shallow copy of each — nothing writes to them,
    // and 118k copies at ×50 were objects every later garbage collection had to move.
    const allFeatures = chosen.kind === 'wgs84' ? layer.features.slice() : toWgs84(layer.features, chosen);
    const checked = validateFeatures(allFeatures, { fileName: path });
    return {
      file: path, format: set.format, layerName: layer.layerName, crs: { label: chosen.label, source },
      allFeatures, features: checked.features, keptIndex: checked.keptIndex,
      issues: [...issues, ...layer.issues, ...checked.issues],
    };
  }
}
