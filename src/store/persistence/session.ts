/**
 * A project session: restores the autosaved project, autosaves changes of registered parts (debounced), and opens
 * and produces project files. The storage holds the same envelope as a file, split into records (storage.ts), and
 * is read back through the same checks and migrations as a file.
 */
import type { StoreApi } from 'zustand';
import type { AppState } from '../types';
import type { EnvelopeOptions, LoadedProject, ProjectFile, SavedPart } from './envelope';
import { applyProject, buildProject, readProject } from './envelope';
import type { PartRegistry } from './registry';
import type { ProjectStorage } from './storage';
import { isObject } from './validate';

const HEADER = 'header';
const PART_PREFIX = 'part:';

export interface ProjectSessionOptions {
  store: StoreApi<AppState>;
  registry: PartRegistry;
  storage: ProjectStorage;
  /** Quiet time after the last change before an autosave. */
  debounceMs?: number;
  envelope?: EnvelopeOptions;
  onSaved?: (savedAt: string) => void;
  onSaveError?: (error: unknown) => void;
}

export interface ProjectSession {
  /**
   * Restore the autosaved project; false when there is none. Throws ProjectFileError (state unchanged); the
   * unreadable records stay until the next autosave replaces all of them.
   */
  restore: () => Promise<boolean>;
  /** Start autosaving; returns the unsubscribe function. */
  start: () => () => void;
  /** Write pending changes now. */
  flush: () => Promise<void>;
  /** The whole project as a file envelope (unknown parts of an opened file included). */
  snapshot: () => ProjectFile;
  /** Check and apply a parsed project file, then autosave all of it. Throws ProjectFileError (state unchanged). */
  open: (json: unknown) => Promise<LoadedProject>;
  /** Forget the autosaved project (the next start shows the sample city). */
  clear: () => Promise<void>;
}

export function createProjectSession(o: ProjectSessionOptions): ProjectSession {
  const debounceMs = o.debounceMs ?? 500;
  let extraParts: Record<string, SavedPart> = {};
  const dirty = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let writing: Promise<void> = Promise.resolve();
  // Until the storage holds a complete project (restored, or written whole once), a save writes every part; after
  // a failed restore the records may also mix versions, which the whole rewrite replaces.
  let rewriteAll = true;

  const write = async (keys: readonly string[] | 'all'): Promise<void> => {
    const project = buildProject(o.store.getState(), o.registry, { extraParts, version: o.envelope?.version });
    const { parts, ...header } = project;
    const all = keys === 'all';
    const entries: [string, unknown][] = [[HEADER, header]];
    for (const [key, part] of Object.entries(parts)) if (all || keys.includes(key)) entries.push([PART_PREFIX + key, part]);
    if (all) await o.storage.clear();
    await o.storage.putMany(entries);
    o.onSaved?.(header.savedAt);
  };

  // Writes are chained so that an older snapshot never lands after a newer one.
  const enqueue = (keys: readonly string[] | 'all'): Promise<void> => {
    writing = writing.then(() => write(keys)).catch((e: unknown) => o.onSaveError?.(e));
    return writing;
  };

  const flush = (): Promise<void> => {
    if (timer) { clearTimeout(timer); timer = null; }
    if (dirty.size === 0) return writing;
    const keys = [...dirty];
    dirty.clear();
    const all = rewriteAll;
    rewriteAll = false;
    return enqueue(all ? 'all' : keys);
  };

  return {
    restore: async () => {
      const records = await o.storage.readAll();
      const header = records.get(HEADER);
      if (header === undefined) return false;
      const parts: Record<string, unknown> = {};
      for (const [k, v] of records) if (k.startsWith(PART_PREFIX)) parts[k.slice(PART_PREFIX.length)] = v;
      const envelope = isObject(header) ? { ...header, parts } : header;
      let loaded: LoadedProject;
      try {
        loaded = await readProject(envelope, o.registry, o.envelope);
      } catch (e) {
        rewriteAll = true;
        throw e;
      }
      applyProject(o.store, loaded);
      extraParts = loaded.unknownParts;
      rewriteAll = false;
      return true;
    },
    start: () => {
      const unsubscribe = o.store.subscribe((s, prev) => {
        for (const part of o.registry.parts()) if (part.stateKeys.some((k) => s[k] !== prev[k])) dirty.add(part.key);
        if (dirty.size === 0) return;
        if (timer) clearTimeout(timer);
        timer = setTimeout(() => { void flush(); }, debounceMs);
      });
      return () => { unsubscribe(); if (timer) clearTimeout(timer); timer = null; };
    },
    flush,
    snapshot: () => buildProject(o.store.getState(), o.registry, { extraParts, version: o.envelope?.version }),
    open: async (json) => {
      const loaded = await readProject(json, o.registry, o.envelope);
      applyProject(o.store, loaded);
      extraParts = loaded.unknownParts;
      if (timer) { clearTimeout(timer); timer = null; }
      dirty.clear();
      rewriteAll = false;
      await enqueue('all');
      return loaded;
    },
    clear: async () => {
      if (timer) { clearTimeout(timer); timer = null; }
      dirty.clear();
      extraParts = {};
      rewriteAll = true;
      await writing;
      await o.storage.clear();
    },
  };
}
