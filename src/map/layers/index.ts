/** All layer modules the map draws. New features append their module here (order within a slot = list order). */
import { communitiesLayer } from './communities';
import { eligibilityLayer } from './eligibility';
import { facilitiesLayer } from './facilities';
import { gapsLayer } from './gaps';
import { heatmapLayer } from './heatmap';
import { plannedLayer } from './planned';
import { roadsLayer } from './roads';
import type { LayerModule } from './types';
import { walkPathLayer } from './walkPath';
import { waterLayer } from './water';
import { zonesLayer } from './zones';

export const LAYER_MODULES: readonly LayerModule[] = [waterLayer, communitiesLayer, eligibilityLayer, zonesLayer, roadsLayer, facilitiesLayer, plannedLayer, heatmapLayer, gapsLayer, walkPathLayer];

export { COMMUNITY_LAYER_IDS } from './communities';
export { FACILITY_LAYER_IDS } from './facilities';
export { ROAD_LAYER_IDS } from './roads';
export { WATER_LAYER_IDS } from './water';
export type { LayerModule, LayerSlot, SlottedLayer } from './types';
export { LAYER_SLOTS } from './types';
