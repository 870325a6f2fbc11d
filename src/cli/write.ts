/**
 * Writing the analysis outputs into the output folder. The big community and gap files are written straight from
 * the result arrays as UTF-8 chunks (no feature objects, no one-string files): ×50 town, all formats, 6.3 s → about
 * 1.3–2 s CPU on the shared bench machine; the bytes are those of the object way (test/unit/cli-write-fast.test.ts).
 */
import { close as fsClose, openSync, write as fsWrite } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Feature, Geometry } from 'geojson';
import type { AnalysisSettings } from '../core/config/defaults';
import type { Gap } from '../core/coverage';
import type { Community } from '../core/types';
import type { Crs } from '../io/crs';
import { fromWgs84, positionFromWgs84 } from '../io/crs';
import { mapGeometry } from '../io/crs/transform';
import { writeFlatGeobuf } from '../io/flatgeobuf';
import type { CommunityResultInput } from '../io/export/communityResults';
import { communitiesFlatGeobuf } from '../io/export/communitiesFgb';
import { writeCommunitiesCsv, writeCommunitiesGeoJSON } from '../io/export/communitiesText';
import { writeGapsCsv } from '../io/export/gapsCsv';
import { ResultCells } from '../io/export/resultCells';
import type { AnalysisSummaryJson } from '../io/export/summary';
import { ByteChunks, CHUNK_BYTES } from '../io/export/byteChunks';
import { ZONE_COLUMNS } from '../io/export/zones';
import { writeZonesCsv } from '../io/export/zonesText';
import { streamGeoJSON } from '../io/geojsonWrite';
import type { OutputFormat } from './args';
import { InputError } from './errors';

export interface OutputData {
  /** What the community result rows are made of (features in WGS84; the written files may be in --out-crs). */
  communityResults: CommunityResultInput;
  /** One feature per zone (WGS84). */
  zoneFeatures: Feature[];
  gaps: Gap[];
  communities: Community[];
  settings: AnalysisSettings;
  summary: AnalysisSummaryJson;
  categoryIds: string[];
  /** Coordinate system of written geometry (features arrive in WGS84). */
  outCrs: Crs;
}

/**
 * A file written chunk by chunk while the writer makes the next chunk: each full chunk goes to the libuv pool
 * (`fs.write` at its file position) and the writer goes on in a buffer from `spare`. Synchronous writes kept the
 * main thread in the kernel for the ~70 MB of the ×50 town (and waiting whenever the page cache was flushing).
 */
class ChunkedFile {
  private position = 0;
  private pending = 0;
  private failure: Error | null = null;
  private finished = false;
  private settle: (() => void) | null = null;
  readonly done: Promise<void>;

  constructor(private readonly fd: number, private readonly spare: Uint8Array[]) {
    this.done = new Promise<void>((resolve, reject) => {
      this.settle = () => {
        fsClose(this.fd, (closeError) => {
          const e = this.failure ?? closeError;
          if (e) reject(e); else resolve();
        });
      };
    });
  }

  /** A ChunkSink: keeps the chunk until written and hands back a buffer to fill next. */
  readonly take = (bytes: Uint8Array): Uint8Array => {
    this.pending++;
    this.writeAt(bytes, this.position);
    this.position += bytes.length;
    return this.spare.pop() ?? new Uint8Array(CHUNK_BYTES);
  };

  private writeAt(bytes: Uint8Array, position: number): void {
    fsWrite(this.fd, bytes, 0, bytes.length, position, (e, n) => {
      if (e) this.failure ??= e;
      else if (n < bytes.length) { this.writeAt(bytes.subarray(n), position + n); return; }
      // The whole buffer behind the chunk is free again (only standard-size ones are reused).
      if (bytes.buffer.byteLength === CHUNK_BYTES && bytes.byteOffset === 0) this.spare.push(new Uint8Array(bytes.buffer));
      this.pending--;
      this.close();
    });
  }

  /** No more chunks: close once the running writes are done. */
  end(): Promise<void> {
    this.finished = true;
    this.close();
    return this.done;
  }

  private close(): void {
    if (!this.finished || this.pending || !this.settle) return;
    const settle = this.settle;
    this.settle = null;
    settle();
  }
}

/** Start writing a file as the writer produces its UTF-8 bytes; resolves once every byte is written and the file closed. */
function writeTextFile(path: string, write: (out: ByteChunks) => void, spare: Uint8Array[]): Promise<void> {
  const fd = openSync(path, 'w');
  const file = new ChunkedFile(fd, spare);
  try {
    const out = new ByteChunks(file.take, CHUNK_BYTES);
    write(out);
    out.flush();
  } catch (e) {
    void file.end().catch(() => {});
    throw e;
  }
  return file.end();
}

export async function writeOutputs(outDir: string, formats: readonly OutputFormat[], data: OutputData): Promise<string[]> {
  try {
    await mkdir(outDir, { recursive: true });
  } catch (e) {
    throw new InputError(`--out ${outDir}: cannot create the folder (${e instanceof Error ? e.message : String(e)})`);
  }
  const written: string[] = [];
  // Files are written on the libuv pool while the next one is made; all are awaited at the end.
  const writes: Promise<void>[] = [];
  const spare: Uint8Array[] = [];
  const started = (path: string, writing: Promise<void>): void => {
    // Handled here so a failure while the next file is made is no unhandled rejection; reported by settleAll.
    writing.catch(() => {});
    writes.push(writing);
    written.push(path);
  };
  const put = (name: string, content: string | Uint8Array): void => {
    const path = join(outDir, name);
    started(path, writeFile(path, content));
  };
  const putText = async (name: string, write: (out: ByteChunks) => void): Promise<void> => {
    const path = join(outDir, name);
    started(path, writeTextFile(path, write, spare));
    // Let finished writes hand their buffers back before the next file is made.
    await new Promise<void>((resolve) => setImmediate(resolve));
  };
  try {
    const wgs84 = data.outCrs.kind === 'wgs84';
    const toOutCrs = positionFromWgs84(data.outCrs);
    const outGeometry = wgs84 ? undefined : (g: Geometry): Geometry => mapGeometry(g, toOutCrs);
    const zones = wgs84 ? data.zoneFeatures : fromWgs84(data.zoneFeatures, data.outCrs);
    // RFC 7946 GeoJSON is WGS84; when the user asks for GCJ-02/BD-09, say so inside the file.
    const geojsonMembers = wgs84 ? {} : { coordinate_system: data.outCrs.label };
    const fgbCrs = wgs84 ? 'EPSG:4326' as const : { name: data.outCrs.label };
    const needsCells = formats.includes('geojson') || formats.includes('csv');
    const cells = needsCells ? new ResultCells(data.communityResults) : null;
    if (formats.includes('geojson') && cells) {
      await putText('communities.geojson', (out) => writeCommunitiesGeoJSON(data.communityResults, cells, out, { extra: geojsonMembers, mapGeometry: outGeometry }));
      await putText('zones.geojson', (out) => streamGeoJSON(zones, out, geojsonMembers));
    }
    if (formats.includes('csv') && cells) {
      await putText('gaps.csv', (out) => writeGapsCsv(data.gaps, data.communities, data.settings.categories, out, { result: data.communityResults.result, cells }));
      await putText('communities.csv', (out) => writeCommunitiesCsv(data.communityResults, cells, out));
      await putText('zones.csv', (out) => writeZonesCsv(data.zoneFeatures, out));
    }
    if (formats.includes('fgb')) {
      // FlatGeobuf needs one geometry type family: skipped (non-polygon) features are left out of it.
      put('communities.fgb', communitiesFlatGeobuf(data.communityResults, { layerName: 'communities', mapGeometry: outGeometry, crs: fgbCrs }));
      put('zones.fgb', writeFlatGeobuf(zones, { layerName: 'zones', columns: [...ZONE_COLUMNS], crs: fgbCrs }));
    }
    put('summary.json', JSON.stringify(data.summary, null, 2) + '\n');
  } catch (e) {
    // No write left running behind the error.
    await Promise.allSettled(writes);
    throw e;
  }
  await settleAll(writes);
  return written;
}

/** Wait for every write (none left running), then report the first failure. */
async function settleAll(writes: readonly Promise<void>[]): Promise<void> {
  const results = await Promise.allSettled(writes);
  for (const r of results) if (r.status === 'rejected') throw r.reason;
}
