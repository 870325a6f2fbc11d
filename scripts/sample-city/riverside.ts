/**
 * Things along the edges of the town: riverside footpaths on both banks (with steps down from the embankment
 * road and a footbridge), and the 昌东高速 bypass east of the old core with its link to 阳明路. The bypass and
 * its link are not walkable (motorway classes): the engine's walk filter must drop them.
 */
import { lerp, type Vec } from './geom';
import type { NetworkBuilder, RoadNode, Zone } from './network';
import type { Rng } from './prng';
import { bankLine, type RiverShape } from './river';

/** Path offset from the water's edge (m); the embankment road sits at 50 m. */
const PATH_OFFSET_METERS = 12;

function nearestByY(nodes: RoadNode[], y: number): RoadNode {
  let best = nodes[0];
  for (const n of nodes) if (Math.abs(n.p[1] - y) < Math.abs(best.p[1] - y)) best = n;
  return best;
}

/** A footpath along one bank, joined to the embankment road at both ends and once per block band. */
function riversidePath(net: NetworkBuilder, river: RiverShape, zone: Zone, column: RoadNode[], stepsBands: number[]): RoadNode[] {
  const side = zone === 'core' ? 'east' : 'west';
  const first = column[0], last = column[column.length - 1];
  const path = bankLine(river, side, PATH_OFFSET_METERS, first.p[1], last.p[1]).map((p) => net.node(p));
  // East bank: a paved promenade (footway); west bank: an older earth embankment path (path).
  net.addWay(path, { highway: zone === 'core' ? 'footway' : 'path', foot: 'designated' }, zone);
  net.addWay([path[0], first], { highway: 'footway' }, zone);
  net.addWay([path[path.length - 1], last], { highway: 'footway' }, zone);
  for (let band = 0; band + 1 < column.length; band++) {
    const a = column[band].p, b = column[band + 1].p;
    const yMid = (a[1] + b[1]) / 2;
    const onRoad = net.node(lerp(a, b, (yMid - a[1]) / (b[1] - a[1])));
    const highway = stepsBands.includes(band) ? 'steps' : 'footway';
    net.addWay([onRoad, nearestByY(path, yMid)], { highway }, zone);
  }
  return path;
}

export function buildRiverside(net: NetworkBuilder, river: RiverShape, column: { core: RoadNode[]; new: RoadNode[] }): void {
  const east = riversidePath(net, river, 'core', column.core, [1, 3]);
  const west = riversidePath(net, river, 'new', column.new, [2]);
  // 抚河人行桥: a footbridge between the two riverside paths, between 民德路 and 中山路.
  const y = (column.core[3].p[1] + column.core[4].p[1]) / 2;
  net.addWay([nearestByY(west, y), nearestByY(east, y)], { highway: 'footway', bridge: 'yes' }, null);
}

export function buildBypass(net: NetworkBuilder, rng: Rng, coreEastX: number, linkFrom: RoadNode): void {
  const x0 = coreEastX + 380;
  const phase = rng.range(0, 2 * Math.PI);
  const xAt = (y: number): number => x0 + 15 * Math.sin(y / 600 + phase);
  const linkY = linkFrom.p[1] + 60;
  const ys: number[] = [];
  for (let y = -1450; y <= 1450; y += 150) if (Math.abs(y - linkY) > 40) ys.push(y);
  ys.push(linkY);
  ys.sort((a, b) => a - b);
  const nodes = ys.map((y) => net.node([xAt(y), y] as Vec));
  net.addWay(nodes, { highway: 'motorway', name: '昌东高速' }, null);
  const joint = nodes[ys.indexOf(linkY)];
  const mid = net.node([(linkFrom.p[0] + joint.p[0]) / 2, linkY - 10]);
  net.addWay([linkFrom, mid, joint], { highway: 'motorway_link', oneway: 'yes' }, null);
}
