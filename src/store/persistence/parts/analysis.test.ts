import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../index';
import { applyProject, buildProject, readProject } from '../envelope';
import { ProjectFileError } from '../errors';
import { createPartRegistry } from '../registry';
import { analysisPart } from './analysis';

function registry() {
  const r = createPartRegistry();
  r.register(analysisPart);
  return r;
}

describe('analysis part (settings + scenario)', () => {
  it('round-trip walk speed, category distances and planned facilities', async () => {
    const a = createAppStore();
    a.getState().setWalkSpeed(65);
    a.getState().updateCategory('market', { maxWalkMeters: 800, required: false });
    const id = a.getState().addPlannedFacility('elderly_care', [115.9, 28.68], '规划养老院');
    a.getState().setScenarioEnabled(false);
    const b = createAppStore();
    applyProject(b, await readProject(JSON.parse(JSON.stringify(buildProject(a.getState(), registry()))), registry()));
    expect(b.getState().analysisSettings).toEqual(a.getState().analysisSettings);
    expect(b.getState().analysisSettings.walkSpeedMetersPerMinute).toBe(65);
    expect(b.getState().scenario).toEqual({ enabled: false, planned: a.getState().scenario.planned });
    expect(b.getState().scenario.planned.map((f) => f.id)).toEqual([id]);
  });

  it('a wrong walk speed names its path', async () => {
    const file = JSON.parse(JSON.stringify(buildProject(createAppStore().getState(), registry()))) as { parts: { analysis: { data: { settings: Record<string, unknown> } } } };
    file.parts.analysis.data.settings.walkSpeedMetersPerMinute = null;
    const e = await readProject(file, registry()).then(() => null, (x: unknown) => x);
    expect(e).toBeInstanceOf(ProjectFileError);
    expect((e as Error).message).toBe('Invalid project file: parts.analysis.data.settings.walkSpeedMetersPerMinute should be a number, found null.');
  });
});
