/**
 * The accessibility engine against a brute force on random towns: all-pairs node distances (Floyd–Warshall)
 * plus every split-point combination, for every (community, facility) pair.
 */
import { describe, expect, it } from 'vitest';
import { community, facility, road } from '../../../test/fixtures/network/builders';
import { mulberry32, randInt } from '../../../test/fixtures/network/prng';
import type { CategoryDef } from '../config/categories';
import { defaultAnalysisSettings } from '../config/defaults';
import { buildWalkNetwork } from '../network';
import type { Road } from '../types';
import { computeAccessibility } from './index';

function randomTown(rand: () => number) {
  const side = randInt(rand, 3, 6);
  const pt = (i: number, j: number): [number, number] => [i * 150 + (rand() - 0.5) * 60, j * 150 + (rand() - 0.5) * 60];
  const grid = Array.from({ length: side }, (_, i) => Array.from({ length: side }, (_, j) => pt(i, j)));
  const roads: Road[] = [];
  for (let k = 0; k < side * 2; k++) {
    // Random lattice walks share lattice vertices, so they connect; some stay islands.
    let i = randInt(rand, 0, side - 1), j = randInt(rand, 0, side - 1);
    const line: [number, number][] = [grid[i][j]];
    for (let step = randInt(rand, 1, side); step > 0; step--) {
      if (rand() < 0.5) i = Math.min(side - 1, Math.max(0, i + (rand() < 0.5 ? -1 : 1)));
      else j = Math.min(side - 1, Math.max(0, j + (rand() < 0.5 ? -1 : 1)));
      line.push(grid[i][j]);
    }
    roads.push(road(`r${k}`, rand() < 0.2 ? 'footway' : 'residential', line));
  }
  const extent = side * 150;
  const communities = Array.from({ length: randInt(rand, 1, 25) }, (_, i) =>
    community(`c${i}`, rand() * extent, rand() * extent, randInt(rand, 0, 300)));
  const facilities = Array.from({ length: randInt(rand, 1, 15) }, (_, i) =>
    facility(`f${i}`, rand() < 0.3 ? ['a', 'b'] : [rand() < 0.5 ? 'a' : 'b'], rand() * extent, rand() * extent));
  return { roads, communities, facilities };
}

const cat = (id: string, maxWalkMeters: number): CategoryDef =>
  ({ id, zh: id, en: id, level: 5, maxWalkMeters, required: true, color: '#000', osm: [] });

describe('computeAccessibility vs brute force', () => {
  it('agrees on walk metres, nearest facility and counts on 60 seeded random towns', () => {
    const rand = mulberry32(42);
    let pairs = 0;
    for (let trial = 0; trial < 60; trial++) {
      const { roads, communities, facilities } = randomTown(rand);
      const settings = defaultAnalysisSettings();
      settings.categories = [cat('a', 200 + rand() * 300), cat('b', 300 + rand() * 500)];
      settings.network.maxSnapMeters = 100;
      const net = buildWalkNetwork(roads, settings.network);
      const r = computeAccessibility({ communities, facilities, network: net, settings });
      const n = net.nodeCount;
      const d = Array.from({ length: n }, (_, i) => new Float64Array(n).fill(Infinity).fill(0, i, i + 1));
      for (let e = 0; e < net.edgeCount; e++) {
        const a = net.edgeFrom[e], b = net.edgeTo[e];
        d[a][b] = d[b][a] = Math.min(d[a][b], net.edgeMeters[e]);
      }
      for (let k = 0; k < n; k++) for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (d[i][k] + d[k][j] < d[i][j]) d[i][j] = d[i][k] + d[k][j];
      const cs = r.communitySnap, fs = r.facilitySnap;
      const pairMeters = (c: number, f: number): number => {
        if (cs.offNetwork[c] || fs.offNetwork[f]) return Infinity;
        const ce = cs.edge[c], fe = fs.edge[f];
        const cl = net.edgeMeters[ce], fl = net.edgeMeters[fe];
        const cEnds = [[net.edgeFrom[ce], cs.t[c] * cl], [net.edgeTo[ce], (1 - cs.t[c]) * cl]];
        const fEnds = [[net.edgeFrom[fe], fs.t[f] * fl], [net.edgeTo[fe], (1 - fs.t[f]) * fl]];
        let best = ce === fe ? Math.abs(cs.t[c] - fs.t[f]) * cl : Infinity;
        for (const [cu, cm] of cEnds) for (const [fu, fm] of fEnds) best = Math.min(best, cm + d[cu][fu] + fm);
        return best + cs.connectorMeters[c] + fs.connectorMeters[f];
      };
      settings.categories.forEach((category, k) => {
        const bound = 2 * category.maxWalkMeters;
        communities.forEach((_, c) => {
          let best = Infinity, count = 0;
          facilities.forEach((fac, f) => {
            if (!fac.categories.includes(category.id)) return;
            const m = pairMeters(c, f);
            pairs++;
            if (m < best) best = m;
            if (m <= category.maxWalkMeters) count++;
          });
          const got = r.walkMeters[c * 2 + k];
          if (best <= bound) {
            expect(got).toBeCloseTo(best, 6);
            expect(pairMeters(c, r.nearestFacility[c * 2 + k])).toBeCloseTo(best, 6);
          } else expect(got).toBeNaN();
          expect(r.countWithin[c * 2 + k]).toBe(count);
          expect(r.covered[c * 2 + k]).toBe(best <= category.maxWalkMeters ? 1 : 0);
        });
      });
    }
    expect(pairs).toBeGreaterThan(2000);
  });
});
