import { describe, expect, it } from 'vitest';
import type { AppState } from '../types';
import { createAppStore } from '../index';
import { decodeProjectBytes, encodeProjectFile } from './codec';
import { PROJECT_FORMAT, PROJECT_VERSION, applyProject, buildProject, readProject } from './envelope';
import { ProjectFileError } from './errors';
import { createDataPart, markSampleDataset } from './parts/data';
import { settingsPart } from './parts/settings';
import { createPartRegistry } from './registry';
import { expectNumber, expectObject } from './validate';
import { testDataset } from './testFixtures';

const PERSISTED: (keyof AppState)[] = ['datasetName', 'communities', 'facilities', 'roads', 'water', 'inputIssues', 'oldBuildYearThreshold', 'categories'];
const pick = (s: AppState) => Object.fromEntries(PERSISTED.map((k) => [k, s[k]]));

function appRegistry(loadSample = () => Promise.resolve(testDataset('sample'))) {
  const r = createPartRegistry();
  r.register(createDataPart(loadSample));
  r.register(settingsPart);
  return r;
}

/** A store with an imported dataset and edited settings. */
function editedStore() {
  const store = createAppStore();
  store.getState().setDataset(testDataset());
  store.setState((s) => ({
    oldBuildYearThreshold: 1995,
    categories: s.categories.map((c) => (c.id === 'market' ? { ...c, maxWalkMeters: 650, required: false } : c)),
  }));
  return store;
}

async function errorOf(p: Promise<unknown> | (() => unknown)): Promise<ProjectFileError> {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (e) {
    if (e instanceof ProjectFileError) return e;
    throw e;
  }
  throw new Error('expected a ProjectFileError');
}

describe('project envelope', () => {
  it('round-trips the persisted state exactly (through the zipped file bytes)', async () => {
    const a = editedStore();
    const file = buildProject(a.getState(), appRegistry(), { now: new Date('2026-11-26T10:00:00Z') });
    expect(file.format).toBe(PROJECT_FORMAT);
    expect(file.version).toBe(PROJECT_VERSION);
    expect(file.savedAt).toBe('2026-11-26T10:00:00.000Z');
    expect(Object.keys(file.parts).sort()).toEqual(['data', 'settings']);

    const bytes = encodeProjectFile(file);
    expect([bytes[0], bytes[1]]).toEqual([0x50, 0x4b]); // a zip
    const b = createAppStore();
    const before = b.getState().dataVersion;
    applyProject(b, await readProject(decodeProjectBytes(bytes), appRegistry()));
    expect(pick(b.getState())).toEqual(pick(a.getState()));
    expect(b.getState().oldBuildYearThreshold).toBe(1995);
    expect(b.getState().categories.find((c) => c.id === 'market')).toMatchObject({ maxWalkMeters: 650, required: false });
    expect(b.getState().communities[0].properties).toEqual({ 原编号: 'c1', 层数: 6 });
    expect(b.getState().communities[1].buildYear).toBeNull();
    expect(b.getState().dataVersion).toBe(before + 1); // the map refits to the opened data
    expect(b.getState().loadStatus).toBe('ready');
  });

  it('stores the sample city as a reference and reloads it', async () => {
    const a = createAppStore();
    a.getState().setDataset(markSampleDataset(testDataset('sample')));
    let loads = 0;
    const registry = appRegistry(() => { loads++; return Promise.resolve(testDataset('sample')); });
    const file = buildProject(a.getState(), registry);
    expect(file.parts.data).toEqual({ version: 1, data: { sample: true } });
    const b = createAppStore();
    applyProject(b, await readProject(JSON.parse(JSON.stringify(file)), registry));
    expect(loads).toBe(1);
    expect(b.getState().communities.map((c) => c.id)).toEqual(['c1', 'c2']);
    // Sample data with one community removed is no longer the sample: embedded.
    a.setState((s) => ({ communities: s.communities.slice(1) }));
    expect((buildProject(a.getState(), registry).parts.data.data as { communities: unknown[] }).communities).toHaveLength(1);
  });

  it('plain .json files open too (with a BOM)', () => {
    const text = '\ufeff' + JSON.stringify({ format: PROJECT_FORMAT });
    expect(decodeProjectBytes(new TextEncoder().encode(text))).toEqual({ format: PROJECT_FORMAT });
  });

  it('runs the envelope and part migration hooks for an older file (v0 fixture)', async () => {
    // A counter part at version 2: v0 stored { n: "3" } (text), v1 { count: 3 }, v2 { count, unit }.
    const registry = createPartRegistry();
    const steps: string[] = [];
    registry.register({
      key: 'counter', version: 2, stateKeys: ['oldBuildYearThreshold'],
      save: (s) => ({ count: s.oldBuildYearThreshold, unit: 'year' }),
      load: (json, fromVersion) => {
        steps.push(`load from v${fromVersion}`);
        const o = expectObject(json, 'parts.counter.data');
        return { oldBuildYearThreshold: expectNumber(o.count, 'parts.counter.data.count') };
      },
      migrations: {
        0: (old) => { steps.push('part 0→1'); return { count: Number((old as { n: string }).n) }; },
        1: (old) => { steps.push('part 1→2'); return { ...(old as object), unit: 'year' }; },
      },
    });
    // Envelope v0 kept parts under `sections`; v1 renamed it to `parts`.
    const v0 = { format: PROJECT_FORMAT, version: 0, savedAt: '2025-01-01T00:00:00Z', app: { version: '0.0.1' }, sections: { counter: { version: 0, data: { n: '1990' } } } };
    const store = createAppStore();
    const loaded = await readProject(v0, registry, {
      version: 1,
      migrations: { 0: (old) => { steps.push('envelope 0→1'); const { sections, ...rest } = old as { sections: unknown }; return { ...rest, version: 1, parts: sections }; } },
    });
    applyProject(store, loaded);
    expect(steps).toEqual(['envelope 0→1', 'part 0→1', 'part 1→2', 'load from v0']);
    expect(store.getState().oldBuildYearThreshold).toBe(1990);
  });

  it('a missing migration step is a clear error', async () => {
    const e = await errorOf(readProject({ format: PROJECT_FORMAT, version: 0, parts: {} }, appRegistry(), { version: 2, migrations: { 0: (o) => o } }));
    expect(e.message).toBe('Cannot read the project file of version 1: no migration to version 2.');
  });

  it('a newer file version is refused, naming both versions', async () => {
    const e = await errorOf(readProject({ format: PROJECT_FORMAT, version: PROJECT_VERSION + 1, parts: {} }, appRegistry()));
    expect(e.code).toBe('newerVersion');
    expect(e.message).toBe('This project was saved by a newer version of Renovation Planner (project file version 2); this app reads project files up to version 1. Please update the app.');
    expect(e.params).toEqual({ fileVersion: 2, appVersion: 1 });
  });

  it('a newer part version is refused, naming the part and the versions', async () => {
    const file = buildProject(editedStore().getState(), appRegistry());
    file.parts.settings.version = 3;
    const e = await errorOf(readProject(file, appRegistry()));
    expect(e.message).toBe('The part "settings" was saved by a newer version of Renovation Planner (part version 3); this app reads it up to version 1. Please update the app.');
  });

  it('broken files give exact messages', async () => {
    const good = () => JSON.parse(JSON.stringify(buildProject(editedStore().getState(), appRegistry()))) as Record<string, unknown> & { parts: Record<string, { data: Record<string, unknown> }> };
    const msg = async (json: unknown) => (await errorOf(readProject(json, appRegistry()))).message;

    expect((await errorOf(() => decodeProjectBytes(new TextEncoder().encode('{"format": "renovation-planner-project", ')))).message)
      .toBe('Not a project file: the content is not valid JSON or a project zip (not JSON).');
    expect(await msg([1, 2])).toBe('Not a Renovation Planner project: the file holds an array, not an object.');
    expect(await msg({ type: 'FeatureCollection', features: [] })).toBe('Not a Renovation Planner project: "format" is nothing, expected "renovation-planner-project".');
    expect(await msg({ format: 'qgis-project', version: 1 })).toBe('Not a Renovation Planner project: "format" is a string ("qgis-project"), expected "renovation-planner-project".');
    expect(await msg({ format: PROJECT_FORMAT, version: '1' })).toBe('Invalid project file: "version" should be a whole number, found a string ("1").');
    expect(await msg({ format: PROJECT_FORMAT, version: 1 })).toBe('Invalid project file: "parts" should be an object, found nothing.');

    const noSettings = good();
    delete noSettings.parts.settings;
    expect(await msg(noSettings)).toBe('Invalid project file: the part "settings" is missing.');

    const badYear = good();
    badYear.parts.settings.data.oldBuildYearThreshold = '2000';
    expect(await msg(badYear)).toBe('Invalid project file: parts.settings.data.oldBuildYearThreshold should be a number, found a string ("2000").');

    const badGeometry = good();
    (badGeometry.parts.data.data.communities as Record<string, unknown>[])[1].geometry = null;
    expect(await msg(badGeometry)).toBe('Invalid project file: parts.data.data.communities[1].geometry should be an object, found null.');

    const badRequired = good();
    (badRequired.parts.settings.data.categories as Record<string, unknown>[])[2].required = 'yes';
    expect(await msg(badRequired)).toBe('Invalid project file: parts.settings.data.categories[2].required should be true or false, found a string ("yes").');
  });

  it('unknown parts are kept for saving and reported as a warning', async () => {
    const file = buildProject(editedStore().getState(), appRegistry());
    const withExtra = { ...file, parts: { ...file.parts, heatmap: { version: 4, data: { cells: [1, 2, 3] } } } };
    const loaded = await readProject(withExtra, appRegistry());
    expect(loaded.warnings).toEqual(['The project has a part "heatmap" this app does not know; it is kept in saved files but not used.']);
    expect(loaded.unknownParts).toEqual({ heatmap: { version: 4, data: { cells: [1, 2, 3] } } });
    const again = buildProject(editedStore().getState(), appRegistry(), { extraParts: loaded.unknownParts });
    expect(again.parts.heatmap).toEqual({ version: 4, data: { cells: [1, 2, 3] } });
  });

  it('a part without data in the file uses its `initial` state when it has one', async () => {
    const registry = appRegistry();
    registry.register({ key: 'later', version: 1, stateKeys: ['hiddenCategories'], save: (s) => s.hiddenCategories,
      load: () => ({}), initial: () => ({ hiddenCategories: ['market'] }) });
    const file = buildProject(editedStore().getState(), appRegistry()); // saved before `later` existed
    const store = createAppStore();
    applyProject(store, await readProject(file, registry));
    expect(store.getState().hiddenCategories).toEqual(['market']);
  });
});
