/**
 * Split an OSM data set into the three input layers of the analysis: communities (residential areas),
 * facilities (tag mapping of the category table) and roads (`highway=*` lines). Every element that looks
 * like it belongs to a layer but cannot be used is reported with its OSM id and the reason.
 */
import type { Feature, Geometry } from 'geojson';
import type { CategoryDef } from '../../core/config/categories';
import { DEFAULT_CATEGORIES, categoriesForOsmTags } from '../../core/config/categories';
import type { InputIssue } from '../../core/types';
import type { IssueParams } from '../issue';
import { issue } from '../issue';
import type { IssueCode } from '../issueTemplates';
import type { ReadResult } from '../types';
import { buildMultipolygons, meanOfVertices, middleVertex, relationIncompleteReason, wayGeometry } from './geometry';
import type { OsmData, OsmRelation, OsmTags } from './model';

export interface OsmLayers {
  communities: ReadResult;
  facilities: ReadResult;
  roads: ReadResult;
}

/** landuse=residential, or any `residential=*` area (residential=apartments, =rural …). */
export function isResidentialArea(tags: OsmTags): boolean {
  return tags.landuse === 'residential' || (tags.residential !== undefined && tags.residential !== 'no' && tags.building === undefined);
}

const isMultipolygon = (r: OsmRelation): boolean => r.tags.type === 'multipolygon';

function feature(osmId: string, tags: OsmTags, geometry: Geometry, extra: Record<string, unknown> = {}): Feature {
  // Tags first, then our id/extras, so an odd `id` tag can never replace the OSM id.
  return { type: 'Feature', id: osmId, geometry, properties: { ...tags, ...extra, id: osmId } };
}

class IssueLog {
  readonly list: InputIssue[] = [];
  constructor(private readonly file: string) {}
  /** The code's template starts with the OSM id ({{id}}). */
  add(severity: InputIssue['severity'], action: InputIssue['action'], featureId: string, code: IssueCode, params: IssueParams): void {
    this.list.push(issue(code, { id: featureId, ...params }, { severity, action, file: this.file, featureId }));
  }
}

export function communitiesFromOsm(data: OsmData, fileName: string): ReadResult {
  const log = new IssueLog(fileName);
  const features: Feature[] = [];
  for (const id of data.nodeOrder) {
    const n = data.nodes.get(id)!;
    if (isResidentialArea(n.tags)) log.add('warning', 'skipped', `node/${id}`, 'osmResidentialPoint', { tags: describe(n.tags) });
  }
  for (const id of data.wayOrder) {
    const w = data.ways.get(id)!;
    if (!isResidentialArea(w.tags)) continue;
    const osmId = `way/${id}`;
    const g = wayGeometry(w, data);
    if (!g.closed) { log.add('warning', 'skipped', osmId, 'osmWayNotClosed', { tags: describe(w.tags) }); continue; }
    if (g.missingNodes) { log.add('warning', 'skipped', osmId, 'osmWayIncomplete', { tags: describe(w.tags), missing: g.missingNodes, total: w.refs.length }); continue; }
    features.push(feature(osmId, w.tags, { type: 'Polygon', coordinates: [g.runs[0]] }));
  }
  const rels = data.relations.filter((r) => isResidentialArea(r.tags));
  const complete: OsmRelation[] = [];
  for (const r of rels) {
    const osmId = `relation/${r.id}`;
    if (!isMultipolygon(r)) { log.add('warning', 'skipped', osmId, 'osmRelationNotMultipolygon', { tags: describe(r.tags), type: r.tags.type ?? '(none)' }); continue; }
    const reason = relationIncompleteReason(r, data);
    if (reason) { log.add('warning', 'skipped', osmId, 'osmRelationIncomplete', { tags: describe(r.tags), reason }); continue; }
    complete.push(r);
  }
  const geoms = buildMultipolygons(complete, data);
  for (const r of complete) {
    const g = geoms.get(r.id);
    if (g) features.push(feature(`relation/${r.id}`, r.tags, g));
    else log.add('warning', 'skipped', `relation/${r.id}`, 'osmRingsOpen', { tags: describe(r.tags) });
  }
  if (features.length === 0) {
    const places = data.nodeOrder.filter((id) => ['quarter', 'neighbourhood'].includes(data.nodes.get(id)!.tags.place ?? '')).length;
    const fields = { severity: 'warning', action: 'kept', file: fileName } as const;
    log.list.push(places ? issue('osmNoResidentialPlaces', { places }, fields) : issue('osmNoResidential', {}, fields));
  }
  return { fileName, features, issues: log.list };
}

export function facilitiesFromOsm(data: OsmData, fileName: string, table: readonly CategoryDef[] = DEFAULT_CATEGORIES): ReadResult {
  const log = new IssueLog(fileName);
  const features: Feature[] = [];
  const withCategory = (tags: OsmTags): Record<string, unknown> | null => {
    const ids = categoriesForOsmTags(tags, table);
    if (!ids.length) return null;
    const extra: Record<string, unknown> = { category: ids.join(';') };
    if (tags.category !== undefined) extra['osm:category'] = tags.category; // the source tag, kept under another name
    return extra;
  };
  for (const id of data.nodeOrder) {
    const n = data.nodes.get(id)!;
    const extra = withCategory(n.tags);
    if (extra) features.push(feature(`node/${id}`, n.tags, { type: 'Point', coordinates: [n.lon, n.lat] }, extra));
  }
  for (const id of data.wayOrder) {
    const w = data.ways.get(id)!;
    const extra = withCategory(w.tags);
    if (!extra) continue;
    const osmId = `way/${id}`;
    const g = wayGeometry(w, data);
    if (g.runs.length === 0 && w.center) { features.push(feature(osmId, w.tags, { type: 'Point', coordinates: w.center }, extra)); continue; }
    if (g.runs.length === 0) { log.add('warning', 'skipped', osmId, 'osmWayNoNodes', { tags: describe(w.tags), total: w.refs.length }); continue; }
    if (g.closed && !g.missingNodes) { features.push(feature(osmId, w.tags, { type: 'Polygon', coordinates: [g.runs[0]] }, extra)); continue; }
    if (g.closed) {
      log.add('info', 'repaired', osmId, 'osmWayIncompleteMean', { tags: describe(w.tags), missing: g.missingNodes, total: w.refs.length });
      features.push(feature(osmId, w.tags, { type: 'Point', coordinates: meanOfVertices(g.runs)! }, extra));
      continue;
    }
    log.add('info', 'repaired', osmId, 'osmOpenWayMiddle', { tags: describe(w.tags) });
    features.push(feature(osmId, w.tags, { type: 'Point', coordinates: middleVertex(g.runs)! }, extra));
  }
  const candidates: { rel: OsmRelation; extra: Record<string, unknown> }[] = [];
  for (const r of data.relations) {
    const extra = withCategory(r.tags);
    if (!extra) continue;
    if (!isMultipolygon(r)) { log.add('warning', 'skipped', `relation/${r.id}`, 'osmRelationOnlyMultipolygons', { tags: describe(r.tags), type: r.tags.type ?? '(none)' }); continue; }
    candidates.push({ rel: r, extra });
  }
  const geoms = buildMultipolygons(candidates.map((c) => c.rel), data);
  for (const { rel, extra } of candidates) {
    const g = geoms.get(rel.id);
    if (!g && rel.center) { features.push(feature(`relation/${rel.id}`, rel.tags, { type: 'Point', coordinates: rel.center }, extra)); continue; }
    if (!g) { log.add('warning', 'skipped', `relation/${rel.id}`, 'osmMultipolygonFailed', { tags: describe(rel.tags), reason: relationIncompleteReason(rel, data) ?? 'rings do not close' }); continue; }
    const reason = relationIncompleteReason(rel, data);
    if (reason) log.add('info', 'kept', `relation/${rel.id}`, 'osmRelationPartial', { tags: describe(rel.tags), reason });
    features.push(feature(`relation/${rel.id}`, rel.tags, g, extra));
  }
  return { fileName, features, issues: log.list };
}

export function roadsFromOsm(data: OsmData, fileName: string): ReadResult {
  const log = new IssueLog(fileName);
  const features: Feature[] = [];
  for (const id of data.wayOrder) {
    const w = data.ways.get(id)!;
    if (w.tags.highway === undefined) continue;
    const osmId = `way/${id}`;
    if (w.tags.area === 'yes') { log.add('info', 'skipped', osmId, 'osmHighwayArea', { highway: w.tags.highway }); continue; }
    const g = wayGeometry(w, data);
    const parts = g.runs.filter((r) => r.length >= 2);
    if (parts.length === 0) { log.add('warning', 'skipped', osmId, 'osmHighwayTooFewNodes', { highway: w.tags.highway, total: w.refs.length }); continue; }
    if (g.missingNodes) log.add('info', 'repaired', osmId, 'osmHighwayIncomplete', { highway: w.tags.highway, missing: g.missingNodes, total: w.refs.length, parts: parts.length });
    const geometry: Geometry = parts.length === 1 ? { type: 'LineString', coordinates: parts[0] } : { type: 'MultiLineString', coordinates: parts };
    features.push(feature(osmId, w.tags, geometry));
  }
  return { fileName, features, issues: log.list };
}

function describe(tags: OsmTags): string {
  const key = tags.landuse === 'residential' ? 'landuse=residential'
    : tags.residential !== undefined ? `residential=${tags.residential}`
    : ['amenity', 'shop', 'leisure', 'healthcare', 'office'].filter((k) => tags[k] !== undefined).map((k) => `${k}=${tags[k]}`)[0] ?? '';
  return tags.name ? `${key} "${tags.name}"` : key;
}
