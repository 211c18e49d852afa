import { chooseLanguage, createTranslator, type Translate } from "@otc/i18n";
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { linkLanguage, loadLanguageChoice, saveLanguageChoice } from "./language-prefs.js";

export interface LanguageApi {
  /** The language shown now (a catalogue code). */
  language: string;
  t: Translate;
  /** An explicit choice: remembered on this browser, and it wins over the browser and the session. */
  choose(language: string): void;
  /** The session's language, once the room says it (the link's `lang` before that). */
  setSessionLanguage(language: string | null): void;
}

const LanguageContext = createContext<LanguageApi | null>(null);

/**
 * Holds the page's language (explicit choice > browser > session > English, see @otc/i18n's
 * chooseLanguage) and its translator; sets `<html lang>` so screen readers and hyphenation follow.
 */
export function LanguageProvider({ children }: { children: ReactNode }) {
  const [explicit, setExplicit] = useState(() => loadLanguageChoice(window.localStorage));
  const [session, setSessionLanguage] = useState(() => linkLanguage(window.location.search));
  const language = chooseLanguage({ explicit, browser: navigator.languages ?? [navigator.language], session });
  const t = useMemo(() => createTranslator(language), [language]);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const choose = useCallback((next: string) => {
    saveLanguageChoice(window.localStorage, next);
    setExplicit(next);
  }, []);
  const api = useMemo(() => ({ language, t, choose, setSessionLanguage }), [language, t, choose]);
  return <LanguageContext.Provider value={api}>{children}</LanguageContext.Provider>;
}

/** The page's language and its setters; inside <LanguageProvider>. */
export function useLanguage(): LanguageApi {
  const api = useContext(LanguageContext);
  if (!api) throw new Error("useLanguage must be used inside <LanguageProvider>");
  return api;
}

/** Words a catalogue message in the page's language: `const t = useT(); t("join.join")`. */
export function useT(): Translate {
  return useLanguage().t;
}
