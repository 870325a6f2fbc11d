import type { Map as MlMap } from 'maplibre-gl';

declare global {
  interface Window {
    /** The live map, in every build: handy for debugging and for browser tests of the built app. */
    __map?: MlMap;
  }
}

export {};
