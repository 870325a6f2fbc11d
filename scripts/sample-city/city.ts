/**
 * The embedded sample town, 抚河 near Nanchang: `generateSampleCity(seed)` returns four GeoJSON layers in WGS84.
 * Everything is derived from the seed through our own PRNG, so a seed always gives the same town.
 */
import type { Feature, FeatureCollection, LineString, Point, Polygon } from 'geojson';
import { buildCommunities } from './communities';
import { buildFacilities } from './facilities';
import { signedArea, toLngLat, type Vec } from './geom';
import { NetworkBuilder } from './network';
import { layoutParcels } from './parcels';
import { makeRng } from './prng';
import { makeRiver, riverRing } from './river';
import { buildBypass, buildRiverside } from './riverside';
import { buildStreets } from './streets';

export const DEFAULT_SEED = 20201;

export interface SampleCity {
  roads: FeatureCollection<LineString>;
  communities: FeatureCollection<Polygon>;
  facilities: FeatureCollection<Point>;
  water: FeatureCollection<Polygon>;
}

/** RFC 7946: closed ring, exterior counter-clockwise. */
function polygon(ring: readonly Vec[]): Polygon {
  const ccw = signedArea(ring) > 0 ? ring : ring.slice().reverse();
  const coords = ccw.map(toLngLat);
  coords.push([coords[0][0], coords[0][1]]);
  return { type: 'Polygon', coordinates: [coords] };
}

function feature<G extends Polygon | LineString | Point>(geometry: G, properties: Record<string, unknown>): Feature<G> {
  return { type: 'Feature', geometry, properties };
}

export function generateSampleCity(seed: number = DEFAULT_SEED): SampleCity {
  const riverRng = makeRng(seed, 'river');
  const river = makeRiver(riverRng.range(0, 2 * Math.PI), riverRng.range(0, 2 * Math.PI));
  const net = new NetworkBuilder();
  const layout = buildStreets(net, makeRng(seed, 'streets'), river);
  buildRiverside(net, river, layout.riverColumn);
  const yangming = net.ways.find((w) => w.name === '阳明路' && w.bridge === null)!;
  buildBypass(net, makeRng(seed, 'bypass'), layout.coreEastX, yangming.nodes[yangming.nodes.length - 1]);
  const parcels = layoutParcels(net, makeRng(seed, 'parcels'), layout.blocks);
  net.connectJunctions();
  const communities = buildCommunities(makeRng(seed, 'communities'), parcels.lots);
  const facilities = buildFacilities(makeRng(seed, 'facilities'), net.ways, layout.blocks, river, parcels.ponds);

  const roads = net.ways.map((w, i) => feature<LineString>(
    { type: 'LineString', coordinates: w.nodes.map((n) => toLngLat(n.p)) },
    { id: `R${String(i + 1).padStart(5, '0')}`, highway: w.highway, name: w.name, bridge: w.bridge, foot: w.foot, access: w.access, oneway: w.oneway },
  ));
  const water = [
    feature(polygon(riverRing(river)), { id: 'W1', name: '抚河', kind: 'river' }),
    ...parcels.ponds.map((ring, i) => feature(polygon(ring), { id: `W${i + 2}`, name: '凤凰湖', kind: 'pond' })),
  ];
  return {
    roads: { type: 'FeatureCollection', features: roads },
    communities: { type: 'FeatureCollection', features: communities.map((c) => feature(polygon(c.ring), { ...c.props })) },
    facilities: { type: 'FeatureCollection', features: facilities.map((f) => feature<Point>({ type: 'Point', coordinates: toLngLat(f.p) }, { ...f.props })) },
    water: { type: 'FeatureCollection', features: water },
  };
}
