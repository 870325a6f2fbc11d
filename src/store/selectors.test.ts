import { describe, expect, it } from 'vitest';
import type { Community, Facility, Road } from '../core/types';
import { createAppStore } from './index';
import { selectSelectedCommunity, selectSummary, summarize } from './selectors';

const square = { type: 'Polygon' as const, coordinates: [[[0, 0], [0.001, 0], [0.001, 0.001], [0, 0.001], [0, 0]]] };
const community = (id: string, buildYear: number | null, households: number | null): Community => ({
  id, name: id, geometry: square, buildYear, households, residents: null, buildings: null, district: null, subdistrict: null,
  propertyManagement: null, willingness: null, renovation: 'none', renovatedYear: null, demolitionPlanned: false, shantyTown: false,
  historic: false, properties: {},
});
const facility = (id: string, categories: string[]): Facility => ({ id, name: id, categories, geometry: { type: 'Point', coordinates: [0, 0] }, planned: false, properties: {} });
// One degree of longitude on the equator is ~111.195 km with turf's earth radius.
const road = (id: string, highway: string, lngDegrees: number): Road => ({ id, highway, name: null, geometry: { type: 'LineString', coordinates: [[0, 0], [lngDegrees, 0]] }, properties: {} });

describe('summarize', () => {
  it('counts old communities (<= threshold), households, facilities per category and road km per class', () => {
    const s = summarize(
      [community('a', 1978, 120), community('b', 2000, 80), community('c', 2001, 300), community('d', null, 10)],
      [facility('f1', ['market']), facility('f2', ['culture', 'community_service']), facility('f3', ['market'])],
      [road('r1', 'primary', 0.01), road('r2', 'footway', 0.005), road('r3', 'residential', 0.002)],
      2000,
    );
    expect(s.communityCount).toBe(4);
    expect(s.oldCommunityCount).toBe(2);
    expect(s.households).toBe(510);
    expect(s.oldHouseholds).toBe(200);
    expect(s.facilityCount).toBe(3);
    expect(s.facilitiesByCategory).toEqual({ market: 2, culture: 1, community_service: 1 });
    expect(s.roadKilometersByClass.arterial).toBeCloseTo(1.112, 2);
    expect(s.roadKilometersByClass.footpath).toBeCloseTo(0.556, 2);
    expect(s.roadKilometersByClass.local).toBeCloseTo(0.222, 2);
    expect(s.roadKilometers).toBeCloseTo(1.89, 2);
  });
});

describe('store', () => {
  it('memoises the summary and resolves the selected community; a new dataset clears the selection', () => {
    const store = createAppStore();
    const communities = [community('a', 1978, 120), community('b', 2005, 80)];
    store.getState().setDataset({ name: 't', communities, facilities: [], roads: [], water: [], issues: [] });
    const s1 = selectSummary(store.getState());
    store.getState().setHover({ kind: 'community', id: 'a' });
    expect(selectSummary(store.getState())).toBe(s1);
    expect(s1.oldCommunityCount).toBe(1);
    store.getState().select({ kind: 'community', id: 'b' });
    expect(selectSelectedCommunity(store.getState())?.buildYear).toBe(2005);
    store.getState().setDataset({ name: 't2', communities: [], facilities: [], roads: [], water: [], issues: [] });
    expect(store.getState().selection).toBeNull();
    expect(store.getState().dataVersion).toBe(2);
  });

  it('toggles layer visibility and facility categories', () => {
    const store = createAppStore();
    store.getState().setLayerVisible('roads', false);
    expect(store.getState().layerVisibility).toEqual({ communities: true, facilities: true, roads: false, water: true, zones: true });
    store.getState().toggleCategory('market');
    store.getState().toggleCategory('canteen');
    store.getState().toggleCategory('market');
    expect(store.getState().hiddenCategories).toEqual(['canteen']);
  });
});
