import { useTranslation } from 'react-i18next';
import { useAppStore } from '../store';
import { ImportButton } from './import/ImportButton';
import { LanguageSwitch } from './LanguageSwitch';
import { ProjectButtons } from './project/ProjectButtons';

export function TopBar() {
  const { t } = useTranslation();
  const datasetName = useAppStore((s) => s.datasetName);
  return (
    <header className="top-bar" data-testid="top-bar">
      <div className="brand">
        <svg className="brand-mark" viewBox="0 0 24 24" aria-hidden="true">
          <rect x="2" y="9" width="8" height="13" rx="1" />
          <rect x="12" y="4" width="10" height="18" rx="1" />
          <path d="M5 12h2M5 15h2M5 18h2M15 7h4M15 10h4M15 13h4M15 16h4" />
        </svg>
        <div className="brand-text">
          <h1 data-testid="app-title">{t('app.title')}</h1>
          <span className="brand-sub">{t('app.subtitle')}</span>
        </div>
        <span className="brand-tagline">{t('app.tagline')}</span>
      </div>
      <div className="top-bar-right">
        {datasetName === 'sample' && (
          <span className="dataset-badge" data-testid="dataset-badge" title={t('app.dataset')}>
            {t('app.datasetSample')}
          </span>
        )}
        <ImportButton />
        <ProjectButtons />
        <LanguageSwitch />
      </div>
    </header>
  );
}
