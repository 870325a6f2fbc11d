/**
 * Zones (区块) as translucent fills with distinct colours and outlines; the selected zone gets a strong outline.
 * No labels: the app runs offline without glyphs, zone names are in the side-panel list.
 */
import type { Feature, FeatureCollection } from 'geojson';
import type { ExpressionSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { LayerModule } from './types';

export const ZONES_SOURCE_ID = 'zones';
export const ZONE_LAYER_IDS = { fill: 'zones-fill', outline: 'zones-outline', selected: 'zones-selected' } as const;

/** Categorical colours, distinguishable on the warm build-year fills beneath (ColorBrewer Dark2 + Set1 picks). */
export const ZONE_COLORS = ['#1b9e77', '#7570b3', '#e7298a', '#66a61e', '#1f78b4', '#a6761d', '#6a3d9a', '#017a83', '#c51b7d', '#4d7c0f'] as const;

export function zoneColor(index: number): string {
  return ZONE_COLORS[index % ZONE_COLORS.length];
}

const colorOf = ['match', ['%', ['get', 'colorIndex'], ZONE_COLORS.length], ...ZONE_COLORS.flatMap((c, i) => [i, c]), ZONE_COLORS[0]] as unknown as ExpressionSpecification;
const isSelected = ['==', ['get', 'selected'], true] as unknown as ExpressionSpecification;

export const zonesLayer: LayerModule = {
  group: 'zones',
  sourceId: ZONES_SOURCE_ID,
  interactiveLayerIds: [],
  layers: () => [
    {
      // Above the coverage heatmap ('analysis' slot), below the roads (this module precedes roads in LAYER_MODULES).
      slot: 'lines',
      spec: { id: ZONE_LAYER_IDS.fill, type: 'fill', source: ZONES_SOURCE_ID, paint: { 'fill-color': colorOf, 'fill-opacity': ['case', isSelected, 0.6, 0.5] } },
    },
    {
      slot: 'outlines',
      spec: {
        id: ZONE_LAYER_IDS.outline, type: 'line', source: ZONES_SOURCE_ID,
        paint: { 'line-color': colorOf, 'line-width': ['interpolate', ['linear'], ['zoom'], 12, 2, 16, 3.5], 'line-opacity': 1 },
      },
    },
    {
      slot: 'highlight',
      spec: {
        id: ZONE_LAYER_IDS.selected, type: 'line', source: ZONES_SOURCE_ID, filter: isSelected,
        paint: { 'line-color': '#111827', 'line-width': ['interpolate', ['linear'], ['zoom'], 12, 2.5, 16, 4.5], 'line-dasharray': [2, 1] },
      },
    },
  ],
  toSourceData: (s): FeatureCollection => ({
    type: 'FeatureCollection',
    features: s.zones.map((z, i): Feature => ({
      type: 'Feature', geometry: z.geometry,
      properties: { id: z.id, colorIndex: i, members: z.memberIds.length, selected: z.id === s.selectedZoneId },
    })),
  }),
  dataChanged: (s, p) => s.zones !== p.zones || s.selectedZoneId !== p.selectedZoneId,
};
