/**
 * Reading the three input layers from disk. GeoJSON / FlatGeobuf (and whatever else readFeatureFile learns)
 * go through `readFeatureFile`; OSM XML and Overpass JSON go through `readOsm`, taking the layer matching the
 * role, and are parsed once when the same file feeds several roles.
 */
import { readFile } from 'node:fs/promises';
import type { CategoryDef } from '../core/config/categories';
import type { OsmLayers } from '../io/osm';
import { readOsm } from '../io/osm';
import { readFeatureFile } from '../io/read';
import type { ReadResult } from '../io/types';
import { InputError } from './errors';

export type InputRole = 'communities' | 'facilities' | 'roads';

/** .osm / .osm.xml / .xml, or a JSON file whose start looks like Overpass output (an "elements" array). */
export function looksLikeOsm(path: string, bytes: Uint8Array): boolean {
  const lower = path.toLowerCase();
  if (/\.(osm|osm\.xml|xml)$/.test(lower)) return true;
  if (!/\.json$/.test(lower)) return false;
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 4096));
  return /"elements"\s*:/.test(head) && !/"type"\s*:\s*"FeatureCollection"/.test(head);
}

export class InputReader {
  private readonly osmCache = new Map<string, OsmLayers>();
  constructor(private readonly categories: readonly CategoryDef[]) {}

  async read(role: InputRole, path: string): Promise<ReadResult> {
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await readFile(path));
    } catch (e) {
      const code = (e as { code?: string }).code;
      throw new InputError(`--${role} ${path}: ${code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a directory, not a file' : `cannot read (${e instanceof Error ? e.message : String(e)})`}`);
    }
    let res: ReadResult;
    if (looksLikeOsm(path, bytes)) {
      let layers = this.osmCache.get(path);
      if (!layers) {
        layers = readOsm(new TextDecoder('utf-8').decode(bytes), path, this.categories);
        this.osmCache.set(path, layers);
      }
      res = layers[role];
    } else {
      res = await readFeatureFile(path, bytes);
    }
    // A file-level error (not about one feature) with nothing read means the file itself is unusable.
    const fileError = res.issues.find((i) => i.severity === 'error' && i.featureIndex === undefined && i.featureId === undefined);
    if (res.features.length === 0 && fileError) throw new InputError(`--${role} ${path}: ${fileError.message}`);
    return res;
  }
}
