/**
 * The default life-circle category table (CATEGORIES.md). Data, not code: users edit distances, the required
 * flag, and may add or drop categories. Distances are network walking metres.
 */
import type { CategoryId } from '../types';

export type LifeCircleLevel = 5 | 10 | 15;

/** One OSM tag rule: every `all` tag must match (value `*` = any value; `a|b` = one of). */
export interface OsmTagRule {
  all: Record<string, string>;
  /** Optional: the element's name must contain one of these substrings. */
  nameContains?: string[];
  /** Optional: numeric tag must be >= value (e.g. admin_level >= 9). */
  minNumeric?: Record<string, number>;
}

export interface CategoryDef {
  id: CategoryId;
  zh: string;
  en: string;
  level: LifeCircleLevel;
  maxWalkMeters: number;
  /** Counted in the coverage score and in gaps. */
  required: boolean;
  /** Map colour (hex), also used in the legend. */
  color: string;
  osm: OsmTagRule[];
}

const r = (all: Record<string, string>, extra: Omit<OsmTagRule, 'all'> = {}): OsmTagRule => ({ all, ...extra });

export const DEFAULT_CATEGORIES: readonly CategoryDef[] = [
  { id: 'health_center', zh: '社区卫生服务中心', en: 'Community health centre', level: 15, maxWalkMeters: 1000, required: true, color: '#d62728',
    osm: [r({ amenity: 'hospital|clinic' }), r({ healthcare: 'hospital|centre|clinic' })] },
  { id: 'elderly_care', zh: '养老服务设施', en: 'Elderly care home', level: 15, maxWalkMeters: 1000, required: true, color: '#8c564b',
    osm: [r({ amenity: 'nursing_home' }), r({ amenity: 'social_facility', social_facility: 'nursing_home|assisted_living|group_home' })] },
  { id: 'middle_school', zh: '初中', en: 'Middle school', level: 15, maxWalkMeters: 1000, required: true, color: '#1f77b4',
    osm: [r({ amenity: 'school', 'isced:level': '2' }), r({ amenity: 'school' }, { nameContains: ['中学', '初中'] })] },
  { id: 'culture', zh: '文化活动中心', en: 'Culture centre', level: 15, maxWalkMeters: 1000, required: true, color: '#9467bd',
    osm: [r({ amenity: 'arts_centre|library|theatre|community_centre' })] },
  { id: 'sports', zh: '多功能运动场地', en: 'Sports ground', level: 15, maxWalkMeters: 1000, required: true, color: '#2ca02c',
    osm: [r({ leisure: 'sports_centre|stadium|pitch|track' })] },
  { id: 'post_office', zh: '邮政营业场所', en: 'Post office', level: 15, maxWalkMeters: 1000, required: true, color: '#006d2c',
    osm: [r({ amenity: 'post_office' })] },
  { id: 'primary_school', zh: '小学', en: 'Primary school', level: 10, maxWalkMeters: 500, required: true, color: '#17becf',
    osm: [r({ amenity: 'school', 'isced:level': '1' }), r({ amenity: 'school' }, { nameContains: ['小学'] })] },
  { id: 'market', zh: '菜市场/生鲜超市', en: 'Fresh market / supermarket', level: 10, maxWalkMeters: 500, required: true, color: '#ff7f0e',
    osm: [r({ amenity: 'marketplace' }), r({ shop: 'supermarket|greengrocer' })] },
  { id: 'community_service', zh: '社区综合服务站', en: 'Community service station', level: 5, maxWalkMeters: 300, required: true, color: '#7b4173',
    osm: [r({ amenity: 'community_centre|social_centre' }), r({ office: 'government' }, { minNumeric: { admin_level: 9 } })] },
  { id: 'kindergarten', zh: '幼儿园', en: 'Kindergarten', level: 5, maxWalkMeters: 300, required: true, color: '#e377c2',
    osm: [r({ amenity: 'kindergarten' })] },
  { id: 'childcare', zh: '托育/托儿所', en: 'Childcare (0–3)', level: 5, maxWalkMeters: 300, required: true, color: '#f7b6d2',
    osm: [r({ amenity: 'childcare' })] },
  { id: 'elderly_daycare', zh: '老年人日间照料中心', en: 'Elderly day care', level: 5, maxWalkMeters: 300, required: true, color: '#c49c94',
    osm: [r({ amenity: 'social_facility', social_facility: 'day_care' })] },
  { id: 'health_station', zh: '社区卫生服务站', en: 'Health station', level: 5, maxWalkMeters: 300, required: true, color: '#ff9896',
    osm: [r({ amenity: 'clinic|doctors|pharmacy' }), r({ healthcare: 'clinic|doctor' })] },
  { id: 'canteen', zh: '社区食堂/助餐点', en: 'Community canteen', level: 5, maxWalkMeters: 300, required: true, color: '#bcbd22',
    osm: [r({ amenity: 'social_facility', social_facility: 'soup_kitchen' }), r({ amenity: 'food_court' })] },
  { id: 'fitness', zh: '室外综合健身场地', en: 'Outdoor fitness', level: 5, maxWalkMeters: 300, required: true, color: '#98df8a',
    osm: [r({ leisure: 'fitness_station|playground|park|garden' })] },
  { id: 'convenience', zh: '便利店', en: 'Convenience store', level: 5, maxWalkMeters: 300, required: true, color: '#ffbb78',
    osm: [r({ shop: 'convenience|supermarket|kiosk' })] },
  { id: 'express', zh: '快递/邮件送达设施', en: 'Parcel / express point', level: 5, maxWalkMeters: 300, required: true, color: '#aec7e8',
    osm: [r({ amenity: 'parcel_locker|post_office' }), r({ shop: 'outpost' })] },
  { id: 'waste', zh: '垃圾收集/再生资源回收', en: 'Waste & recycling point', level: 5, maxWalkMeters: 300, required: true, color: '#7f7f7f',
    osm: [r({ amenity: 'recycling|waste_disposal' })] },
  { id: 'housekeeping', zh: '家政服务', en: 'Housekeeping services', level: 15, maxWalkMeters: 1000, required: false, color: '#c7c7c7',
    osm: [r({ shop: 'dry_cleaning|laundry' })] },
];

/** Resolve a category given by id or by its Chinese (or English) name; null when unknown. */
export function resolveCategoryId(value: string, table: readonly CategoryDef[] = DEFAULT_CATEGORIES): CategoryId | null {
  const v = value.trim();
  if (!v) return null;
  const lower = v.toLowerCase();
  for (const c of table) {
    if (c.id === lower || c.zh === v || c.en.toLowerCase() === lower) return c.id;
  }
  // Partial Chinese names such as "菜市场" or "托儿所" (parts of "菜市场/生鲜超市", "托育/托儿所").
  for (const c of table) {
    if (c.zh.split('/').some((part) => part === v)) return c.id;
  }
  return null;
}

/** Does an OSM element's tag set match a rule? */
export function matchesOsmRule(tags: Record<string, string>, rule: OsmTagRule): boolean {
  for (const [k, spec] of Object.entries(rule.all)) {
    const v = tags[k];
    if (v === undefined) return false;
    if (spec !== '*' && !spec.split('|').includes(v)) return false;
  }
  if (rule.nameContains) {
    const name = tags.name ?? '';
    if (!rule.nameContains.some((s) => name.includes(s))) return false;
  }
  if (rule.minNumeric) {
    for (const [k, min] of Object.entries(rule.minNumeric)) {
      const n = Number(tags[k]);
      if (!Number.isFinite(n) || n < min) return false;
    }
  }
  return true;
}

/** All category ids an OSM element maps to (a community_centre counts for culture and community_service). */
export function categoriesForOsmTags(tags: Record<string, string>, table: readonly CategoryDef[] = DEFAULT_CATEGORIES): CategoryId[] {
  return table.filter((c) => c.osm.some((rule) => matchesOsmRule(tags, rule))).map((c) => c.id);
}
