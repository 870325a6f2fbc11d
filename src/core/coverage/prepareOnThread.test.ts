import { describe, expect, it } from 'vitest';
import { generateBenchTown } from '../../../test/bench/town';
import { fakePort } from '../../../test/fixtures/coverage/fakePort';
import { defaultAnalysisSettings } from '../config/defaults';
import { computeAccessibility, computeAccessibilityParallel, startNetworkOnThread } from './compute';
import { requestBuffers } from './parallel';
import type { Road } from '../types';
import type { RoadColumns } from '../network/roadLines';
import { columnsBehind, flattenRoads, lazyRoadLines } from '../network/roadLines';

/** The roads as columns (the CLI's clean FlatGeobuf table): line i of road i, its tags as codes. */
function columnsOf(roads: readonly Road[]): RoadColumns {
  const tagValues = [''];
  const codes = new Map<string, number>();
  const code = (v: unknown): number => {
    if (typeof v !== 'string') return 0;
    let k = codes.get(v);
    if (k === undefined) { k = tagValues.length; tagValues.push(v); codes.set(v, k); }
    return k;
  };
  const xy: number[] = [];
  const lineStart = [0];
  for (const r of roads) {
    if (r.geometry.type !== 'LineString') throw new Error('the bench town has LineStrings only');
    for (const [x, y] of r.geometry.coordinates) xy.push(x, y);
    lineStart.push(xy.length / 2);
  }
  return {
    lines: { xy: Float64Array.from(xy), lineStart: Int32Array.from(lineStart) },
    highway: Uint16Array.from(roads, (r) => code(r.properties.highway ?? r.highway)),
    foot: Uint16Array.from(roads, (r) => code(r.properties.foot)),
    access: Uint16Array.from(roads, (r) => code(r.properties.access)),
    tagValues,
  };
}
import type { AccessibilityResult } from './types';

function expectSameResult(a: AccessibilityResult, b: AccessibilityResult): void {
  expect(a.mode).toBe('network');
  expect(a.network).toEqual(b.network);
  expect(Array.from(a.walkMeters)).toEqual(Array.from(b.walkMeters));
  expect(Array.from(a.nearestFacility)).toEqual(Array.from(b.nearestFacility));
  expect(Array.from(a.countWithin)).toEqual(Array.from(b.countWithin));
  expect(a.communitySnap).toEqual(b.communitySnap);
  expect(a.facilitySnap).toEqual(b.facilitySnap);
  expect(a.summary).toEqual(b.summary);
  expect(a.offNetworkCommunities).toEqual(b.offNetworkCommunities);
}

describe('network, snapping and job prepared on a helper thread', () => {
  const t = generateBenchTown(5, 1);
  const settings = defaultAnalysisSettings();
  const input = { communities: t.communities, facilities: t.facilities, roads: t.roads, settings };
  const here = computeAccessibility(input);

  it('gives exactly the one-thread result; the thread builds, prepares and searches without being sent the job', async () => {
    expect(here.walkMeters.filter((w) => Number.isFinite(w)).length).toBeGreaterThan(here.walkMeters.length / 4);
    const port = fakePort();
    const progress: string[] = [];
    const r = await computeAccessibilityParallel({ ...input, onProgress: (p, d, n) => progress.push(`${p} ${d}/${n}`) }, [port], 0);
    expectSameResult(r, here);
    // The thread holds the job and searches it alone (the caller keeps a copy only to fall back on).
    expect([r.threads, r.helperThreads]).toEqual([1, 1]);
    expect(port.received.slice(0, 2)).toEqual(['network', 'items']);
    expect(port.received).not.toContain('job');
    expect(port.received.filter((x) => x === 'nearest' || x === 'counts').length).toBeGreaterThan(0);
    expect(port.received[port.received.length - 1]).toBe('finish');
    // Progress keeps the one-thread order of phases.
    const phases = progress.map((x) => x.split(' ')[0]).filter((p, i, a) => p !== a[i - 1]);
    expect(phases).toEqual(['network', 'snap', 'nearest', 'counts']);
  });

  it('with callerSearches, this thread searches the thread\'s job too (shared memory), with the same result', async () => {
    const port = fakePort();
    const r = await computeAccessibilityParallel(input, [port], 0, true);
    expectSameResult(r, here);
    expect([r.threads, r.helperThreads]).toEqual([2, 1]);
    expect(port.received.slice(0, 2)).toEqual(['network', 'items']);
    expect(port.received).not.toContain('job');
  });

  it('falls back to this thread when the thread fails to build, with the same result', async () => {
    const port = fakePort('network');
    const r = await computeAccessibilityParallel(input, [port], 0);
    expectSameResult(r, here);
    // The failed preparation is given up; the searches are then shared out as usual (the job posted to the thread).
    expect(port.received.slice(0, 3)).toEqual(['network', 'items', 'job']);
  });

  it('stays here for small road sets, and releases the thread when the prepared job is too small to share', async () => {
    const vertices = t.roads.reduce((n, r) => n + (r.geometry?.type === 'LineString' ? r.geometry.coordinates.length : 0), 0);
    const small = fakePort();
    expectSameResult(await computeAccessibilityParallel(input, [small], vertices * 2), here);
    expect(small.received).toEqual([]);
    // Enough vertices to prepare there, too few search nodes to share the searches: the thread is told to finish.
    const prepareOnly = fakePort();
    const r = await computeAccessibilityParallel(input, [prepareOnly], here.network ? here.network.nodes : 1);
    expectSameResult(r, here);
    expect(r.threads).toBe(1);
    expect(prepareOnly.received).toEqual(['network', 'items', 'finish']);
  });

  it('picks up a build started early (right after reading the roads), only for the same roads and settings', async () => {
    const port = fakePort();
    const started = startNetworkOnThread([port], t.roads, settings.network, 0);
    expect(started).not.toBeNull();
    expect(port.received).toEqual(['network']);
    const r = await computeAccessibilityParallel({ ...input, networkOnThread: started ?? undefined }, [port], 0);
    expectSameResult(r, here);
    expect(port.received.filter((x) => x === 'network')).toHaveLength(1);
    expect(port.received[1]).toBe('items');
    // Other settings than it was started with: built again for this run (same result as a fresh run).
    const other = fakePort();
    const early = startNetworkOnThread([other], t.roads, { ...settings.network, mergeToleranceMeters: 5 }, 0);
    const moved = { ...input, settings: { ...settings, network: { ...settings.network } } };
    expectSameResult(await computeAccessibilityParallel({ ...moved, networkOnThread: early ?? undefined }, [other], 0), here);
    expect(other.received.slice(0, 3)).toEqual(['network', 'network', 'items']);
    expect(startNetworkOnThread([], t.roads, settings.network, 0)).toBeNull();
    expect(startNetworkOnThread([fakePort()], t.roads, settings.network, 1e9)).toBeNull();
  });

  it('sends columns standing behind lazy lines to the thread, which flattens them: the same result, nothing flattened here', async () => {
    const columns = columnsOf(t.roads);
    const lines = lazyRoadLines(columns);
    const port = fakePort();
    const started = startNetworkOnThread([port], lines, settings.network, 0);
    expect(port.received).toEqual(['network']);
    const r = await computeAccessibilityParallel({ communities: t.communities, facilities: t.facilities, roadLines: lines, settings, networkOnThread: started ?? undefined }, [port], 0);
    expectSameResult(r, here);
    expect(port.received.filter((x) => x === 'network')).toHaveLength(1);
    // Never read here: still the columns' stand-in. Columns are copied to the thread, not moved.
    expect(columnsBehind(lines)).toBe(columns);
    expect(requestBuffers({ type: 'network', jobId: 1, lines: columns, settings: settings.network })).toEqual([]);
    // Read (as a failed thread would make the caller do): the lines of flattenRoads, and no columns behind any more.
    const flat = flattenRoads(t.roads);
    expect(Array.from(lines.lngLat)).toEqual(Array.from(flat.lngLat));
    expect(Array.from(lines.partClass)).toEqual(Array.from(flat.partClass));
    expect(columnsBehind(lines)).toBeUndefined();
  });

  it('moves the road lines to the thread (transfer list) but never a job the caller searches too', () => {
    const lines = { lngLat: new Float64Array(4), partStart: Int32Array.of(0, 2), partRoad: new Int32Array(1), partClass: new Uint8Array(1), bbox: new Float64Array(4), droppedWays: 0 };
    const buffers = requestBuffers({ type: 'network', jobId: 1, lines, settings: settings.network });
    expect(buffers).toHaveLength(5);
    expect(buffers).toContain(lines.lngLat.buffer);
    expect(requestBuffers({ type: 'finish', jobId: 1 })).toEqual([]);
  });
});
