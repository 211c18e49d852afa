import { UI_LANGUAGES } from "@otc/i18n";

const KEY = "otc.language";

/** The language this person chose on the join screen or in the menu; null when they never chose. */
export function loadLanguageChoice(storage: Pick<Storage, "getItem"> | undefined): string | null {
  try {
    const chosen = storage?.getItem(KEY) ?? null;
    return chosen && UI_LANGUAGES.includes(chosen) ? chosen : null;
  } catch {
    return null;
  }
}

export function saveLanguageChoice(storage: Pick<Storage, "setItem"> | undefined, language: string): void {
  try {
    storage?.setItem(KEY, language);
  } catch {
    // Private mode or a full quota: the choice holds for this page only.
  }
}

/** The session's language as its link carries it (`lang`), when it is one of ours. */
export function linkLanguage(search: string): string | null {
  const lang = new URLSearchParams(search).get("lang");
  return lang && UI_LANGUAGES.includes(lang) ? lang : null;
}
