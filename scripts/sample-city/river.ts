/**
 * 抚河: a meandering river band running roughly north–south through the town. It separates the old core (east
 * bank) from the newer district (west bank). Edges are horizontal offsets of a smooth centreline, so every street
 * placed at a fixed offset from an edge stays out of the water.
 */
import type { Vec } from './geom';

/** The river is drawn a little beyond the street grid so that it leaves the map on both ends. */
export const RIVER_Y_MIN = -1500;
export const RIVER_Y_MAX = 1500;
const SAMPLE_STEP_METERS = 25;

export interface RiverShape {
  /** x of the centreline at y. */
  centerX(y: number): number;
  /** Full width (m) at y: 84–140 m. */
  widthMeters(y: number): number;
  eastEdgeX(y: number): number;
  westEdgeX(y: number): number;
}

/** Phases come from the seed so that different seeds give a different meander. */
export function makeRiver(phaseA: number, phaseB: number): RiverShape {
  const centerX = (y: number): number => 40 * Math.sin(y / 480 + phaseA) + 28 * Math.sin(y / 210 + phaseB) + 0.06 * y;
  const widthMeters = (y: number): number => 112 + 28 * Math.sin(y / 370 + 1.3);
  return {
    centerX,
    widthMeters,
    eastEdgeX: (y) => centerX(y) + widthMeters(y) / 2,
    westEdgeX: (y) => centerX(y) - widthMeters(y) / 2,
  };
}

/** Samples y from RIVER_Y_MIN to RIVER_Y_MAX (inclusive). */
export function riverSampleYs(yMin = RIVER_Y_MIN, yMax = RIVER_Y_MAX): number[] {
  const ys: number[] = [];
  for (let y = yMin; y < yMax; y += SAMPLE_STEP_METERS) ys.push(y);
  ys.push(yMax);
  return ys;
}

/** The water band as an open CCW ring in metres: up the east edge, back down the west edge. */
export function riverRing(river: RiverShape): Vec[] {
  const ys = riverSampleYs();
  const east = ys.map((y): Vec => [river.eastEdgeX(y), y]);
  const west = ys.slice().reverse().map((y): Vec => [river.westEdgeX(y), y]);
  return [...east, ...west];
}

/** A line at a fixed horizontal offset from one bank (positive = away from the water). */
export function bankLine(river: RiverShape, side: 'east' | 'west', offsetMeters: number, yMin: number, yMax: number): Vec[] {
  return riverSampleYs(yMin, yMax).map((y): Vec =>
    side === 'east' ? [river.eastEdgeX(y) + offsetMeters, y] : [river.westEdgeX(y) - offsetMeters, y]);
}

/** Is a point in the water, or closer than marginMeters (horizontally) to it? */
export function inRiver(river: RiverShape, p: Vec, marginMeters = 0): boolean {
  if (p[1] < RIVER_Y_MIN || p[1] > RIVER_Y_MAX) return false;
  return p[0] > river.westEdgeX(p[1]) - marginMeters && p[0] < river.eastEdgeX(p[1]) + marginMeters;
}
