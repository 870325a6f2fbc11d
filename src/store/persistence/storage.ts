/**
 * Where the autosave keeps the project: a tiny key-value interface so tests use memory and the app IndexedDB.
 * Records: `header` (the envelope without parts) and `part:<key>` ({ version, data }) — a part is rewritten only
 * when its state changed, and all writes of one save happen in one transaction.
 */
export interface ProjectStorage {
  readAll: () => Promise<Map<string, unknown>>;
  /** Atomic: every entry is written, or none. */
  putMany: (entries: readonly (readonly [string, unknown])[]) => Promise<void>;
  clear: () => Promise<void>;
}

/** In-memory storage (tests, and the fallback when IndexedDB is unavailable). Values are cloned like IndexedDB does. */
export function createMemoryStorage(): ProjectStorage & { records: Map<string, unknown> } {
  const records = new Map<string, unknown>();
  return {
    records,
    readAll: () => Promise.resolve(new Map([...records].map(([k, v]) => [k, structuredClone(v)]))),
    putMany: (entries) => {
      const cloned = entries.map(([k, v]) => [k, structuredClone(v)] as const);
      for (const [k, v] of cloned) records.set(k, v);
      return Promise.resolve();
    },
    clear: () => { records.clear(); return Promise.resolve(); },
  };
}
