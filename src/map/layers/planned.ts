/**
 * Planned facilities of the scenario: a magenta ring with a white core and a centre dot, unlike the filled category
 * dots of existing facilities, so a planner never mistakes a proposal for the status quo. Greyed while the scenario
 * is off (still shown, not analysed).
 */
import type { ExpressionSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { Facility } from '../../core/types';
import type { AppState } from '../../store';
import type { LayerModule } from './types';

export const PLANNED_SOURCE_ID = 'planned';
export const PLANNED_LAYER_IDS = { ring: 'planned-ring', dot: 'planned-dot' } as const;
export const PLANNED_COLOR = '#b8338a';
const OFF_COLOR = '#8a8f96';

/** Source data; `moved` overrides one facility's position while it is being dragged. */
export function plannedFeatures(planned: readonly Facility[], enabled: boolean, moved?: { id: string; lngLat: [number, number] }): FeatureCollection {
  const features: Feature<Point>[] = planned.flatMap((f) => {
    if (f.geometry.type !== 'Point') return [];
    const coordinates = moved && moved.id === f.id ? moved.lngLat : f.geometry.coordinates;
    return [{
      type: 'Feature' as const,
      id: f.id,
      geometry: { type: 'Point' as const, coordinates: [coordinates[0], coordinates[1]] },
      properties: { id: f.id, category: f.categories[0] ?? '', active: enabled },
    }];
  });
  return { type: 'FeatureCollection', features };
}

const color: ExpressionSpecification = ['case', ['get', 'active'], PLANNED_COLOR, OFF_COLOR];

export const plannedLayer: LayerModule = {
  group: 'facilities',
  sourceId: PLANNED_SOURCE_ID,
  // Not a selectable feature kind: clicks on it belong to the placement tool (drag to move).
  interactiveLayerIds: [],
  layers: () => [
    {
      slot: 'highlight',
      spec: {
        id: PLANNED_LAYER_IDS.ring, type: 'circle', source: PLANNED_SOURCE_ID,
        paint: {
          'circle-radius': ['interpolate', ['linear'], ['zoom'], 12, 7, 16, 11],
          'circle-color': '#ffffff',
          'circle-opacity': 0.85,
          'circle-stroke-color': color,
          'circle-stroke-width': 3,
        },
      },
    },
    {
      slot: 'highlight',
      spec: {
        id: PLANNED_LAYER_IDS.dot, type: 'circle', source: PLANNED_SOURCE_ID,
        paint: { 'circle-radius': 2.5, 'circle-color': color },
      },
    },
  ],
  toSourceData: (s: AppState) => plannedFeatures(s.scenario.planned, s.scenario.enabled),
  dataChanged: (s, p) => s.scenario !== p.scenario,
};
