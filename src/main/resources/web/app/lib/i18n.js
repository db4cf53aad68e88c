import en from '../i18n/en.json';
import sl from '../i18n/sl.json';
import bg from '../i18n/bg.json';

export const LANGUAGES = { sl: 'Slovenščina', en: 'English', bg: 'Български' };
const TEXTS = { sl, en, bg };
const KEY = 'logbook.language';

/** The chosen language, else the browser's first one we speak, else English. */
export function initialLanguage() {
  const chosen = sessionStorage.getItem(KEY);
  if (chosen && TEXTS[chosen]) return chosen;
  for (const tag of navigator.languages || [navigator.language]) {
    const lang = (tag || '').slice(0, 2).toLowerCase();
    if (TEXTS[lang]) return lang;
  }
  return 'en';
}

export function chooseLanguage(lang) {
  sessionStorage.setItem(KEY, lang);
  document.documentElement.lang = lang;
}

export function translator(lang) {
  return (key) => TEXTS[lang][key] ?? TEXTS.en[key] ?? key;
}
