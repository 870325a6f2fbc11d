/**
 * Service facilities (points) for all 19 default categories. They stand 6–35 m off a named street inside a block,
 * at least 5 m from any way.
 * The newer district gets most of them and the old core few, so that the life-circle analysis finds real service
 * gaps in the old town; childcare, elderly day care and canteens are deliberately rare everywhere.
 */
import { centroid, dist, lerp, pointSegmentDistance, type Vec } from './geom';
import { NEIGHBOURHOODS, ROMAN_ZH } from './names';
import type { WayDraft, Zone } from './network';
import type { Rng } from './prng';
import { inRiver, type RiverShape } from './river';
import type { Block } from './streets';

export interface FacilityProps {
  id: string;
  name: string;
  category: string;
  address: string | null;
}

export interface FacilityDraft {
  p: Vec;
  props: FacilityProps;
}

/** How many of each category, and the share placed in the newer district (the rest goes to the old core). */
export const FACILITY_PLAN: readonly { category: string; count: number; newShare: number }[] = [
  { category: 'health_center', count: 5, newShare: 0.6 },
  { category: 'elderly_care', count: 8, newShare: 0.6 },
  { category: 'middle_school', count: 7, newShare: 0.6 },
  { category: 'culture', count: 10, newShare: 0.6 },
  { category: 'sports', count: 10, newShare: 0.7 },
  { category: 'post_office', count: 7, newShare: 0.55 },
  { category: 'primary_school', count: 14, newShare: 0.6 },
  { category: 'market', count: 24, newShare: 0.65 },
  { category: 'community_service', count: 30, newShare: 0.7 },
  { category: 'kindergarten', count: 34, newShare: 0.72 },
  { category: 'childcare', count: 4, newShare: 0.75 },
  { category: 'elderly_daycare', count: 5, newShare: 0.6 },
  { category: 'health_station', count: 34, newShare: 0.7 },
  { category: 'canteen', count: 4, newShare: 0.75 },
  { category: 'fitness', count: 40, newShare: 0.72 },
  { category: 'convenience', count: 80, newShare: 0.7 },
  { category: 'express', count: 60, newShare: 0.72 },
  { category: 'waste', count: 40, newShare: 0.7 },
  { category: 'housekeeping', count: 14, newShare: 0.65 },
];

const CORE_HOODS = NEIGHBOURHOODS.slice(0, 20);
const NEW_HOODS = NEIGHBOURHOODS.slice(20);
const SCHOOL_NUMBERS = [2, 3, 5, 8, 10, 11, 13, 16, 19, 23, 28, 29];

type NameFn = (rng: Rng, hood: string, road: string) => string;
const NAMES: Record<string, NameFn> = {
  health_center: (r, h) => `${h}${r.pick(['社区卫生服务中心', '街道社区卫生服务中心'])}`,
  elderly_care: (r, h) => r.pick([`${h}颐养院`, `${h}养老院`, `${h}康养中心`, '福寿园老年公寓', '夕阳红养老公寓']),
  middle_school: (r, h) => r.pick([`南昌市第${r.pick(SCHOOL_NUMBERS)}中学`, `${h}中学`, `${h}实验中学`]),
  culture: (r, h) => r.pick([`${h}文化站`, `${h}图书馆`, `${h}社区文化活动中心`]),
  sports: (r, h) => r.pick([`${h}体育场`, `${h}篮球场`, `${h}全民健身中心`, `${h}门球场`]),
  post_office: (_r, _h, road) => `中国邮政(${road}营业所)`,
  primary_school: (r, h, road) => r.pick([`${road}小学`, `${h}小学`, `南昌市${h}实验小学`]),
  market: (r, h, road) => r.pick([`${h}菜市场`, `${h}农贸市场`, `永辉超市(${road}店)`, `洪客隆(${road}店)`, `${h}生鲜超市`]),
  community_service: (r, h) => `${h}社区${r.pick(['党群服务中心', '综合服务站'])}`,
  kindergarten: (r, h, road) => r.pick([`${h}幼儿园`, `${road}幼儿园`, '红星幼儿园', '小太阳幼儿园', '育才幼儿园', '蓝天幼儿园', '启航幼儿园', '童心幼儿园']),
  childcare: (r, h, road) => r.pick([`${h}托育中心`, `宝贝托育园(${road}店)`, `${h}社区托育点`]),
  elderly_daycare: (_r, h) => `${h}社区老年人日间照料中心`,
  health_station: (r, h, road) => r.pick([`${h}社区卫生服务站`, `${h}社区卫生服务站`, `黄庆仁栈大药房(${road}店)`, `益丰大药房(${road}店)`, `${road}诊所`]),
  canteen: (r, h) => `${h}${r.pick(['长者食堂', '社区助餐点'])}`,
  fitness: (r, h, road) => r.pick([`${h}健身广场`, `${h}口袋公园`, `${road}游园`, `${h}健身苑`]),
  convenience: (r, _h, road) => `${r.pick(['美宜佳便利店', '天虹便利店', '见福便利店', '罗森', '苏宁小店', '华润万家便利店', '红谷便利'])}(${road}店)`,
  express: (r, h, road) => r.pick([`菜鸟驿站(${h}店)`, `丰巢快递柜(${h})`, `妈妈驿站(${road}店)`, `兔喜生活(${road}店)`, `中通快递(${road}网点)`]),
  waste: (r, h, road) => r.pick([`${h}垃圾分类收集点`, `${h}再生资源回收站`, `${road}垃圾分类亭`]),
  housekeeping: (r, h, road) => r.pick([`${h}家政服务`, `好帮手家政(${road}店)`, `${h}洗衣店`]),
};

interface Segment { a: Vec; b: Vec; lengthMeters: number; name: string }

function pointInConvex(p: Vec, ring: readonly Vec[]): boolean {
  for (let i = 0; i < ring.length; i++) {
    const a = ring[i], b = ring[(i + 1) % ring.length];
    if ((b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]) < 0) return false;
  }
  return true;
}

export function pointInRing(p: Vec, ring: readonly Vec[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[i], b = ring[j];
    if ((a[1] > p[1]) !== (b[1] > p[1]) && p[0] < ((b[0] - a[0]) * (p[1] - a[1])) / (b[1] - a[1]) + a[0]) inside = !inside;
  }
  return inside;
}

export function buildFacilities(rng: Rng, ways: WayDraft[], blocks: Block[], river: RiverShape, ponds: Vec[][]): FacilityDraft[] {
  const allSegments: [Vec, Vec][] = [];
  const streetSegments: Record<Zone, Segment[]> = { core: [], new: [] };
  for (const w of ways) {
    for (let i = 0; i + 1 < w.nodes.length; i++) {
      const a = w.nodes[i].p, b = w.nodes[i + 1].p;
      allSegments.push([a, b]);
      const street = ['trunk', 'primary', 'secondary', 'tertiary', 'residential', 'service'].includes(w.highway);
      if (street && w.zone && w.name && w.bridge !== 'yes') streetSegments[w.zone].push({ a, b, lengthMeters: dist(a, b), name: w.name });
    }
  }
  const placed: Vec[] = [];
  const usedNames = new Set<string>();
  const hoodAt = (p: Vec, zone: Zone): string => {
    const list = zone === 'core' ? CORE_HOODS : NEW_HOODS;
    const k = Math.floor(p[0] / 450) * 7 + Math.floor(p[1] / 450) * 3;
    return list[((k % list.length) + list.length) % list.length];
  };
  const uniqueName = (category: string, hood: string, road: string): string => {
    for (let i = 0; i < 8; i++) {
      const n = NAMES[category](rng, hood, road);
      if (!usedNames.has(n)) { usedNames.add(n); return n; }
    }
    // Still taken: a second branch, as in 美宜佳便利店(阳明路二店) or 红星幼儿园二部.
    const base = NAMES[category](rng, hood, road);
    for (let i = 1; ; i++) {
      const nth = ROMAN_ZH[i % 10] + (i >= 10 ? String(i) : '');
      const n = base.endsWith('店)') ? `${base.slice(0, -2)}${nth}店)` : `${base}${nth}部`;
      if (!usedNames.has(n)) { usedNames.add(n); return n; }
    }
  };
  const spot = (zone: Zone): { p: Vec; road: string } => {
    const segs = streetSegments[zone];
    const weights = segs.map((s) => s.lengthMeters);
    for (;;) {
      const s = segs[rng.weighted(weights)];
      const side = rng.chance(0.5) ? 1 : -1;
      const off = rng.range(6, 35);
      const base = lerp(s.a, s.b, rng.range(0.1, 0.9));
      const p: Vec = [base[0] - (side * off * (s.b[1] - s.a[1])) / s.lengthMeters, base[1] + (side * off * (s.b[0] - s.a[0])) / s.lengthMeters];
      if (inRiver(river, p, 15) || ponds.some((r) => pointInRing(p, r))) continue;
      if (!blocks.some((b) => b.zone === zone && pointInConvex(p, b.corners))) continue;
      if (placed.some((q) => dist(p, q) < 8)) continue;
      if (allSegments.some(([a, b]) => pointSegmentDistance(p, a, b).distance < 5)) continue;
      return { p, road: s.name };
    }
  };
  const drafts: FacilityDraft[] = [];
  const park = blocks.find((b) => b.kind === 'park');
  for (const plan of FACILITY_PLAN) {
    const nNew = Math.round(plan.count * plan.newShare);
    for (let i = 0; i < plan.count; i++) {
      const zone: Zone = i < nNew ? 'new' : 'core';
      let name: string | null = null;
      let where: { p: Vec; road: string };
      if (plan.category === 'fitness' && i === 0 && park) {
        // The park with the pond is itself an outdoor fitness venue; its gate is near a corner.
        where = { p: lerp(park.corners[0], centroid(park.corners), 0.12), road: park.edgeName[0] };
        name = '凤凰公园';
        usedNames.add(name);
      } else {
        where = spot(zone);
      }
      placed.push(where.p);
      name ??= uniqueName(plan.category, hoodAt(where.p, zone), where.road);
      drafts.push({ p: where.p, props: { id: '', name, category: plan.category, address: `${where.road}${rng.int(1, 299)}号` } });
    }
  }
  return drafts.map((d, i) => ({ p: d.p, props: { ...d.props, id: `F${String(i + 1).padStart(4, '0')}` } }));
}
