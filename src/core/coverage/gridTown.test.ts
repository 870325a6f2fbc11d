import { describe, expect, it } from 'vitest';
import { ORIGIN, at } from '../../../test/fixtures/network/builders';
import { gridTownCommunities, gridTownFacilities, gridTownRoads, gridTownSettings } from '../../../test/fixtures/network/gridTown';
import { createLocalProjection, haversineMeters, toLocalX, toLocalY } from '../geo/metres';
import { buildWalkNetwork } from '../network';
import { computeAccessibility, listGaps, walkPath } from './index';

const settings = gridTownSettings;

const communities = gridTownCommunities();
const facilities = gridTownFacilities();
const roads = gridTownRoads();
const S = 0, H = 1, K = 2, S2 = 3;
const [A, B, C, D, E, F] = [0, 1, 2, 3, 4, 5];
const SCHOOL = 0, HEALTH = 1, KG = 2;

describe('grid town with a river and one footbridge (hand-computed metres)', () => {
  const result = computeAccessibility({ communities, facilities, roads, settings: settings() });
  const walk = (c: number, k: number) => result.walkMeters[c * 3 + k];
  const nearest = (c: number, k: number) => result.nearestFacility[c * 3 + k];
  const count = (c: number, k: number) => result.countWithin[c * 3 + k];

  it('builds the expected network', () => {
    expect(result.mode).toBe('network');
    expect(result.network!.droppedWays).toBe(1); // the motorway
    expect(result.network!.components).toBe(2); // the town and the island
    // 4 horizontal streets × 600 m + 3 × 2 × 200 m + 600 m at x = 200 + 100 m island
    expect(result.network!.walkableKm).toBeCloseTo(4.3, 2);
  });

  it('walks around the river where the straight line crosses it', () => {
    // A → S: straight 200 m over the river; walking west 200, over the bridge 200, east 200 = 600.
    // A → S2: 200 west + 200 south = 400, so S2 is the nearest school.
    expect(walk(A, SCHOOL)).toBeCloseTo(400, 0);
    expect(nearest(A, SCHOOL)).toBe(S2);
    expect(haversineMeters(...at(400, 200), ...at(400, 400))).toBeCloseTo(200, 0);
    // A → H: 200 + 200 + 100 along y = 400, then the 70 m connector to the mid-block H.
    expect(walk(A, HEALTH)).toBeCloseTo(570, 0);
    expect(walk(A, KG)).toBeCloseTo(90, 0); // 60 along y = 200 + 30 connector
  });

  it('adds connectors of mid-block communities and facilities', () => {
    // B: 50 connector, 100 to (400,200), then as A.
    expect(walk(B, SCHOOL)).toBeCloseTo(550, 0);
    expect(walk(B, HEALTH)).toBeCloseTo(720, 0);
    // B and K on the same edge: 50 + |500 − 460| + 30, not via a node (that would be 240).
    expect(walk(B, KG)).toBeCloseTo(120, 0);
    expect(nearest(B, KG)).toBe(K);
    // C (70 m from y = 600): 100 east, 200 south, 200 east to S = 570; to H: 100 + 200 + 100 + 70 + 70 = 540.
    expect(walk(C, SCHOOL)).toBeCloseTo(570, 0);
    expect(nearest(C, SCHOOL)).toBe(S);
    expect(walk(C, HEALTH)).toBeCloseTo(540, 0);
    expect(nearest(C, HEALTH)).toBe(H);
    // F beside the bridge: 30 + 100 + 200 to either school; to H 30 + 100 + 100 + 70.
    expect(walk(F, SCHOOL)).toBeCloseTo(330, 0);
    expect(walk(F, HEALTH)).toBeCloseTo(300, 0);
    expect(walk(F, KG)).toBeCloseTo(420, 0); // 30 + 100 + 260 + 30
  });

  it('returns NaN beyond the search bound (2 × max walk)', () => {
    // C → K is 70 + 100 + 200 + 200 + 260 + 30 = 860 > 600.
    expect(walk(C, KG)).toBeNaN();
    expect(nearest(C, KG)).toBe(-1);
  });

  it('reports off-network items and tiny islands, never drops them', () => {
    expect(result.offNetworkCommunities).toEqual(['D']);
    expect(result.offNetworkFacilities).toEqual(['X']);
    expect(result.communitySnap.offNetwork[D]).toBe(1);
    expect([walk(D, SCHOOL), walk(D, HEALTH), walk(D, KG)].every(Number.isNaN)).toBe(true);
    expect(result.score[D]).toBeNaN();
    expect(result.communitySnap.tinyComponent[E]).toBe(1);
    expect(result.communitySnap.tinyComponent[A]).toBe(0);
    expect(result.communitySnap.connectorMeters[E]).toBeCloseTo(20, 0);
    expect(walk(E, HEALTH)).toBeNaN();
  });

  it('counts facilities within the max walk exactly', () => {
    expect(count(A, SCHOOL)).toBe(1); // S2 at 400; S at 600 > 500
    expect(count(F, SCHOOL)).toBe(2); // both at 330
    expect(count(B, SCHOOL)).toBe(0); // 550
    expect(count(C, SCHOOL)).toBe(0); // 570
    expect(count(B, KG)).toBe(1);
    expect(count(F, KG)).toBe(0); // 420 > 300
    expect(count(A, HEALTH)).toBe(1); // X is off-network
  });

  it('derives covered flags, scores, households and gaps', () => {
    const covered = Array.from(result.covered);
    expect(covered).toEqual([1, 1, 1, /* B */ 0, 1, 1, /* C */ 0, 1, 0, /* D */ 0, 0, 0, /* E */ 0, 0, 0, /* F */ 1, 1, 0]);
    expect(Array.from(result.score).map((s) => (Number.isNaN(s) ? null : Math.round(s * 1000) / 1000)))
      .toEqual([1, 0.667, 0.333, null, 0, 0.667]);
    const school = result.summary[SCHOOL];
    expect(school.householdsTotal).toBe(420);
    expect(school.householdsCovered).toBe(160); // A 100 + F 60
    expect(school.share).toBeCloseTo(160 / 420, 9);
    expect(school.gaps).toBe(3); // B, C, E (D is off-network)
    expect(school.offNetwork).toBe(1);
    expect(result.summary[HEALTH].householdsCovered).toBe(360);
    expect(result.summary[KG].householdsCovered).toBe(180);
    const gaps = listGaps(result, communities, settings());
    expect(gaps.map((g) => `${g.communityId}:${g.categoryId}`)).toEqual([
      'C:primary_school', 'C:kindergarten', 'B:primary_school', 'F:kindergarten',
      'E:primary_school', 'E:health_center', 'E:kindergarten',
    ]);
    expect(gaps[1].walkMeters).toBeNull();
    expect(gaps[2].walkMeters).toBeCloseTo(550, 0);
  });

  it('reconstructs the walking path with connectors', () => {
    const net = buildWalkNetwork(roads, settings().network);
    const again = computeAccessibility({ communities, facilities, network: net, settings: settings() });
    const path = walkPath(net, again, B, 'primary_school')!;
    let meters = 0;
    for (let i = 1; i < path.length; i++) meters += haversineMeters(...path[i - 1], ...path[i]);
    expect(meters).toBeCloseTo(walk(B, SCHOOL), 3);
    const proj = createLocalProjection(ORIGIN[0], ORIGIN[1]);
    const xy = path.map(([lng, lat]) => [Math.round(toLocalX(proj, lng)), Math.round(toLocalY(proj, lat))]);
    expect(xy[0]).toEqual([500, 150]);
    expect(xy[1]).toEqual([500, 200]);
    expect(xy[xy.length - 1]).toEqual([200, 0]);
    expect(xy).toContainEqual([200, 200]);
    expect(walkPath(net, again, D, 'primary_school')).toBeNull();
    // Over the footbridge: its middle vertex is edge geometry (not a graph node) and must be in the path.
    const toHealth = walkPath(net, again, B, 'health_center')!;
    const hxy = toHealth.map(([lng, lat]) => [Math.round(toLocalX(proj, lng)), Math.round(toLocalY(proj, lat))]);
    expect(hxy).toEqual([[500, 150], [500, 200], [400, 200], [200, 200], [200, 300], [200, 400], [300, 400], [300, 470]]);
    let healthMeters = 0;
    for (let i = 1; i < toHealth.length; i++) healthMeters += haversineMeters(...toHealth[i - 1], ...toHealth[i]);
    expect(healthMeters).toBeCloseTo(walk(B, HEALTH), 3);
    // Same edge: community snapped point straight to the facility's snapped point.
    expect(walkPath(net, again, B, 'kindergarten')!.length).toBe(4);
  });

  it('labels the Euclidean fallback and uses haversine between representative points', () => {
    const eu = computeAccessibility({ communities, facilities, settings: settings() });
    expect(eu.mode).toBe('euclidean');
    expect(eu.network).toBeNull();
    const straight = haversineMeters(...at(400, 200), ...at(400, 400));
    expect(eu.walkMeters[A * 3 + SCHOOL]).toBeCloseTo(straight, 6);
    expect(eu.walkMeters[A * 3 + SCHOOL]).toBeCloseTo(200, 0);
    expect(eu.nearestFacility[A * 3 + SCHOOL]).toBe(S);
    expect(eu.walkMeters[D * 3 + HEALTH]).toBeCloseTo(haversineMeters(...at(300, -500), ...at(300, -600)), 6);
    expect(eu.countWithin[A * 3 + SCHOOL]).toBe(2); // 200 and 282.8
    expect(eu.offNetworkCommunities).toEqual([]);
  });
});
