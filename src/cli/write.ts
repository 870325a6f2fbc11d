/**
 * Writing the analysis outputs into the output folder. The big community and gap files are written straight from
 * the result arrays as UTF-8 chunks (no feature objects, no one-string files): ×50 town, all formats, 6.3 s → about
 * 1.3–2 s CPU on the shared bench machine; the bytes are those of the object way (test/unit/cli-write-fast.test.ts).
 * gaps.csv (310 000 rows at ×50, 120–150 ms) is made on a distance thread while this one writes the other files.
 * The zone files are written by the zoning thread when it drafted the zones (zoningTask.ts): it keeps its draft,
 * gets the coverage table, finishes the zones and writes their files while this thread writes the community
 * files; the zone features never cross (structured-cloning the 14 600 zone features of ×50 to a writer thread
 * cost 85–145 ms to make and 190–330 ms to read back, more than writing them). Without that thread (small runs,
 * `--threads 0/1`) or when it fails before writing, they are written here: same bytes (ZoneFileWriter).
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Feature, Geometry } from 'geojson';
import type { AnalysisSettings } from '../core/config/defaults';
import { gapsOfCells } from '../core/coverage';
import type { Community } from '../core/types';
import type { GeographicCrs } from '../io/crs';
import { positionFromWgs84 } from '../io/crs';
import { mapGeometry } from '../io/crs/transform';
import type { CommunityResultInput } from '../io/export/communityResults';
import { communitiesFlatGeobuf } from '../io/export/communitiesFgb';
import type { CommunityFrames } from '../io/export/communitiesText';
import { writeCommunitiesCsv, writeCommunitiesGeoJSON } from '../io/export/communitiesText';
import { writeGapsCsv } from '../io/export/gapsCsv';
import type { GapsCsvJob } from '../io/export/gapsCsvThread';
import { gapsCsvJobOfCells } from '../io/export/gapsCsvThread';
import { replaceFile } from '../io/export/replaceFile';
import { ResultCells } from '../io/export/resultCells';
import type { AnalysisSummaryJson } from '../io/export/summary';
import type { ByteChunks } from '../io/export/byteChunks';
import type { ZoneFileFormat } from '../io/export/zonesFiles';
import { ZONE_FILE_NAMES, ZoneFileWriter, fgbCrsOf, geojsonCrsMembers, writeTextFile } from '../io/export/zonesFiles';
import type { OutputFormat } from './args';
import { InputError } from './errors';
import type { ZoneFilesOnThread } from './zoningTask';

export interface OutputData {
  /** What the community result rows are made of (features in WGS84; the written files may be in --out-crs). */
  communityResults: CommunityResultInput;
  /** Null: no zones (`--no-zones`), no zone files. */
  zones: ZoneOutputs | null;
  /** The gaps as result cells, in listing order (`gapCells`); as objects only when gaps.csv is written here. */
  gapCells: Float64Array;
  communities: Community[];
  settings: AnalysisSettings;
  summary: AnalysisSummaryJson;
  categoryIds: string[];
  /** Coordinate system of written geometry (features arrive in WGS84). */
  outCrs: GeographicCrs;
  /**
   * Makes and writes gaps.csv on a worker thread (the distance pool's, idle after the searches): resolves once
   * written, null when it cannot take the job. Absent (`--threads 0/1`, no pool): written here. Small outputs
   * stay on this thread anyway: handing them over costs more than they take.
   */
  gapsThread?: (job: GapsCsvJob) => Promise<void> | null;
  /**
   * communities.geojson's text around the result members, made beforehand for the same features and output
   * coordinate system (`CommunityFrames`); used when made for the same columns and rows.
   */
  communityFrames?: CommunityFrames;
}

export interface ZoneOutputs {
  /** One feature per zone (WGS84), made on first call (not at all when the thread writes the zone files). */
  features(): Feature[];
  /** The zone files being written on the zoning thread (`startZoneFiles`), null: written here. */
  writing: Promise<void> | null;
}

/** From this many communities on, gaps.csv is written on a thread (as zoning, zoningTask.ts). */
const WRITER_THREADS_MIN_COMMUNITIES = 2000;

/** The output folder, made if missing (a bad --out is an input error). */
export async function makeOutDir(outDir: string): Promise<void> {
  try {
    await mkdir(outDir, { recursive: true });
  } catch (e) {
    throw new InputError(`--out ${outDir}: cannot create the folder (${e instanceof Error ? e.message : String(e)})`);
  }
}

const ZONE_FORMATS: readonly ZoneFileFormat[] = ['geojson', 'csv', 'fgb'];

/**
 * Start the zone files on the zoning thread (`outDir` made already), as soon as the distances are known: they are
 * finished and written there while this thread lists the gaps and writes the other files. When the thread cannot
 * write them (it died or failed before writing), they are written here after all, same bytes (`onFailure` hears
 * why). The promise rejects with a write error of the thread (or of that fallback); null: no thread, or no zone file.
 */
export function startZoneFiles(
  onThread: ZoneFilesOnThread | null, features: () => Feature[], outDir: string, formats: readonly OutputFormat[], outCrs: GeographicCrs,
  onFailure: (why: string) => void = () => {},
): Promise<void> | null {
  const zoneFormats = ZONE_FORMATS.filter((f) => formats.includes(f));
  if (!onThread || !zoneFormats.length) return null;
  const writing = writeZoneFilesOnThread(onThread, features, outDir, zoneFormats, outCrs, onFailure);
  writing.catch(() => {}); // reported by writeOutputs where the first zone file is listed (or awaited on an error before)
  return writing;
}

/** How written geometry gets from WGS84 into the output coordinate system (undefined: it stays WGS84). */
export function outGeometryOf(outCrs: GeographicCrs): ((g: Geometry) => Geometry) | undefined {
  if (outCrs.kind === 'wgs84') return undefined;
  const toOutCrs = positionFromWgs84(outCrs);
  return (g: Geometry): Geometry => mapGeometry(g, toOutCrs);
}

/** Frames made for these cells: the same result columns and the same source rows. */
function sameFrames(frames: CommunityFrames, cells: ResultCells): boolean {
  const a = frames.columns, b = cells.columns;
  if (a.length !== b.length || a.some((c, i) => c !== b[i])) return false;
  const r = frames.rows, q = cells.rows;
  if (r.length !== q.length) return false;
  for (let i = 0; i < r.length; i++) if (r[i] !== q[i]) return false;
  return true;
}

export async function writeOutputs(outDir: string, formats: readonly OutputFormat[], data: OutputData): Promise<string[]> {
  await makeOutDir(outDir);
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
    started(path, replaceFile(path, content));
  };
  const putText = (name: string, write: (out: ByteChunks) => void): void => {
    const path = join(outDir, name);
    writeTextFile(path, write);
    written.push(path);
  };
  // The zone files on the zoning thread, awaited whatever happens here.
  const zonesOnThread = data.zones?.writing ?? null;
  try {
    const outGeometry = outGeometryOf(data.outCrs);
    const geojsonMembers = geojsonCrsMembers(data.outCrs);
    let zoneWriter: ZoneFileWriter | null = null;
    let zonesListed = false;
    const zoneFile = (format: ZoneFileFormat): void => {
      const zones = data.zones;
      if (!zones) return;
      const path = join(outDir, ZONE_FILE_NAMES[format]);
      if (zonesOnThread) {
        // Its failure is reported in the place of the first zone file (which write failed first, as before).
        if (!zonesListed) writes.push(zonesOnThread);
        zonesListed = true;
        written.push(path);
        return;
      }
      zoneWriter ??= new ZoneFileWriter(zones.features(), data.outCrs);
      const w = zoneWriter;
      if (format === 'fgb') put(ZONE_FILE_NAMES.fgb, w.fgb());
      else putText(ZONE_FILE_NAMES[format], (out) => (format === 'geojson' ? w.geojson(out) : w.csv(out)));
    };
    const needsCells = formats.includes('geojson') || formats.includes('csv');
    const cells = needsCells ? new ResultCells(data.communityResults) : null;
    // gaps.csv first, on a thread: made and written while this thread writes the other files.
    const gapsPath = join(outDir, 'gaps.csv');
    const onThread = data.gapsThread && data.communities.length >= WRITER_THREADS_MIN_COMMUNITIES ? data.gapsThread : null;
    const gapsJob = formats.includes('csv') && onThread
      ? gapsCsvJobOfCells(gapsPath, data.gapCells, data.communityResults.result, data.communities, data.settings.categories) : null;
    const gapsWriting = gapsJob && onThread ? onThread(gapsJob) : null;
    if (gapsWriting) started(gapsPath, gapsWriting, false);
    if (formats.includes('geojson') && cells) {
      const frames = data.communityFrames && sameFrames(data.communityFrames, cells) ? data.communityFrames : undefined;
      putText('communities.geojson', (out) => writeCommunitiesGeoJSON(data.communityResults, cells, out, { extra: geojsonMembers, mapGeometry: outGeometry }, frames));
      zoneFile('geojson');
    }
    if (formats.includes('csv') && cells) {
      if (gapsWriting) written.push(gapsPath);
      else putText('gaps.csv', (out) => writeGapsCsv(gapsOfCells(data.gapCells, data.communityResults.result, data.communities), data.communities, data.settings.categories, out, { result: data.communityResults.result, cells }));
      putText('communities.csv', (out) => writeCommunitiesCsv(data.communityResults, cells, out));
      zoneFile('csv');
    }
    if (formats.includes('fgb')) {
      // FlatGeobuf needs one geometry type family: skipped (non-polygon) features are left out of it.
      put('communities.fgb', communitiesFlatGeobuf(data.communityResults, { layerName: 'communities', mapGeometry: outGeometry, crs: fgbCrsOf(data.outCrs) }));
      zoneFile('fgb');
    }
    put('summary.json', JSON.stringify(data.summary, null, 2) + '\n');
  } catch (e) {
    // No write left running behind the error.
    await Promise.allSettled(zonesOnThread ? [...writes, zonesOnThread] : writes);
    throw e;
  }
  await settleAll(writes);
  return written;
}

async function writeZoneFilesOnThread(
  onThread: ZoneFilesOnThread, features: () => Feature[], outDir: string, formats: ZoneFileFormat[], outCrs: GeographicCrs, onFailure: (why: string) => void,
): Promise<void> {
  const r = await onThread.write(outDir, formats, outCrs);
  if (r === 'written') return;
  onFailure(r.failed);
  const writer = new ZoneFileWriter(features(), outCrs);
  for (const f of formats) writer.writeFile(outDir, f);
}

/** Wait for every write (none left running), then report the first failure. */
async function settleAll(writes: readonly Promise<void>[]): Promise<void> {
  const results = await Promise.allSettled(writes);
  for (const r of results) if (r.status === 'rejected') throw r.reason;
}
