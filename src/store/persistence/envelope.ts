/**
 * The project envelope: `{ format, version, savedAt, app: { version }, parts: { [key]: { version, data } } }`.
 * `buildProject` writes it from the state; `readProject` checks it, runs migrations, and asks every registered
 * part for its patch. Nothing touches the store until `applyProject`, which sets all patches in one `setState`,
 * so a broken file leaves the current project exactly as it was.
 */
import type { StoreApi } from 'zustand';
import type { AppState } from '../types';
import { describeValue, ProjectFileError, wrongType } from './errors';
import { runMigrations } from './migrate';
import type { PartPatch, PartRegistry } from './registry';
import { isObject } from './validate';

export const PROJECT_FORMAT = 'renovation-planner-project';
/** Version of the envelope. Bump it (and add an ENVELOPE_MIGRATIONS step) when the envelope itself changes. */
export const PROJECT_VERSION = 1;
/** `ENVELOPE_MIGRATIONS[n]`: envelope of version n → n + 1 (none yet: version 1 is the first). */
export const ENVELOPE_MIGRATIONS: Record<number, (old: unknown) => unknown> = {};
/** Written into files for support; reading does not depend on it. */
export const APP_VERSION = '0.1.0';

export interface SavedPart {
  version: number;
  data: unknown;
}

export interface ProjectFile {
  format: typeof PROJECT_FORMAT;
  version: number;
  /** ISO 8601 time of saving. */
  savedAt: string;
  app: { version: string };
  parts: Record<string, SavedPart>;
}

export interface EnvelopeOptions {
  /** Envelope version this build writes and reads up to (tests override it). */
  version?: number;
  migrations?: Record<number, (old: unknown) => unknown>;
}

/** The project of a state. `extraParts` (unknown parts kept from an opened file) are written back unchanged. */
export function buildProject(state: AppState, registry: PartRegistry, opts: {
  now?: Date; extraParts?: Record<string, SavedPart>; version?: number;
} = {}): ProjectFile {
  const parts: Record<string, SavedPart> = { ...(opts.extraParts ?? {}) };
  for (const p of registry.parts()) parts[p.key] = { version: p.version, data: p.save(state) };
  return {
    format: PROJECT_FORMAT,
    version: opts.version ?? PROJECT_VERSION,
    savedAt: (opts.now ?? new Date()).toISOString(),
    app: { version: APP_VERSION },
    parts,
  };
}

export interface LoadedProject {
  patches: PartPatch[];
  /** Parts this build does not know (a newer app or a removed feature): kept to write back, otherwise ignored. */
  unknownParts: Record<string, SavedPart>;
  /** English, for the console; `unknownParts` keys are shown translated by the UI. */
  warnings: string[];
  savedAt: string | null;
  afterApply: ((store: StoreApi<AppState>) => void)[];
}

/** Envelope checks and migration; returns the envelope at the current version. */
function checkEnvelope(json: unknown, opts: EnvelopeOptions): Record<string, unknown> {
  const current = opts.version ?? PROJECT_VERSION;
  if (!isObject(json)) {
    const found = describeValue(json);
    throw new ProjectFileError('notObject', { found }, `Not a Renovation Planner project: the file holds ${found}, not an object.`);
  }
  if (json.format !== PROJECT_FORMAT) {
    const found = describeValue(json.format);
    throw new ProjectFileError('wrongFormat', { found, expected: PROJECT_FORMAT },
      `Not a Renovation Planner project: "format" is ${found}, expected "${PROJECT_FORMAT}".`);
  }
  const v = json.version;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) {
    const found = describeValue(v);
    throw new ProjectFileError('badVersion', { found }, `Invalid project file: "version" should be a whole number, found ${found}.`);
  }
  if (v > current) {
    throw new ProjectFileError('newerVersion', { fileVersion: v, appVersion: current },
      `This project was saved by a newer version of Renovation Planner (project file version ${v}); this app reads project files up to version ${current}. Please update the app.`);
  }
  const migrated = runMigrations(json, v, current, opts.migrations ?? ENVELOPE_MIGRATIONS, 'the project file');
  if (!isObject(migrated)) throw wrongType('the migrated project', 'an object', migrated);
  return migrated;
}

/** Check a parsed project (any JSON value) and compute every part's patch without touching the store. */
export async function readProject(json: unknown, registry: PartRegistry, opts: EnvelopeOptions = {}): Promise<LoadedProject> {
  const env = checkEnvelope(json, opts);
  if (!isObject(env.parts)) {
    const found = describeValue(env.parts);
    throw new ProjectFileError('noParts', { found }, `Invalid project file: "parts" should be an object, found ${found}.`);
  }
  const saved = env.parts;
  const patches: PartPatch[] = [];
  for (const part of registry.parts()) {
    const entry = saved[part.key];
    if (entry === undefined) {
      if (part.initial) { patches.push(part.initial()); continue; }
      throw new ProjectFileError('missingPart', { part: part.key }, `Invalid project file: the part "${part.key}" is missing.`);
    }
    if (!isObject(entry)) throw wrongType(`parts.${part.key}`, 'an object { version, data }', entry);
    const pv = entry.version;
    if (typeof pv !== 'number' || !Number.isInteger(pv) || pv < 0) throw wrongType(`parts.${part.key}.version`, 'a whole number', pv);
    if (pv > part.version) {
      throw new ProjectFileError('newerPart', { part: part.key, fileVersion: pv, appVersion: part.version },
        `The part "${part.key}" was saved by a newer version of Renovation Planner (part version ${pv}); this app reads it up to version ${part.version}. Please update the app.`);
    }
    const data = runMigrations(entry.data, pv, part.version, part.migrations, `the part "${part.key}"`);
    try {
      patches.push(await part.load(data, pv));
    } catch (e) {
      if (e instanceof ProjectFileError) throw e;
      const reason = e instanceof Error ? e.message : String(e);
      throw new ProjectFileError('loadFailed', { part: part.key, reason }, `Could not load the part "${part.key}": ${reason}`);
    }
  }
  const unknownParts: Record<string, SavedPart> = {};
  const warnings: string[] = [];
  for (const [key, entry] of Object.entries(saved)) {
    if (registry.get(key)) continue;
    if (isObject(entry) && typeof entry.version === 'number') unknownParts[key] = { version: entry.version, data: entry.data };
    warnings.push(`The project has a part "${key}" this app does not know; it is kept in saved files but not used.`);
  }
  const afterApply = registry.parts().flatMap((p) => (p.afterApply ? [p.afterApply] : []));
  return { patches, unknownParts, warnings, savedAt: typeof env.savedAt === 'string' ? env.savedAt : null, afterApply };
}

/** Apply all patches at once (one store update: subscribers never see half a project). */
export function applyProject(store: StoreApi<AppState>, loaded: LoadedProject): void {
  store.setState((s) => {
    let merged: Partial<AppState> = {};
    for (const p of loaded.patches) {
      const view = { ...s, ...merged } as AppState;
      merged = { ...merged, ...(typeof p === 'function' ? p(view) : p) };
    }
    return merged;
  });
  for (const hook of loaded.afterApply) hook(store);
}
