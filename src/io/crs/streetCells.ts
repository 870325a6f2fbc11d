/**
 * What the street-distance code shares (streetGrid's full grid, nearStreets' passes, lineIndex's first pass):
 * the same degree-to-metre factor, reach slack and grid cap, so their distances and cells agree to the bit.
 */

/** Metres per degree of latitude (and of longitude at the equator) in the local flat-earth measure. */
export const METERS_PER_DEGREE = 111_320;
/** Slack on the reach of a pass against the rounding of degrees and cell edges. */
export const REACH_SLACK = 1.01;
/** Cells wider than a pass's reach when the points spread further than this many cells (grid size cap). */
export const MAX_CELLS_PER_AXIS = 1024;

/** Running sums in place (cell counts to cell starts): the core's, for the grids here (up to a million cells). */
export { prefixSums } from '../../core/arrays';
