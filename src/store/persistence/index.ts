/**
 * Saved projects: a registry of persisted parts, a versioned file envelope with migrations, IndexedDB autosave.
 * Slices register their part with `registerPersistedPart` (see registry.ts for a full example).
 */
export type { PartPatch, PartRegistry, PersistedPart } from './registry';
export { createPartRegistry, projectParts, registerPersistedPart } from './registry';
export type { EnvelopeOptions, LoadedProject, ProjectFile, SavedPart } from './envelope';
export { APP_VERSION, ENVELOPE_MIGRATIONS, PROJECT_FORMAT, PROJECT_VERSION, applyProject, buildProject, readProject } from './envelope';
export type { ProjectErrorCode, ProjectErrorParams } from './errors';
export { ProjectFileError } from './errors';
export { PROJECT_FILE_EXTENSION, decodeProjectBytes, encodeProjectFile } from './codec';
export type { ProjectStorage } from './storage';
export { createMemoryStorage } from './storage';
export type { ProjectSession, ProjectSessionOptions } from './session';
export { createProjectSession } from './session';
export * from './validate';
