import { useTranslation } from 'react-i18next';
import { LANGUAGES, useAppStore } from '../store';
import type { Language } from '../store';

const LABEL_KEY: Record<Language, 'language.zhCN' | 'language.en'> = { 'zh-CN': 'language.zhCN', en: 'language.en' };

export function LanguageSwitch() {
  const { t } = useTranslation();
  const language = useAppStore((s) => s.language);
  const setLanguage = useAppStore((s) => s.setLanguage);
  return (
    <div className="lang-switch" role="group" aria-label={t('language.label')} data-testid="language-switch">
      {LANGUAGES.map((lng) => (
        <button
          key={lng}
          type="button"
          className={lng === language ? 'active' : ''}
          aria-pressed={lng === language}
          data-testid={`lang-${lng}`}
          onClick={() => setLanguage(lng)}
        >
          {t(LABEL_KEY[lng])}
        </button>
      ))}
    </div>
  );
}
