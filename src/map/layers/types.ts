/**
 * A layer module turns app state into one GeoJSON source plus layer specs. The MapController stacks all modules'
 * layers by slot, so a new module (zones, coverage heatmap …) only declares where it belongs.
 */
import type { FeatureCollection } from 'geojson';
import type { FilterSpecification, LayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { AppState, FeatureKind, LayerGroupId } from '../../store';

/** Bottom-to-top drawing order of map layers. */
export const LAYER_SLOTS = ['water', 'areas', 'analysis', 'lines', 'outlines', 'points', 'highlight'] as const;
export type LayerSlot = (typeof LAYER_SLOTS)[number];

export interface SlottedLayer {
  slot: LayerSlot;
  spec: LayerSpecification;
}

export interface LayerModule {
  /** Layer-toggle group; all the module's layers follow its visibility. */
  group: LayerGroupId;
  sourceId: string;
  /** Feature kind for hover/click (omit for non-interactive modules); needs `promoteId: 'id'` data. */
  featureKind?: FeatureKind;
  /** Layer ids that respond to hover and click. */
  interactiveLayerIds: readonly string[];
  layers: () => SlottedLayer[];
  toSourceData: (state: AppState) => FeatureCollection;
  /** Did the source data's inputs change between two states? (reference comparisons) */
  dataChanged: (state: AppState, prev: AppState) => boolean;
  /** Optional filter applied to every layer of the module, recomputed when `filterChanged`. */
  filter?: (state: AppState) => FilterSpecification | null;
  filterChanged?: (state: AppState, prev: AppState) => boolean;
}
