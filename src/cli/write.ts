/**
 * Writing the analysis outputs into the output folder. The big community and gap files are written straight from
 * the result arrays as UTF-8 chunks (no feature objects, no one-string files): ×50 town, all formats, 6.3 s → about
 * 1.3–2 s CPU on the shared bench machine; the bytes are those of the object way (test/unit/cli-write-fast.test.ts).
 * gaps.csv (310 000 rows at ×50, 120–150 ms) is made on a thread of its own while this one writes the other files.
 * The zone files are written here: on a thread, the structured clone of the 14 600 zone features (×50) cost
 * 85–145 ms to make and 190–330 ms to read back, more than writing them (JSON.stringify 150–230 ms), and the
 * whole run is CPU-bound on both cores (a thread saved ~0.45 s of CPU in total when dropped, 3 runs each way).
 */
import { closeSync, openSync, writeSync } from 'node:fs';
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
import { gapsCsvJob, writeGapsCsvOnThread } from '../io/export/gapsCsvThread';
import { ResultCells } from '../io/export/resultCells';
import type { AnalysisSummaryJson } from '../io/export/summary';
import { ByteChunks } from '../io/export/byteChunks';
import { ZONE_COLUMNS, writeZonesCsv } from '../io/export/zones';
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
  /**
   * Whether gaps.csv may be written on a worker thread (`--threads 0/1` says no). Small outputs stay on this
   * thread anyway: a thread's start-up costs more than they take.
   */
  threads?: boolean;
}

/** From this many communities on, gaps.csv is written on a thread (as zoning, zoningTask.ts). */
const WRITER_THREADS_MIN_COMMUNITIES = 2000;

/**
 * Write a file chunk by chunk as the writer produces its UTF-8 bytes. (Handing each chunk to the libuv pool
 * instead was tried: the ~70 MB of the ×50 town cost the main thread 20–50 ms of sync writes, about what the
 * fresh buffers for chunks still in flight cost, so it stayed synchronous.)
 */
function writeTextFile(path: string, write: (out: ByteChunks) => void): void {
  const fd = openSync(path, 'w');
  try {
    const out = new ByteChunks((bytes) => {
      for (let done = 0; done < bytes.length;) done += writeSync(fd, bytes, done, bytes.length - done);
    });
    write(out);
    out.flush();
  } finally {
    closeSync(fd);
  }
}

export async function writeOutputs(outDir: string, formats: readonly OutputFormat[], data: OutputData): Promise<string[]> {
  try {
    await mkdir(outDir, { recursive: true });
  } catch (e) {
    throw new InputError(`--out ${outDir}: cannot create the folder (${e instanceof Error ? e.message : String(e)})`);
  }
  const written: string[] = [];
  // Writes that run while the next file is made (gaps.csv's thread, the async ones); all awaited at the end.
  const writes: Promise<void>[] = [];
  const started = (path: string, writing: Promise<void>, listed = true): void => {
    // Handled here so a failure while the next file is made is no unhandled rejection; reported by settleAll.
    writing.catch(() => {});
    writes.push(writing);
    if (listed) written.push(path);
  };
  const put = (name: string, content: string | Uint8Array): void => {
    const path = join(outDir, name);
    started(path, writeFile(path, content));
  };
  const putText = (name: string, write: (out: ByteChunks) => void): void => {
    const path = join(outDir, name);
    writeTextFile(path, write);
    written.push(path);
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
    // gaps.csv first, on a thread of its own: made and written while this thread writes the other files.
    const gapsPath = join(outDir, 'gaps.csv');
    const gapsJob = formats.includes('csv') ? gapsCsvJob(gapsPath, data.gaps, data.communities, data.settings.categories) : null;
    const onThreads = data.threads !== false && data.communities.length >= WRITER_THREADS_MIN_COMMUNITIES;
    const gapsWriting = gapsJob && onThreads ? writeGapsCsvOnThread(gapsJob) : null;
    if (gapsWriting) started(gapsPath, gapsWriting, false);
    if (formats.includes('geojson') && cells) {
      putText('communities.geojson', (out) => writeCommunitiesGeoJSON(data.communityResults, cells, out, { extra: geojsonMembers, mapGeometry: outGeometry }));
      putText('zones.geojson', (out) => streamGeoJSON(zones, out, geojsonMembers));
    }
    if (formats.includes('csv') && cells) {
      if (gapsWriting) written.push(gapsPath);
      else putText('gaps.csv', (out) => writeGapsCsv(data.gaps, data.communities, data.settings.categories, out, { result: data.communityResults.result, cells }));
      putText('communities.csv', (out) => writeCommunitiesCsv(data.communityResults, cells, out));
      putText('zones.csv', (out) => writeZonesCsv(data.zoneFeatures, out));
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
