import * as turf from '@turf/turf';
import type { Feature, LineString, Point, Polygon } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CATEGORIES } from '../../src/core/config/categories';
import { isWalkable } from '../../src/core/config/roads';
import { DEFAULT_SEED, generateSampleCity, type SampleCity } from './city';
import { FACILITY_PLAN, pointInRing } from './facilities';
import { pointSegmentDistance, toMeters, type Vec } from './geom';
import { bankOf, boxesMeet, boxOf, closed, lineMeters, nearMissEnds, polylineDistance, ringMeters } from './testkit';

let city: SampleCity;
beforeAll(() => { city = generateSampleCity(DEFAULT_SEED); });

const props = (f: Feature): Record<string, unknown> => f.properties ?? {};
const isInt = (v: unknown): boolean => typeof v === 'number' && Number.isInteger(v);

describe('sample city: layer sizes and attributes', () => {
  it('has 300–600 communities and 300–600 facilities with unique ids', () => {
    const c = city.communities.features, f = city.facilities.features, r = city.roads.features;
    expect(c.length).toBeGreaterThanOrEqual(300);
    expect(c.length).toBeLessThanOrEqual(600);
    expect(f.length).toBeGreaterThanOrEqual(300);
    expect(f.length).toBeLessThanOrEqual(600);
    for (const layer of [c, f, r]) expect(new Set(layer.map((x) => props(x).id)).size).toBe(layer.length);
    expect(props(c[0]).id).toBe('C0001');
    expect(props(f[0]).id).toBe('F0001');
    expect(props(r[0]).id).toBe('R00001');
  });

  it('gives every community the schema with plausible values', () => {
    for (const f of city.communities.features) {
      const p = props(f);
      expect(typeof p.name === 'string' && p.name.length >= 2).toBe(true);
      expect(isInt(p.build_year) && (p.build_year as number) >= 1965 && (p.build_year as number) <= 2015).toBe(true);
      const hh = p.households as number;
      expect(isInt(hh) && hh >= 6 && hh <= 1500).toBe(true);
      const perHousehold = (p.residents as number) / hh;
      expect(perHousehold).toBeGreaterThanOrEqual(2.4 - 0.5 / hh);
      expect(perHousehold).toBeLessThanOrEqual(3.0 + 0.5 / hh);
      expect(isInt(p.buildings) && (p.buildings as number) >= 1).toBe(true);
      expect(['东湖区', '西湖区', '青山湖区', '红谷滩区']).toContain(p.district);
      expect(String(p.subdistrict)).toMatch(/街道$/);
      expect(['professional', 'self', 'none']).toContain(p.property_management);
      const w = p.willingness as number;
      expect(w >= 0 && w <= 1 && Math.abs(w * 100 - Math.round(w * 100)) < 1e-9).toBe(true);
      expect(['none', 'planned', 'done']).toContain(p.renovation);
      if (p.renovation === 'done') expect(isInt(p.renovated_year)).toBe(true);
      else expect(p.renovated_year).toBeNull();
      for (const k of ['demolition_planned', 'shanty_town', 'historic']) expect(typeof p[k]).toBe('boolean');
    }
  });

  it('flags only a few communities for demolition, shanty-town and historic protection', () => {
    const c = city.communities.features.map(props);
    const share = (k: string): number => c.filter((p) => p[k] === true).length / c.length;
    expect(share('demolition_planned')).toBeGreaterThanOrEqual(0.02);
    expect(share('demolition_planned')).toBeLessThanOrEqual(0.04);
    expect(share('shanty_town')).toBeGreaterThan(0);
    expect(share('shanty_town')).toBeLessThanOrEqual(0.04);
    expect(share('historic')).toBeGreaterThan(0);
    expect(share('historic')).toBeLessThanOrEqual(0.05);
    // Historic compounds are all in the old core.
    expect(c.filter((p) => p.historic === true && p.district === '红谷滩区')).toHaveLength(0);
  });

  it('has an old core that is mostly pre-2000 and a new district that is mostly post-2000', () => {
    const c = city.communities.features.map(props);
    const pre2000 = (list: Record<string, unknown>[]): number => list.filter((p) => (p.build_year as number) < 2000).length / list.length;
    const core = c.filter((p) => p.district !== '红谷滩区');
    const fresh = c.filter((p) => p.district === '红谷滩区');
    expect(fresh.length).toBeGreaterThan(30);
    expect(pre2000(core)).toBeGreaterThan(0.75);
    expect(pre2000(fresh)).toBeLessThan(0.35);
  });

  it('ranges from single buildings to large work-unit compounds', () => {
    const areas = city.communities.features.map((f) => turf.area(f));
    expect(Math.min(...areas)).toBeLessThan(800); // ~30 × 15 m building
    expect(Math.max(...areas)).toBeGreaterThan(40_000); // ~300 × 250 m compound is 75,000 m²
    expect(city.communities.features.filter((f) => props(f).buildings === 1).length).toBeGreaterThan(10);
  });

  it('has every default category, with the planned counts, the rare ones few', () => {
    const counts = new Map<string, number>();
    for (const f of city.facilities.features) counts.set(String(props(f).category), (counts.get(String(props(f).category)) ?? 0) + 1);
    expect(DEFAULT_CATEGORIES).toHaveLength(19);
    for (const c of DEFAULT_CATEGORIES) {
      const planned = FACILITY_PLAN.find((p) => p.category === c.id);
      expect(planned, c.id).toBeDefined();
      expect(counts.get(c.id), c.id).toBe(planned!.count);
    }
    for (const rare of ['elderly_daycare', 'childcare', 'canteen']) expect(counts.get(rare)!).toBeLessThanOrEqual(6);
    expect([...counts.keys()].every((k) => DEFAULT_CATEGORIES.some((c) => c.id === k))).toBe(true);
  });

  it('serves the new district densely and the old core sparsely', () => {
    const river = ringMeters(city.water.features.find((f) => props(f).kind === 'river')! as Feature<Polygon>);
    const westFacilities = city.facilities.features.filter((f) => bankOf(river, toMeters((f as Feature<Point>).geometry.coordinates)) < 0).length;
    const westCommunities = city.communities.features.filter((f) => props(f).district === '红谷滩区').length;
    const facilityShare = westFacilities / city.facilities.features.length;
    const communityShare = westCommunities / city.communities.features.length;
    expect(facilityShare).toBeGreaterThan(0.6);
    expect(communityShare).toBeLessThan(0.35);
  });

  it('gives facilities and streets Chinese names', () => {
    expect(city.facilities.features.every((f) => /[\u4e00-\u9fff]/.test(String(props(f).name)))).toBe(true);
    const named = city.roads.features.filter((f) => props(f).name !== null);
    expect(named.every((f) => /[\u4e00-\u9fff]/.test(String(props(f).name)))).toBe(true);
    for (const f of city.roads.features.filter((x) => ['footway', 'path', 'steps'].includes(String(props(x).highway)))) {
      expect(props(f).name).toBeNull();
    }
  });
});

describe('sample city: geometry', () => {
  it('has valid polygons with closed, counter-clockwise outer rings (RFC 7946)', () => {
    for (const f of [...city.communities.features, ...city.water.features]) {
      const ring = f.geometry.coordinates[0];
      expect(ring[0]).toEqual(ring[ring.length - 1]);
      expect(turf.booleanValid(f), String(props(f).id)).toBe(true);
      expect(turf.booleanClockwise(ring), String(props(f).id)).toBe(false);
    }
  });

  it('has 40–80 km of streets across all classes, including the non-walkable bypass and a private path', () => {
    const km = city.roads.features.reduce((s, f) => s + turf.length(f, { units: 'kilometers' }), 0);
    expect(km).toBeGreaterThan(40);
    expect(km).toBeLessThan(80);
    const classes = new Set(city.roads.features.map((f) => props(f).highway));
    for (const h of ['trunk', 'primary', 'secondary', 'tertiary', 'residential', 'service', 'footway', 'path', 'steps', 'motorway']) expect(classes).toContain(h);
    const notWalkable = city.roads.features.filter((f) => !isWalkable(props(f)));
    expect(notWalkable.map((f) => props(f).highway).sort()).toEqual(['footway', 'motorway', 'motorway_link']);
    expect(props(notWalkable.find((f) => props(f).highway === 'footway')!).access).toBe('private');
  });

  it('never overlaps two communities, yet many touch and many are a few metres apart', () => {
    const c = city.communities.features;
    const rings = c.map((f) => closed(ringMeters(f)));
    const boxes = rings.map((r) => boxOf(r, 31));
    let touching = 0, near = 0;
    for (let i = 0; i < c.length; i++) {
      for (let j = i + 1; j < c.length; j++) {
        if (!boxesMeet(boxes[i], boxes[j])) continue;
        const gap = polylineDistance(rings[i], rings[j]);
        if (gap < 0.05) {
          const inter = turf.intersect(turf.featureCollection([c[i], c[j]]));
          expect(inter ? turf.area(inter) : 0, `${props(c[i]).id} × ${props(c[j]).id}`).toBeLessThan(1);
          touching++;
        } else {
          // Apart boundaries can still mean one polygon inside the other.
          expect(pointInRing(rings[i][0], rings[j]) || pointInRing(rings[j][0], rings[i])).toBe(false);
          if (gap >= 1 && gap <= 30) near++;
        }
      }
    }
    expect(touching).toBeGreaterThan(50);
    expect(near).toBeGreaterThan(50);
  });

  it('keeps communities clear of every road and out of the water', () => {
    const roads = city.roads.features.map((f) => lineMeters(f));
    const roadBoxes = roads.map((l) => boxOf(l, 5));
    const water = city.water.features.map((f) => closed(ringMeters(f)));
    let minGap = Infinity;
    for (const f of city.communities.features) {
      const ring = closed(ringMeters(f));
      const box = boxOf(ring);
      roads.forEach((line, k) => {
        if (boxesMeet(box, roadBoxes[k])) minGap = Math.min(minGap, polylineDistance(ring, line));
      });
      expect(water.some((w) => pointInRing(ring[0], w) || polylineDistance(ring, w) === 0)).toBe(false);
    }
    expect(minGap).toBeGreaterThan(3);
  });

  it('puts facilities 5–60 m from a street, inside the town and never in the water', () => {
    const segs: [Vec, Vec][] = [];
    for (const f of city.roads.features) {
      const l = lineMeters(f);
      for (let i = 0; i + 1 < l.length; i++) segs.push([l[i], l[i + 1]]);
    }
    const water = city.water.features.map(ringMeters);
    for (const f of city.facilities.features as Feature<Point>[]) {
      const p = toMeters(f.geometry.coordinates);
      const d = Math.min(...segs.map(([a, b]) => pointSegmentDistance(p, a, b).distance));
      expect(d, String(props(f).id)).toBeGreaterThanOrEqual(5);
      expect(d, String(props(f).id)).toBeLessThanOrEqual(60);
      expect(water.some((w) => pointInRing(p, w))).toBe(false);
    }
  });
});

describe('sample city: network topology', () => {
  const key = (c: number[]): string => `${c[0]},${c[1]}`;

  it('joins streets at shared vertices: no way ends on another way without a common vertex', () => {
    expect(nearMissEnds(city.roads)).toEqual([]);
    const lines = city.roads.features.map((f) => ({ f, m: lineMeters(f), keys: new Set(f.geometry.coordinates.map(key)) }));
    let tJunctions = 0;
    for (const a of lines) {
      for (const end of [a.f.geometry.coordinates[0], a.f.geometry.coordinates[a.f.geometry.coordinates.length - 1]]) {
        const p = toMeters(end);
        for (const b of lines) {
          if (b === a || props(b.f).bridge === 'yes' || props(a.f).bridge === 'yes') continue;
          const near = b.m.some((q, i) => i + 1 < b.m.length && pointSegmentDistance(p, q, b.m[i + 1]).distance < 0.5);
          if (!near) continue;
          expect(b.keys.has(key(end)), `${props(a.f).id} ends on ${props(b.f).id}`).toBe(true);
          const inner = b.f.geometry.coordinates.slice(1, -1).some((c) => key(c) === key(end));
          if (inner) tJunctions++;
        }
      }
    }
    expect(tJunctions).toBeGreaterThan(100);
  });

  it('has dead ends', () => {
    const degree = new Map<string, number>();
    for (const f of city.roads.features) {
      const cs = f.geometry.coordinates;
      cs.forEach((c, i) => degree.set(key(c), (degree.get(key(c)) ?? 0) + (i === 0 || i === cs.length - 1 ? 1 : 2)));
    }
    expect([...degree.values()].filter((d) => d === 1).length).toBeGreaterThan(40);
  });

  it('crosses the river only on its 3–4 bridges', () => {
    const river = city.water.features.find((f) => props(f).kind === 'river')! as Feature<Polygon>;
    const bridges = city.roads.features.filter((f) => props(f).bridge === 'yes');
    expect(bridges.length).toBeGreaterThanOrEqual(3);
    expect(bridges.length).toBeLessThanOrEqual(4);
    for (const b of bridges) expect(turf.booleanIntersects(b, river)).toBe(true);
    for (const f of city.roads.features.filter((x) => props(x).bridge !== 'yes')) {
      expect(turf.booleanIntersects(f as Feature<LineString>, river), String(props(f).id)).toBe(false);
    }
  });

  it('falls apart into one side per bank without the bridges, and is one network with them', () => {
    const river = ringMeters(city.water.features.find((f) => props(f).kind === 'river')! as Feature<Polygon>);
    const components = (withBridges: boolean): Map<string, string> => {
      const parent = new Map<string, string>();
      const find = (k: string): string => { let r = k; while (parent.get(r) !== r) r = parent.get(r)!; parent.set(k, r); return r; };
      for (const f of city.roads.features) {
        if (!withBridges && props(f).bridge === 'yes') continue;
        const ks = f.geometry.coordinates.map(key);
        for (const k of ks) if (!parent.has(k)) parent.set(k, k);
        for (let i = 1; i < ks.length; i++) parent.set(find(ks[i]), find(ks[0]));
      }
      return new Map([...parent.keys()].map((k) => [k, find(k)]));
    };
    const split = components(false);
    const sides = new Map<string, Set<number>>();
    for (const [k, root] of split) {
      const [lng, lat] = k.split(',').map(Number);
      const side = bankOf(river, toMeters([lng, lat]));
      if (!sides.has(root)) sides.set(root, new Set());
      sides.get(root)!.add(side);
    }
    for (const s of sides.values()) expect(s.has(-1) && s.has(1)).toBe(false);
    expect(new Set(components(true).values()).size).toBe(1);
  });
});

describe('sample city: other seeds', () => {
  it.each([1, 42])('seed %i gives a town in the same ranges, with clean junctions and bridges', (seed) => {
    const other = generateSampleCity(seed);
    expect(other.communities.features.length).toBeGreaterThanOrEqual(300);
    expect(other.communities.features.length).toBeLessThanOrEqual(600);
    const km = other.roads.features.reduce((s, f) => s + turf.length(f, { units: 'kilometers' }), 0);
    expect(km).toBeGreaterThan(40);
    expect(km).toBeLessThan(80);
    expect(nearMissEnds(other.roads)).toEqual([]);
    const river = other.water.features.find((f) => props(f).kind === 'river')!;
    const crossing = other.roads.features.filter((f) => props(f).bridge !== 'yes' && turf.booleanIntersects(f, river));
    expect(crossing).toHaveLength(0);
    expect(other.communities.features.every((f) => turf.booleanValid(f))).toBe(true);
  });
});
