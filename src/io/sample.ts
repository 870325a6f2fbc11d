/**
 * The embedded sample city (data/sample). The .fgb files are bundled by Vite as same-origin assets, so the app
 * starts with no network access beyond its own origin.
 */
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import communitiesUrl from '../../data/sample/communities.fgb?url';
import facilitiesUrl from '../../data/sample/facilities.fgb?url';
import roadsUrl from '../../data/sample/roads.fgb?url';
import waterUrl from '../../data/sample/water.fgb?url';
import type { Community, Facility, InputIssue, Properties, Road } from '../core/types';
import { issue } from './issue';
import { toCommunities, toFacilities, toRoads } from './domain';
import { readFeatureFile } from './read';

/** A water body (river, lake, pond): drawn on the map and, later, a zoning barrier. */
export interface WaterBody {
  id: string;
  name: string | null;
  kind: string | null;
  geometry: Polygon | MultiPolygon;
  properties: Properties;
}

export interface CityDataset {
  name: string;
  communities: Community[];
  facilities: Facility[];
  roads: Road[];
  water: WaterBody[];
  issues: InputIssue[];
}

async function fetchFeatures(url: string, fileName: string): Promise<{ features: Feature[]; issues: InputIssue[] }> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${fileName}: HTTP ${res.status}`);
  const read = await readFeatureFile(fileName, await res.arrayBuffer());
  return { features: read.features, issues: read.issues };
}

export function toWaterBodies(features: Feature[], fileName: string): { items: WaterBody[]; issues: InputIssue[] } {
  const items: WaterBody[] = [];
  const issues: InputIssue[] = [];
  features.forEach((f, i) => {
    const g = f.geometry;
    const props = { ...(f.properties ?? {}) };
    if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) {
      issues.push(g ? issue('waterGeometryWrong', { type: g.type }, { severity: 'warning', file: fileName, featureIndex: i, field: 'geometry', action: 'skipped' }) : issue('waterGeometryMissing', {}, { severity: 'warning', file: fileName, featureIndex: i, field: 'geometry', action: 'skipped' }));
      return;
    }
    const str = (k: string): string | null => (props[k] == null || props[k] === '' ? null : String(props[k]));
    items.push({ id: str('id') ?? `${fileName}#${i}`, name: str('name'), kind: str('kind'), geometry: g, properties: props });
  });
  return { items, issues };
}

/** Fetch and read the four sample layers into domain objects (every read/mapping issue is kept). */
export async function loadSampleCity(): Promise<CityDataset> {
  const [c, f, r, w] = await Promise.all([
    fetchFeatures(communitiesUrl, 'communities.fgb'),
    fetchFeatures(facilitiesUrl, 'facilities.fgb'),
    fetchFeatures(roadsUrl, 'roads.fgb'),
    fetchFeatures(waterUrl, 'water.fgb'),
  ]);
  const communities = toCommunities(c.features, 'communities.fgb');
  const facilities = toFacilities(f.features, 'facilities.fgb');
  const roads = toRoads(r.features, 'roads.fgb');
  const water = toWaterBodies(w.features, 'water.fgb');
  return {
    name: 'sample',
    communities: communities.items,
    facilities: facilities.items,
    roads: roads.items,
    water: water.items,
    issues: [...c.issues, ...f.issues, ...r.issues, ...w.issues, ...communities.issues, ...facilities.issues, ...roads.issues, ...water.issues],
  };
}
