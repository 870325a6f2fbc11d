/**
 * State of the import UI: which step the dialog is in, the layers read from the dropped files, the user's
 * choices per layer and the reports of the last import. The data itself goes to the data slice (setDataset).
 */
import type { LayerChoice, LayerSummary } from '../io/importPipeline';
import type { ImportReport } from '../io/report';
import type { SliceCreator } from './types';

/** reading → mapping (dialog) → importing → report; idle when nothing is open. */
export type ImportPhase = 'idle' | 'reading' | 'mapping' | 'importing' | 'report';
export type ImportMode = 'replace' | 'add';

export interface ImportProgress {
  /** 0..1 */
  fraction: number;
  stage: 'reading' | 'parsing' | 'converting';
  fileName: string;
}

export interface ImportSlice {
  importPhase: ImportPhase;
  importProgress: ImportProgress | null;
  importLayers: LayerSummary[];
  importChoices: LayerChoice[];
  importMode: ImportMode;
  /** Reports of the last completed import (kept after the report dialog closes, for the side-panel tab). */
  importReports: ImportReport[];
  importError: string | null;
  setImportPhase: (phase: ImportPhase) => void;
  setImportProgress: (progress: ImportProgress | null) => void;
  setImportLayers: (layers: LayerSummary[], choices: LayerChoice[]) => void;
  /** Swap one layer's summary (after "read all"); the user's choice for it stays. */
  replaceImportLayer: (layer: LayerSummary) => void;
  updateImportChoice: (key: string, patch: Partial<Omit<LayerChoice, 'key'>>) => void;
  setImportMode: (mode: ImportMode) => void;
  setImportReports: (reports: ImportReport[]) => void;
  setImportError: (message: string | null) => void;
}

export const createImportSlice: SliceCreator<ImportSlice> = (set) => ({
  importPhase: 'idle',
  importProgress: null,
  importLayers: [],
  importChoices: [],
  importMode: 'replace',
  importReports: [],
  importError: null,
  setImportPhase: (importPhase) => set({ importPhase }),
  setImportProgress: (importProgress) => set({ importProgress }),
  setImportLayers: (importLayers, importChoices) => set({ importLayers, importChoices }),
  replaceImportLayer: (layer) => set((s) => ({ importLayers: s.importLayers.map((l) => (l.key === layer.key ? layer : l)) })),
  updateImportChoice: (key, patch) =>
    set((s) => ({ importChoices: s.importChoices.map((c) => (c.key === key ? { ...c, ...patch } : c)) })),
  setImportMode: (importMode) => set({ importMode }),
  setImportReports: (importReports) => set({ importReports }),
  setImportError: (importError) => set({ importError }),
});
