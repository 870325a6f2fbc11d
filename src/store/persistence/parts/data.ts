/**
 * Part `data`: the loaded dataset. Imported data is embedded as domain objects (communities, facilities, roads,
 * water, input issues). The embedded sample city is stored as a reference `{ sample: true }` and fetched again on
 * load (it ships with the app), which keeps autosaves and files small; arrays are recognised as the sample's by
 * identity, so a sample with imported data added is embedded like any other dataset.
 */
import type { Community, Facility, InputIssue, Road } from '../../../core/types';
import type { CityDataset, WaterBody } from '../../../io/sample';
import type { AppState } from '../../types';
import type { PersistedPart } from '../registry';
import type { JsonObject } from '../validate';
import { expectArray, expectNullableString, expectObject, expectRecordsWithId, expectString } from '../validate';

const sampleArrays = new WeakSet<object>();

/** Remember a freshly loaded sample city so that saving it writes a reference instead of its data. */
export function markSampleDataset(d: CityDataset): CityDataset {
  for (const a of [d.communities, d.facilities, d.roads, d.water, d.issues]) sampleArrays.add(a);
  return d;
}

function isSampleState(s: AppState): boolean {
  return s.datasetName === 'sample' && [s.communities, s.facilities, s.roads, s.water, s.inputIssues].every((a) => sampleArrays.has(a));
}

export interface EmbeddedData {
  name: string | null;
  communities: Community[];
  facilities: Facility[];
  roads: Road[];
  water: WaterBody[];
  inputIssues: InputIssue[];
}
export type SavedData = { sample: true } | EmbeddedData;

const P = 'parts.data.data';

function checkGeometry(o: JsonObject, path: string): void {
  const g = expectObject(o.geometry, `${path}.geometry`);
  expectString(g.type, `${path}.geometry.type`);
  expectArray(g.coordinates, `${path}.geometry.coordinates`);
}

/** The same state change as `setDataset`: new data, a refit of the map, no stale selection. */
function datasetPatch(d: EmbeddedData): (s: AppState) => Partial<AppState> {
  return (s) => ({
    datasetName: d.name,
    communities: d.communities,
    facilities: d.facilities,
    roads: d.roads,
    water: d.water,
    inputIssues: d.inputIssues,
    loadStatus: 'ready',
    loadError: null,
    dataVersion: s.dataVersion + 1,
    selection: null,
    hover: null,
  });
}

export function createDataPart(loadSample: () => Promise<CityDataset>): PersistedPart {
  return {
    key: 'data',
    version: 1,
    stateKeys: ['datasetName', 'communities', 'facilities', 'roads', 'water', 'inputIssues'],
    save: (s): SavedData => (isSampleState(s) ? { sample: true } : {
      name: s.datasetName, communities: s.communities, facilities: s.facilities, roads: s.roads, water: s.water, inputIssues: s.inputIssues,
    }),
    load: async (json) => {
      const o = expectObject(json, P);
      if (o.sample === true) {
        const d = markSampleDataset(await loadSample());
        return datasetPatch({ name: d.name, communities: d.communities, facilities: d.facilities, roads: d.roads, water: d.water, inputIssues: d.issues });
      }
      return datasetPatch({
        name: expectNullableString(o.name, `${P}.name`),
        communities: expectRecordsWithId<Community>(o.communities, `${P}.communities`, checkGeometry),
        facilities: expectRecordsWithId<Facility>(o.facilities, `${P}.facilities`, (f, path) => {
          checkGeometry(f, path);
          expectArray(f.categories, `${path}.categories`);
        }),
        roads: expectRecordsWithId<Road>(o.roads, `${P}.roads`, checkGeometry),
        water: expectRecordsWithId<WaterBody>(o.water, `${P}.water`, checkGeometry),
        inputIssues: expectArray(o.inputIssues, `${P}.inputIssues`).map((it, i) => {
          const issue = expectObject(it, `${P}.inputIssues[${i}]`);
          expectString(issue.message, `${P}.inputIssues[${i}].message`);
          return issue as unknown as InputIssue;
        }),
      });
    },
  };
}
