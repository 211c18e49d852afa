import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

type Words = { certificate: Record<string, string>; verify: Record<string, string> };

// The catalogues are files of @otc/i18n (its index needs Vite's import.meta.glob, so the server reads the JSON itself).
const LOCALES = path.join(path.dirname(createRequire(import.meta.url).resolve("@otc/i18n")), "locales");
const cache = new Map<string, Words>();

function load(language: string): Words {
  let words = cache.get(language);
  if (!words) {
    const code = /^[a-z]{2}(-[a-z]+)?$/i.test(language) ? language : "en";
    try {
      words = JSON.parse(readFileSync(path.join(LOCALES, code, "record.json"), "utf8")) as Words;
    } catch {
      words = language === "en" ? (JSON.parse(readFileSync(path.join(LOCALES, "en", "record.json"), "utf8")) as Words) : load("en");
    }
    cache.set(language, words);
  }
  return words;
}

/** `record` namespace words in a language (English when the session's language has no catalogue), `{{x}}` filled in. */
export function recordWords(language: string) {
  const words = load(language);
  return (group: keyof Words, key: string, params: Record<string, string | number> = {}): string => {
    const message = words[group][key] ?? load("en")[group][key] ?? key;
    return message.replace(/\{\{\s*(\w+)\s*\}\}/g, (_m, name: string) => String(params[name] ?? ""));
  };
}
