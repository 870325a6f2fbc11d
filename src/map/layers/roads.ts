/** Roads by class: one casing and one line layer per class so widths, dashes and stacking differ by class. */
import type { Feature, FeatureCollection } from 'geojson';
import type { ExpressionSpecification } from '@maplibre/maplibre-gl-style-spec';
import { roadClassOf } from '../../core/config/roads';
import { BASE_COLORS, ROAD_CLASS_STYLES } from '../palette';
import type { RoadClassStyle } from '../palette';
import type { LayerModule, SlottedLayer } from './types';

export const ROADS_SOURCE_ID = 'roads';
export const roadLayerId = (cls: RoadClassStyle['id']): string => `roads-${cls}`;
export const ROAD_LAYER_IDS: readonly string[] = ROAD_CLASS_STYLES.map((s) => roadLayerId(s.id));

const widthAt = (w: number, extra = 0): ExpressionSpecification =>
  ['interpolate', ['exponential', 1.5], ['zoom'], 11, w * 0.2 + extra * 0.4, 13, w * 0.4 + extra * 0.7, 15, w * 0.75 + extra, 16, w + extra * 1.2, 18, w * 2.4 + extra * 2];

function layersOf(s: RoadClassStyle): { casing: SlottedLayer | null; line: SlottedLayer } {
  const filter: ExpressionSpecification = ['==', ['get', 'roadClass'], s.id];
  const casing: SlottedLayer | null = s.casing
    ? { slot: 'lines', spec: { id: `${roadLayerId(s.id)}-casing`, type: 'line', source: ROADS_SOURCE_ID, filter,
        layout: { 'line-join': 'round', 'line-cap': 'round' },
        paint: { 'line-color': BASE_COLORS.roadCasing, 'line-width': widthAt(s.widthAtZ16, 1.5) } } }
    : null;
  const line: SlottedLayer = { slot: 'lines', spec: { id: roadLayerId(s.id), type: 'line', source: ROADS_SOURCE_ID, filter,
    layout: { 'line-join': 'round', 'line-cap': s.dashed ? 'butt' : 'round' },
    paint: { 'line-color': s.color, 'line-width': widthAt(s.widthAtZ16), ...(s.dashed ? { 'line-dasharray': [2, 1.5] } : {}) } } };
  return { casing, line };
}

export const roadsLayer: LayerModule = {
  group: 'roads',
  sourceId: ROADS_SOURCE_ID,
  interactiveLayerIds: [],
  layers: () => {
    // All casings under all lines, so junctions of different classes merge cleanly.
    const parts = ROAD_CLASS_STYLES.map(layersOf);
    return [...parts.flatMap((p) => (p.casing ? [p.casing] : [])), ...parts.map((p) => p.line)];
  },
  toSourceData: (state): FeatureCollection => ({
    type: 'FeatureCollection',
    features: state.roads.map((r): Feature => {
      const cls = roadClassOf(r.highway);
      return { type: 'Feature', geometry: r.geometry, properties: { id: r.id, highway: r.highway, roadClass: cls === 'other' ? 'alley' : cls } };
    }),
  }),
  dataChanged: (s, p) => s.roads !== p.roads,
};
