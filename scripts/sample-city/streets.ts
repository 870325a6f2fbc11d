/**
 * Street network of the sample town. Two districts on either bank of 抚河:
 * - the old core (east bank): a jittered, slightly tilted skeleton that bends with the river, subdivided into
 *   small irregular blocks by local streets that meet the skeleton in T-junctions;
 * - the newer district (west bank): a straighter, coarser grid with super-blocks.
 * Only bridges cross the river. Blocks (leaf quads with the class of each bounding street) are returned so that
 * parcels can be laid out inside them without touching any road.
 */
import { dist, lerp, quadExtents, type Vec } from './geom';
import { CORE_LOCAL_STREET_POOL, NEW_LOCAL_STREETS, NamePool, numberZh } from './names';
import type { NetworkBuilder, RoadNode, Zone } from './network';
import type { Rng } from './prng';
import type { RiverShape } from './river';

export type BlockKind = 'normal' | 'workunit' | 'historic' | 'park';

export interface Block {
  /** CCW quad on street centrelines. */
  corners: Vec[];
  /** highway class of the street along edge i (corners[i] → corners[i+1]). */
  edgeHighway: string[];
  /** Street name along edge i (for addresses such as 阳明路3号院). */
  edgeName: string[];
  zone: Zone;
  /** Coarse cell (band between skeleton rows, column between skeleton columns). */
  band: number;
  col: number;
  kind: BlockKind;
}

interface LineSpec { name: string; highway: string }

/** Skeleton rows (south → north), shared by both banks so that bridges line up. */
const ROW_BASE_Y = [-900, -545, -185, 180, 540, 900];
const CORE_ROWS: LineSpec[] = [
  { name: '船山路', highway: 'tertiary' }, { name: '孺子路', highway: 'secondary' }, { name: '阳明路', highway: 'primary' },
  { name: '民德路', highway: 'secondary' }, { name: '中山路', highway: 'primary' }, { name: '叠山路', highway: 'tertiary' },
];
/** The newer district skips row 3: taller super-blocks. */
const NEW_ROW_INDEX = [0, 1, 2, 4, 5];
const NEW_ROWS: LineSpec[] = [
  { name: '怡园路', highway: 'tertiary' }, { name: '世贸路', highway: 'secondary' }, { name: '阳明西路', highway: 'primary' },
  { name: '庐山南大道', highway: 'primary' }, { name: '会展路', highway: 'tertiary' },
];
/** Columns counted from the river outwards; offset = metres from the bank. */
const CORE_COLS: (LineSpec & { offset: number })[] = [
  { name: '抚河中路', highway: 'secondary', offset: 50 }, { name: '胜利路', highway: 'tertiary', offset: 420 },
  { name: '八一大道', highway: 'trunk', offset: 800 }, { name: '青山南路', highway: 'secondary', offset: 1150 },
];
const NEW_COLS: (LineSpec & { offset: number })[] = [
  { name: '滨江路', highway: 'secondary', offset: 50 }, { name: '绿茵路', highway: 'tertiary', offset: 520 },
  { name: '红谷中大道', highway: 'primary', offset: 1000 }, { name: '丰和中大道', highway: 'secondary', offset: 1450 },
];
/** Rows that cross the river, with the bridge name. */
const BRIDGES: { row: number; name: string }[] = [
  { row: 1, name: '孺子桥' }, { row: 2, name: '抚河大桥' }, { row: 4, name: '中山桥' },
];

interface DistrictStyle {
  zone: Zone;
  rowJitter: number;
  rowSlope: number;
  colJitter: number;
  /** Split blocks until both extents are below this. */
  blockMaxMeters: number;
  splitSkew: number;
}
const CORE_STYLE: DistrictStyle = { zone: 'core', rowJitter: 22, rowSlope: 0.06, colJitter: 25, blockMaxMeters: 200, splitSkew: 0.1 };
const NEW_STYLE: DistrictStyle = { zone: 'new', rowJitter: 6, rowSlope: 0.012, colJitter: 8, blockMaxMeters: 430, splitSkew: 0.02 };

export interface StreetLayout {
  blocks: Block[];
  /** Nodes of the bank-side skeleton column (col 0) per row, for the riverside paths. */
  riverColumn: { core: RoadNode[]; new: RoadNode[] };
  /** x of the outermost core column (the bypass runs east of it). */
  coreEastX: number;
}

function kindOf(zone: Zone, band: number, col: number): BlockKind {
  if (zone === 'core' && col === 2 && (band === 0 || band === 4)) return 'workunit';
  if (zone === 'core' && col === 0 && band === 3) return 'historic';
  if (zone === 'new' && col === 1 && band === 1) return 'park';
  return 'normal';
}

/** Skeleton node grid [row][col] for one bank. */
function skeletonNodes(net: NetworkBuilder, rng: Rng, river: RiverShape, style: DistrictStyle,
  rowIdx: number[], cols: { offset: number }[]): RoadNode[][] {
  const side = style.zone === 'core' ? 1 : -1;
  const slopes = rowIdx.map(() => rng.range(-style.rowSlope, style.rowSlope));
  const colJit = cols.map((_, j) => (j === 0 ? 0 : rng.range(-style.colJitter, style.colJitter)));
  return rowIdx.map((ri, r) => cols.map((c, j) => {
    const xAt = (y: number): number => {
      const edge = side > 0 ? river.eastEdgeX(y) : river.westEdgeX(y);
      // Far columns bend less with the river: the old town straightens away from the water.
      const follow = j === 0 ? 1 : Math.max(0.15, 1 - c.offset / 1000);
      const straight = river.centerX(0) + 0.06 * y + side * 56;
      return edge * follow + straight * (1 - follow) + side * c.offset + side * colJit[j];
    };
    const y0 = ROW_BASE_Y[ri];
    const y = y0 + slopes[r] * side * (c.offset - 700) + rng.range(-style.rowJitter, style.rowJitter);
    return net.node([xAt(y) + (j === 0 ? 0 : rng.range(-4, 4)), y]);
  }));
}

/** Node beyond an end of a line, so streets run on off the map instead of stopping at the town edge. */
function runOff(net: NetworkBuilder, from: RoadNode, prev: RoadNode, meters: number): RoadNode {
  const d = dist(prev.p, from.p);
  return net.node([from.p[0] + ((from.p[0] - prev.p[0]) / d) * meters, from.p[1] + ((from.p[1] - prev.p[1]) / d) * meters]);
}

function splitBlocks(net: NetworkBuilder, rng: Rng, style: DistrictStyle, block: Block, names: NamePool): Block[] {
  const maxMeters = block.kind === 'workunit' ? 330 : block.kind === 'historic' ? 150 : style.blockMaxMeters;
  const [extU, extV] = quadExtents(block.corners);
  if (Math.max(extU, extV) <= maxMeters) return [block];
  // Rotate so that the split always runs from edge 0 to edge 2 (across the longer extent).
  const rot = extU >= extV ? 0 : 1;
  const c = [0, 1, 2, 3].map((i) => block.corners[(i + rot) % 4]);
  const e = [0, 1, 2, 3].map((i) => block.edgeHighway[(i + rot) % 4]);
  const en = [0, 1, 2, 3].map((i) => block.edgeName[(i + rot) % 4]);
  const t = rng.range(0.38, 0.62);
  const tb = t + rng.range(-style.splitSkew, style.splitSkew);
  const a = net.node(lerp(c[0], c[1], t));
  const b = net.node(lerp(c[3], c[2], tb));
  const long = Math.max(extU, extV) > 520 && style.zone === 'new';
  const highway = long ? 'tertiary' : 'residential';
  const oneway = style.zone === 'core' && rng.chance(0.08) ? 'yes' : null;
  const name = names.take();
  net.addWay([a, b], { highway, name, oneway }, style.zone);
  const left: Block = { ...block, corners: [c[0], a.p, b.p, c[3]], edgeHighway: [e[0], highway, e[2], e[3]], edgeName: [en[0], name, en[2], en[3]] };
  const right: Block = { ...block, corners: [a.p, c[1], c[2], b.p], edgeHighway: [e[0], e[1], e[2], highway], edgeName: [en[0], en[1], en[2], name] };
  return [...splitBlocks(net, rng, style, left, names), ...splitBlocks(net, rng, style, right, names)];
}

function buildBank(net: NetworkBuilder, rng: Rng, river: RiverShape, style: DistrictStyle): { nodes: RoadNode[][]; blocks: Block[] } {
  const core = style.zone === 'core';
  const rowIdx = core ? [0, 1, 2, 3, 4, 5] : NEW_ROW_INDEX;
  const rows = core ? CORE_ROWS : NEW_ROWS;
  const cols = core ? CORE_COLS : NEW_COLS;
  const nodes = skeletonNodes(net, rng, river, style, rowIdx, cols);
  // Rows: from the bank outwards, running on off the map at the outer end.
  nodes.forEach((row, r) => {
    const ext = runOff(net, row[row.length - 1], row[row.length - 2], rng.range(100, 160));
    net.addWay([...row, ext], { highway: rows[r].highway, name: rows[r].name }, style.zone);
  });
  // Columns: south → north, the inner ones running on off the map at both ends.
  cols.forEach((col, j) => {
    const line = nodes.map((row) => row[j]);
    const through = j > 0 && j < cols.length - 1;
    const south = through ? [runOff(net, line[0], line[1], rng.range(100, 160))] : [];
    const north = through ? [runOff(net, line[line.length - 1], line[line.length - 2], rng.range(100, 160))] : [];
    net.addWay([...south, ...line, ...north], { highway: col.highway, name: col.name }, style.zone);
  });
  const localNames = new NamePool(rng, core ? CORE_LOCAL_STREET_POOL : NEW_LOCAL_STREETS,
    (i) => `${core ? '豫章' : '红谷'}${numberZh((i % 99) + 1)}路${i >= 99 ? String(i) : ''}`);
  const blocks: Block[] = [];
  for (let band = 0; band + 1 < rowIdx.length; band++) {
    for (let col = 0; col + 1 < cols.length; col++) {
      // CCW: south-west, south-east, north-east, north-west. On the west bank columns count westwards.
      const [w, e] = core ? [col, col + 1] : [col + 1, col];
      const corners = [nodes[band][w].p, nodes[band][e].p, nodes[band + 1][e].p, nodes[band + 1][w].p];
      const edgeHighway = [rows[band].highway, cols[e].highway, rows[band + 1].highway, cols[w].highway];
      const edgeName = [rows[band].name, cols[e].name, rows[band + 1].name, cols[w].name];
      const cell: Block = { corners, edgeHighway, edgeName, zone: style.zone, band, col, kind: kindOf(style.zone, band, col) };
      blocks.push(...splitBlocks(net, rng, style, cell, localNames));
    }
  }
  return { nodes, blocks };
}

export function buildStreets(net: NetworkBuilder, rng: Rng, river: RiverShape): StreetLayout {
  const core = buildBank(net, rng, river, CORE_STYLE);
  const west = buildBank(net, rng, river, NEW_STYLE);
  for (const b of BRIDGES) {
    const westRow = NEW_ROW_INDEX.indexOf(b.row);
    const highway = CORE_ROWS[b.row].highway;
    net.addWay([west.nodes[westRow][0], core.nodes[b.row][0]], { highway, name: b.name, bridge: 'yes' }, null);
  }
  return {
    blocks: [...core.blocks, ...west.blocks],
    riverColumn: { core: core.nodes.map((r) => r[0]), new: west.nodes.map((r) => r[0]) },
    coreEastX: Math.max(...core.nodes.map((r) => r[r.length - 1].p[0])),
  };
}
