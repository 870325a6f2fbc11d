/**
 * Registry of the persisted parts of a project. Each store slice that holds project state (data, settings, zones,
 * analysis, scenario) registers one part; the project file and the IndexedDB autosave are built from the registry,
 * so a new slice is saved, restored and migrated without touching the persistence code.
 */
import type { StoreApi } from 'zustand';
import type { AppState } from '../types';

/** What a part's loader returns: a state patch, or a function of the current state (e.g. to bump a counter). */
export type PartPatch = Partial<AppState> | ((current: AppState) => Partial<AppState>);

/**
 * One persisted part of the project.
 *
 * @example A zones slice registers its part (src/store/persistence/parts/zones.ts), imported once from
 * `parts/index.ts`:
 * ```ts
 * import { registerPersistedPart } from '../registry';
 * import { expectArray, expectObject, expectNumber } from '../validate';
 *
 * registerPersistedPart({
 *   key: 'zones',
 *   version: 2,
 *   stateKeys: ['zones', 'zoningSettings'],           // autosave runs when one of these changes (by reference)
 *   save: (s) => ({ zones: s.zones, settings: s.zoningSettings }),   // JSON-safe, no functions or class instances
 *   load: (json, fromVersion) => {                    // json is already migrated to version 2 here
 *     const o = expectObject(json, 'parts.zones.data');
 *     const settings = expectObject(o.settings, 'parts.zones.data.settings');
 *     expectNumber(settings.gapMeters, 'parts.zones.data.settings.gapMeters');
 *     return { zones: expectArray(o.zones, 'parts.zones.data.zones') as Zone[], zoningSettings: settings as ZoningSettings };
 *   },
 *   // v1 stored `gap` instead of `gapMeters`: migrations[n] turns version-n data into version n+1.
 *   migrations: { 1: (old) => { const o = old as { zones: unknown; settings: { gap: number } };
 *     return { zones: o.zones, settings: { gapMeters: o.settings.gap } }; } },
 *   // Projects saved before this part existed have no `zones`: start empty instead of failing.
 *   initial: () => ({ zones: [], zoningSettings: DEFAULT_ZONING_SETTINGS }),
 * });
 * ```
 * Throw (preferably with the helpers of `validate.ts`, which name the JSON path) from `load` when the data is
 * wrong: nothing of the project is applied then. Bump `version` and add a migration whenever the saved shape changes.
 */
export interface PersistedPart {
  /** Unique key in the project file (`parts[key]`). */
  key: string;
  /** Version of the saved shape, an integer ≥ 1. */
  version: number;
  /** State fields the part saves: autosave compares them by reference (zustand state is immutable). */
  stateKeys: readonly (keyof AppState)[];
  /** The part's JSON-safe data. */
  save: (state: AppState) => unknown;
  /**
   * State patch from saved data (migrated to `version` first). May be async (e.g. to reload the sample city);
   * validate and throw on wrong data.
   */
  load: (json: unknown, fromVersion: number) => PartPatch | Promise<PartPatch>;
  /** `migrations[n]`: data of version n → data of version n + 1. */
  migrations?: Record<number, (old: unknown) => unknown>;
  /** State for a project that lacks this part (saved before it existed). Without it, a missing part is an error. */
  initial?: () => Partial<AppState>;
  /** Runs after a project was applied (e.g. clear an undo history so undo cannot step back into the old project). */
  afterApply?: (store: StoreApi<AppState>) => void;
}

export interface PartRegistry {
  register: (part: PersistedPart) => void;
  parts: () => readonly PersistedPart[];
  get: (key: string) => PersistedPart | undefined;
}

export function createPartRegistry(): PartRegistry {
  const byKey = new Map<string, PersistedPart>();
  return {
    register: (part) => {
      if (!/^[a-z][a-zA-Z0-9_-]*$/.test(part.key)) throw new Error(`persisted part key "${part.key}" must be a simple identifier`);
      if (!Number.isInteger(part.version) || part.version < 1) throw new Error(`persisted part "${part.key}": version must be an integer ≥ 1`);
      if (byKey.has(part.key)) throw new Error(`persisted part "${part.key}" is registered twice`);
      byKey.set(part.key, part);
    },
    parts: () => [...byKey.values()],
    get: (key) => byKey.get(key),
  };
}

/** The app's registry (the file format and autosave use it). */
export const projectParts: PartRegistry = createPartRegistry();

/** Register a part of the app's project. Call once at module load, before the app starts (see the example above). */
export function registerPersistedPart(part: PersistedPart): void {
  projectParts.register(part);
}
