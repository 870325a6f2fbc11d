/**
 * Registers the app's persisted parts (import this once, from the app start-up). Other slices add their part in
 * `parts/<key>.ts` and one import line here, or call `registerPersistedPart` from their own module.
 */
import { loadSampleCity } from '../../../io/sample';
import { registerPersistedPart } from '../registry';
import { analysisPart } from './analysis';
import { createDataPart } from './data';
import { settingsPart } from './settings';
import { zonesPart } from './zones';

registerPersistedPart(createDataPart(loadSampleCity));
registerPersistedPart(settingsPart);
registerPersistedPart(zonesPart);
registerPersistedPart(analysisPart);
