/** 服务设施 as circles coloured by (first) category; polygons are drawn at a point on their surface. */
import { pointOnFeature } from '@turf/turf';
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { ExpressionSpecification, FilterSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { Facility } from '../../core/types';
import type { LayerModule } from './types';

export const FACILITIES_SOURCE_ID = 'facilities';
export const FACILITY_LAYER_IDS = { circle: 'facilities-circle' } as const;
const FALLBACK_COLOR = '#555555';

function pointOf(f: Facility): Point {
  return f.geometry.type === 'Point' ? f.geometry : pointOnFeature({ type: 'Feature', geometry: f.geometry, properties: {} }).geometry;
}

const hovered: ExpressionSpecification = ['boolean', ['feature-state', 'hover'], false];
const selected: ExpressionSpecification = ['boolean', ['feature-state', 'selected'], false];

export const facilitiesLayer: LayerModule = {
  group: 'facilities',
  sourceId: FACILITIES_SOURCE_ID,
  featureKind: 'facility',
  interactiveLayerIds: [FACILITY_LAYER_IDS.circle],
  layers: () => [
    {
      slot: 'points',
      spec: {
        id: FACILITY_LAYER_IDS.circle, type: 'circle', source: FACILITIES_SOURCE_ID,
        paint: {
          'circle-color': ['get', 'color'],
          // Small at town scale so the community colours stay readable; larger when zoomed in to a block.
          'circle-radius': ['interpolate', ['linear'], ['zoom'],
            12, ['case', ['any', hovered, selected], 5, 2.4],
            14, ['case', ['any', hovered, selected], 6, 3.4],
            16, ['case', ['any', hovered, selected], 8.5, 6],
            18, ['case', ['any', hovered, selected], 11, 8.5]],
          'circle-stroke-color': ['case', selected, '#0b3d91', hovered, '#1d4ed8', '#ffffff'],
          'circle-stroke-width': ['interpolate', ['linear'], ['zoom'], 12, ['case', ['any', hovered, selected], 2, 0.8], 16, ['case', ['any', hovered, selected], 2.5, 1.2]],
        },
      },
    },
  ],
  toSourceData: (state): FeatureCollection => {
    const colorOf = new Map(state.categories.map((c) => [c.id, c.color]));
    return {
      type: 'FeatureCollection',
      features: state.facilities.map((f): Feature => ({
        type: 'Feature',
        geometry: pointOf(f),
        properties: { id: f.id, name: f.name, category: f.categories[0] ?? '', color: colorOf.get(f.categories[0] ?? '') ?? FALLBACK_COLOR },
      })),
    };
  },
  dataChanged: (s, p) => s.facilities !== p.facilities || s.categories !== p.categories,
  filter: (state): FilterSpecification | null =>
    state.hiddenCategories.length === 0 ? null : ['!', ['in', ['get', 'category'], ['literal', state.hiddenCategories]]],
  filterChanged: (s, p) => s.hiddenCategories !== p.hiddenCategories,
};
