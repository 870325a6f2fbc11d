/** User settings that persist across reloads (localStorage): language, basemap. */
import type { CategoryDef } from '../core/config/categories';
import { DEFAULT_CATEGORIES } from '../core/config/categories';
import type { SliceCreator } from './types';

export type Language = 'zh-CN' | 'en';
export type Basemap = 'offline' | 'osm';
export const LANGUAGES: readonly Language[] = ['zh-CN', 'en'];

export const STORAGE_KEYS = { language: 'renovation-planner.language', basemap: 'renovation-planner.basemap' } as const;

/** Core scope of the policy: built before the end of 2000 (DOMAIN.md §2); configurable. */
export const DEFAULT_PRE_YEAR_THRESHOLD = 2000;

export interface SettingsSlice {
  language: Language;
  /** 'osm' requests tiles from tile.openstreetmap.org: only ever after the user opts in. */
  basemap: Basemap;
  /** Communities built in or before this year count as "old" (pre-2000) in summaries. */
  oldBuildYearThreshold: number;
  categories: CategoryDef[];
  setLanguage: (language: Language) => void;
  setBasemap: (basemap: Basemap) => void;
}

function readStored(key: string): string | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage.getItem(key);
  } catch {
    return null; // storage disabled (privacy mode): fall back to defaults
  }
}
function writeStored(key: string, value: string): void {
  try {
    if (typeof localStorage !== 'undefined') localStorage.setItem(key, value);
  } catch {
    // not persisted; the setting still applies for this session
  }
}

export function storedLanguage(): Language {
  const v = readStored(STORAGE_KEYS.language);
  return v === 'en' || v === 'zh-CN' ? v : 'zh-CN';
}

export const createSettingsSlice: SliceCreator<SettingsSlice> = (set) => ({
  language: storedLanguage(),
  basemap: readStored(STORAGE_KEYS.basemap) === 'osm' ? 'osm' : 'offline',
  oldBuildYearThreshold: DEFAULT_PRE_YEAR_THRESHOLD,
  categories: DEFAULT_CATEGORIES.map((c) => ({ ...c })),
  setLanguage: (language) => { writeStored(STORAGE_KEYS.language, language); set({ language }); },
  setBasemap: (basemap) => { writeStored(STORAGE_KEYS.basemap, basemap); set({ basemap }); },
});
