/**
 * The import UI's pipeline, DOM-free so it runs in the import Worker and in unit tests:
 * 1. `inspectFiles` reads every dropped file into layers and guesses role, field mapping and coordinate system;
 * 2. `buildImport` applies the user's choices: WGS84, validation/repair, field mapping, domain objects, reports.
 */
import type { Feature } from 'geojson';
import type { Community, Facility, InputIssue, Road } from '../core/types';
import { issue } from './issue';
import { parseCrs } from './crs';
import type { CrsHint } from './crs/hints';
import { detectCrsHints } from './crs/hints';
import { toCommunities, toFacilities, toRoads } from './domain';
import { COMMUNITY_FIELD_ALIASES, FACILITY_FIELD_ALIASES, ROAD_FIELD_ALIASES } from './fields';
import type { LayerRole } from './fieldGuess';
import { guessLayer } from './fieldGuess';
import type { Bbox } from './flatgeobufBbox';
import { importLayer } from './importLayer';
import type { LayerRead } from './read';
import { readLayers } from './read';
import type { ImportReport } from './report';

export interface InputFile { name: string; bytes: ArrayBuffer }

/** FlatGeobuf files larger than this are first read only inside the map view (the rest on "read all"). */
export const LARGE_FGB_BYTES = 20 * 1024 * 1024;

export interface InspectOptions {
  /** Current map view [west, south, east, north] in WGS84. */
  viewBbox?: Bbox;
  /** Size above which a FlatGeobuf is read in the view only; default LARGE_FGB_BYTES (tests lower it). */
  largeFileBytes?: number;
}

/** A layer of which only the features in the map view were read. */
export interface PartialRead { featuresRead: number; featuresInFile: number }

/** Attributes the dialog lets the user map, per role (canonical name = first alias in fields.ts). */
export const MAPPED_ATTRIBUTES: Record<LayerRole, readonly string[]> = {
  communities: ['name', 'buildYear', 'households', 'id', 'residents', 'buildings', 'district', 'subdistrict', 'propertyManagement', 'willingness', 'renovation', 'renovatedYear'],
  facilities: ['name', 'category', 'id'],
  roads: ['highway', 'name', 'id'],
};

const ALIASES: Record<LayerRole, Record<string, readonly string[]>> = {
  communities: COMMUNITY_FIELD_ALIASES,
  facilities: FACILITY_FIELD_ALIASES,
  roads: ROAD_FIELD_ALIASES,
};

/** What the dialog needs to know about one layer (plain data: crosses the Worker boundary). */
export interface LayerSummary {
  key: string;
  fileName: string;
  layerName: string;
  format: string;
  featureCount: number;
  geometryCounts: Record<string, number>;
  fields: string[];
  /** Up to 3 distinct non-empty sample values per field, as text. */
  samples: Record<string, string[]>;
  declaredCrs: string | null;
  /** Label of the declared CRS when understood (e.g. "CGCS2000 (EPSG:4490)"). */
  declaredCrsLabel: string | null;
  hints: CrsHint[];
  guessedRole: LayerRole | null;
  /** Guessed field per attribute, for each role (the dialog switches when the user changes the role). */
  guessedMapping: Record<LayerRole, Record<string, string | null>>;
  fingerprint: string;
  /** Problems of the read step (file-level failures show before the user confirms). */
  readIssues: InputIssue[];
  /** Set when a large file was read only inside the map view (`readAll` reads the rest). */
  partial?: PartialRead;
}

export interface LayerChoice {
  key: string;
  role: LayerRole | null;
  /** attribute → source field (null = none). */
  mapping: Record<string, string | null>;
  /** '' = as the file declares (or WGS84); else a parseCrs input ('gcj02', 'EPSG:4549' …). */
  crs: string;
}

export interface BuiltImport {
  communities: Community[];
  facilities: Facility[];
  roads: Road[];
  reports: ImportReport[];
  issues: InputIssue[];
}

const SAMPLE_VALUES = 3;
// Declared systems in which the WGS84 view bbox can be used as is (CGCS2000 differs from WGS84 by centimetres).
const LONLAT_CRS = new Set(['EPSG:4326', 'EPSG:4490', 'OGC:CRS84']);
const INDEX_KEY = '__importIndex';

function summarize(key: string, layer: LayerRead, roads: readonly Feature[] | undefined): LayerSummary {
  const geometryCounts: Record<string, number> = {};
  const fields = new Set<string>();
  const samples: Record<string, string[]> = {};
  for (const f of layer.features) {
    const t = f.geometry?.type ?? 'null';
    geometryCounts[t] = (geometryCounts[t] ?? 0) + 1;
    for (const [k, v] of Object.entries(f.properties ?? {})) {
      fields.add(k);
      const list = (samples[k] ??= []);
      if (list.length >= SAMPLE_VALUES || v === null || v === undefined || v === '') continue;
      const text = typeof v === 'object' ? JSON.stringify(v) : String(v);
      if (!list.includes(text)) list.push(text.slice(0, 60));
    }
  }
  const guess = guessLayer(layer.features);
  const guessedMapping = {} as Record<LayerRole, Record<string, string | null>>;
  for (const role of ['communities', 'facilities', 'roads'] as const) guessedMapping[role] = guessLayer(layer.features, role).mapping;
  const declared = layer.declaredCrs ? parseCrs(layer.declaredCrs) : null;
  return {
    key,
    fileName: layer.fileName,
    layerName: layer.layerName,
    format: layer.format,
    // Features the reader could not read count too: the user should see what the file holds.
    featureCount: Math.max(layer.features.length + new Set(layer.issues.filter((i) => i.action === 'skipped' && i.featureIndex !== undefined).map((i) => i.featureIndex)).size, layer.featuresInFile ?? 0),
    geometryCounts,
    fields: [...fields],
    samples,
    declaredCrs: layer.declaredCrs,
    declaredCrsLabel: declared?.label ?? null,
    // Only guess when the file says nothing: a declared system wins unless the user changes it.
    hints: layer.declaredCrs ? [] : detectCrsHints(layer.features, roads),
    guessedRole: guess.role,
    guessedMapping,
    fingerprint: guess.fingerprint,
    readIssues: layer.issues,
  };
}

/**
 * Read one file; a large FlatGeobuf in lon/lat only inside the view. A file in another system is read whole:
 * the view bbox means nothing in its coordinates.
 */
async function readFile(file: InputFile, options: InspectOptions): Promise<{ layers: LayerRead[]; partial?: PartialRead }> {
  const large = options.viewBbox && /\.fgb$/i.test(file.name) && file.bytes.byteLength > (options.largeFileBytes ?? LARGE_FGB_BYTES);
  if (large && options.viewBbox) {
    const set = await readLayers(file.name, file.bytes, { bbox: options.viewBbox });
    const layer = set.layers[0];
    const inFile = layer.featuresInFile ?? 0;
    if (layer && (layer.declaredCrs === null || LONLAT_CRS.has(layer.declaredCrs)) && inFile > layer.features.length) {
      const partial = { featuresRead: layer.features.length, featuresInFile: inFile };
      // Counts and the report speak of what was read; the reader's bbox note is replaced by a plainer one.
      const issues = layer.issues.filter((i) => !/outside the requested bbox/.test(i.message));
      issues.push(issue('fileLargePartial', { read: partial.featuresRead, total: inFile }, { severity: 'info', file: file.name, action: 'kept' }));
      return { layers: [{ ...layer, issues, featuresInFile: undefined }], partial };
    }
    if (layer && layer.declaredCrs !== null && !LONLAT_CRS.has(layer.declaredCrs)) return { layers: (await readLayers(file.name, file.bytes)).layers };
    return { layers: set.layers };
  }
  return { layers: (await readLayers(file.name, file.bytes)).layers };
}

/** Holds the read layers between the dialog's two steps (one per Worker, or per test). */
export class ImportSession {
  private layers = new Map<string, LayerRead>();
  /** Files read only in part, by layer key, kept for `readAll`. */
  private partialFiles = new Map<string, InputFile>();

  /**
   * Read every file; `roads` (WGS84, already loaded) let the hints spot GCJ-02/BD-09 offsets.
   * `onFile` reports progress after each file.
   */
  async inspectFiles(files: readonly InputFile[], roads?: readonly Feature[], onFile?: (done: number, total: number) => void, options: InspectOptions = {}): Promise<LayerSummary[]> {
    this.layers.clear();
    this.partialFiles.clear();
    const out: LayerSummary[] = [];
    for (const [fi, file] of files.entries()) {
      try {
        const read = await readFile(file, options);
        read.layers.forEach((layer, li) => {
          const key = `${fi}:${li}`;
          this.layers.set(key, layer);
          if (read.partial) this.partialFiles.set(key, file);
          out.push({ ...summarize(key, layer, roads), ...(read.partial ? { partial: read.partial } : {}) });
        });
      } catch (e) {
        // A reader that throws (instead of reporting) must still show up: an empty layer with the error.
        const message = e instanceof Error ? e.message : String(e);
        const layer: LayerRead = { fileName: file.name, features: [], issues: [issue('fileUnreadable', { detail: message }, { severity: 'error', file: file.name, action: 'skipped' })], layerName: file.name, format: 'geojson', declaredCrs: null };
        const key = `${fi}:0`;
        this.layers.set(key, layer);
        out.push(summarize(key, layer, roads));
      }
      onFile?.(fi + 1, files.length);
    }
    return out;
  }

  /** Re-read a layer that was read only inside the map view, whole this time; null if it was not partial. */
  async readAll(key: string, roads?: readonly Feature[]): Promise<LayerSummary | null> {
    const file = this.partialFiles.get(key);
    if (!file) return null;
    const [layer] = (await readLayers(file.name, file.bytes)).layers;
    this.layers.set(key, layer);
    this.partialFiles.delete(key);
    return summarize(key, layer, roads);
  }

  /** Apply the user's choices to the layers read by the last `inspectFiles`. */
  build(choices: readonly LayerChoice[], roads?: readonly Feature[]): BuiltImport {
    const result: BuiltImport = { communities: [], facilities: [], roads: [], reports: [], issues: [] };
    for (const choice of choices) {
      const layer = this.layers.get(choice.key);
      if (!layer || choice.role === null) continue;
      const imported = importLayer(layer, { ...(choice.crs ? { crs: choice.crs } : {}), ...(roads ? { roads } : {}) });
      const report = imported.report;
      const keptSource = keptSourceIndexes(report, imported.features.length);
      const role = choice.role;
      // The position travels in the copy's properties so that each domain item gets its original properties back.
      const mapped = imported.features.map((f, i) => {
        const m = withCanonicalFields(f, role, choice.mapping);
        return { ...m, properties: { ...m.properties, [INDEX_KEY]: i } };
      });
      const fileName = layer.fileName;
      let domainIssues: InputIssue[];
      let kept: number;
      if (choice.role === 'communities') {
        const r = toCommunities(mapped, fileName);
        result.communities.push(...restoreProperties(r.items, imported.features));
        domainIssues = r.issues; kept = r.items.length;
      } else if (choice.role === 'facilities') {
        const r = toFacilities(mapped, fileName);
        result.facilities.push(...restoreProperties(r.items, imported.features));
        domainIssues = r.issues; kept = r.items.length;
      } else {
        const r = toRoads(mapped, fileName);
        result.roads.push(...restoreProperties(r.items, imported.features));
        domainIssues = r.issues; kept = r.items.length;
      }
      const relabelled = domainIssues.map((issue) => relabel(issue, keptSource, choice.mapping));
      report.changed.push(...relabelled.filter((i) => i.action === 'repaired'));
      report.skipped.push(...relabelled.filter((i) => i.action === 'skipped'));
      report.warnings.push(...relabelled.filter((i) => i.action === 'kept'));
      report.featuresKept = kept;
      result.reports.push(report);
      result.issues.push(...report.skipped, ...report.changed, ...report.warnings);
    }
    return result;
  }
}

/** Source-file index of each kept feature: every index not reported as skipped, in order. */
function keptSourceIndexes(report: ImportReport, keptCount: number): number[] {
  const skipped = new Set(report.skipped.map((i) => i.featureIndex).filter((i): i is number => i !== undefined));
  const out: number[] = [];
  for (let i = 0; out.length < keptCount; i++) if (!skipped.has(i)) out.push(i);
  return out;
}

/** Domain mappers number features in their input list; the report speaks of positions in the file. */
function relabel(issue: InputIssue, keptSource: readonly number[], mapping: Record<string, string | null>): InputIssue {
  if (issue.featureIndex === undefined) return issue;
  const src = keptSource[issue.featureIndex] ?? issue.featureIndex;
  // Name the user's source field, not the canonical copy we added.
  const field = issue.field !== undefined ? (mapping[canonicalToAttribute(issue.field)] ?? issue.field) : undefined;
  return { ...issue, featureIndex: src, message: `Feature ${src}: ${issue.message}`, ...(field !== undefined ? { field } : {}) };
}

function canonicalToAttribute(field: string): string {
  for (const aliases of Object.values(ALIASES)) for (const [attr, list] of Object.entries(aliases)) if (list[0] === field) return attr;
  return field;
}

/**
 * A copy of the feature with each mapped source field also written under the canonical name the domain mapper
 * looks at first (`name`, `build_year`, `households` …). An attribute mapped to "none" is cleared so that an
 * alias-named field does not sneak back in.
 */
export function withCanonicalFields(f: Feature, role: LayerRole, mapping: Record<string, string | null>): Feature {
  const props: Record<string, unknown> = { ...(f.properties ?? {}) };
  for (const attr of MAPPED_ATTRIBUTES[role]) {
    const canonical = ALIASES[role][attr]?.[0];
    if (!canonical || !(attr in mapping)) continue;
    const source = mapping[attr];
    if (source === null) {
      for (const alias of ALIASES[role][attr]) delete props[alias];
    } else if (source !== canonical) {
      props[canonical] = f.properties?.[source] ?? null;
    }
  }
  return { ...f, properties: props };
}

/** Domain items carry the original properties, not the mapping copy (exports must give back what came in). */
function restoreProperties<T extends { properties: Record<string, unknown> }>(items: T[], original: readonly Feature[]): T[] {
  for (const item of items) {
    const index = item.properties[INDEX_KEY];
    if (typeof index === 'number') item.properties = { ...(original[index].properties ?? {}) };
  }
  return items;
}
