/** Loaded input data as domain objects. Replaced as a whole on load so that subscribers compare by reference. */
import type { Community, Facility, InputIssue, Road } from '../core/types';
import type { CityDataset, WaterBody } from '../io/sample';
import type { SliceCreator } from './types';

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface DataSlice {
  datasetName: string | null;
  communities: Community[];
  facilities: Facility[];
  roads: Road[];
  water: WaterBody[];
  /** Every problem met while reading the inputs (nothing silently dropped). */
  inputIssues: InputIssue[];
  loadStatus: LoadStatus;
  loadError: string | null;
  /** Bumped on each dataset replacement; the map fits to the data when it changes. */
  dataVersion: number;
  setDataset: (dataset: CityDataset) => void;
  setLoadStatus: (status: LoadStatus, error?: string) => void;
}

export const createDataSlice: SliceCreator<DataSlice> = (set) => ({
  datasetName: null,
  communities: [],
  facilities: [],
  roads: [],
  water: [],
  inputIssues: [],
  loadStatus: 'idle',
  loadError: null,
  dataVersion: 0,
  setDataset: (d) =>
    set((s) => ({
      datasetName: d.name,
      communities: d.communities,
      facilities: d.facilities,
      roads: d.roads,
      water: d.water,
      inputIssues: d.issues,
      loadStatus: 'ready',
      loadError: null,
      dataVersion: s.dataVersion + 1,
      // A selection of the previous dataset would point at nothing.
      selection: null,
      hover: null,
    })),
  setLoadStatus: (status, error) => set({ loadStatus: status, loadError: error ?? null }),
});
