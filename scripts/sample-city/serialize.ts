/** FlatGeobuf bytes of each layer, keyed by file name (fixed order, so output is reproducible). */
import { writeFlatGeobuf } from '../../src/io/flatgeobuf';
import type { SampleCity } from './city';

export const SAMPLE_FILES = ['communities.fgb', 'facilities.fgb', 'roads.fgb', 'water.fgb'] as const;

export function serializeSampleCity(city: SampleCity): Record<(typeof SAMPLE_FILES)[number], Uint8Array> {
  return {
    'communities.fgb': writeFlatGeobuf(city.communities.features),
    'facilities.fgb': writeFlatGeobuf(city.facilities.features),
    'roads.fgb': writeFlatGeobuf(city.roads.features),
    'water.fgb': writeFlatGeobuf(city.water.features),
  };
}
