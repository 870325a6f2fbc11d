/** The walking path to the nearest facility ("show path" in the community details): a line with its two ends. */
import type { FeatureCollection } from 'geojson';
import type { AppState } from '../../store';
import type { LayerModule } from './types';

export const WALK_PATH_SOURCE_ID = 'walk-path';
export const WALK_PATH_LAYER_IDS = { casing: 'walk-path-casing', line: 'walk-path-line', ends: 'walk-path-ends' } as const;
const PATH_COLOR = '#0057b8';

export function walkPathSourceData(state: AppState): FeatureCollection {
  const p = state.path;
  if (!p || p.coordinates.length < 2) return { type: 'FeatureCollection', features: [] };
  const first = p.coordinates[0], last = p.coordinates[p.coordinates.length - 1];
  return {
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', geometry: { type: 'LineString', coordinates: p.coordinates }, properties: { id: 'path', walkMeters: Math.round(p.walkMeters) } },
      { type: 'Feature', geometry: { type: 'Point', coordinates: first }, properties: { id: 'start', end: 'community' } },
      { type: 'Feature', geometry: { type: 'Point', coordinates: last }, properties: { id: 'end', end: 'facility' } },
    ],
  };
}

export const walkPathLayer: LayerModule = {
  group: 'communities',
  sourceId: WALK_PATH_SOURCE_ID,
  interactiveLayerIds: [],
  layers: () => [
    { slot: 'highlight', spec: { id: WALK_PATH_LAYER_IDS.casing, type: 'line', source: WALK_PATH_SOURCE_ID, filter: ['==', ['geometry-type'], 'LineString'], layout: { 'line-join': 'round', 'line-cap': 'round' }, paint: { 'line-color': '#ffffff', 'line-width': 7 } } },
    { slot: 'highlight', spec: { id: WALK_PATH_LAYER_IDS.line, type: 'line', source: WALK_PATH_SOURCE_ID, filter: ['==', ['geometry-type'], 'LineString'], layout: { 'line-join': 'round', 'line-cap': 'round' }, paint: { 'line-color': PATH_COLOR, 'line-width': 4 } } },
    {
      slot: 'highlight',
      spec: {
        id: WALK_PATH_LAYER_IDS.ends, type: 'circle', source: WALK_PATH_SOURCE_ID, filter: ['==', ['geometry-type'], 'Point'],
        paint: { 'circle-radius': 6, 'circle-color': ['case', ['==', ['get', 'end'], 'facility'], '#ffffff', PATH_COLOR], 'circle-stroke-color': PATH_COLOR, 'circle-stroke-width': 3 },
      },
    },
  ],
  toSourceData: walkPathSourceData,
  dataChanged: (s, p) => s.path !== p.path,
};
