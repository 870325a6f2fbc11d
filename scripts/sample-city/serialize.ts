/**
 * FlatGeobuf bytes of each layer, keyed by file name, written by the app's own writer (typed columns, layer name,
 * Hilbert R-tree: features are stored in spatial order, not id order). Fixed file order, no timestamps.
 */
import { writeFlatGeobuf } from '../../src/io/flatgeobuf';
import type { SampleCity } from './city';

export const SAMPLE_FILES = ['communities.fgb', 'facilities.fgb', 'roads.fgb', 'water.fgb'] as const;

export function serializeSampleCity(city: SampleCity): Record<(typeof SAMPLE_FILES)[number], Uint8Array> {
  return {
    'communities.fgb': writeFlatGeobuf(city.communities.features, { layerName: 'communities' }),
    'facilities.fgb': writeFlatGeobuf(city.facilities.features, { layerName: 'facilities' }),
    'roads.fgb': writeFlatGeobuf(city.roads.features, { layerName: 'roads' }),
    'water.fgb': writeFlatGeobuf(city.water.features, { layerName: 'water' }),
  };
}
