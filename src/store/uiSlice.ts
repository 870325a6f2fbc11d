/** Transient UI state: selection, hover, side-panel tab, layer visibility. Not persisted. */
import type { SliceCreator } from './types';

export type FeatureKind = 'community' | 'facility';
export interface FeatureRef {
  kind: FeatureKind;
  id: string;
}

/** Toggleable map layer groups (each may be several maplibre layers). */
export type LayerGroupId = 'communities' | 'facilities' | 'roads' | 'water' | 'zones';
export const LAYER_GROUP_IDS: readonly LayerGroupId[] = ['communities', 'facilities', 'roads', 'water', 'zones'];

/** Where the pointer is over the map: geographic and map-canvas pixel position. */
export interface PointerInfo {
  lng: number;
  lat: number;
  x: number;
  y: number;
}

export interface UiSlice {
  selection: FeatureRef | null;
  pointer: PointerInfo | null;
  hover: FeatureRef | null;
  /** Id of the open side-panel tab (see ui/sidePanelTabs.ts; other features register more tabs). */
  sidePanelTab: string;
  layerVisibility: Record<LayerGroupId, boolean>;
  /** Facility categories hidden from the map (legend toggles). */
  hiddenCategories: string[];
  select: (ref: FeatureRef | null) => void;
  setHover: (ref: FeatureRef | null) => void;
  setPointer: (pointer: PointerInfo | null) => void;
  setSidePanelTab: (tabId: string) => void;
  setLayerVisible: (layer: LayerGroupId, visible: boolean) => void;
  toggleCategory: (categoryId: string) => void;
}

const sameRef = (a: FeatureRef | null, b: FeatureRef | null): boolean =>
  a === b || (a !== null && b !== null && a.kind === b.kind && a.id === b.id);

export const createUiSlice: SliceCreator<UiSlice> = (set, get) => ({
  selection: null,
  hover: null,
  pointer: null,
  sidePanelTab: 'layers',
  layerVisibility: { communities: true, facilities: true, roads: true, water: true, zones: true },
  hiddenCategories: [],
  select: (ref) => { if (!sameRef(get().selection, ref)) set({ selection: ref }); },
  // mousemove fires constantly: only write when the hovered feature really changes.
  setHover: (ref) => { if (!sameRef(get().hover, ref)) set({ hover: ref }); },
  setPointer: (pointer) => set({ pointer }),
  setSidePanelTab: (tabId) => set({ sidePanelTab: tabId }),
  setLayerVisible: (layer, visible) => set((s) => ({ layerVisibility: { ...s.layerVisibility, [layer]: visible } })),
  toggleCategory: (categoryId) =>
    set((s) => ({
      hiddenCategories: s.hiddenCategories.includes(categoryId)
        ? s.hiddenCategories.filter((c) => c !== categoryId)
        : [...s.hiddenCategories, categoryId],
    })),
});
