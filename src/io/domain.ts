/**
 * Turn GeoJSON features into domain objects. Every original property is kept in `properties`;
 * every value that could not be understood is reported with file, feature and field.
 */
import type { Feature, LineString, MultiLineString, MultiPolygon, Point, Polygon } from 'geojson';
import type { CategoryDef } from '../core/config/categories';
import { DEFAULT_CATEGORIES, resolveCategoryId } from '../core/config/categories';
import type { Community, Facility, InputIssue, PropertyManagement, RenovationStatus, Road } from '../core/types';
import { COMMUNITY_FIELD_ALIASES, FACILITY_FIELD_ALIASES as FF, ROAD_FIELD_ALIASES as RF, pickField } from './fields';
import type { IssueParams } from './issue';
import { issue } from './issue';
import type { IssueCode } from './issueTemplates';
import type { MapResult } from './types';

type Props = Record<string, unknown>;

/** The id field, else the feature's id, else `<file>#<index>` (made only then: not a string per feature). */
function idOf(f: Feature, props: Props, aliases: readonly string[], fileName: string, index: number): string {
  const p = pickField(props, aliases);
  if (p) return String(p.value);
  if (f.id !== undefined) return String(f.id);
  return `${fileName}#${index}`;
}

/** `notNumber` names what the field holds ("build year … is not a number"). */
function num(props: Props, aliases: readonly string[], ctx: Ctx, notNumber: IssueCode): number | null {
  const p = pickField(props, aliases);
  if (!p) return null;
  const n = typeof p.value === 'number' ? p.value : Number(String(p.value).replace(/[,，\s]/g, '').replace(/年$/, ''));
  if (!Number.isFinite(n)) {
    ctx.issue('warning', 'kept', p.field, notNumber, { value: String(p.value) });
    return null;
  }
  return n;
}

function str(props: Props, aliases: readonly string[]): string | null {
  const p = pickField(props, aliases);
  return p ? String(p.value) : null;
}

const TRUE_WORDS = new Set(['true', 'yes', 'y', '1', '是', '有', 'x']);
function bool(props: Props, aliases: readonly string[]): boolean {
  const p = pickField(props, aliases);
  if (!p) return false;
  if (typeof p.value === 'boolean') return p.value;
  if (typeof p.value === 'number') return p.value !== 0;
  return TRUE_WORDS.has(String(p.value).trim().toLowerCase());
}

function propertyManagementOf(v: string | null): PropertyManagement | null {
  if (v == null) return null;
  const s = v.trim().toLowerCase();
  if (['professional', '专业', '专业物业', '物业公司', '专业化物业'].includes(s)) return 'professional';
  if (['self', 'self-managed', '自管', '自治', '居民自治', '单位自管'].includes(s)) return 'self';
  if (['none', 'no', '无', '无物业', '无人管理'].includes(s)) return 'none';
  return null;
}

function renovationOf(v: string | null): RenovationStatus {
  if (v == null) return 'none';
  const s = v.trim().toLowerCase();
  if (['done', 'renovated', '已改造', '完成'].includes(s)) return 'done';
  if (['planned', '计划', '拟改造', '列入计划'].includes(s)) return 'planned';
  return 'none';
}

class Ctx {
  constructor(readonly file: string, readonly issues: InputIssue[], public index = 0, public id: string | undefined = undefined) {}
  issue(severity: InputIssue['severity'], action: InputIssue['action'], field: string | undefined, code: IssueCode, params: IssueParams = {}): void {
    const entry: InputIssue = issue(code, params, { severity, file: this.file, featureIndex: this.index, action });
    if (this.id !== undefined) entry.featureId = this.id;
    if (field !== undefined) entry.field = field;
    this.issues.push(entry);
  }
}

/**
 * The alias table with only the names that are a key of some feature's properties: a name no feature has can
 * never be picked, so every lookup gives the same answer, with far fewer misses (×50 communities: 15 fields,
 * up to 11 names each, 20k features).
 */
function presentAliases<T extends Record<string, readonly string[]>>(table: T, features: readonly Feature[]): { [K in keyof T]: readonly string[] } {
  const keys = new Set<string>();
  for (const f of features) {
    const p = f.properties;
    // for…in also lists inherited enumerable keys: a superset of what a lookup can find, which is what we need.
    if (p) for (const k in p) keys.add(k);
  }
  const out = {} as { [K in keyof T]: readonly string[] };
  for (const field of Object.keys(table) as (keyof T)[]) out[field] = table[field].filter((a) => keys.has(a));
  return out;
}

// Items keep the feature's own properties object, not a copy (nothing writes to properties after reading):
// at ×50 that is 118k objects fewer for every later garbage collection to copy.

/** A mapping result that also says which input feature each item came from (for exports in input order). */
export interface SourcedMapResult<T> extends MapResult<T> {
  /** sourceIndex[i] = index in the input features of items[i]. */
  sourceIndex: number[];
}

export function toCommunities(features: Feature[], fileName: string): SourcedMapResult<Community> {
  const issues: InputIssue[] = [];
  const items: Community[] = [];
  const sourceIndex: number[] = [];
  const ctx = new Ctx(fileName, issues);
  const CF = presentAliases(COMMUNITY_FIELD_ALIASES, features);
  features.forEach((f, i) => {
    const props: Props = f.properties ?? {};
    ctx.index = i;
    ctx.id = idOf(f, props, CF.id, fileName, i);
    const g = f.geometry;
    if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) {
      if (g) ctx.issue('error', 'skipped', 'geometry', 'communityGeometryWrong', { type: g.type }); else ctx.issue('error', 'skipped', 'geometry', 'communityGeometryMissing');
      return;
    }
    const buildYear = num(props, CF.buildYear, ctx, 'buildYearNotNumber');
    if (buildYear !== null && (buildYear < 1800 || buildYear > 2100)) ctx.issue('warning', 'kept', 'buildYear', 'buildYearOutOfRange', { year: buildYear });
    const households = num(props, CF.households, ctx, 'householdsNotNumber');
    if (households !== null && households < 0) ctx.issue('warning', 'kept', 'households', 'householdsNegative', { households });
    let willingness = num(props, CF.willingness, ctx, 'willingnessNotNumber');
    if (willingness !== null && willingness > 1 && willingness <= 100) willingness /= 100; // percentages
    items.push({
      id: ctx.id,
      name: str(props, CF.name) ?? ctx.id,
      geometry: g as Polygon | MultiPolygon,
      buildYear,
      households,
      residents: num(props, CF.residents, ctx, 'residentsNotNumber'),
      buildings: num(props, CF.buildings, ctx, 'buildingsNotNumber'),
      district: str(props, CF.district),
      subdistrict: str(props, CF.subdistrict),
      propertyManagement: propertyManagementOf(str(props, CF.propertyManagement)),
      willingness,
      renovation: renovationOf(str(props, CF.renovation)),
      renovatedYear: num(props, CF.renovatedYear, ctx, 'renovatedYearNotNumber'),
      demolitionPlanned: bool(props, CF.demolitionPlanned),
      shantyTown: bool(props, CF.shantyTown),
      historic: bool(props, CF.historic),
      properties: props,
    });
    sourceIndex.push(i);
  });
  return { items, issues, sourceIndex };
}

export function toFacilities(features: Feature[], fileName: string, table: readonly CategoryDef[] = DEFAULT_CATEGORIES): MapResult<Facility> {
  const issues: InputIssue[] = [];
  const items: Facility[] = [];
  const ctx = new Ctx(fileName, issues);
  features.forEach((f, i) => {
    const props: Props = f.properties ?? {};
    ctx.index = i;
    ctx.id = idOf(f, props, FF.id, fileName, i);
    const g = f.geometry;
    if (!g || (g.type !== 'Point' && g.type !== 'Polygon' && g.type !== 'MultiPolygon')) {
      if (g) ctx.issue('error', 'skipped', 'geometry', 'facilityGeometryWrong', { type: g.type }); else ctx.issue('error', 'skipped', 'geometry', 'facilityGeometryMissing');
      return;
    }
    const cat = pickField(props, FF.category);
    if (!cat) {
      ctx.issue('error', 'skipped', 'category', 'facilityNoCategory');
      return;
    }
    const categories: string[] = [];
    const unknown: string[] = [];
    for (const part of String(cat.value).split(/[;,，；]/)) {
      if (!part.trim()) continue;
      const id = resolveCategoryId(part, table);
      if (id) { if (!categories.includes(id)) categories.push(id); } else unknown.push(part.trim());
    }
    if (categories.length === 0) {
      ctx.issue('error', 'skipped', cat.field, 'facilityUnknownCategory', { value: String(cat.value) });
      return;
    }
    if (unknown.length) ctx.issue('warning', 'kept', cat.field, 'facilityUnknownCategoriesIgnored', { values: unknown.join(', ') });
    items.push({
      id: ctx.id,
      name: str(props, FF.name) ?? ctx.id,
      categories,
      geometry: g as Point | Polygon | MultiPolygon,
      planned: bool(props, ['planned']),
      properties: props,
    });
  });
  return { items, issues };
}

export function toRoads(features: Feature[], fileName: string): MapResult<Road> {
  const issues: InputIssue[] = [];
  const items: Road[] = [];
  const ctx = new Ctx(fileName, issues);
  features.forEach((f, i) => {
    const props: Props = f.properties ?? {};
    ctx.index = i;
    ctx.id = idOf(f, props, RF.id, fileName, i);
    const g = f.geometry;
    if (!g || (g.type !== 'LineString' && g.type !== 'MultiLineString')) {
      if (g) ctx.issue('error', 'skipped', 'geometry', 'roadGeometryWrong', { type: g.type }); else ctx.issue('error', 'skipped', 'geometry', 'roadGeometryMissing');
      return;
    }
    const hw = str(props, RF.highway);
    if (hw === null) ctx.issue('info', 'kept', 'highway', 'roadNoHighway');
    items.push({ id: ctx.id, highway: hw ?? 'unclassified', name: str(props, RF.name), geometry: g as LineString | MultiLineString, properties: props });
  });
  return { items, issues };
}
