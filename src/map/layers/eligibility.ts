/**
 * Eligibility (改造范围) on the map while the Zones tab is open: eligible communities get a strong outline,
 * the others are faded under a veil of the background colour; members of the selected zone are marked.
 */
import type { Feature, FeatureCollection } from 'geojson';
import type { FilterSpecification } from '@maplibre/maplibre-gl-style-spec';
import { contextOf } from '../../store/zonesSlice';
import { BASE_COLORS } from '../palette';
import type { LayerModule } from './types';

export const ELIGIBILITY_SOURCE_ID = 'eligibility';
export const ELIGIBILITY_LAYER_IDS = { veil: 'eligibility-veil', outline: 'eligibility-outline', member: 'eligibility-member' } as const;
/** Side-panel tab id of the zones feature (the layer shows only there). */
export const ZONES_TAB_ID = 'zones';

const eligible = ['==', ['get', 'eligible'], 1] as unknown as FilterSpecification;
const ineligible = ['==', ['get', 'eligible'], 0] as unknown as FilterSpecification;
const member = ['==', ['get', 'member'], 1] as unknown as FilterSpecification;

export const eligibilityLayer: LayerModule = {
  group: 'zones',
  sourceId: ELIGIBILITY_SOURCE_ID,
  interactiveLayerIds: [],
  layers: () => [
    { slot: 'areas', spec: { id: ELIGIBILITY_LAYER_IDS.veil, type: 'fill', source: ELIGIBILITY_SOURCE_ID, filter: ineligible, paint: { 'fill-color': BASE_COLORS.background, 'fill-opacity': 0.62 } } },
    {
      slot: 'outlines',
      spec: {
        id: ELIGIBILITY_LAYER_IDS.outline, type: 'line', source: ELIGIBILITY_SOURCE_ID, filter: eligible,
        paint: { 'line-color': '#7f1d1d', 'line-width': ['interpolate', ['linear'], ['zoom'], 12, 0.8, 16, 2], 'line-opacity': 0.9 },
      },
    },
    {
      slot: 'highlight',
      spec: { id: ELIGIBILITY_LAYER_IDS.member, type: 'line', source: ELIGIBILITY_SOURCE_ID, filter: member, paint: { 'line-color': '#111827', 'line-width': 2.2 } },
    },
  ],
  toSourceData: (s): FeatureCollection => {
    const ctx = contextOf(s);
    const members = new Set(s.zones.find((z) => z.id === s.selectedZoneId)?.memberIds ?? []);
    return {
      type: 'FeatureCollection',
      features: s.communities.map((c, i): Feature => ({
        type: 'Feature', geometry: c.geometry, properties: { id: c.id, eligible: ctx.eligible[i], member: members.has(c.id) ? 1 : 0 },
      })),
    };
  },
  dataChanged: (s, p) => s.communities !== p.communities || s.zoningSettings.rules !== p.zoningSettings.rules
    || s.selectedZoneId !== p.selectedZoneId || (s.zones !== p.zones && s.selectedZoneId !== null),
  // Hidden (matches nothing) outside the Zones tab.
  filter: (s) => (s.sidePanelTab === ZONES_TAB_ID ? null : (['==', ['get', 'id'], '\u0000'] as unknown as FilterSpecification)),
  filterChanged: (s, p) => s.sidePanelTab !== p.sidePanelTab,
};
