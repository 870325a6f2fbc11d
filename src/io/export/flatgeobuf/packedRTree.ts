/**
 * FlatGeobuf's packed Hilbert R-tree (the optional spatial index after the header), written the way the
 * reference C++ writer and GDAL do: features sorted by the Hilbert value of their bbox centre, leaves in that
 * order carrying each feature's byte offset, parents built bottom-up, root first. The npm package only reads it.
 */

import { hilbertIndex } from '../../../core/geo/hilbert';

export const NODE_ITEM_BYTES = 40; // minX, minY, maxX, maxY (float64) + offset (uint64)
export const DEFAULT_INDEX_NODE_SIZE = 16;

export type Bbox = [number, number, number, number];

export function unionBbox(boxes: readonly Bbox[]): Bbox {
  const out: Bbox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const b of boxes) {
    if (b[0] < out[0]) out[0] = b[0];
    if (b[1] < out[1]) out[1] = b[1];
    if (b[2] > out[2]) out[2] = b[2];
    if (b[3] > out[3]) out[3] = b[3];
  }
  return out;
}

/** Feature order along the Hilbert curve (stable: ties keep input order). */
export function hilbertOrder(boxes: readonly Bbox[], extent: Bbox): number[] {
  const max = 0xffff;
  const w = extent[2] - extent[0] || 1;
  const h = extent[3] - extent[1] || 1;
  const keys = boxes.map((b) => hilbertIndex(Math.floor((max * ((b[0] + b[2]) / 2 - extent[0])) / w), Math.floor((max * ((b[1] + b[3]) / 2 - extent[1])) / h)));
  return boxes.map((_, i) => i).sort((i, j) => keys[i] - keys[j] || i - j);
}

/** Level bounds [start, end) in node indices, leaves first, root last (the root is node 0). */
function levelBounds(numItems: number, nodeSize: number): [number, number][] {
  let n = numItems;
  let numNodes = n;
  const levelNumNodes = [n];
  do {
    n = Math.ceil(n / nodeSize);
    numNodes += n;
    levelNumNodes.push(n);
  } while (n !== 1);
  const bounds: [number, number][] = [];
  let end = numNodes;
  for (const size of levelNumNodes) {
    bounds.push([end - size, end]);
    end -= size;
  }
  return bounds;
}

/**
 * Serialise the tree for leaves already in Hilbert order. `leafOffsets[i]` = byte offset of feature i from the
 * start of the feature section. Internal nodes store the node index of their first child.
 */
export function buildPackedRTree(leafBoxes: readonly Bbox[], leafOffsets: readonly number[], nodeSize = DEFAULT_INDEX_NODE_SIZE): Uint8Array {
  const bounds = levelBounds(leafBoxes.length, nodeSize);
  const numNodes = bounds[0][1];
  const boxes = new Float64Array(numNodes * 4);
  const offsets = new Array<number>(numNodes).fill(0);
  const leafStart = bounds[0][0];
  leafBoxes.forEach((b, i) => {
    boxes.set(b, (leafStart + i) * 4);
    offsets[leafStart + i] = leafOffsets[i];
  });
  for (let level = 0; level < bounds.length - 1; level++) {
    let pos = bounds[level][0];
    const end = bounds[level][1];
    let parent = bounds[level + 1][0];
    while (pos < end) {
      const box: Bbox = [Infinity, Infinity, -Infinity, -Infinity];
      offsets[parent] = pos;
      for (let j = 0; j < nodeSize && pos < end; j++, pos++) {
        box[0] = Math.min(box[0], boxes[pos * 4]);
        box[1] = Math.min(box[1], boxes[pos * 4 + 1]);
        box[2] = Math.max(box[2], boxes[pos * 4 + 2]);
        box[3] = Math.max(box[3], boxes[pos * 4 + 3]);
      }
      boxes.set(box, parent * 4);
      parent++;
    }
  }
  const out = new Uint8Array(numNodes * NODE_ITEM_BYTES);
  const view = new DataView(out.buffer);
  for (let i = 0; i < numNodes; i++) {
    const o = i * NODE_ITEM_BYTES;
    for (let k = 0; k < 4; k++) view.setFloat64(o + k * 8, boxes[i * 4 + k], true);
    view.setBigUint64(o + 32, BigInt(offsets[i]), true);
  }
  return out;
}
