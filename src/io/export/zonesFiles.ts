/**
 * The zone output files (zones.geojson, zones.csv, zones.fgb) from the zone features, in the output CRS. Shared by
 * the CLI's main thread (small runs, no zoning thread) and the zoning thread, which writes them while the main
 * thread writes the community files (src/cli/zoningThread.ts): one code path, the same bytes.
 */
import { closeSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature } from 'geojson';
import type { Crs, GeographicCrs } from '../crs/geographic';
import { fromWgs84Geographic } from '../crs/geographic';
import { writeFlatGeobuf } from '../flatgeobuf';
import { streamGeoJSON } from '../geojsonWrite';
import { ByteChunks } from './byteChunks';
import { openReplacing, replaceFileSync } from './replaceFile';
import { ZONE_COLUMNS, writeZonesCsv } from './zones';

/** The formats that have a zone file (`analyze --formats`). */
export type ZoneFileFormat = 'geojson' | 'csv' | 'fgb';

export const ZONE_FILE_NAMES: Readonly<Record<ZoneFileFormat, string>> = { geojson: 'zones.geojson', csv: 'zones.csv', fgb: 'zones.fgb' };

/** RFC 7946 GeoJSON is WGS84; when the user asks for GCJ-02/BD-09, the file says so in a member of its own. */
export const geojsonCrsMembers = (outCrs: Crs): Record<string, unknown> => (outCrs.kind === 'wgs84' ? {} : { coordinate_system: outCrs.label });

/** The CRS FlatGeobuf files declare. */
export const fgbCrsOf = (outCrs: Crs): 'EPSG:4326' | { name: string } => (outCrs.kind === 'wgs84' ? 'EPSG:4326' : { name: outCrs.label });

/**
 * Write a file chunk by chunk as the writer produces its UTF-8 bytes. (Handing each chunk to the libuv pool
 * instead was tried: the ~70 MB of the ×50 town cost the main thread 20–50 ms of sync writes, about what the
 * fresh buffers for chunks still in flight cost, so it stayed synchronous.)
 */
export function writeTextFile(path: string, write: (out: ByteChunks) => void): void {
  const fd = openReplacing(path);
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

/** The zone features (WGS84) as the zone files write them: in `outCrs`, made once for the GeoJSON and FlatGeobuf files. */
export class ZoneFileWriter {
  private inOutCrs: Feature[] | null = null;

  constructor(private readonly features: Feature[], private readonly outCrs: GeographicCrs) {}

  private zones(): Feature[] {
    this.inOutCrs ??= this.outCrs.kind === 'wgs84' ? this.features : fromWgs84Geographic(this.features, this.outCrs);
    return this.inOutCrs;
  }

  geojson(out: ByteChunks): void {
    streamGeoJSON(this.zones(), out, geojsonCrsMembers(this.outCrs));
  }

  /** The CSV has no geometry: straight from the WGS84 features. */
  csv(out: ByteChunks): void {
    writeZonesCsv(this.features, out);
  }

  fgb(): Uint8Array {
    return writeFlatGeobuf(this.zones(), { layerName: 'zones', columns: [...ZONE_COLUMNS], crs: fgbCrsOf(this.outCrs) });
  }

  /** Write the file of `format` into `outDir` (synchronously); returns its path. */
  writeFile(outDir: string, format: ZoneFileFormat): string {
    const path = join(outDir, ZONE_FILE_NAMES[format]);
    if (format === 'fgb') replaceFileSync(path, this.fgb());
    else writeTextFile(path, (out) => (format === 'geojson' ? this.geojson(out) : this.csv(out)));
    return path;
  }
}

// --- a write that failed on the zoning thread, reported on the main thread -------------------------------------

/** A file write that failed: the fields of Node's fs error, rebuilt as one on the main thread. */
export interface WriteFailure {
  message: string;
  name: string;
  stack?: string;
  code?: string;
  errno?: number;
  syscall?: string;
  path?: string;
}

type ErrorFields = Partial<Record<'code' | 'errno' | 'syscall' | 'path', unknown>>;

/** The plain fields of a thrown value (an Error's own `code`, `errno`, … are lost by postMessage). */
export function writeFailure(e: unknown): WriteFailure {
  if (!(e instanceof Error)) return { message: String(e), name: 'Error' };
  const x = e as Error & ErrorFields;
  const out: WriteFailure = { message: e.message, name: e.name, stack: e.stack };
  if (typeof x.code === 'string') out.code = x.code;
  if (typeof x.errno === 'number') out.errno = x.errno;
  if (typeof x.syscall === 'string') out.syscall = x.syscall;
  if (typeof x.path === 'string') out.path = x.path;
  return out;
}

/** The error the main thread throws for a write that failed on the thread: same message, code, errno, syscall, path. */
export function failureError(f: WriteFailure): Error {
  const e = new Error(f.message);
  e.name = f.name;
  if (f.stack) e.stack = f.stack;
  const extra: ErrorFields = {};
  if (f.code !== undefined) extra.code = f.code;
  if (f.errno !== undefined) extra.errno = f.errno;
  if (f.syscall !== undefined) extra.syscall = f.syscall;
  if (f.path !== undefined) extra.path = f.path;
  return Object.assign(e, extra);
}
