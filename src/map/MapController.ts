/**
 * Owns the maplibre instance. State flows one way: the store drives sources, layer visibility, filters and
 * feature-state; map events only call store actions (hover, select). React never touches the map.
 */
import { Map as MlMap, NavigationControl, ScaleControl, setWorkerUrl } from 'maplibre-gl';
import type { MapMouseEvent } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { AppState, AppStore, FeatureKind, FeatureRef } from '../store';
import { boundsOf } from './bounds';
import { shiftIntoRange } from './reveal';
import { PlannedPlacementTool } from './placePlanned';
import { ZoneDrawTool } from './draw/ZoneDrawTool';
import './globals';
import { LAYER_MODULES, LAYER_SLOTS } from './layers';
import type { LayerModule } from './layers';
import { BACKGROUND_LAYER_ID, OSM_LAYER_ID, OSM_RASTER_LAYER, OSM_RASTER_SOURCE, OSM_SOURCE_ID, offlineBaseStyle } from './style';

setWorkerUrl(workerUrl);

/** Roughly the sample city (Nanchang old town) until data is loaded. */
const INITIAL_CENTER: [number, number] = [115.89, 28.68];

export interface MapControllerOptions {
  /** Map width (px, from the right edge) covered by the details panel while something is selected. */
  selectionInsetRightPx?: number;
  modules?: readonly LayerModule[];
}

export class MapController {
  readonly map: MlMap;
  private readonly store: AppStore;
  private readonly modules: readonly LayerModule[];
  private readonly unsubscribe: () => void;
  private readonly resizeObserver: ResizeObserver;
  private styleReady = false;
  private fittedVersion = 0;
  /** Layer id → feature kind, for picking. */
  private readonly kindOfLayer = new Map<string, FeatureKind>();
  private readonly sourceOfKind = new Map<FeatureKind, string>();
  private readonly selectionInsetRightPx: number;
  /** Map tools that may take over clicks (zone drawing and editing). */
  private readonly tools: { capturesClicks: () => boolean; destroy: () => void }[];

  constructor(container: HTMLElement, store: AppStore, options: MapControllerOptions = {}) {
    const modules = options.modules ?? LAYER_MODULES;
    this.store = store;
    this.modules = modules;
    this.selectionInsetRightPx = options.selectionInsetRightPx ?? 0;
    for (const m of modules) {
      if (!m.featureKind) continue;
      this.sourceOfKind.set(m.featureKind, m.sourceId);
      for (const id of m.interactiveLayerIds) this.kindOfLayer.set(id, m.featureKind);
    }
    this.map = new MlMap({
      container,
      style: offlineBaseStyle(),
      center: INITIAL_CENTER,
      zoom: 13,
      // Planning maps are read north-up.
      dragRotate: false,
      pitchWithRotate: false,
      // Lets tests (and "save image") read back the drawn pixels.
      canvasContextAttributes: { preserveDrawingBuffer: true },
      attributionControl: { compact: true },
    });
    this.map.touchZoomRotate.disableRotation();
    window.__map = this.map;
    this.map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    this.map.addControl(new ScaleControl({ unit: 'metric', maxWidth: 120 }), 'bottom-right');
    this.map.on('load', () => this.onStyleLoad());
    // After onStyleLoad's listener: the tools' own layers (terra-draw) go on top of the data layers.
    this.tools = [new ZoneDrawTool(this.map, store), new PlannedPlacementTool(this.map, store)];
    this.map.on('mousemove', (e) => this.onMouseMove(e));
    this.map.on('click', (e) => this.onClick(e));
    this.map.getCanvas().addEventListener('mouseleave', this.onMouseLeave);
    this.unsubscribe = store.subscribe((s, p) => this.sync(s, p));
    // The side panels change the map's box without a window resize.
    this.resizeObserver = new ResizeObserver(() => this.map.resize());
    this.resizeObserver.observe(container);
  }

  destroy(): void {
    for (const t of this.tools) t.destroy();
    this.unsubscribe();
    this.resizeObserver.disconnect();
    this.map.getCanvas().removeEventListener('mouseleave', this.onMouseLeave);
    if (window.__map === this.map) delete window.__map;
    this.map.remove();
  }

  private onStyleLoad(): void {
    const state = this.store.getState();
    for (const m of this.modules) {
      this.map.addSource(m.sourceId, { type: 'geojson', data: m.toSourceData(state), promoteId: 'id' });
    }
    const all = this.modules.flatMap((m) => m.layers());
    for (const slot of LAYER_SLOTS) for (const l of all) if (l.slot === slot) this.map.addLayer(l.spec);
    this.styleReady = true;
    for (const m of this.modules) {
      this.applyVisibility(m, state);
      this.applyFilter(m, state);
    }
    this.applyBasemap(state);
    this.applyFeatureState('hover', null, state.hover);
    this.applyFeatureState('selected', null, state.selection);
    this.fitToData(state);
  }

  private sync(s: AppState, p: AppState): void {
    if (!this.styleReady) return;
    for (const m of this.modules) {
      if (m.dataChanged(s, p)) this.source(m.sourceId)?.setData(m.toSourceData(s));
      if (s.layerVisibility[m.group] !== p.layerVisibility[m.group]) this.applyVisibility(m, s);
      if (m.filterChanged?.(s, p)) this.applyFilter(m, s);
    }
    if (s.hover !== p.hover) this.applyFeatureState('hover', p.hover, s.hover);
    if (s.selection !== p.selection) {
      this.applyFeatureState('selected', p.selection, s.selection);
      if (s.selection) this.reveal(s, s.selection);
    }
    if (s.basemap !== p.basemap) this.applyBasemap(s);
    if (s.dataVersion !== p.dataVersion) this.fitToData(s);
  }

  private source(id: string): { setData: (d: GeoJSON.FeatureCollection) => unknown } | null {
    const src = this.map.getSource(id);
    return src && src.type === 'geojson' ? (src as unknown as { setData: (d: GeoJSON.FeatureCollection) => unknown }) : null;
  }

  private layerIdsOf(m: LayerModule): string[] {
    return m.layers().map((l) => l.spec.id);
  }

  private applyVisibility(m: LayerModule, s: AppState): void {
    const v = s.layerVisibility[m.group] ? 'visible' : 'none';
    for (const id of this.layerIdsOf(m)) this.map.setLayoutProperty(id, 'visibility', v);
  }

  private applyFilter(m: LayerModule, s: AppState): void {
    if (!m.filter) return;
    const extra = m.filter(s);
    for (const l of m.layers()) {
      const own = 'filter' in l.spec ? l.spec.filter : undefined;
      const combined = own && extra ? ['all', own, extra] : extra ?? own ?? null;
      this.map.setFilter(l.spec.id, combined as Parameters<MlMap['setFilter']>[1]);
    }
  }

  private applyFeatureState(key: 'hover' | 'selected', prev: FeatureRef | null, next: FeatureRef | null): void {
    if (prev) {
      const source = this.sourceOfKind.get(prev.kind);
      if (source && this.map.getSource(source)) this.map.setFeatureState({ source, id: prev.id }, { [key]: false });
    }
    if (next) {
      const source = this.sourceOfKind.get(next.kind);
      if (source && this.map.getSource(source)) this.map.setFeatureState({ source, id: next.id }, { [key]: true });
    }
    if (key === 'hover') this.map.getCanvas().style.cursor = next ? 'pointer' : '';
  }

  private applyBasemap(s: AppState): void {
    const on = s.basemap === 'osm';
    if (on && !this.map.getSource(OSM_SOURCE_ID)) {
      this.map.addSource(OSM_SOURCE_ID, OSM_RASTER_SOURCE);
      // Directly above the background, below every data layer.
      const layers = this.map.getStyle().layers;
      const idx = layers.findIndex((l) => l.id === BACKGROUND_LAYER_ID);
      this.map.addLayer(OSM_RASTER_LAYER, layers[idx + 1]?.id);
    } else if (!on && this.map.getSource(OSM_SOURCE_ID)) {
      this.map.removeLayer(OSM_LAYER_ID);
      this.map.removeSource(OSM_SOURCE_ID);
    }
  }

  private fitToData(s: AppState): void {
    if (s.dataVersion === 0 || s.dataVersion === this.fittedVersion) return;
    const b = boundsOf([...s.communities.map((c) => c.geometry), ...s.roads.map((r) => r.geometry), ...s.facilities.map((f) => f.geometry)]);
    if (!b) return;
    this.fittedVersion = s.dataVersion;
    this.map.fitBounds(b, { padding: 32, duration: 0 });
  }

  /** Pan so a selected feature is not hidden under the details panel or off screen (the whole box when it fits). */
  private reveal(s: AppState, ref: FeatureRef): void {
    const item = ref.kind === 'community' ? s.communities.find((c) => c.id === ref.id) : s.facilities.find((f) => f.id === ref.id);
    const b = item ? boundsOf([item.geometry]) : null;
    if (!b) return;
    const nw = this.map.project([b[0], b[3]]);
    const se = this.map.project([b[2], b[1]]);
    const { clientWidth: w, clientHeight: h } = this.map.getContainer();
    const margin = 24;
    const dx = shiftIntoRange(nw.x, se.x, margin, w - this.selectionInsetRightPx - margin);
    const dy = shiftIntoRange(nw.y, se.y, margin, h - margin);
    if (dx !== 0 || dy !== 0) this.map.panBy([dx, dy], { duration: 300 });
  }

  private interactiveLayers(): string[] {
    const s = this.store.getState();
    return this.modules
      .filter((m) => m.featureKind && s.layerVisibility[m.group])
      .flatMap((m) => m.interactiveLayerIds)
      .filter((id) => this.map.getLayer(id));
  }

  /** Topmost interactive feature under the pointer (facilities are drawn above communities). */
  private pick(e: MapMouseEvent): FeatureRef | null {
    if (!this.styleReady) return null;
    const layers = this.interactiveLayers();
    if (layers.length === 0) return null;
    const hit = this.map.queryRenderedFeatures(e.point, { layers })[0];
    if (!hit) return null;
    const kind = this.kindOfLayer.get(hit.layer.id);
    const id = hit.id ?? hit.properties?.id;
    return kind && id !== undefined && id !== null ? { kind, id: String(id) } : null;
  }

  private onMouseMove(e: MapMouseEvent): void {
    const s = this.store.getState();
    s.setHover(this.pick(e));
    s.setPointer({ lng: e.lngLat.lng, lat: e.lngLat.lat, x: e.point.x, y: e.point.y });
  }

  private readonly onMouseLeave = (): void => {
    this.store.getState().setHover(null);
    this.store.getState().setPointer(null);
  };

  private onClick(e: MapMouseEvent): void {
    if (this.tools.some((t) => t.capturesClicks())) return;
    this.store.getState().select(this.pick(e));
  }
}

