// i18n setup: Simplified Chinese by default, English as the alternative. The chosen
// language is remembered in localStorage (a UI preference, not domain data).
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { zhCN } from './zh-CN';
import { en } from './en';

export type Language = 'zh-CN' | 'en';
export const LANGUAGES: readonly Language[] = ['zh-CN', 'en'];
const STORAGE_KEY = 'pinggu.language';

const isLanguage = (value: unknown): value is Language =>
  LANGUAGES.some((language) => language === value);

export const storedLanguage = (): Language => {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
};

export const rememberLanguage = (language: Language): void => {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Storage may be unavailable (private mode); the choice then lasts for this session.
  }
};

export const initI18n = async (language: Language = storedLanguage()) => {
  await i18next.use(initReactI18next).init({
    resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
    lng: language,
    fallbackLng: 'zh-CN',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = language;
  return i18next;
};

export const changeLanguage = async (language: Language) => {
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
  rememberLanguage(language);
};
