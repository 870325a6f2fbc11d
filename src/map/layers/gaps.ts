/**
 * Service gaps: communities missing a required category (the chosen one, or any) get a thick violet outline with
 * a white casing; off-network communities (walk unknown) a grey dashed one. Violet is outside the heatmap's
 * red-yellow-green ramp, and an outline never hides the cell colours underneath.
 */
import type { Feature, FeatureCollection } from 'geojson';
import { listGaps } from '../../core/coverage';
import type { AppState } from '../../store';
import type { LayerModule } from './types';

export const GAPS_SOURCE_ID = 'coverage-gaps';
export const GAP_LAYER_IDS = { casing: 'coverage-gaps-casing', gap: 'coverage-gaps-line', offNetwork: 'coverage-offnetwork-line' } as const;
export const GAP_COLOR = '#7b2cbf';
export const OFF_NETWORK_COLOR = '#6b6b6b';

/** Community ids that are gaps for the category ('any' = at least one required category), as the core lists them. */
export function gapCommunityIds(state: AppState): Set<string> {
  const r = state.analysisResult;
  if (!r || r.communityIds.length !== state.communities.length) return new Set();
  const gaps = listGaps(r, state.communities, state.analysisSettings);
  const cat = state.gapCategory;
  return new Set(gaps.filter((g) => cat === 'any' || g.categoryId === cat).map((g) => g.communityId));
}

export function gapsSourceData(state: AppState): FeatureCollection {
  const r = state.analysisResult;
  // Like the heatmap, gap outlines step aside while zones are edited (eligibility outlines take their place).
  if (!state.showGaps || state.sidePanelTab === 'zones' || !r || r.communityIds.length !== state.communities.length) return { type: 'FeatureCollection', features: [] };
  const gapIds = gapCommunityIds(state);
  const features: Feature[] = [];
  state.communities.forEach((c, i) => {
    const status = r.communitySnap.offNetwork[i] ? 'offNetwork' : gapIds.has(c.id) ? 'gap' : null;
    if (status) features.push({ type: 'Feature', geometry: c.geometry, properties: { id: c.id, status } });
  });
  return { type: 'FeatureCollection', features };
}

export const gapsLayer: LayerModule = {
  group: 'communities',
  sourceId: GAPS_SOURCE_ID,
  interactiveLayerIds: [],
  layers: () => [
    {
      slot: 'outlines',
      spec: {
        id: GAP_LAYER_IDS.casing, type: 'line', source: GAPS_SOURCE_ID, filter: ['==', ['get', 'status'], 'gap'],
        paint: { 'line-color': '#ffffff', 'line-width': ['interpolate', ['linear'], ['zoom'], 12, 3, 16, 6], 'line-opacity': 0.9 },
      },
    },
    {
      slot: 'outlines',
      spec: {
        id: GAP_LAYER_IDS.gap, type: 'line', source: GAPS_SOURCE_ID, filter: ['==', ['get', 'status'], 'gap'],
        paint: { 'line-color': GAP_COLOR, 'line-width': ['interpolate', ['linear'], ['zoom'], 12, 1.5, 16, 3.5] },
      },
    },
    {
      slot: 'outlines',
      spec: {
        id: GAP_LAYER_IDS.offNetwork, type: 'line', source: GAPS_SOURCE_ID, filter: ['==', ['get', 'status'], 'offNetwork'],
        paint: { 'line-color': OFF_NETWORK_COLOR, 'line-width': ['interpolate', ['linear'], ['zoom'], 12, 1.2, 16, 2.5], 'line-dasharray': [2, 1.5] },
      },
    },
  ],
  toSourceData: gapsSourceData,
  dataChanged: (s, p) => s.analysisResult !== p.analysisResult || s.gapCategory !== p.gapCategory || s.showGaps !== p.showGaps ||
    (s.sidePanelTab === 'zones') !== (p.sidePanelTab === 'zones') ||
    s.communities !== p.communities || s.analysisSettings !== p.analysisSettings,
};
