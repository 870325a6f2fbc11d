/** Start-up work outside React: language sync and loading the embedded sample city. */
import { i18next } from '../i18n';
import { loadSampleCity } from '../io/sample';
import type { AppStore } from '../store';

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
    store.getState().setDataset(await loadSampleCity());
  } catch (e) {
    store.getState().setLoadStatus('error', e instanceof Error ? e.message : String(e));
  }
}
