/** i18next setup: zh-CN default, English complete. The language itself lives in the settings slice (persisted). */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { zhCN } from './zh-CN';

export const resources = { 'zh-CN': { translation: zhCN }, en: { translation: en } } as const;

export function initI18n(language: string): typeof i18next {
  void i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'zh-CN',
    interpolation: { escapeValue: false }, // React escapes
    initAsync: false,
  });
  return i18next;
}

export { i18next };
