/**
 * Drives an import from the UI: read dropped files (with progress), inspect them in the import Worker, fill the
 * dialog with guessed or remembered choices, then build and hand the result to the data slice.
 */
import type { Feature } from 'geojson';
import type { Bbox } from '../../io/flatgeobufBbox';
import type { LayerChoice, LayerSummary } from '../../io/importPipeline';
import { MAPPED_ATTRIBUTES } from '../../io/importPipeline';
import type { InputIssue } from '../../core/types';
import type { AppStore } from '../../store';
import { appendWithUniqueIds, renameIssues } from '../../store/importMerge';
import { ImportClient } from '../../worker/importClient';
import { loadMapping, saveMapping } from './rememberedMapping';

let client: ImportClient | null = null;

function roadsOf(store: AppStore): Feature[] {
  return store.getState().roads.map((r) => ({ type: 'Feature', geometry: r.geometry, properties: {} }));
}

/** The map's current view [w, s, e, n] (WGS84), so large files can be read there first; undefined without a map. */
function viewBbox(): Bbox | undefined {
  const b = window.__map?.getBounds();
  return b ? [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()] : undefined;
}

/** Read a File with byte progress (File.arrayBuffer gives none). */
async function readWithProgress(file: File, onBytes: (bytes: number) => void): Promise<ArrayBuffer> {
  const out = new Uint8Array(file.size);
  const reader = file.stream().getReader();
  let offset = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    out.set(value, offset);
    offset += value.length;
    onBytes(offset);
  }
  return out.buffer;
}

function initialChoice(layer: LayerSummary): LayerChoice {
  const remembered = loadMapping(layer.fingerprint);
  const role = remembered ? remembered.role : layer.guessedRole;
  const guessed = role ? layer.guessedMapping[role] : {};
  const mapping: Record<string, string | null> = {};
  if (role) for (const attr of MAPPED_ATTRIBUTES[role]) {
    const r = remembered?.mapping[attr];
    mapping[attr] = r !== undefined && (r === null || layer.fields.includes(r)) ? r : (guessed[attr] ?? null);
  }
  // Pre-fill the coordinate system: the file's declaration wins; otherwise a hint's suggestion.
  const suggested = layer.declaredCrs ? null : layer.hints.find((h) => h.suggested)?.suggested ?? null;
  return { key: layer.key, role, mapping, crs: suggested ?? '' };
}

/** Mapping for a role the user switched to: remembered fields that exist, else the guess. */
export function mappingForRole(layer: LayerSummary, role: LayerChoice['role']): Record<string, string | null> {
  const mapping: Record<string, string | null> = {};
  if (role) for (const attr of MAPPED_ATTRIBUTES[role]) mapping[attr] = layer.guessedMapping[role][attr] ?? null;
  return mapping;
}

export async function startImport(store: AppStore, files: readonly File[]): Promise<void> {
  if (files.length === 0) return;
  const s = store.getState();
  if (s.importPhase === 'reading' || s.importPhase === 'importing') return;
  client?.dispose();
  client = new ImportClient();
  s.setImportError(null);
  s.setImportPhase('reading');
  const totalBytes = files.reduce((n, f) => n + f.size, 0) || 1;
  let doneBytes = 0;
  try {
    const inputs = [];
    for (const file of files) {
      const before = doneBytes;
      const bytes = await readWithProgress(file, (b) => store.getState().setImportProgress({ stage: 'reading', fileName: file.name, fraction: 0.5 * ((before + b) / totalBytes) }));
      doneBytes += file.size;
      inputs.push({ name: file.name, bytes });
    }
    store.getState().setImportProgress({ stage: 'parsing', fileName: files[0].name, fraction: 0.5 });
    const bbox = viewBbox();
    const layers = await client.inspect(inputs, roadsOf(store), (done, total) => {
      store.getState().setImportProgress({ stage: 'parsing', fileName: files[Math.min(done, total - 1)].name, fraction: 0.5 + 0.5 * (done / total) });
    }, { ...(bbox ? { viewBbox: bbox } : {}), ...largeFileOverride() });
    store.getState().setImportLayers(layers, layers.map(initialChoice));
    store.getState().setImportProgress(null);
    store.getState().setImportPhase('mapping');
  } catch (e) {
    failImport(store, e);
  }
}

/** Lets the browser tests lower the large-file threshold (`window.__importLargeFileBytes`) without a 20 MB fixture. */
function largeFileOverride(): { largeFileBytes?: number } {
  const v: unknown = (window as unknown as Record<string, unknown>).__importLargeFileBytes;
  return typeof v === 'number' ? { largeFileBytes: v } : {};
}

/** "Read all": re-read a layer that was read only inside the map view; the dialog's choice for it stays. */
export async function readWholeLayer(store: AppStore, key: string): Promise<void> {
  const s = store.getState();
  if (!client || s.importPhase !== 'mapping') return;
  s.setImportPhase('reading');
  s.setImportProgress({ stage: 'parsing', fileName: s.importLayers.find((l) => l.key === key)?.fileName ?? '', fraction: 0.5 });
  try {
    const layer = await client.readAll(key, roadsOf(store));
    if (layer) store.getState().replaceImportLayer(layer);
    store.getState().setImportProgress(null);
    store.getState().setImportPhase('mapping');
  } catch (e) {
    failImport(store, e);
  }
}

function failImport(store: AppStore, e: unknown): void {
  const s = store.getState();
  s.setImportError(e instanceof Error ? e.message : String(e));
  s.setImportProgress(null);
  s.setImportPhase('mapping');
}

export function cancelImport(store: AppStore): void {
  client?.dispose();
  client = null;
  const s = store.getState();
  s.setImportProgress(null);
  s.setImportLayers([], []);
  s.setImportError(null);
  s.setImportPhase('idle');
}

const ROLE_KIND = { communities: 'community', facilities: 'facility', roads: 'road' } as const;

export async function confirmImport(store: AppStore): Promise<void> {
  const s = store.getState();
  if (!client) return;
  const choices = s.importChoices.filter((c) => c.role !== null);
  for (const layer of s.importLayers) {
    const c = s.importChoices.find((x) => x.key === layer.key);
    if (c) saveMapping(layer.fingerprint, { role: c.role, mapping: c.mapping });
  }
  s.setImportError(null);
  s.setImportPhase('importing');
  s.setImportProgress({ stage: 'converting', fileName: '', fraction: 0.9 });
  try {
    const built = await client.build(choices, roadsOf(store));
    const now = store.getState();
    const replace = now.importMode === 'replace';
    const roles = new Set(choices.map((c) => c.role));
    const reports = built.reports.map((r) => ({ ...r, changed: [...r.changed] }));
    const renames: InputIssue[] = [];
    // Added features keep ids unique against the loaded ones (renamed ones are listed in their file's report).
    const pick = <T extends { id: string }>(role: 'communities' | 'facilities' | 'roads', current: T[], incoming: T[]): T[] => {
      if (!roles.has(role)) return current;
      if (replace) return incoming;
      const { items, renamed } = appendWithUniqueIds(current, incoming);
      if (renamed.length) {
        const file = s.importLayers.find((l) => choices.some((c) => c.key === l.key && c.role === role))?.fileName ?? 'import';
        const issues = renameIssues(renamed, file, ROLE_KIND[role]);
        renames.push(...issues);
        (reports.find((r) => r.file === file) ?? reports[0])?.changed.push(...issues);
      }
      return items;
    };
    const names = [...new Set(s.importLayers.filter((l) => roles.size > 0 && choices.some((c) => c.key === l.key)).map((l) => l.fileName))];
    now.setDataset({
      name: names.join(', ') || 'import',
      communities: pick('communities', now.communities, built.communities),
      facilities: pick('facilities', now.facilities, built.facilities),
      roads: pick('roads', now.roads, built.roads),
      // Water belongs to the old city when its roads are replaced.
      water: replace && roles.has('roads') ? [] : now.water,
      issues: replace ? built.issues : [...now.inputIssues, ...built.issues, ...renames],
    });
    now.setImportReports(reports);
    now.setImportProgress(null);
    now.setImportPhase('report');
    client.dispose();
    client = null;
  } catch (e) {
    failImport(store, e);
  }
}
