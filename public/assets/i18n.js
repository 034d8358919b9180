import { en } from './messages/en.js';
import { sl } from './messages/sl.js';

/**
 * Slovene by default; English on request, remembered in localStorage. `t('key', { year: 2020 })`
 * fills `{year}`. A key missing in English falls back to Slovene, then to the key itself (visible,
 * so that a gap is noticed rather than hidden).
 */
const STORAGE_KEY = 'kazalnik.lang';
const DICTIONARIES = { sl, en };

let current = readStored();

function readStored() {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'sl';
  } catch {
    return 'sl';
  }
}

export function lang() {
  return current;
}

export function setLang(value) {
  current = value === 'en' ? 'en' : 'sl';
  try {
    localStorage.setItem(STORAGE_KEY, current);
  } catch {
    // Private windows may refuse storage: the choice then lasts for this page only.
  }
  document.documentElement.lang = current;
}

export function t(key, params = {}) {
  const text = DICTIONARIES[current][key] ?? sl[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (match, name) => (name in params ? String(params[name]) : match));
}

/** An indicator's name in the chosen language, when it has one. */
export function indicatorName(indicator) {
  return current === 'en' && indicator.nameEn ? indicator.nameEn : indicator.name;
}
