import { request } from './api.js';

// The code lists hold no personal data: they are kept on the device per language, so the form works offline.
const KEY = 'logbook.codes.';
const loaded = {};

/** {methods, themes, settings, ageBands, genders}, each [{code, label}], labelled in lang; null if never loaded. */
export async function codeLists(lang) {
  if (loaded[lang]) return loaded[lang];
  const answer = await request('GET', '/api/v1/code-lists', { headers: { 'Accept-Language': lang } });
  if (answer.ok) {
    loaded[lang] = answer.body;
    localStorage.setItem(KEY + lang, JSON.stringify(answer.body));
    return answer.body;
  }
  const kept = localStorage.getItem(KEY + lang);
  return kept ? JSON.parse(kept) : null;
}

/** The label of a code in a loaded list, the code itself when unknown. */
export function label(list, code) {
  return (list || []).find(c => c.code === code)?.label ?? code;
}
