import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { offsetLngLat } from '../core/geo';
import type { Community } from '../core/types';
import { autoZone } from '../core/zoning';
import { createAppStore } from './index';
import type { AppStore } from './index';
import { beginZonesEdit, endZonesEdit, zonesHistory } from './zones/history';

const O: [number, number] = [115.89, 28.68];
/** A 40 m square community whose south-west corner is `east` m east and `north` m north of O. */
function square(id: string, east: number, north: number, extra: Partial<Community> = {}): Community {
  const c = (e: number, n: number) => offsetLngLat(O[0], O[1], e, n);
  return {
    id, name: `小区${id}`, geometry: { type: 'Polygon', coordinates: [[c(east, north), c(east + 40, north), c(east + 40, north + 40), c(east, north + 40), c(east, north)]] },
    buildYear: 1990, households: 100, residents: 250, buildings: 3, district: null, subdistrict: '滨江街道',
    propertyManagement: 'none', willingness: 0.8, renovation: 'none', renovatedYear: null,
    demolitionPlanned: false, shantyTown: false, historic: false, properties: {}, ...extra,
  };
}
/** Box around metres [e0, e1] × [n0, n1] as a polygon. */
function box(e0: number, n0: number, e1: number, n1: number): Polygon {
  const c = (e: number, n: number) => offsetLngLat(O[0], O[1], e, n);
  return { type: 'Polygon', coordinates: [[c(e0, n0), c(e1, n0), c(e1, n1), c(e0, n1), c(e0, n0)]] };
}

/** Two rows of 3 squares 10 m apart (one cluster), a far pair (another cluster), one too new, one for demolition. */
const communities: Community[] = [
  square('a', 0, 0), square('b', 50, 0), square('c', 100, 0),
  square('d', 0, 50), square('e', 50, 50), square('f', 100, 50),
  square('g', 1000, 0), square('h', 1050, 0),
  square('new', 150, 0, { buildYear: 2010 }),
  square('demo', 150, 50, { demolitionPlanned: true }),
];

function storeWithData(): AppStore {
  const store = createAppStore();
  store.getState().setDataset({ name: 't', communities, facilities: [], roads: [], water: [], issues: [] });
  return store;
}
const ids = (store: AppStore) => store.getState().zones.map((z) => `${z.id}:${z.memberIds.join(',')}`);

describe('zones slice', () => {
  it('auto zoning result is applied; manual zones are kept unless replace', () => {
    const store = storeWithData();
    const auto = autoZone(communities, { gapMeters: 30 }).zones;
    expect(auto.map((z) => z.memberIds.length).sort()).toEqual([2, 6]);
    store.getState().applyAutoZoning(auto, 'replace');
    expect(store.getState().zones).toHaveLength(2);
    const zAb = store.getState().zones.find((z) => z.memberIds.includes('a'))!;
    // A hand edit makes the zone manual.
    expect(store.getState().toggleZoneMember(zAb.id, 'f')).toBe(true);
    const manual = store.getState().zones.find((z) => z.source === 'manual')!;
    expect(manual.memberIds).toEqual(['a', 'b', 'c', 'd', 'e']);
    // Re-run without the manual zone's members (as the Worker does): f alone and g,h.
    const rerun = autoZone(communities, { gapMeters: 30, rules: {}, eligible: Uint8Array.from(communities.map((c) => (manual.memberIds.includes(c.id) || c.id === 'new' || c.id === 'demo' ? 0 : 1))) }).zones;
    store.getState().applyAutoZoning(rerun, 'keep');
    const zones = store.getState().zones;
    expect(zones).toHaveLength(3);
    expect(zones[0]).toBe(manual);
    expect(new Set(zones.map((z) => z.id)).size).toBe(3);
    store.getState().applyAutoZoning(auto, 'replace');
    expect(store.getState().zones.every((z) => z.source === 'auto')).toBe(true);
  });

  it('adds and removes members (ineligible ones refused), one zone per community', () => {
    const store = storeWithData();
    const s = () => store.getState();
    const id1 = s().addDrawnZone(box(-5, -5, 95, 45), '甲')!;
    expect(s().zones.find((z) => z.id === id1)!.memberIds).toEqual(['a', 'b']);
    const id2 = s().addDrawnZone(box(45, -5, 145, 95), '乙')!;
    // b moved to the new zone; c, e, f too; the too-new/demolition ones are never taken.
    expect(ids(store)).toEqual([`${id1}:a`, `${id2}:b,c,e,f`]);
    expect(s().toggleZoneMember(id1, 'new')).toBe(false);
    expect(s().zoneMessage).toBe('ineligible');
    expect(s().toggleZoneMember(id1, 'd')).toBe(true);
    expect(s().zones.find((z) => z.id === id1)!.memberIds).toEqual(['a', 'd']);
    expect(s().toggleZoneMember(id2, 'e')).toBe(true);
    expect(s().zones.find((z) => z.id === id2)!.memberIds).toEqual(['b', 'c', 'f']);
    expect(s().addDrawnZone(box(500, 500, 600, 600), '空')).toBeNull();
    expect(s().zoneMessage).toBe('noMembersInside');
  });

  it('merges, splits by a line, renames and deletes', () => {
    const store = storeWithData();
    const s = () => store.getState();
    const a = s().addDrawnZone(box(-5, -5, 145, 45), 'A')!;
    const b = s().addDrawnZone(box(-5, 45, 145, 95), 'B')!;
    expect(s().mergeZones(a, b)).toBe(true);
    expect(ids(store)).toEqual([`${a}:a,b,c,d,e,f`]);
    // A north-south cut at 75 m east: a, b, d, e on its west side … c, f east.
    const cut = { type: 'LineString' as const, coordinates: [offsetLngLat(O[0], O[1], 95, 200), offsetLngLat(O[0], O[1], 96, -100)] };
    const newId = s().splitZone(a, cut, 'A2');
    expect(newId).not.toBeNull();
    const parts = s().zones.map((z) => z.memberIds.join(',')).sort();
    expect(parts).toEqual(['a,b,d,e', 'c,f']);
    const miss = { type: 'LineString' as const, coordinates: [offsetLngLat(O[0], O[1], 500, 200), offsetLngLat(O[0], O[1], 500, -100)] };
    expect(s().splitZone(a, miss, 'x')).toBeNull();
    expect(s().zoneMessage).toBe('splitNeedsCross');
    s().renameZone(newId!, '  东片区 ');
    expect(s().zones.find((z) => z.id === newId)!.name).toBe('东片区');
    s().deleteZone(newId!);
    expect(s().zones.map((z) => z.id)).toEqual([a]);
  });

  it('outline edits recompute members', () => {
    const store = storeWithData();
    const s = () => store.getState();
    const a = s().addDrawnZone(box(-5, -5, 45, 45), 'A')!;
    expect(s().setZoneOutline(a, box(-5, -5, 95, 95))).toBe(true);
    expect(s().zones[0].memberIds).toEqual(['a', 'b', 'd', 'e']);
  });

  it('undo/redo restore exactly the previous zones and settings, and ignore other state', () => {
    const store = storeWithData();
    const s = () => store.getState();
    const history = zonesHistory(store);
    history.getState().clear();
    const a = s().addDrawnZone(box(-5, -5, 145, 45), 'A')!;
    const afterDraw = s().zones;
    s().setHover({ kind: 'community', id: 'a' });
    s().select({ kind: 'community', id: 'b' });
    s().toggleZoneMember(a, 'b');
    const afterToggle = s().zones;
    expect(afterToggle[0].memberIds).toEqual(['a', 'c']);
    s().setZoningSettings({ gapMeters: 12 });
    expect(history.getState().pastStates).toHaveLength(3);
    history.getState().undo();
    expect(s().zoningSettings.gapMeters).toBe(30);
    history.getState().undo();
    expect(s().zones).toBe(afterDraw);
    expect(s().zones[0].memberIds).toEqual(['a', 'b', 'c']);
    // UI state is not part of history.
    expect(s().selection).toEqual({ kind: 'community', id: 'b' });
    history.getState().redo();
    expect(s().zones).toBe(afterToggle);
    history.getState().undo();
    history.getState().undo();
    expect(s().zones).toEqual([]);
    history.getState().redo();
    history.getState().redo();
    history.getState().redo();
    expect(s().zones).toBe(afterToggle);
    expect(s().zoningSettings.gapMeters).toBe(12);
  });

  it('a settings field edited keystroke by keystroke is one undo step (and none when it ends unchanged)', () => {
    const store = storeWithData();
    const s = () => store.getState();
    const history = zonesHistory(store);
    history.getState().clear();
    s().setZoningSettings({ gapMeters: 40 });
    beginZonesEdit(store);
    for (const v of [1, 12, 120]) s().setZoningSettings({ gapMeters: v });
    endZonesEdit(store);
    expect(history.getState().pastStates).toHaveLength(2);
    history.getState().undo();
    expect(s().zoningSettings.gapMeters).toBe(40);
    history.getState().redo();
    expect(s().zoningSettings.gapMeters).toBe(120);
    history.getState().undo();
    history.getState().undo();
    expect(s().zoningSettings.gapMeters).toBe(30);
    // Focus in and out without a change: no step; a new edit drops the redo branch.
    history.getState().redo();
    beginZonesEdit(store);
    endZonesEdit(store);
    expect(history.getState().pastStates).toHaveLength(1);
    expect(history.getState().futureStates).toHaveLength(1);
    beginZonesEdit(store);
    s().setZoningSettings({ gapMeters: 55 });
    endZonesEdit(store);
    expect(history.getState().pastStates.map((p) => p.zoningSettings?.gapMeters)).toEqual([30, 40]);
    expect(history.getState().futureStates).toHaveLength(0);
  });
});
