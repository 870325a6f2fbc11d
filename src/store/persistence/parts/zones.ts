/**
 * Part `zones`: the zones (auto and hand-edited) and the zoning settings (eligibility rules, gap, barriers, caps).
 * Shape and checks come from the zones slice (serializeZones / deserializeZones). Projects saved before zones
 * existed open with no zones and default settings; the undo history starts afresh with the opened project.
 */
import { zonesHistory } from '../../zones/history';
import { DEFAULT_ZONING_SETTINGS } from '../../zones/settings';
import { deserializeZones, serializeZones } from '../../zonesSlice';
import type { PersistedPart } from '../registry';

export const zonesPart: PersistedPart = {
  key: 'zones',
  version: 1,
  stateKeys: ['zones', 'zoningSettings'],
  save: (s) => serializeZones(s),
  load: (json) => ({ ...deserializeZones(json), selectedZoneId: null, mergeSourceId: null, zoneTool: 'none', zoneMessage: null }),
  initial: () => ({ zones: [], zoningSettings: DEFAULT_ZONING_SETTINGS, selectedZoneId: null, mergeSourceId: null }),
  afterApply: (store) => zonesHistory(store).getState().clear(),
};
