/**
 * communities.geojson and communities.csv written straight from the source features and the result arrays,
 * byte for byte what `communityResultFeatures` + `writeGeoJSON` / `featureTable` + `toCsv` give, without the
 * 20 000 copied property objects and the one 30 MB string.
 */
import type { Feature, Geometry } from 'geojson';
import { CSV_EOL, csvCell, csvHeader } from '../csvWrite';
import { featureCollectionFrame } from '../geojsonWrite';
import type { ByteChunks } from './byteChunks';
import type { CommunityResultInput } from './communityResults';
import { resultGeometry, resultProperties } from './communityResults';
import type { ResultCells } from './resultCells';

export interface CommunitiesGeoJsonOptions {
  /** Members written after "type" (e.g. coordinate_system for GCJ-02 output), as writeGeoJSON's `extra`. */
  extra?: Record<string, unknown>;
  /** Geometry in the output coordinate system (default: as it is, WGS84). */
  mapGeometry?: (g: Geometry) => Geometry;
}

/** True when the original properties can be written as their own JSON text with the result members appended. */
function appendable(props: unknown, resultNames: ReadonlySet<string>): props is Record<string, unknown> | null | undefined {
  if (props === null || props === undefined) return true;
  if (typeof props !== 'object' || Array.isArray(props)) return false;
  // A result column already in the input (e.g. an earlier output read back) keeps its place with the new value;
  // an own toJSON decides the text itself. Both go the object way.
  for (const k of Object.keys(props)) if (resultNames.has(k) || k === 'toJSON') return false;
  return true;
}

/** How a feature's properties are written: its own members and then the results', none of its own, or as one object. */
const OWN = 0, EMPTY = 1, OBJECT = 2;

/**
 * The text of communities.geojson around each feature's result members, as UTF-8: everything before them (the
 * feature's start, its geometry and its own properties) and everything after (the closing braces and its id).
 * None of it depends on the distances, so the CLI makes it while its main thread waits for them with a core to
 * spare (`renderNext`, a slice at a time), and writing the file at the end copies it around the result members.
 */
export class CommunityFrames {
  /** OWN, EMPTY or OBJECT per source feature. */
  readonly kind: Uint8Array;
  /** Feature src's text before its result members is pool[at[2 src], at[2 src + 1]), after them up to at[2 src + 2]. */
  private pool: Uint8Array;
  private readonly at: Int32Array;
  private end = 0;
  private next = 0;
  private readonly resultNames: ReadonlySet<string>;

  /**
   * @param rows rows[src] = index in `communities` of source feature src, -1 when skipped (`rowOfSource`)
   * @param columns the result columns (`resultColumns`): properties holding one of them are written as one object
   */
  constructor(
    private readonly input: Pick<CommunityResultInput, 'sourceFeatures' | 'communities'>, readonly rows: Int32Array,
    readonly columns: readonly string[], private readonly mapGeometry?: (g: Geometry) => Geometry,
  ) {
    const n = input.sourceFeatures.length;
    this.kind = new Uint8Array(n);
    this.at = new Int32Array(2 * n + 1);
    this.pool = new Uint8Array(Math.max(1 << 16, n * 256));
    this.resultNames = new Set(columns);
  }

  /** Make the frames of the next `count` features; true once all are made. */
  renderNext(count: number): boolean {
    const features = this.input.sourceFeatures;
    const end = Math.min(features.length, this.next + count);
    for (let src = this.next; src < end; src++) this.render(src);
    this.next = end;
    return end === features.length;
  }

  /** Feature src's text before (`part` 0) or after (1) its result members. */
  write(src: number, part: 0 | 1, out: ByteChunks): void {
    out.copy(this.pool, this.at[2 * src + part], this.at[2 * src + part + 1]);
  }

  private append(text: string, slot: number): void {
    // Room for the worst case (3 bytes per UTF-16 unit), then the encoder writes in place.
    if (this.end + 3 * text.length > this.pool.length) {
      const grown = new Uint8Array(Math.max(2 * this.pool.length, this.end + 3 * text.length));
      grown.set(this.pool.subarray(0, this.end));
      this.pool = grown;
    }
    this.end += encoder.encodeInto(text, this.pool.subarray(this.end)).written;
    this.at[slot] = this.end;
  }

  private render(src: number): void {
    const f = this.input.sourceFeatures[src];
    let before = src ? ',{"type":"Feature"' : '{"type":"Feature"';
    const row = this.rows[src];
    const g = row < 0 ? f.geometry : this.input.communities[row].geometry;
    if (g !== undefined) before += `,"geometry":${g === null ? 'null' : JSON.stringify(this.mapGeometry ? this.mapGeometry(g) : g)}`;
    before += ',"properties":';
    const props = f.properties;
    let after = '';
    if (appendable(props, this.resultNames)) {
      const own = props ? JSON.stringify(props) : '{}';
      if (own === '{}') {
        before += '{';
        this.kind[src] = EMPTY;
      } else {
        before += own.slice(0, -1);
        this.kind[src] = OWN;
      }
      after = '}';
    } else {
      this.kind[src] = OBJECT;
    }
    // JSON.stringify leaves out a member whose value is undefined; so do we.
    if (f.id !== undefined) after += `,"id":${JSON.stringify(f.id)}`;
    this.append(before, 2 * src + 1);
    this.append(`${after}}`, 2 * src + 2);
  }
}

const encoder = new TextEncoder();

/**
 * communities.geojson. `frames`: its text around the result members, made beforehand for the same input, rows,
 * columns and geometry mapping (`CommunityFrames`); without them it is made here, feature by feature.
 */
export function writeCommunitiesGeoJSON(
  input: CommunityResultInput, cells: ResultCells, out: ByteChunks, options: CommunitiesGeoJsonOptions = {}, frames?: CommunityFrames,
): void {
  const [head, tail] = featureCollectionFrame(options.extra);
  out.text(head);
  if (frames) writeAroundFrames(input, cells, out, frames);
  else writeFeatures(input, cells, out, options.mapGeometry);
  out.text(tail);
}

function writeAroundFrames(input: CommunityResultInput, cells: ResultCells, out: ByteChunks, frames: CommunityFrames): void {
  frames.renderNext(Infinity);
  const { kind } = frames;
  for (let src = 0; src < input.sourceFeatures.length; src++) {
    frames.write(src, 0, out);
    const k = kind[src];
    if (k === OBJECT) {
      out.text(JSON.stringify(resultProperties(input, cells.rows, src)));
    } else {
      if (k === EMPTY) out.omitNextComma();
      cells.writeJson(src, out);
    }
    frames.write(src, 1, out);
  }
}

/**
 * The same text as `CommunityFrames.render` makes ahead, written piece by piece: sharing one function that builds
 * each frame as two strings cost this path ~30–40 ms of CPU at ×50 (8 runs each way). Tests hold both to the
 * object way's bytes (cli-write-fast.test.ts).
 */
function writeFeatures(input: CommunityResultInput, cells: ResultCells, out: ByteChunks, mapGeometry?: (g: Geometry) => Geometry): void {
  const resultNames = new Set(cells.columns);
  const features = input.sourceFeatures;
  for (let src = 0; src < features.length; src++) {
    const f = features[src];
    out.text(src ? ',{"type":"Feature"' : '{"type":"Feature"');
    const g = resultGeometry(input, cells.rows, src);
    if (g !== undefined) {
      out.text(',"geometry":');
      out.text(g === null ? 'null' : JSON.stringify(mapGeometry ? mapGeometry(g) : g));
    }
    out.text(',"properties":');
    const props = f.properties;
    if (appendable(props, resultNames)) {
      const own = props ? JSON.stringify(props) : '{}';
      if (own === '{}') {
        out.text('{');
        out.omitNextComma();
      } else {
        out.text(own.slice(0, -1));
      }
      cells.writeJson(src, out);
      out.text('}');
    } else {
      out.text(JSON.stringify(resultProperties(input, cells.rows, src)));
    }
    if (f.id !== undefined) {
      out.text(',"id":');
      out.text(JSON.stringify(f.id));
    }
    out.text('}');
  }
}

/** Original columns of communities.csv: first-seen order over all features, result columns left out. */
export function originalColumns(features: readonly Feature[], resultNames: ReadonlySet<string>): string[] {
  const seen = new Set<string>();
  const columns: string[] = [];
  for (const f of features) {
    for (const k of Object.keys(f.properties ?? {})) {
      if (!seen.has(k) && !resultNames.has(k)) { seen.add(k); columns.push(k); }
    }
  }
  return columns;
}

export function writeCommunitiesCsv(input: CommunityResultInput, cells: ResultCells, out: ByteChunks): void {
  const own = originalColumns(input.sourceFeatures, new Set(cells.columns));
  out.text(csvHeader([...own, ...cells.columns]));
  const features = input.sourceFeatures;
  for (let src = 0; src < features.length; src++) {
    const p: unknown = features[src].properties;
    // Read what the old row copy `{ ...properties }` held: a plain object, inherited members included.
    const row = (p !== null && typeof p === 'object' && !Array.isArray(p) && Object.getPrototypeOf(p) === Object.prototype ? p : { ...(p ?? {}) }) as Record<string, unknown>;
    for (let c = 0; c < own.length; c++) {
      if (c) out.text(',');
      out.text(csvCell(row[own[c]]));
    }
    if (!own.length) out.omitNextComma();
    cells.writeCsv(src, out);
    out.text(CSV_EOL);
  }
}
