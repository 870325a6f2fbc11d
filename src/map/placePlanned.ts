/**
 * Map tool of the scenario: while placing mode is on (analysisUiStore.placingCategoryId), a map click adds a
 * planned facility of that category there; planned facilities can be dragged to move them. The store is updated
 * once per gesture (on release), so a drag causes one analysis rerun, not one per mouse move.
 */
import type { GeoJSONSource, Map as MlMap, MapLayerMouseEvent, MapMouseEvent } from 'maplibre-gl';
import type { StoreApi } from 'zustand';
import type { AppStore } from '../store';
import type { AnalysisUiState } from '../store/analysisUiSlice';
import { analysisUiStore } from '../store/analysisUiSlice';
import { PLANNED_LAYER_IDS, PLANNED_SOURCE_ID, plannedFeatures } from './layers/planned';

export class PlannedPlacementTool {
  private dragging: { id: string; lngLat: [number, number] } | null = null;
  /** True for the rest of the click event that placed a facility (the MapController must not select under it). */
  private consumedClick = false;
  private readonly unsubscribe: () => void;

  constructor(private readonly map: MlMap, private readonly store: AppStore, private readonly ui: StoreApi<AnalysisUiState> = analysisUiStore) {
    map.on('click', this.onClick);
    map.on('mousedown', PLANNED_LAYER_IDS.ring, this.onDragStart);
    map.on('mouseenter', PLANNED_LAYER_IDS.ring, this.onEnter);
    map.on('mouseleave', PLANNED_LAYER_IDS.ring, this.onLeave);
    map.on('mousemove', this.onMove);
    map.on('mouseup', this.onDragEnd);
    this.unsubscribe = ui.subscribe((s, p) => {
      if (s.placingCategoryId !== p.placingCategoryId) this.map.getCanvas().style.cursor = s.placingCategoryId ? 'crosshair' : '';
    });
  }

  capturesClicks(): boolean {
    return this.consumedClick || this.ui.getState().placingCategoryId !== null || this.dragging !== null;
  }

  destroy(): void {
    this.unsubscribe();
    this.map.off('click', this.onClick);
    this.map.off('mousedown', PLANNED_LAYER_IDS.ring, this.onDragStart);
    this.map.off('mouseenter', PLANNED_LAYER_IDS.ring, this.onEnter);
    this.map.off('mouseleave', PLANNED_LAYER_IDS.ring, this.onLeave);
    this.map.off('mousemove', this.onMove);
    this.map.off('mouseup', this.onDragEnd);
  }

  private readonly onClick = (e: MapMouseEvent): void => {
    const categoryId = this.ui.getState().placingCategoryId;
    if (!categoryId) return;
    this.store.getState().addPlannedFacility(categoryId, [e.lngLat.lng, e.lngLat.lat]);
    this.ui.getState().stopPlacing();
    this.consumedClick = true;
    setTimeout(() => { this.consumedClick = false; }, 0);
  };

  private readonly onEnter = (): void => {
    if (!this.ui.getState().placingCategoryId) this.map.getCanvas().style.cursor = 'move';
  };

  private readonly onLeave = (): void => {
    if (!this.dragging && !this.ui.getState().placingCategoryId) this.map.getCanvas().style.cursor = '';
  };

  private readonly onDragStart = (e: MapLayerMouseEvent): void => {
    if (this.ui.getState().placingCategoryId) return;
    const id = e.features?.[0]?.properties?.id;
    if (typeof id !== 'string') return;
    // Keeps maplibre from panning the map during this gesture.
    e.preventDefault();
    this.dragging = { id, lngLat: [e.lngLat.lng, e.lngLat.lat] };
    this.map.getCanvas().style.cursor = 'grabbing';
  };

  private readonly onMove = (e: MapMouseEvent): void => {
    if (!this.dragging) return;
    this.dragging = { id: this.dragging.id, lngLat: [e.lngLat.lng, e.lngLat.lat] };
    const s = this.store.getState();
    // Only the map moves while dragging; the store (and the analysis) follow on release.
    (this.map.getSource(PLANNED_SOURCE_ID) as GeoJSONSource | undefined)?.setData(plannedFeatures(s.scenario.planned, s.scenario.enabled, this.dragging));
  };

  private readonly onDragEnd = (): void => {
    if (!this.dragging) return;
    const { id, lngLat } = this.dragging;
    this.dragging = null;
    this.map.getCanvas().style.cursor = '';
    this.store.getState().movePlannedFacility(id, lngLat);
    this.consumedClick = true;
    setTimeout(() => { this.consumedClick = false; }, 0);
  };
}
