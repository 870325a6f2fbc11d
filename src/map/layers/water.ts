/** Rivers, lakes and ponds from water.fgb. */
import type { FeatureCollection } from 'geojson';
import { BASE_COLORS } from '../palette';
import type { LayerModule } from './types';

export const WATER_SOURCE_ID = 'water';
export const WATER_LAYER_IDS = { fill: 'water-fill', outline: 'water-outline' } as const;

export const waterLayer: LayerModule = {
  group: 'water',
  sourceId: WATER_SOURCE_ID,
  interactiveLayerIds: [],
  layers: () => [
    { slot: 'water', spec: { id: WATER_LAYER_IDS.fill, type: 'fill', source: WATER_SOURCE_ID, paint: { 'fill-color': BASE_COLORS.water } } },
    { slot: 'water', spec: { id: WATER_LAYER_IDS.outline, type: 'line', source: WATER_SOURCE_ID, paint: { 'line-color': BASE_COLORS.waterOutline, 'line-width': 0.8 } } },
  ],
  toSourceData: (state): FeatureCollection => ({
    type: 'FeatureCollection',
    features: state.water.map((w) => ({ type: 'Feature', geometry: w.geometry, properties: { id: w.id, name: w.name ?? '', kind: w.kind ?? '' } })),
  }),
  dataChanged: (s, p) => s.water !== p.water,
};
