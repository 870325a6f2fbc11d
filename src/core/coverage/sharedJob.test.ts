import { describe, expect, it } from 'vitest';
import { generateBenchTown } from '../../../test/bench/town';
import { defaultAnalysisSettings } from '../config/defaults';
import { buildWalkNetwork, snapPoints } from '../network';
import { prepareDistanceJob } from './distanceJob';
import { DistanceRunner } from './distanceTasks';
import { createDistanceThread } from './parallel';
import type { DistanceThreadResponse } from './parallel';
import { flattenRoads } from '../network/roadLines';
import { facilitiesByCategory, representativePoints } from './points';
import { shareJob } from './sharedJob';

describe('a distance job in shared memory', () => {
  const t = generateBenchTown(3, 1);
  const settings = defaultAnalysisSettings();
  const network = buildWalkNetwork(t.roads, settings.network);
  const cs = snapPoints(network, representativePoints(t.communities), settings.network.maxSnapMeters);
  const fs = snapPoints(network, representativePoints(t.facilities), settings.network.maxSnapMeters);
  const byCategory = facilitiesByCategory(t.facilities, settings.categories.map((c) => c.id));
  const maxWalk = Float64Array.from(settings.categories, (c) => c.maxWalkMeters);
  const job = prepareDistanceJob(network, cs, fs, byCategory, maxWalk, maxWalk.map((m) => 2 * m));

  it('holds the same numbers, every array in a SharedArrayBuffer, and searches to the same tables', () => {
    const shared = shareJob(job);
    expect(shared).toEqual(job);
    expect(shared.graph.targets.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(shared.communities.index.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(shared.communityEdgesAt.items.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(shared.graph.targets.length).toBeGreaterThan(100);
    const a = new DistanceRunner(job), b = new DistanceRunner(shared);
    for (let k = 0; k < job.categoryCount; k++) {
      expect(Array.from(b.nearest(k).walkMeters)).toEqual(Array.from(a.nearest(k).walkMeters));
    }
  });

  it('is what a thread that prepared the job answers with: a clone of the answer shares its memory', () => {
    const answers: DistanceThreadResponse[] = [];
    const handle = createDistanceThread((r) => answers.push(r));
    handle({ type: 'network', jobId: 7, lines: flattenRoads(t.roads), settings: settings.network });
    handle({
      type: 'items', jobId: 7,
      items: { communityLngLat: representativePoints(t.communities), facilityLngLat: representativePoints(t.facilities), byCategory, maxWalkMeters: maxWalk, searchBoundMeters: maxWalk.map((m) => 2 * m), maxSnapMeters: settings.network.maxSnapMeters },
    });
    const prepared = answers.find((r) => r.type === 'prepared');
    if (!prepared || prepared.type !== 'prepared') throw new Error('no prepared answer');
    expect(prepared.job).toEqual(job);
    const clone = structuredClone(prepared.job);
    // Posting shares: a write through the thread's job shows in the clone (no one writes to a job; this only tests).
    const before = clone.edgeMeters[0];
    prepared.job.edgeMeters[0] = before + 1;
    expect(clone.edgeMeters[0]).toBe(before + 1);
    prepared.job.edgeMeters[0] = before;
  });
});
