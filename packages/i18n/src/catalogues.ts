import type en from "./locales/en.js";

/** A catalogue: nested objects whose leaves are i18next messages (`{{name}}`, plural suffixes `_one`, `_other`…). */
export interface Catalogue {
  [key: string]: string | Catalogue;
}

type Leaves<T, P extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

type PluralBase<K extends string> = K extends `${infer B}_${"zero" | "one" | "two" | "few" | "many" | "other"}` ? B : K;

/** Every key of the English catalogue (plural keys by their base name): `t()` accepts only these. */
export type MessageKey = PluralBase<Leaves<typeof en>>;

// Every locales/<code>/ folder is a language and each file in it a namespace (its top-level key): adding a
// language is adding its folder. English is bundled with the page (it is the fallback and the first paint
// of most people); each language's own name (language.json, for the picker) too. Every other language's
// namespaces are fetched when that language is first needed: the client build puts each language in one
// chunk (apps/client/vite.config.ts), so choosing French costs one request and nobody downloads Spanish
// to read English.
const english = import.meta.glob<Catalogue>("./locales/en/*.json", { eager: true, import: "default" });
const names = import.meta.glob<Catalogue>("./locales/*/language.json", { eager: true, import: "default" });
const later = import.meta.glob<Catalogue>(["./locales/*/*.json", "!./locales/en/*.json", "!./locales/*/language.json"], { import: "default" });

const PATH = /\/([a-z-]+)\/([a-z0-9-]+)\.json$/i;
const split = (path: string): [string, string] => {
  const [, language, name] = PATH.exec(path)!;
  return [language!, name!];
};

function assemble(files: Record<string, Catalogue>, into: Record<string, Catalogue> = {}): Record<string, Catalogue> {
  for (const [path, namespace] of Object.entries(files)) {
    const [language, name] = split(path);
    (into[language] ??= {})[name] = namespace;
  }
  return into;
}

const loaded: Record<string, Catalogue> = assemble(english);
const ready = new Set(["en"]);
const pending = new Map<string, Promise<void>>();

/**
 * The catalogues loaded so far, by language code (the folder name), each namespace under its file name:
 * English always; another language once `loadLanguage` has resolved for it.
 */
export const CATALOGUES: Readonly<Record<string, Catalogue>> = loaded;

/** Each language named in itself ("Français"), from every language's language.json (bundled: the picker lists them all). */
export const AUTONYMS: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(names).map(([path, c]) => [split(path)[0], typeof c["self"] === "string" ? c["self"] : split(path)[0]]),
);

/** The languages the interface is written in, English first (the fallback). */
export const UI_LANGUAGES: readonly string[] = Object.keys(AUTONYMS).sort((a, b) => (a === "en" ? -1 : b === "en" ? 1 : a.localeCompare(b)));

/** Whether a language's whole catalogue is here (English always is; an unknown language counts as here: it falls back to English). */
export function isLoaded(language: string): boolean {
  return ready.has(language) || !UI_LANGUAGES.includes(language);
}

/** Fetches a language's catalogue (once; later calls share the first). Resolves at once for English or an unknown language. */
export function loadLanguage(language: string): Promise<void> {
  if (language === "en" || !UI_LANGUAGES.includes(language)) return Promise.resolve();
  let done = pending.get(language);
  if (!done) {
    const mine = Object.entries(later).filter(([path]) => split(path)[0] === language);
    done = Promise.all(mine.map(async ([path, load]) => [path, await load()] as const)).then((files) => {
      const own = Object.entries(names).filter(([path]) => split(path)[0] === language);
      assemble(Object.fromEntries([...own, ...files]), loaded);
      ready.add(language);
    });
    done.catch(() => pending.delete(language)); // a failed fetch may be tried again
    pending.set(language, done);
  }
  return done;
}

/** Every language's catalogue (tests and tools that check them all). */
export async function loadAllLanguages(): Promise<Readonly<Record<string, Catalogue>>> {
  await Promise.all(UI_LANGUAGES.map(loadLanguage));
  return loaded;
}

/** Each catalogue's leaves as `dotted.key → message`. */
export function flatten(catalogue: Catalogue, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(catalogue)) {
    if (typeof v === "string") out.set(prefix + k, v);
    else for (const [kk, vv] of flatten(v, `${prefix}${k}.`)) out.set(kk, vv);
  }
  return out;
}

/** The placeholders a message uses (`{{name}}`, `{{when, datetime}}` → name, when), sorted. */
export function placeholders(message: string): string[] {
  return [...new Set([...message.matchAll(/\{\{\s*([A-Za-z0-9_]+)/g)].map((m) => m[1]!))].sort();
}
