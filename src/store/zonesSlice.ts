/**
 * Block-level zones (区块) and zoning settings, with the hand edits of issue 5. Edits are pure functions
 * (zones/edits.ts); undo/redo covers `zones` + `zoningSettings` only (zones/history.ts). The automatic run happens
 * in the zoning Worker (worker/zoningClient.ts); its result comes back through `applyAutoZoning`.
 */
import type { LineString, MultiPolygon, Polygon } from 'geojson';
import type { Zone } from '../core/zoning';
import { zoneContext } from './zones/context';
import type { ZoneContext } from './zones/context';
import * as edits from './zones/edits';
import type { ZoningSettings } from './zones/settings';
import { DEFAULT_ZONING_SETTINGS } from './zones/settings';
import type { AppState, SliceCreator } from './types';

/** Map tool of the zones tab: 'draw' a zone, 'split' the selected one, 'members' toggle by click, 'outline' edit vertices. */
export type ZoneTool = 'none' | 'draw' | 'split' | 'members' | 'outline';
export type ZoningStatus = 'idle' | 'running' | 'error';
/** i18n key (under `zones.msg.`) of the last edit's feedback. */
export type ZoneMessage = 'noMembersInside' | 'ineligible' | 'splitNeedsCross' | 'zoningFailed' | 'mergePickOther' | null;

export interface ZonesSlice {
  zones: Zone[];
  zoningSettings: ZoningSettings;
  selectedZoneId: string | null;
  /** Zone chosen as the first of a merge (the next zone clicked in the list joins it). */
  mergeSourceId: string | null;
  zoneTool: ZoneTool;
  zoningStatus: ZoningStatus;
  zoneMessage: ZoneMessage;
  setZoningSettings: (patch: Partial<Omit<ZoningSettings, 'rules'>>) => void;
  setEligibilityRules: (patch: Partial<ZoningSettings['rules']>) => void;
  setZoningStatus: (status: ZoningStatus) => void;
  /** Zones of an automatic run (computed without the manual zones' members when mode is 'keep'). */
  applyAutoZoning: (auto: Zone[], mode: 'keep' | 'replace') => void;
  addDrawnZone: (outline: Polygon, name: string) => string | null;
  setZoneOutline: (zoneId: string, outline: Polygon | MultiPolygon) => boolean;
  toggleZoneMember: (zoneId: string, communityId: string) => boolean;
  mergeZones: (aId: string, bId: string) => boolean;
  splitZone: (zoneId: string, line: LineString, newName: string) => string | null;
  renameZone: (zoneId: string, name: string) => void;
  deleteZone: (zoneId: string) => void;
  selectZone: (zoneId: string | null) => void;
  setMergeSource: (zoneId: string | null) => void;
  setZoneTool: (tool: ZoneTool) => void;
  setZoneMessage: (message: ZoneMessage) => void;
  /** New dataset: zones of the old one point at nothing. */
  resetZones: () => void;
}

export function contextOf(s: AppState): ZoneContext {
  return zoneContext(s.communities, s.zoningSettings.rules, s.zoningSettings.gapMeters);
}

export const createZonesSlice: SliceCreator<ZonesSlice> = (set, get) => {
  /** Commit an edit (one history entry) or report why it did not apply. */
  const commit = (zones: Zone[] | null, failure: ZoneMessage, extra: Partial<ZonesSlice> = {}): boolean => {
    if (!zones) { set({ zoneMessage: failure }); return false; }
    const selected = get().selectedZoneId;
    set({ zones, zoneMessage: null, ...(selected && !zones.some((z) => z.id === selected) ? { selectedZoneId: null } : {}), ...extra });
    return true;
  };
  return {
    zones: [],
    zoningSettings: DEFAULT_ZONING_SETTINGS,
    selectedZoneId: null,
    mergeSourceId: null,
    zoneTool: 'none',
    zoningStatus: 'idle',
    zoneMessage: null,
    setZoningSettings: (patch) => set((s) => ({ zoningSettings: { ...s.zoningSettings, ...patch } })),
    setEligibilityRules: (patch) => set((s) => ({ zoningSettings: { ...s.zoningSettings, rules: { ...s.zoningSettings.rules, ...patch } } })),
    setZoningStatus: (zoningStatus) => set({ zoningStatus, zoneMessage: zoningStatus === 'error' ? 'zoningFailed' : get().zoneMessage }),
    applyAutoZoning: (auto, mode) => {
      const zones = edits.applyAutoZones(get().zones, auto, mode);
      commit(zones, null, { zoningStatus: 'idle' });
    },
    addDrawnZone: (outline, name) => {
      const r = edits.addDrawnZone(get().zones, contextOf(get()), outline, name);
      commit(r?.zones ?? null, 'noMembersInside', r ? { selectedZoneId: r.id } : {});
      return r?.id ?? null;
    },
    setZoneOutline: (zoneId, outline) => commit(edits.setZoneOutline(get().zones, contextOf(get()), zoneId, outline), 'noMembersInside'),
    toggleZoneMember: (zoneId, communityId) => commit(edits.toggleMember(get().zones, contextOf(get()), zoneId, communityId), 'ineligible'),
    mergeZones: (aId, bId) => commit(edits.mergeZones(get().zones, contextOf(get()), aId, bId), 'mergePickOther', { mergeSourceId: null, selectedZoneId: aId }),
    splitZone: (zoneId, line, newName) => {
      const r = edits.splitZone(get().zones, contextOf(get()), zoneId, line, newName);
      commit(r?.zones ?? null, 'splitNeedsCross');
      return r?.newId ?? null;
    },
    renameZone: (zoneId, name) => { const z = edits.renameZone(get().zones, zoneId, name); if (z) commit(z, null); },
    deleteZone: (zoneId) => { const z = edits.deleteZone(get().zones, zoneId); if (z) commit(z, null); },
    selectZone: (selectedZoneId) => set({ selectedZoneId }),
    setMergeSource: (mergeSourceId) => set({ mergeSourceId }),
    setZoneTool: (zoneTool) => set({ zoneTool, zoneMessage: null }),
    setZoneMessage: (zoneMessage) => set({ zoneMessage }),
    resetZones: () => set({ zones: [], selectedZoneId: null, mergeSourceId: null, zoneTool: 'none', zoneMessage: null }),
  };
};

/** Project file shape of the zones part (persistence registry, or wired by hand). */
export interface SavedZones {
  zones: Zone[];
  settings: ZoningSettings;
}

export function serializeZones(s: Pick<AppState, 'zones' | 'zoningSettings'>): SavedZones {
  return { zones: s.zones, settings: s.zoningSettings };
}

export function deserializeZones(json: unknown): Pick<AppState, 'zones' | 'zoningSettings'> {
  const o = json as Partial<SavedZones> | null;
  if (!o || !Array.isArray(o.zones) || typeof o.settings !== 'object' || o.settings === null) throw new Error('zones: expected { zones: [], settings: {} }');
  for (const z of o.zones) {
    if (typeof z?.id !== 'string' || !Array.isArray(z.memberIds) || !z.geometry) throw new Error('zones: a zone lacks id, memberIds or geometry');
  }
  const settings = { ...DEFAULT_ZONING_SETTINGS, ...o.settings, rules: { ...DEFAULT_ZONING_SETTINGS.rules, ...(o.settings.rules ?? {}) } };
  return { zones: o.zones, zoningSettings: settings };
}
