/**
 * OpenStreetMap import: OSM XML (`.osm`, `.xml`) or Overpass JSON, split into the analysis layers.
 *
 * @example
 *   const { communities, facilities, roads } = readOsm(text, 'city.osm');
 *   const c = toCommunities(communities.features, 'city.osm');
 */
import type { CategoryDef } from '../core/config/categories';
import { issue } from './issue';
import type { ReadResult } from './types';
import type { OsmData } from './osm/model';
import { OsmFormatError, parseOsmXml, parseOverpassJson } from './osm/model';
import type { OsmLayers } from './osm/layers';
import { communitiesFromOsm, facilitiesFromOsm, roadsFromOsm } from './osm/layers';

export type { OsmLayers } from './osm/layers';
export { isResidentialArea } from './osm/layers';

/** Parse OSM XML or Overpass JSON text into OSM data; throws OsmFormatError for anything else. */
export function parseOsm(text: string): OsmData {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const first = src.trimStart()[0];
  if (first === '{') {
    let root: unknown;
    try {
      root = JSON.parse(src);
    } catch (e) {
      throw new OsmFormatError(`not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
    }
    return parseOverpassJson(root);
  }
  if (first === '<') return parseOsmXml(src);
  throw new OsmFormatError('neither OSM XML nor Overpass JSON');
}

export function readOsm(text: string, fileName: string, categories?: readonly CategoryDef[]): OsmLayers {
  let data: OsmData;
  try {
    data = parseOsm(text);
  } catch (e) {
    if (!(e instanceof OsmFormatError)) throw e;
    const failed = (): ReadResult => ({ fileName, features: [], issues: [issue('osmNotOsm', { detail: e.message }, { severity: 'error', action: 'skipped', file: fileName })] });
    return { communities: failed(), facilities: failed(), roads: failed() };
  }
  return {
    communities: communitiesFromOsm(data, fileName),
    facilities: facilitiesFromOsm(data, fileName, categories),
    roads: roadsFromOsm(data, fileName),
  };
}
