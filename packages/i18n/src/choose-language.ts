import { UI_LANGUAGES } from "./catalogues.js";

/** The first of the browser's languages (`navigator.languages`) the interface is written in, by primary subtag. */
export function browserLanguage(preferred: readonly string[]): string | null {
  for (const tag of preferred) {
    const primary = tag.toLowerCase().split("-")[0]!;
    if (UI_LANGUAGES.includes(primary)) return primary;
  }
  return null;
}

/**
 * The language a person reads: their own explicit choice (join screen, menu) first, then their
 * browser's languages, then the session's language (set by the facilitator, carried by its links),
 * then English. A participant of an international centre expects the page in their own language;
 * the session's language decides only for a browser that asks for none we have.
 */
export function chooseLanguage(options: { explicit: string | null; browser: readonly string[]; session: string | null }): string {
  if (options.explicit && UI_LANGUAGES.includes(options.explicit)) return options.explicit;
  const fromBrowser = browserLanguage(options.browser);
  if (fromBrowser) return fromBrowser;
  if (options.session && UI_LANGUAGES.includes(options.session)) return options.session;
  return "en";
}
