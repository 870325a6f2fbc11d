/**
 * Part `analysis`: the analysis settings (walking speed, per-category max walk and required flag, network options)
 * and the scenario (planned facilities, on/off). Results are not saved: the runner recomputes them on open.
 * Projects saved before this part existed open with default settings and an empty scenario.
 */
import type { CategoryDef } from '../../../core/config/categories';
import type { AnalysisSettings, NetworkSettings } from '../../../core/config/defaults';
import { defaultAnalysisSettings } from '../../../core/config/defaults';
import type { Facility } from '../../../core/types';
import type { Scenario } from '../../analysisSlice';
import type { PersistedPart } from '../registry';
import { expectArray, expectBoolean, expectNumber, expectObject, expectString } from '../validate';

const P = 'parts.analysis.data';

function loadSettings(json: unknown): AnalysisSettings {
  const o = expectObject(json, `${P}.settings`);
  const walkSpeedMetersPerMinute = expectNumber(o.walkSpeedMetersPerMinute, `${P}.settings.walkSpeedMetersPerMinute`);
  const categories = expectArray(o.categories, `${P}.settings.categories`).map((c, i) => {
    const path = `${P}.settings.categories[${i}]`;
    const cat = expectObject(c, path);
    expectString(cat.id, `${path}.id`);
    expectNumber(cat.maxWalkMeters, `${path}.maxWalkMeters`);
    expectBoolean(cat.required, `${path}.required`);
    expectArray(cat.osm, `${path}.osm`);
    return cat as unknown as CategoryDef;
  });
  const net = expectObject(o.network, `${P}.settings.network`);
  expectNumber(net.maxSnapMeters, `${P}.settings.network.maxSnapMeters`);
  expectNumber(net.mergeToleranceMeters, `${P}.settings.network.mergeToleranceMeters`);
  expectBoolean(net.nodeAtCrossings, `${P}.settings.network.nodeAtCrossings`);
  return { walkSpeedMetersPerMinute, categories, network: net as unknown as NetworkSettings };
}

function loadScenario(json: unknown): Scenario {
  const o = expectObject(json, `${P}.scenario`);
  const enabled = expectBoolean(o.enabled, `${P}.scenario.enabled`);
  const planned = expectArray(o.planned, `${P}.scenario.planned`).map((f, i) => {
    const path = `${P}.scenario.planned[${i}]`;
    const fac = expectObject(f, path);
    expectString(fac.id, `${path}.id`);
    expectArray(fac.categories, `${path}.categories`).forEach((c, k) => expectString(c, `${path}.categories[${k}]`));
    const g = expectObject(fac.geometry, `${path}.geometry`);
    if (g.type !== 'Point') throw new Error(`${path}.geometry: expected a Point`);
    const xy = expectArray(g.coordinates, `${path}.geometry.coordinates`);
    expectNumber(xy[0], `${path}.geometry.coordinates[0]`);
    expectNumber(xy[1], `${path}.geometry.coordinates[1]`);
    return fac as unknown as Facility;
  });
  return { enabled, planned };
}

export const analysisPart: PersistedPart = {
  key: 'analysis',
  version: 1,
  stateKeys: ['analysisSettings', 'scenario'],
  save: (s) => ({ settings: s.analysisSettings, scenario: s.scenario }),
  load: (json) => {
    const o = expectObject(json, P);
    return { analysisSettings: loadSettings(o.settings), scenario: loadScenario(o.scenario) };
  },
  initial: () => ({ analysisSettings: defaultAnalysisSettings(), scenario: { enabled: true, planned: [] } }),
};
