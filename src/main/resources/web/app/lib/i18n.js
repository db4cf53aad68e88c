import en from '../i18n/en.json';
import sl from '../i18n/sl.json';
import bg from '../i18n/bg.json';

export const LANGUAGES = { sl: 'Slovenščina', en: 'English', bg: 'Български' };
const TEXTS = { sl: { ...sl }, en: { ...en }, bg: { ...bg } };
const KEY = 'logbook.language';

/** Each page brings its own texts: register({sl, en, bg}) with the page's JSON files. */
export function register(texts) {
  for (const lang of Object.keys(TEXTS)) Object.assign(TEXTS[lang], texts[lang] || {});
}

/** The chosen language, else the browser's first one we speak, else English. */
export function initialLanguage() {
  const chosen = localStorage.getItem(KEY);
  if (chosen && TEXTS[chosen]) return chosen;
  for (const tag of navigator.languages || [navigator.language]) {
    const lang = (tag || '').slice(0, 2).toLowerCase();
    if (TEXTS[lang]) return lang;
  }
  return 'en';
}

export function chooseLanguage(lang) {
  localStorage.setItem(KEY, lang);
  document.documentElement.lang = lang;
  current = lang;
}

let current = 'en';

/** The language now shown: for Accept-Language and for number and date formats. */
export function language() {
  return current;
}

/** t(key) or t(key, {name: value}) for texts with {name} placeholders. */
export function translator(lang) {
  return (key, values) => {
    const text = TEXTS[lang][key] ?? TEXTS.en[key] ?? key;
    return values ? text.replace(/\{(\w+)\}/g, (all, name) => (name in values ? values[name] : all)) : text;
  };
}
