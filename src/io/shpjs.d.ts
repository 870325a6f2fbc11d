// shpjs ships no types; we only use its geometry parser (attributes are read by shapefile/dbf.ts).
declare module 'shpjs' {
  import type { Geometry } from 'geojson';
  /** Parse a .shp file; with a falsy `prj` coordinates are returned as stored. Null shapes become null. */
  export function parseShp(shp: ArrayBuffer | Uint8Array | DataView, prj?: string | false): (Geometry | null)[];
}
