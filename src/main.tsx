import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { AnalysisRunner } from './app/analysisRunner';
import { GridRunner } from './app/gridRunner';
import './app/globals';
import { startProject, syncLanguage } from './app/bootstrap';
import { initI18n } from './i18n';
import { appStore } from './store';
import './ui/styles.css';

initI18n(appStore.getState().language);
syncLanguage(appStore);
// Recomputes the life-circle analysis in the Worker whenever data, settings or the scenario change.
new AnalysisRunner(appStore);
new GridRunner(appStore);
// For tests and debugging (like window.__map): the store never leaves the page.
window.__store = appStore;

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// Restores the autosaved project, or loads the sample city when there is none.
void startProject(appStore);
