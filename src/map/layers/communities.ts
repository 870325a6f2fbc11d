/** 小区 polygons coloured by build year (stepped classes from palette.ts), with hover and selection outlines. */
import type { Feature, FeatureCollection } from 'geojson';
import type { ExpressionSpecification } from '@maplibre/maplibre-gl-style-spec';
import { BASE_COLORS, BUILD_YEAR_CLASSES, COMMUNITY_FILL_OPACITY, COMMUNITY_FILL_OPACITY_HOVER, UNKNOWN_BUILD_YEAR_COLOR } from '../palette';
import type { LayerModule } from './types';

export const COMMUNITIES_SOURCE_ID = 'communities';
export const COMMUNITY_LAYER_IDS = {
  fill: 'communities-fill',
  outline: 'communities-outline',
  highlight: 'communities-highlight',
} as const;

/** ['step', buildYear, c0, 1981, c1, 1991, c2, …]: the class boundaries come from the palette. */
export function buildYearColorExpression(): ExpressionSpecification {
  const [first, ...rest] = BUILD_YEAR_CLASSES;
  const steps: (string | number)[] = [];
  for (const c of rest) steps.push(c.fromYear ?? 0, c.color);
  const step = ['step', ['to-number', ['get', 'buildYear']], first.color, ...steps] as unknown as ExpressionSpecification;
  return ['case', ['has', 'buildYear'], step, UNKNOWN_BUILD_YEAR_COLOR];
}

const hovered: ExpressionSpecification = ['boolean', ['feature-state', 'hover'], false];
const selected: ExpressionSpecification = ['boolean', ['feature-state', 'selected'], false];

export const communitiesLayer: LayerModule = {
  group: 'communities',
  sourceId: COMMUNITIES_SOURCE_ID,
  featureKind: 'community',
  interactiveLayerIds: [COMMUNITY_LAYER_IDS.fill],
  layers: () => [
    {
      slot: 'areas',
      spec: {
        id: COMMUNITY_LAYER_IDS.fill, type: 'fill', source: COMMUNITIES_SOURCE_ID,
        paint: {
          'fill-color': buildYearColorExpression(),
          'fill-opacity': ['case', hovered, COMMUNITY_FILL_OPACITY_HOVER, COMMUNITY_FILL_OPACITY],
        },
      },
    },
    {
      slot: 'outlines',
      spec: {
        id: COMMUNITY_LAYER_IDS.outline, type: 'line', source: COMMUNITIES_SOURCE_ID,
        paint: {
          'line-color': BASE_COLORS.communityOutline,
          'line-opacity': 0.55,
          'line-width': ['interpolate', ['linear'], ['zoom'], 12, 0.3, 16, 1],
        },
      },
    },
    {
      slot: 'highlight',
      // Feature-state cannot be used in filters: the highlight is drawn for all and shown via opacity.
      spec: {
        id: COMMUNITY_LAYER_IDS.highlight, type: 'line', source: COMMUNITIES_SOURCE_ID,
        paint: {
          'line-color': ['case', selected, BASE_COLORS.selected, BASE_COLORS.hover],
          'line-width': ['case', selected, 3, 2],
          'line-opacity': ['case', ['any', selected, hovered], 1, 0],
        },
      },
    },
  ],
  toSourceData: (state): FeatureCollection => ({
    type: 'FeatureCollection',
    features: state.communities.map((c): Feature => ({
      type: 'Feature',
      geometry: c.geometry,
      // Only what styling and picking need; the details panel reads the domain object from the store.
      properties: c.buildYear === null ? { id: c.id, name: c.name } : { id: c.id, name: c.name, buildYear: c.buildYear },
    })),
  }),
  dataChanged: (s, p) => s.communities !== p.communities,
};
