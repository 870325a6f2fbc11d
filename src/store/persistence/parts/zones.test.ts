import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../index';
import { zonesHistory } from '../../zones/history';
import { applyProject, buildProject, readProject } from '../envelope';
import { createPartRegistry } from '../registry';
import { testDataset } from '../testFixtures';
import { createDataPart } from './data';
import { settingsPart } from './settings';
import { zonesPart } from './zones';

function registry() {
  const r = createPartRegistry();
  r.register(createDataPart(() => Promise.reject(new Error('no sample here'))));
  r.register(settingsPart);
  r.register(zonesPart);
  return r;
}

describe('zones part', () => {
  it('round-trips a drawn zone and the zoning settings; undo history starts empty', async () => {
    const a = createAppStore();
    a.getState().setDataset(testDataset());
    a.getState().setZoningSettings({ gapMeters: 45 });
    const id = a.getState().addDrawnZone({ type: 'Polygon', coordinates: [[[115.899, 28.679], [115.9015, 28.679], [115.9015, 28.6815], [115.899, 28.6815], [115.899, 28.679]]] }, '一号区块');
    expect(id).not.toBeNull();
    expect(a.getState().zones[0].memberIds).toEqual(['c1']);

    const b = createAppStore();
    b.getState().setZoningSettings({ gapMeters: 10 }); // an edit of the project being replaced
    expect(zonesHistory(b).getState().pastStates.length).toBe(1);
    applyProject(b, await readProject(JSON.parse(JSON.stringify(buildProject(a.getState(), registry()))), registry()));
    expect(b.getState().zones).toEqual(a.getState().zones);
    expect(b.getState().zoningSettings.gapMeters).toBe(45);
    expect(zonesHistory(b).getState().pastStates.length).toBe(0);
  });

  it('a project saved before zones existed opens with no zones', async () => {
    const old = createPartRegistry();
    old.register(createDataPart(() => Promise.reject(new Error('no sample here'))));
    old.register(settingsPart);
    const a = createAppStore();
    a.getState().setDataset(testDataset());
    const b = createAppStore();
    b.getState().setDataset(testDataset());
    b.getState().addDrawnZone({ type: 'Polygon', coordinates: [[[115.899, 28.679], [115.9015, 28.679], [115.9015, 28.6815], [115.899, 28.6815], [115.899, 28.679]]] }, 'x');
    expect(b.getState().zones).toHaveLength(1);
    applyProject(b, await readProject(buildProject(a.getState(), old), registry()));
    expect(b.getState().zones).toEqual([]);
  });
});
