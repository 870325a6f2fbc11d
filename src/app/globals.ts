import type { AppStore } from '../store';

declare global {
  interface Window {
    /** The app store, in every build (like `__map`): for debugging and browser tests. Data stays in the page. */
    __store?: AppStore;
  }
}

export {};
