/** Start-up work outside React: language sync, restoring the autosaved project or loading the embedded sample city. */
import { i18next } from '../i18n';
import { loadSampleCity } from '../io/sample';
import type { AppStore } from '../store';
import { markSampleDataset } from '../store/persistence/parts/data';
import { appProjectSession, problemOf } from '../ui/project/appProject';
import { projectStatus } from '../ui/project/projectStatus';

/** Keep i18next and <html lang> in step with the persisted language setting. */
export function syncLanguage(store: AppStore): () => void {
  const apply = (language: string) => {
    document.documentElement.lang = language;
    document.title = language === 'en' ? 'Renovation Planner · 老旧小区改造规划' : '老旧小区改造规划 · Renovation Planner';
    if (i18next.language !== language) void i18next.changeLanguage(language);
  };
  apply(store.getState().language);
  return store.subscribe((s, p) => { if (s.language !== p.language) apply(s.language); });
}

export async function loadSampleIntoStore(store: AppStore): Promise<void> {
  store.getState().setLoadStatus('loading');
  try {
    // Marked so that the autosave stores a reference to the sample, not 1 MB of its data.
    store.getState().setDataset(markSampleDataset(await loadSampleCity()));
  } catch (e) {
    store.getState().setLoadStatus('error', e instanceof Error ? e.message : String(e));
  }
}

/**
 * Restore the project autosaved in IndexedDB, or start with the sample city; then autosave every change of a
 * persisted part (500 ms after the last one). A broken or newer autosave is explained in a dialog; the sample city
 * loaded instead then replaces it.
 */
export async function startProject(store: AppStore): Promise<void> {
  const session = appProjectSession(store);
  store.getState().setLoadStatus('loading');
  let restored = false;
  try {
    restored = await session.restore();
  } catch (e) {
    projectStatus.setState({ problem: problemOf(e, 'restore', null) });
  }
  session.start();
  if (!restored) await loadSampleIntoStore(store);
}
