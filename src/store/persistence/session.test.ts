import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAppStore } from '../index';
import { buildProject } from './envelope';
import { ProjectFileError } from './errors';
import { createDataPart } from './parts/data';
import { settingsPart } from './parts/settings';
import { createPartRegistry } from './registry';
import { createProjectSession } from './session';
import { createMemoryStorage } from './storage';
import { testDataset } from './testFixtures';

function setup() {
  const registry = createPartRegistry();
  registry.register(createDataPart(() => Promise.reject(new Error('no sample in this test'))));
  registry.register(settingsPart);
  const store = createAppStore();
  const storage = createMemoryStorage();
  const saved: string[] = [];
  const session = createProjectSession({ store, registry, storage, debounceMs: 500, onSaved: (t) => saved.push(t) });
  return { registry, store, storage, session, saved };
}

describe('project session (autosave)', () => {
  beforeEach(() => { vi.useFakeTimers(); });
  afterEach(() => { vi.useRealTimers(); });

  it('autosaves 500 ms after the last change, only the changed part, and restores it exactly', async () => {
    const { store, storage, session, saved, registry } = setup();
    expect(await session.restore()).toBe(false); // nothing saved yet
    session.start();
    store.getState().setDataset(testDataset());
    await vi.advanceTimersByTimeAsync(300);
    store.setState({ oldBuildYearThreshold: 1990 });
    await vi.advanceTimersByTimeAsync(499);
    expect(storage.records.size).toBe(0); // still within the quiet time after the last change
    await vi.advanceTimersByTimeAsync(1);
    expect([...storage.records.keys()].sort()).toEqual(['header', 'part:data', 'part:settings']);
    expect(saved).toHaveLength(1);

    // Restorable even though only the data changed before this first save (settings written too).
    const early = createProjectSession({ store: createAppStore(), registry, storage });
    expect(await early.restore()).toBe(true);

    // A UI-only change (selection) does not save; a settings change rewrites only the settings record.
    const dataRecord = storage.records.get('part:data');
    store.getState().select({ kind: 'community', id: 'c1' });
    await vi.advanceTimersByTimeAsync(1000);
    expect(saved).toHaveLength(1);
    store.setState({ oldBuildYearThreshold: 1985 });
    await vi.advanceTimersByTimeAsync(500);
    expect(saved).toHaveLength(2);
    expect(storage.records.get('part:data')).toBe(dataRecord);
    expect(storage.records.get('part:settings')).toMatchObject({ version: 1, data: { oldBuildYearThreshold: 1985 } });

    // "Reload": a new store and session over the same storage.
    const store2 = createAppStore();
    const session2 = createProjectSession({ store: store2, registry, storage });
    expect(await session2.restore()).toBe(true);
    expect(store2.getState().oldBuildYearThreshold).toBe(1985);
    expect(store2.getState().communities).toEqual(store.getState().communities);
    expect(store2.getState().inputIssues).toEqual(store.getState().inputIssues);
    expect(store2.getState().datasetName).toBe('east-lake.geojson');
  });

  it('opening a broken file changes neither the state nor the autosave', async () => {
    const { store, storage, session, registry } = setup();
    session.start();
    store.getState().setDataset(testDataset());
    store.setState({ oldBuildYearThreshold: 1990 });
    await session.flush();
    const stateBefore = store.getState();
    const recordsBefore = new Map(storage.records);

    // Valid data part, broken settings part: the data part must not be applied either.
    const other = createAppStore();
    other.getState().setDataset(testDataset('other.geojson'));
    const file = JSON.parse(JSON.stringify(buildProject(other.getState(), registry))) as { parts: { settings: { data: { categories: unknown } } } };
    file.parts.settings.data.categories = {};
    const error = await session.open(file).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(ProjectFileError);
    expect((error as ProjectFileError).message).toBe('Invalid project file: parts.settings.data.categories should be an array, found an object.');
    await vi.advanceTimersByTimeAsync(1000);
    expect(store.getState()).toBe(stateBefore);
    expect(store.getState().datasetName).toBe('east-lake.geojson');
    expect(storage.records).toEqual(recordsBefore);
  });

  it('opening a good file applies it and autosaves all of it (unknown parts kept)', async () => {
    const { store, storage, session, registry } = setup();
    session.start();
    const other = createAppStore();
    other.getState().setDataset(testDataset('other.geojson'));
    other.setState({ oldBuildYearThreshold: 1999 });
    const file = buildProject(other.getState(), registry);
    const loaded = await session.open({ ...file, parts: { ...file.parts, future: { version: 1, data: [1] } } });
    expect(loaded.warnings).toHaveLength(1);
    expect(store.getState().datasetName).toBe('other.geojson');
    expect(store.getState().oldBuildYearThreshold).toBe(1999);
    expect([...storage.records.keys()].sort()).toEqual(['header', 'part:data', 'part:future', 'part:settings']);
    expect(session.snapshot().parts.future).toEqual({ version: 1, data: [1] });
    await session.clear();
    expect(storage.records.size).toBe(0);
  });

  it('a newer autosave is refused with the version message and leaves the state alone', async () => {
    const { store, storage, session } = setup();
    await storage.putMany([['header', { format: 'renovation-planner-project', version: 7, savedAt: '2030-01-01T00:00:00Z', app: { version: '9.0.0' } }]]);
    const before = store.getState();
    await expect(session.restore()).rejects.toThrow('project file version 7); this app reads project files up to version 1');
    expect(store.getState()).toBe(before);
  });
});

describe('after an unreadable autosave', () => {
  it('the next autosave replaces every record (no mix of versions)', async () => {
    vi.useFakeTimers();
    const { store, storage, session, registry } = setup();
    await storage.putMany([
      ['header', { format: 'renovation-planner-project', version: 7, savedAt: '2030-01-01T00:00:00Z', app: { version: '9.0.0' } }],
      ['part:settings', { version: 5, data: 'future' }],
      ['part:heatmap', { version: 1, data: [] }],
    ]);
    await expect(session.restore()).rejects.toThrow(ProjectFileError);
    session.start();
    store.getState().setDataset(testDataset());
    await vi.advanceTimersByTimeAsync(500);
    expect([...storage.records.keys()].sort()).toEqual(['header', 'part:data', 'part:settings']);
    expect(storage.records.get('part:settings')).toMatchObject({ version: 1 });
    const again = createProjectSession({ store: createAppStore(), registry, storage });
    expect(await again.restore()).toBe(true);
    vi.useRealTimers();
  });
});

describe('first autosave', () => {
  it('writes every part even when only the data changed (a fresh start is restorable)', async () => {
    vi.useFakeTimers();
    const { store, storage, session, registry } = setup();
    expect(await session.restore()).toBe(false);
    session.start();
    store.getState().setDataset(testDataset());
    await vi.advanceTimersByTimeAsync(500);
    expect([...storage.records.keys()].sort()).toEqual(['header', 'part:data', 'part:settings']);
    const store2 = createAppStore();
    expect(await createProjectSession({ store: store2, registry, storage }).restore()).toBe(true);
    expect(store2.getState().datasetName).toBe('east-lake.geojson');
    vi.useRealTimers();
  });
});
