/**
 * Coverage heatmap: one hexagon per grid cell that reaches the street network (cells beyond maxSnap are left out:
 * empty, not zero). The class (colour) and the value are computed here per mode, so switching mode or category
 * only rebuilds plain GeoJSON (~4000 × 7 coordinates: a few ms), no style changes.
 */
import type { Feature, FeatureCollection } from 'geojson';
import type { ExpressionSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { AppState } from '../../store';
import type { GridResult } from '../../worker/protocol';
import { scoreClasses, scoreClassIndex, walkClasses, walkClassIndex } from './heatmapClasses';
import type { LayerModule } from './types';

export const HEATMAP_SOURCE_ID = 'coverage-grid';
export const HEATMAP_LAYER_ID = 'coverage-heatmap';

/** Pointy-top hexagon ring around a cell centre (circumradius spacing/√3, a hair smaller so cells don't overlap). */
function hexRing(g: GridResult, lng: number, lat: number): [number, number][] {
  const r = (g.spacingMeters / Math.sqrt(3)) * 1.001;
  const ring: [number, number][] = [];
  for (let i = 0; i < 6; i++) {
    const a = (Math.PI / 3) * i + Math.PI / 6;
    ring.push([lng + r * Math.cos(a) * g.degPerMeterLng, lat + r * Math.sin(a) * g.degPerMeterLat]);
  }
  ring.push(ring[0]);
  return ring;
}

function colors(state: AppState): string[] {
  if (state.heatmapMode === 'category') return walkClasses().map((c) => c.color);
  return scoreClasses(state.grid?.requiredCount ?? 0).map((c) => c.cls.color);
}

export function heatmapSourceData(state: AppState): FeatureCollection {
  const g = state.grid;
  // While planners edit zones, the coverage overlay would hide the zone fills: it steps aside on the Zones tab.
  if (!g || state.heatmapMode === 'off' || state.sidePanelTab === 'zones') return { type: 'FeatureCollection', features: [] };
  const nCat = g.categoryIds.length;
  const k = g.categoryIds.indexOf(state.heatmapCategory);
  const byCategory = state.heatmapMode === 'category' && k >= 0;
  const palette = colors(state);
  const features: Feature[] = [];
  const n = g.offNetwork.length;
  for (let i = 0; i < n; i++) {
    if (g.offNetwork[i]) continue;
    const lng = g.centerLngLat[2 * i], lat = g.centerLngLat[2 * i + 1];
    let cls: number, value: number | null;
    if (byCategory) {
      const w = g.walkMeters[i * nCat + k];
      cls = walkClassIndex(w);
      value = Number.isNaN(w) ? null : Math.round(w);
    } else {
      value = g.requiredCovered[i];
      cls = scoreClassIndex(value, g.requiredCount);
    }
    features.push({
      type: 'Feature', id: i,
      geometry: { type: 'Polygon', coordinates: [hexRing(g, lng, lat)] },
      properties: { id: i, cls, value, color: palette[cls], opacity: state.heatmapOpacity },
    });
  }
  return { type: 'FeatureCollection', features };
}

const fillColor: ExpressionSpecification = ['get', 'color'];

export const heatmapLayer: LayerModule = {
  group: 'communities',
  sourceId: HEATMAP_SOURCE_ID,
  interactiveLayerIds: [],
  layers: () => [{
    slot: 'analysis',
    spec: {
      id: HEATMAP_LAYER_ID, type: 'fill', source: HEATMAP_SOURCE_ID,
      // No outline: adjacent hexagons read as one surface; the colour steps carry the information.
      paint: { 'fill-color': fillColor, 'fill-opacity': ['get', 'opacity'], 'fill-antialias': false },
    },
  }],
  toSourceData: heatmapSourceData,
  dataChanged: (s, p) => s.grid !== p.grid || (s.sidePanelTab === 'zones') !== (p.sidePanelTab === 'zones') || s.heatmapMode !== p.heatmapMode || s.heatmapCategory !== p.heatmapCategory || s.heatmapOpacity !== p.heatmapOpacity,
};
