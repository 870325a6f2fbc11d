import { describe, expect, it } from 'vitest';
import { generateBenchTown } from '../../../test/bench/town';
import { fakePort } from '../../../test/fixtures/coverage/fakePort';
import { defaultAnalysisSettings } from '../config/defaults';
import { buildWalkNetwork } from '../network';
import { computeAccessibility, computeAccessibilityParallel } from './compute';
import { createDistanceThread, planDistanceTasks, runDistanceJobParallel } from './parallel';
import type { DistanceThreadResponse } from './parallel';
import { AccessibilityCache } from './cache';
import { DistanceRunner } from './distanceTasks';
import { prepareDistanceJob } from './distanceJob';
import { snapPoints } from '../network';
import { facilitiesByCategory, representativePoints } from './points';
import { CancelledError } from './types';

function town(scale: number) {
  const t = generateBenchTown(7, scale);
  const settings = defaultAnalysisSettings();
  const network = buildWalkNetwork(t.roads, settings.network);
  return { ...t, settings, network };
}

describe('distance tasks on several threads', () => {
  it('gives exactly the one-thread tables on a seeded town (3 threads)', async () => {
    const t = town(1);
    const one = computeAccessibility({ communities: t.communities, facilities: t.facilities, network: t.network, settings: t.settings });
    const ports = [fakePort(), fakePort(), fakePort()];
    const cs = snapPoints(t.network, representativePoints(t.communities), t.settings.network.maxSnapMeters);
    const fs = snapPoints(t.network, representativePoints(t.facilities), t.settings.network.maxSnapMeters);
    const byCategory = facilitiesByCategory(t.facilities, t.settings.categories.map((c) => c.id));
    const maxWalk = Float64Array.from(t.settings.categories, (c) => c.maxWalkMeters);
    const job = prepareDistanceJob(t.network, cs, fs, byCategory, maxWalk, maxWalk.map((m) => 2 * m));
    const progress: string[] = [];
    const tables = await runDistanceJobParallel(job, ports, (phase, done, total) => progress.push(`${phase} ${done}/${total}`));
    expect(Array.from(tables.walkMeters)).toEqual(Array.from(one.walkMeters));
    expect(Array.from(tables.nearestFacility)).toEqual(Array.from(one.nearestFacility));
    expect(Array.from(tables.countWithin)).toEqual(Array.from(one.countWithin));
    // Real values, not an empty town: many (community, category) pairs have a walk, some counts exceed 1.
    expect(one.walkMeters.filter((w) => Number.isFinite(w)).length).toBeGreaterThan(one.walkMeters.length / 4);
    expect(Math.max(...one.countWithin)).toBeGreaterThan(1);
    // Every thread got the job and some work; progress ends with both phases complete, in order.
    for (const p of ports) {
      expect(p.received[0]).toBe('job');
      expect(p.received.filter((x) => x === 'nearest' || x === 'counts').length).toBeGreaterThan(0);
      expect(p.received[p.received.length - 1]).toBe('finish');
    }
    expect(progress).toContain('nearest 19/19');
    expect(progress[progress.length - 1]).toBe(`counts ${t.facilities.length}/${t.facilities.length}`);
    expect(progress.findIndex((x) => x.startsWith('counts'))).toBeGreaterThan(progress.indexOf('nearest 19/19'));
  });

  it('plans the widest searches first and covers every facility once', () => {
    const t = town(1);
    const cs = snapPoints(t.network, representativePoints(t.communities), 300);
    const fs = snapPoints(t.network, representativePoints(t.facilities), 300);
    const cats = t.settings.categories;
    const maxWalk = Float64Array.from(cats, (c) => c.maxWalkMeters);
    const job = prepareDistanceJob(t.network, cs, fs, facilitiesByCategory(t.facilities, cats.map((c) => c.id)), maxWalk, maxWalk.map((m) => 2 * m));
    const tasks = planDistanceTasks(job, 2);
    const nearest = tasks.filter((x) => x.type === 'nearest').map((x) => (x.type === 'nearest' ? job.searchBoundMeters[x.category] : 0));
    expect(nearest).toHaveLength(19);
    expect(nearest).toEqual([...nearest].sort((a, b) => b - a));
    let covered = 0;
    for (const x of tasks) if (x.type === 'counts') { expect(x.from).toBe(covered); covered = x.to; }
    expect(covered).toBe(t.facilities.length);
  });

  it('rejects with the thread\'s message when a task fails, and with CancelledError when cancelled', async () => {
    const t = town(1);
    const input = { communities: t.communities, facilities: t.facilities, network: t.network, settings: t.settings };
    // The bench town ×1 is below the parallel threshold: force the job through the ports directly.
    const cs = snapPoints(t.network, representativePoints(t.communities), 300);
    const fs = snapPoints(t.network, representativePoints(t.facilities), 300);
    const maxWalk = Float64Array.from(t.settings.categories, (c) => c.maxWalkMeters);
    const job = prepareDistanceJob(t.network, cs, fs, facilitiesByCategory(t.facilities, t.settings.categories.map((c) => c.id)), maxWalk, maxWalk.map((m) => 2 * m));
    await expect(runDistanceJobParallel(job, [fakePort(), fakePort('nearest')], () => {})).rejects.toThrow('distance thread 2: out of memory');
    let calls = 0;
    await expect(runDistanceJobParallel(job, [fakePort()], () => { if (++calls === 5) throw new CancelledError(); })).rejects.toBeInstanceOf(CancelledError);
    // Small networks stay on this thread: no message is posted at all.
    const idle = fakePort();
    const r = await computeAccessibilityParallel(input, [idle]);
    expect(idle.received).toEqual([]);
    expect(r.threads).toBe(1);
    expect(Array.from(r.walkMeters)).toEqual(Array.from(computeAccessibility(input).walkMeters));
    // Forced through the threads (minNodes 0): two helpers and this thread ran it; a failing helper → all done
    // here instead, same tables.
    const two = await computeAccessibilityParallel(input, [fakePort(), fakePort()], 0);
    expect([two.threads, two.helperThreads]).toEqual([3, 2]);
    expect(Array.from(two.countWithin)).toEqual(Array.from(r.countWithin));
    const broken = await computeAccessibilityParallel(input, [fakePort(), fakePort('nearest')], 0);
    expect(broken.threads).toBe(1);
    expect(Array.from(broken.walkMeters)).toEqual(Array.from(r.walkMeters));
  });

  it('reruns a cached job with new max walks by sending only those, with the tables of a fresh run', async () => {
    const t = town(1);
    const input = { communities: t.communities, facilities: t.facilities, network: t.network, settings: t.settings };
    const ports = [fakePort(), fakePort()];
    const cache = new AccessibilityCache();
    const first = await computeAccessibilityParallel({ ...input, cache }, ports, 0);
    expect(ports.map((p) => p.received.filter((x) => x === 'job' || x === 'reuse'))).toEqual([['job'], ['job']]);
    // Every max walk changed (more than half: an incremental rerun would not do), kindergartens 300 → 700 m.
    const changed = {
      ...t.settings,
      categories: t.settings.categories.map((c) => ({ ...c, maxWalkMeters: c.id === 'kindergarten' ? 700 : c.maxWalkMeters * 0.8 })),
    };
    const rerun = await computeAccessibilityParallel({ ...input, settings: changed, cache }, ports, 0);
    expect(cache.hits).toBe(1);
    expect(ports.map((p) => p.received.filter((x) => x === 'job' || x === 'reuse'))).toEqual([['job', 'reuse'], ['job', 'reuse']]);
    const fresh = computeAccessibility({ ...input, settings: changed });
    expect(Array.from(rerun.walkMeters)).toEqual(Array.from(fresh.walkMeters));
    expect(Array.from(rerun.nearestFacility)).toEqual(Array.from(fresh.nearestFacility));
    expect(Array.from(rerun.countWithin)).toEqual(Array.from(fresh.countWithin));
    expect(Array.from(rerun.countWithin)).not.toEqual(Array.from(first.countWithin));
    // And back: exactly the first run's tables (nothing left over from the rerun in the held runners).
    const back = await computeAccessibilityParallel({ ...input, cache }, ports, 0);
    expect(Array.from(back.walkMeters)).toEqual(Array.from(first.walkMeters));
    expect(Array.from(back.countWithin)).toEqual(Array.from(first.countWithin));
  });

  it('answers a rerun of a job it does not hold with an error (the caller then runs the job itself)', () => {
    const replies: DistanceThreadResponse[] = [];
    const thread = createDistanceThread((r) => replies.push(r));
    thread({ type: 'reuse', jobId: 9, heldJobId: 3, maxWalkMeters: new Float64Array(1), searchBoundMeters: new Float64Array(1) });
    expect(replies).toEqual([{ type: 'error', jobId: 9, message: 'job 3 is not held here' }]);
  });

  it('retargets a runner only to the same job with other settings', () => {
    const t = town(1);
    const cs = snapPoints(t.network, representativePoints(t.communities), 300);
    const fs = snapPoints(t.network, representativePoints(t.facilities), 300);
    const byCategory = facilitiesByCategory(t.facilities, t.settings.categories.map((c) => c.id));
    const maxWalk = Float64Array.from(t.settings.categories, (c) => c.maxWalkMeters);
    const job = prepareDistanceJob(t.network, cs, fs, byCategory, maxWalk, maxWalk.map((m) => 2 * m));
    const runner = new DistanceRunner(job);
    runner.countFacilities(0, t.facilities.length);
    const shorter = maxWalk.map((m) => m / 2);
    runner.retarget({ ...job, maxWalkMeters: shorter, searchBoundMeters: shorter.map((m) => 2 * m) });
    const fresh = new DistanceRunner({ ...job, maxWalkMeters: shorter, searchBoundMeters: shorter.map((m) => 2 * m) });
    runner.countFacilities(0, t.facilities.length);
    fresh.countFacilities(0, t.facilities.length);
    expect(Array.from(runner.counts)).toEqual(Array.from(fresh.counts));
    expect(runner.counts.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    const other = prepareDistanceJob(t.network, cs, fs, byCategory, maxWalk, maxWalk.map((m) => 2 * m));
    expect(() => runner.retarget(other)).toThrow('retarget: the job has other items or another graph');
  });
});
