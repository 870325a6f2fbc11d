/** ProjectStorage over IndexedDB (no library): one database, one object store of key → record. */
import type { ProjectStorage } from './storage';

const DB_NAME = 'renovation-planner';
const STORE = 'project';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function openDb(): Promise<IDBDatabase> {
  const req = indexedDB.open(DB_NAME, 1);
  req.onupgradeneeded = () => { if (!req.result.objectStoreNames.contains(STORE)) req.result.createObjectStore(STORE); };
  return request(req);
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}

export function createIndexedDbStorage(): ProjectStorage {
  let db: Promise<IDBDatabase> | null = null;
  const getDb = () => (db ??= openDb());
  return {
    readAll: async () => {
      const tx = (await getDb()).transaction(STORE, 'readonly');
      const os = tx.objectStore(STORE);
      const [keys, values] = await Promise.all([request(os.getAllKeys()), request(os.getAll())]);
      return new Map(keys.map((k, i) => [String(k), values[i] as unknown]));
    },
    putMany: async (entries) => {
      const tx = (await getDb()).transaction(STORE, 'readwrite');
      const os = tx.objectStore(STORE);
      for (const [k, v] of entries) os.put(v, k);
      await done(tx);
    },
    clear: async () => {
      const tx = (await getDb()).transaction(STORE, 'readwrite');
      tx.objectStore(STORE).clear();
      await done(tx);
    },
  };
}

export const INDEXED_DB_NAME = DB_NAME;
