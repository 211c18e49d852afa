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
// language is adding its folder.
const files = import.meta.glob<Catalogue>("./locales/*/*.json", { eager: true, import: "default" });

function assemble(): Record<string, Catalogue> {
  const out: Record<string, Catalogue> = {};
  for (const [path, namespace] of Object.entries(files)) {
    const [, language, name] = /\/([a-z-]+)\/([a-z0-9-]+)\.json$/i.exec(path)!;
    (out[language!] ??= {})[name!] = namespace;
  }
  return out;
}

/** The catalogues by language code (the folder name), each namespace under its file name. */
export const CATALOGUES: Readonly<Record<string, Catalogue>> = assemble();

/** The languages the interface is written in, English first (the fallback). */
export const UI_LANGUAGES: readonly string[] = Object.keys(CATALOGUES).sort((a, b) => (a === "en" ? -1 : b === "en" ? 1 : a.localeCompare(b)));

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
