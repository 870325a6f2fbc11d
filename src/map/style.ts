/**
 * The offline base style: background only, no glyphs, no sprite, no remote sources. Everything else (water, roads,
 * data) is added by the layer modules; the OSM raster basemap is added only when the user switches it on, so that
 * nothing is requested off-origin by default (resident data must not leak; the app works offline).
 */
import type { LayerSpecification, RasterSourceSpecification, StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import { BASE_COLORS } from './palette';

export const BACKGROUND_LAYER_ID = 'background';

export function offlineBaseStyle(): StyleSpecification {
  return {
    version: 8,
    name: 'renovation-planner-offline',
    sources: {},
    layers: [{ id: BACKGROUND_LAYER_ID, type: 'background', paint: { 'background-color': BASE_COLORS.background } }],
  };
}

export const OSM_SOURCE_ID = 'osm-raster';
export const OSM_LAYER_ID = 'osm-raster';

export const OSM_RASTER_SOURCE: RasterSourceSpecification = {
  type: 'raster',
  tiles: ['https://tile.openstreetmap.org/{z}/{x}/{y}.png'],
  tileSize: 256,
  maxzoom: 19,
  attribution: '© <a href="https://www.openstreetmap.org/copyright" target="_blank" rel="noopener">OpenStreetMap</a> contributors',
};

export const OSM_RASTER_LAYER: LayerSpecification = {
  id: OSM_LAYER_ID,
  type: 'raster',
  source: OSM_SOURCE_ID,
  // Muted so that the planning layers stay the message.
  paint: { 'raster-saturation': -0.6, 'raster-opacity': 0.85 },
};
