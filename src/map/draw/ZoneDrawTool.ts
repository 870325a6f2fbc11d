/**
 * The zones tab's map tools on top of the MapController's map: terra-draw (maplibre adapter) for drawing a zone,
 * drawing a split line and editing a zone outline's vertices; plain map clicks for adding/removing members; and
 * the undo/redo keys. All results go through store actions (one history entry each).
 */
import type { Map as MlMap, MapMouseEvent } from 'maplibre-gl';
import type { LineString, Polygon } from 'geojson';
import { TerraDraw, TerraDrawLineStringMode, TerraDrawPolygonMode, TerraDrawSelectMode } from 'terra-draw';
import type { GeoJSONStoreFeatures } from 'terra-draw';
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter';
import { i18next } from '../../i18n';
import type { AppState, AppStore } from '../../store';
import { zonesHistory } from '../../store/zones/history';
import { COMMUNITY_LAYER_IDS } from '../layers/communities';
import { editableParts, joinParts } from './geometry';

const INK = '#111827';
const ACCENT = '#0b3d91';
/** Clicks this soon after a finished shape are its tail (the finishing click or double-click), not a selection. */
const FINISH_CLICK_GRACE_MS = 500;

export class ZoneDrawTool {
  private draw: TerraDraw | null = null;
  private readonly unsubscribe: () => void;
  /** Zone and geometry loaded into terra-draw for outline editing (to reload after undo). */
  private editing: { zoneId: string; geometry: unknown } | null = null;

  constructor(private readonly map: MlMap, private readonly store: AppStore) {
    map.on('load', this.onLoad);
    map.on('click', this.onClick);
    window.addEventListener('keydown', this.onKey);
    this.unsubscribe = store.subscribe((s, p) => this.sync(s, p));
  }

  /** When terra-draw last finished a shape (ms, performance.now()). */
  private finishedAtMs = -Infinity;

  /**
   * While a zone tool is active, map clicks belong to it (no feature selection); so does the click that finished
   * a shape, which reaches the map after terra-draw has ended the tool (the second click of the double-click that
   * ends a split line would otherwise open the details of the community under it).
   */
  capturesClicks(): boolean {
    return this.store.getState().zoneTool !== 'none' || performance.now() - this.finishedAtMs < FINISH_CLICK_GRACE_MS;
  }

  destroy(): void {
    clearTimeout(this.zoomTimer);
    this.unsubscribe();
    window.removeEventListener('keydown', this.onKey);
    this.map.off('click', this.onClick);
    this.map.off('load', this.onLoad);
    if (this.draw?.enabled) this.draw.stop();
  }

  private readonly onLoad = (): void => {
    this.draw = new TerraDraw({
      adapter: new TerraDrawMapLibreGLAdapter({ map: this.map, coordinatePrecision: 9 }),
      modes: [
        new TerraDrawPolygonMode({
          styles: { fillColor: ACCENT, fillOpacity: 0.15, outlineColor: ACCENT, outlineWidth: 2.5, closingPointColor: '#ffffff', closingPointOutlineColor: ACCENT, closingPointWidth: 6, closingPointOutlineWidth: 2 },
        }),
        new TerraDrawLineStringMode({ styles: { lineStringColor: '#b91c1c', lineStringWidth: 3, closingPointColor: '#ffffff', closingPointOutlineColor: '#b91c1c' } }),
        new TerraDrawSelectMode({
          keyEvents: { deselect: null, delete: null, rotate: null, scale: null },
          allowManualDeselection: false,
          flags: { polygon: { feature: { draggable: false, coordinates: { draggable: true, midpoints: true, deletable: true } } } },
          styles: {
            selectedPolygonColor: ACCENT, selectedPolygonFillOpacity: 0.12, selectedPolygonOutlineColor: INK, selectedPolygonOutlineWidth: 2.5,
            selectionPointColor: '#ffffff', selectionPointOutlineColor: INK, selectionPointWidth: 5, selectionPointOutlineWidth: 2,
            midPointColor: ACCENT, midPointOutlineColor: '#ffffff', midPointWidth: 3.5,
          },
        }),
      ],
    });
    this.draw.start();
    this.draw.on('finish', this.onFinish);
    this.applyTool(this.store.getState());
  };

  private sync(s: AppState, p: AppState): void {
    if (s.dataVersion !== p.dataVersion && s.zones === p.zones && s.zones.length) {
      s.resetZones();
      zonesHistory(this.store).getState().clear();
      return;
    }
    if (s.zoneTool !== p.zoneTool || s.selectedZoneId !== p.selectedZoneId) { this.applyTool(s); return; }
    if (s.zoneTool === 'outline' && s.zones !== p.zones) {
      const zone = s.zones.find((z) => z.id === s.selectedZoneId);
      if (!zone) s.setZoneTool('none');
      else if (this.editing?.geometry !== zone.geometry) this.applyTool(s);
    }
  }

  /**
   * A double-click ends a drawn shape; it must not also zoom the map. Map double-click zoom is off while a
   * drawing tool is on and comes back a moment after (the dblclick event arrives after the finishing click).
   * Called after terra-draw's mode change: stopping its line or polygon mode turns the map's double-click zoom
   * back on at once, so it is switched off again here (under load the finishing double-click's dblclick event
   * came after that and zoomed the map; zones-edit split test).
   */
  private setDoubleClickZoom(tool: AppState['zoneTool']): void {
    clearTimeout(this.zoomTimer);
    this.map.doubleClickZoom.disable();
    if (tool !== 'draw' && tool !== 'split') this.zoomTimer = setTimeout(() => this.map.doubleClickZoom.enable(), FINISH_CLICK_GRACE_MS);
  }

  private zoomTimer: ReturnType<typeof setTimeout> | undefined;

  private applyTool(s: AppState): void {
    this.applyDrawMode(s);
    this.setDoubleClickZoom(s.zoneTool);
  }

  private applyDrawMode(s: AppState): void {
    const draw = this.draw;
    if (!draw) return;
    draw.clear();
    this.editing = null;
    const zone = s.zones.find((z) => z.id === s.selectedZoneId) ?? null;
    switch (s.zoneTool) {
      case 'draw': draw.setMode('polygon'); break;
      case 'split': if (zone) draw.setMode('linestring'); else draw.setMode('static'); break;
      case 'outline': {
        if (!zone) { draw.setMode('static'); break; }
        draw.setMode('select');
        const features = editableParts(zone.geometry).map((geometry): GeoJSONStoreFeatures => ({
          id: draw.getFeatureId(), type: 'Feature', geometry, properties: { mode: 'polygon' },
        }));
        draw.addFeatures(features);
        this.editing = { zoneId: zone.id, geometry: zone.geometry };
        if (features[0]) draw.selectFeature(features[0].id!);
        break;
      }
      default: draw.setMode('static');
    }
  }

  private readonly onFinish = (id: string | number, context: { mode: string }): void => {
    const draw = this.draw;
    const s = this.store.getState();
    if (!draw) return;
    const f = draw.getSnapshotFeature(id);
    if (!f) return;
    this.finishedAtMs = performance.now();
    if (context.mode === 'polygon' && s.zoneTool === 'draw') {
      draw.removeFeatures([id]);
      const n = s.zones.filter((z) => z.source === 'manual').length + 1;
      const created = s.addDrawnZone(f.geometry as Polygon, i18next.t('zones.drawnName', { n }));
      if (created) s.setZoneTool('none');
    } else if (context.mode === 'linestring' && s.zoneTool === 'split' && s.selectedZoneId) {
      draw.removeFeatures([id]);
      const zone = s.zones.find((z) => z.id === s.selectedZoneId);
      const done = s.splitZone(s.selectedZoneId, f.geometry as LineString, `${zone?.name ?? ''}-2`);
      if (done) s.setZoneTool('none');
    } else if (context.mode === 'select' && s.zoneTool === 'outline' && this.editing) {
      const parts = draw.getSnapshot().filter((x) => x.geometry.type === 'Polygon').map((x) => x.geometry as Polygon);
      const geometry = joinParts(parts);
      this.editing = { zoneId: this.editing.zoneId, geometry };
      // The store keeps this very geometry object, so sync() sees no outside change and leaves the editor alone.
      if (!s.setZoneOutline(this.editing.zoneId, geometry)) this.applyTool(this.store.getState());
    }
  };

  private readonly onClick = (e: MapMouseEvent): void => {
    const s = this.store.getState();
    if (s.zoneTool !== 'members' || !s.selectedZoneId) return;
    const hit = this.map.queryRenderedFeatures(e.point, { layers: [COMMUNITY_LAYER_IDS.fill] })[0];
    const id = hit?.id ?? hit?.properties?.id;
    if (id !== undefined && id !== null) s.toggleZoneMember(s.selectedZoneId, String(id));
  };

  private readonly onKey = (e: KeyboardEvent): void => {
    const t = e.target as HTMLElement | null;
    if (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || t.isContentEditable)) return;
    const s = this.store.getState();
    if (e.key === 'Escape' && s.zoneTool !== 'none') { s.setZoneTool('none'); return; }
    if (!(e.ctrlKey || e.metaKey)) return;
    // Mid-drawing, the keys would undo an older edit under the half-drawn shape.
    if (this.draw?.enabled && this.draw.getModeState() === 'drawing') return;
    const key = e.key.toLowerCase();
    const history = zonesHistory(this.store).getState();
    if (key === 'z' && !e.shiftKey) { e.preventDefault(); history.undo(); } else if ((key === 'z' && e.shiftKey) || key === 'y') { e.preventDefault(); history.redo(); }
  };
}
