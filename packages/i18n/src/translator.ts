import i18next, { type TFunction } from "i18next";
import { CATALOGUES, UI_LANGUAGES, loadLanguage, type MessageKey } from "./catalogues.js";

export type Params = Record<string, string | number | Date>;

/** Words one message of the catalogues in one language. */
export type Translate = (key: MessageKey, params?: Params) => string;

/**
 * A translator for one language (falling back to English for a missing message). Plurals follow
 * i18next's built-in `Intl.PluralRules` suffixes (`_one`, `_many`, `_other`), numbers and dates
 * its built-in `Intl` formatters (`{{n, number}}`, `{{when, datetime}}`). Synchronous: it words from
 * the catalogues loaded so far (English is bundled; see `loadLanguage` and `loadTranslator`).
 */
export function createTranslator(language: string): Translate {
  const instance = i18next.createInstance();
  void instance.init({
    lng: UI_LANGUAGES.includes(language) ? language : "en",
    fallbackLng: "en",
    resources: Object.fromEntries(Object.entries(CATALOGUES).map(([lng, catalogue]) => [lng, { translation: catalogue }])),
    initAsync: false,
    interpolation: { escapeValue: false }, // React escapes what it renders
    returnNull: false,
  });
  const t: TFunction = instance.t.bind(instance);
  return (key, params) => String(t(key, params ?? {}));
}

/** A translator for one language once its catalogue is here (fetched if need be). */
export async function loadTranslator(language: string): Promise<Translate> {
  await loadLanguage(language);
  return createTranslator(language);
}
