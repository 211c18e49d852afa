import { chooseLanguage, createTranslator, isLoaded, loadLanguage, type Translate } from "@otc/i18n";
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
 * A language other than English is fetched when chosen (one small chunk): the first paint waits for
 * it (never a flash of keys or of English), a later change keeps the current words until it is here.
 */
export function LanguageProvider({ children }: { children: ReactNode }) {
  const [explicit, setExplicit] = useState(() => loadLanguageChoice(window.localStorage));
  const [session, setSessionLanguage] = useState(() => linkLanguage(window.location.search));
  const wanted = chooseLanguage({ explicit, browser: navigator.languages ?? [navigator.language], session });
  // The language whose words are here; null only before the first one has arrived.
  const [language, setLanguage] = useState<string | null>(() => (isLoaded(wanted) ? wanted : null));
  useEffect(() => {
    if (isLoaded(wanted)) return setLanguage(wanted);
    let live = true;
    loadLanguage(wanted).then(
      () => live && setLanguage(wanted),
      () => live && setLanguage((now) => now ?? "en"), // could not fetch it: keep what is shown, English at first
    );
    return () => void (live = false);
  }, [wanted]);
  const t = useMemo(() => createTranslator(language ?? "en"), [language]);
  useEffect(() => {
    if (language) document.documentElement.lang = language;
  }, [language]);
  const choose = useCallback((next: string) => {
    saveLanguageChoice(window.localStorage, next);
    setExplicit(next);
  }, []);
  const api = useMemo(() => ({ language: language ?? "en", t, choose, setSessionLanguage }), [language, t, choose]);
  if (language === null) return null;
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
