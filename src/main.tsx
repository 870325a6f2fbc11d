import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { loadSampleIntoStore, syncLanguage } from './app/bootstrap';
import { initI18n } from './i18n';
import { appStore } from './store';
import './ui/styles.css';

initI18n(appStore.getState().language);
syncLanguage(appStore);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

void loadSampleIntoStore(appStore);
